"""Writing files so a crash never leaves half a file: write a temporary file, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from selfassess.errors import SelfAssessError
from selfassess.messages import t


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temporary file in the same folder, then rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise SelfAssessError(t("cannot write {path}: {reason}", path=path, reason=exc.strerror)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except PermissionError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise SelfAssessError(
            t(
                "cannot replace {path}: it is open in another program (Word, Excel?) or read-only; "
                "close it and run the command again",
                path=path,
            )
        ) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 `text` to `path` atomically."""
    write_bytes(path, text.encode("utf-8"))
