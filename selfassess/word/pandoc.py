"""Markdown to DOCX with pandoc: images kept inside the workspace, clause numbers kept as written,
each conversion cached, and a long generated text converted in parts on every processor.

pandoc takes about a second for a report of 1,000 criteria, one processor's worth. A generated
text (a report, the monitoring report) is its numbered sections one after another, so it is cut
before some of its "# 12. …" headings into parts of PART_CHARS or more, which pandoc converts
at once while the parts already converted are put into the document. The cuts depend on the
text alone: every machine makes the same document. A document's own body.md is converted whole
(its footnotes and link definitions may be anywhere in it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from selfassess.atomic import write_bytes
from selfassess.errors import Location, SelfAssessError, error
from selfassess.messages import t
from selfassess.word import markdown_limits
from selfassess.word.structure import fill_slots, plan_parts

# CommonMark with pandoc's extensions (pipe tables, footnotes, fenced divs): its reader is a
# third faster than pandoc's own Markdown (0.5 s against 0.7 s for 100 pages). Extensions off:
# 'smart' would turn "…" into English quotes (write «…» yourself); 'fancy_lists' would read
# "а) …" or "I. …" as lists; identifiers add bookmarks we make ourselves for the contents;
# '$', '~', '^', ':name:' and "[ ]" are ordinary characters in a regulation.
# 'raw_attribute' off: `<w:fldChar…>`{=openxml} would put raw Word XML (an INCLUDETEXT or DDE
# field) into a document; written so, it stays visible text.
MARKDOWN = (
    "commonmark_x-smart-fancy_lists-gfm_auto_identifiers-tex_math_dollars-subscript-superscript"
    "-emoji-task_lists-yaml_metadata_block-raw_attribute"
)
# A part is worth its own pandoc from about this size: each run costs some 50 ms to start.
PART_CHARS = 140_000
# The free text of a generated text (structure.py) in parts of this size: measured on 2
# processors, 1,000 criteria rendered fastest in two parts (each pandoc run costs some 0.1 s of
# processor time beyond its text, and the process converts the tables meanwhile).
FREE_PART_CHARS = 200_000
# ![description](target "title"), the target in <…> or plain; and the reference forms ![a][r], ![a].
_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REFERENCE_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\](?:\[[^\]]*\])?(?!\()")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LIST_NUMBER = re.compile(r"^( {0,3})(\d+)([.)])(?=\s)", re.M)
_FENCE = re.compile(r"^(```|~~~)", re.M)
_SECTION = re.compile(r"^(```|~~~|# \d+\. )", re.M)


def contained_images(markdown: str, root: Path) -> tuple[str, list[str]]:
    """Return the Markdown with every image that is not a file inside `root` replaced by its
    description (pandoc would fetch a web address, or read any file it is given), and the
    images kept."""
    real_root = os.path.realpath(root)
    kept: list[str] = []

    def inline(match: re.Match[str]) -> str:
        target = match.group(2).strip("<>")
        if target and not _SCHEME.match(target) and not target.startswith("//"):
            path = os.path.realpath(os.path.join(root, target))
            if (path == real_root or path.startswith(real_root + os.sep)) and os.path.isfile(path):
                kept.append(path)
                return match.group(0)
        return match.group(1)

    return _REFERENCE_IMAGE.sub(lambda m: m.group(1), _IMAGE.sub(inline, markdown)), kept


def keep_numbers(markdown: str) -> str:
    """Return Markdown whose "5. …" lines stay literal text instead of becoming a renumbered list.

    Clause and item numbers in regulations are part of the text ("numbers are kept exactly
    as written"); pandoc would restart a list at 1 or renumber 1, 2, 5 as 1, 2, 3.
    """
    parts = _FENCE.split(markdown)
    inside = False
    out = []
    for part in parts:
        if part in ("```", "~~~"):
            inside = not inside
            out.append(part)
        else:
            # Each numbered line becomes its own paragraph, as it was its own list item.
            out.append(part if inside else _LIST_NUMBER.sub(r"\n\1\2\\\3", part))
    return "".join(out)


def parts_of(text: str, size: int = PART_CHARS) -> list[str]:
    """Return the text cut into parts of about equal length, `size` characters or more each,
    before numbered top-level headings ("# 12. …", not in fenced code); a short text stays whole."""
    count = len(text) // size
    if count < 2:
        return [text]
    cuts, inside = [0], False
    for match in _SECTION.finditer(text):
        if match.group(1) in ("```", "~~~"):
            inside = not inside  # as keep_numbers reads fences
        elif not inside and match.start() >= len(text) * len(cuts) // count:
            cuts.append(match.start())
            if len(cuts) == count:
                break
    cuts.append(len(text))
    return [text[start:end] for start, end in itertools.pairwise(cuts)]


class Conversion:
    """A Markdown file on its way to DOCX, styled by `reference`: checked (and cut into parts,
    with `parts`) when made, converted by `start` into `folder`, one DOCX file per part.

    With `cache`, a part converted before (same text, pictures, reference and date) is taken
    from there instead. Images must be files inside `root` (relative paths are read from it);
    any other is replaced by its description.
    """

    def __init__(
        self,
        markdown: Path,
        reference: Path,
        folder: Path,
        when: dt.datetime,
        cache: Path | None = None,
        shown: str = "",
        root: Path | None = None,
        parts: bool = False,
        blocks: tuple[tuple[bool, str], ...] | None = None,
    ) -> None:
        original = markdown.read_text(encoding="utf-8-sig")
        # pandoc's Markdown reader takes time and memory that grow with the square (or worse) of
        # some constructs: 16,000 brackets opened one inside another take it 4 s, 50,000 over a
        # minute; 16,000 list marks on one line ("- - - … x") 20 s and 6 GB; 1,000 nested :::
        # blocks 10 s. A regulation or a narrative needs a handful of each.
        markdown_limits.refuse_complex_markdown(original, markdown, shown, root)
        self.markdown, self.reference, self.when, self.shown, self.root = markdown, reference, when, shown, root
        self.texts: list[str] = []
        self.keys: list[str] = []
        # A generated text that knows its blocks: its own paragraphs are written directly (structure.py).
        self.plan = plan_parts(blocks, _style_ids(reference), FREE_PART_CHARS) if blocks is not None else None
        if self.plan is not None:
            texts = [keep_numbers(part.text) for part in self.plan]
        else:
            texts = parts_of(keep_numbers(original), PART_CHARS) if parts else [keep_numbers(original)]
        for text in texts:
            images: list[str] = []
            if root is not None:
                text, images = contained_images(text, root)
            self.texts.append(text)
            self.keys.append(self._key(text, images))
        self.targets = [folder / f"body-{index}.docx" for index in range(len(self.texts))]
        self.cache = cache
        self._pool: ThreadPoolExecutor | None = None
        self.idle: Callable[[], bool] | None = None

    def _key(self, text: str, images: list[str]) -> str:
        return hashlib.sha256(
            b"\0".join(
                [
                    text.encode(),
                    # The pictures are in the output: a chart redrawn from new data is a new body.
                    *(Path(image).read_bytes() for image in images),
                    self.reference.read_bytes(),
                    MARKDOWN.encode(),
                    self.when.isoformat().encode(),
                    _pandoc_version().encode(),
                ]
            )
        ).hexdigest()[:40]

    def prepare(self, document: object, index: int) -> None:
        """Put the generated paragraphs into part `index` once converted (raises structure.Mismatch)."""
        if self.plan is not None:
            fill_slots(document, self.plan[index])

    def start(self) -> Iterator[Path]:
        """Start converting every part not cached; return their DOCX files in order, each as it is ready."""
        waiting: list[Future[None] | None] = []
        for text, key, target in zip(self.texts, self.keys, self.targets, strict=True):
            cached = self.cache / f"{key}.docx" if self.cache else None
            if cached is not None and _intact(cached):
                shutil.copyfile(cached, target)
                waiting.append(None)
                continue
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=min(len(self.texts), os.cpu_count() or 1))
            waiting.append(self._pool.submit(self._convert, text, target, cached))
        return self._ready(waiting)

    def _ready(self, waiting: list[Future[None] | None]) -> Iterator[Path]:
        for future, target in zip(waiting, self.targets, strict=True):
            if future is not None:
                # Work given for the wait (the tables' XML) is done while pandoc converts.
                while self.idle is not None and not future.done() and self.idle():
                    pass
                future.result()
            yield target

    def close(self) -> None:
        """Stop the conversions not begun and wait for those running (they are the pool's threads)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Conversion:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _convert(self, text: str, target: Path, cached: Path | None) -> None:
        import pypandoc

        env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(self.when.replace(tzinfo=dt.UTC).timestamp())))
        command = [
            pypandoc.get_pandoc_path(),
            "--from",
            MARKDOWN,
            "--to",
            "docx",
            f"--reference-doc={self.reference}",
            "--output",
            str(target),
        ]
        seconds = markdown_limits.PANDOC_SECONDS + markdown_limits.PANDOC_SECONDS * len(text) // 4_000_000
        try:
            done = subprocess.run(  # noqa: S603
                command,
                input=text,
                env=env,
                cwd=self.root,
                capture_output=True,
                text=True,
                encoding="utf-8",
                check=False,
                timeout=seconds,
            )
        except subprocess.TimeoutExpired as exc:
            raise self._overtime(seconds) from exc
        if done.returncode != 0:
            raise SelfAssessError(
                t("cannot convert {name} with pandoc: {strip}", name=self.markdown.name, strip=done.stderr.strip()),
                [error("markdown", Location(self.shown or str(self.markdown)), done.stderr.strip() or "pandoc failed")],
            )
        if cached is not None:
            with contextlib.suppress(OSError):
                data = target.read_bytes()
                write_bytes(cached, data)
                write_bytes(cached.with_suffix(".sha256"), hashlib.sha256(data).hexdigest().encode())

    def _overtime(self, seconds: int) -> SelfAssessError:
        markdown, shown, root = self.markdown, self.shown, self.root
        narratives = markdown_limits.made_from_narratives(markdown, shown, root)
        where = Location(f"{Path(shown).parent.as_posix()}/" if narratives else shown or str(markdown))
        return SelfAssessError(
            t(
                "{path}: pandoc did not finish converting the text in {seconds} s and was stopped",
                path=where.path,
                seconds=seconds,
            ),
            [
                error(
                    "pandoc-timeout",
                    where,
                    t("pandoc did not finish converting the text in {seconds} s", seconds=seconds),
                    t(
                        "look for text nested very deep (brackets, lists, ::: blocks, '*' or '_' marks) and "
                        "simplify it, or split the text"
                    ),
                )
            ],
        )


def _intact(cached: Path) -> bool:
    """Return True when a cached body is byte for byte what was stored (build/ may be edited)."""
    try:
        expected = cached.with_suffix(".sha256").read_text(encoding="ascii").strip()
        return hashlib.sha256(cached.read_bytes()).hexdigest() == expected
    except (OSError, UnicodeDecodeError):
        return False


@functools.cache
def _pandoc_version() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_version())


def _style_ids(reference: Path) -> set[str]:
    """Return the style ids the reference document defines (what pandoc's output holds)."""
    import zipfile

    with zipfile.ZipFile(reference) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8", "replace")
    return set(re.findall(r'w:styleId="([^"]+)"', styles))
