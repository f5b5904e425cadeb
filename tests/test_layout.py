"""The package reads as its pipeline: stage packages, dependencies pointing one way, no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "selfassess"

# Lowest first: a package may import its own layer and those below, never one above.
LAYERS = ["", "workspace", "data", "word", "documents", "check", "reports", "dossier", "tracking", "cli"]
LONG_MODULE = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Return the selfassess modules `path` imports, at the top or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("selfassess"):
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                names.add(child if child in modules else node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("selfassess")}
    return names


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else ""


def test_every_module_belongs_to_a_known_stage() -> None:
    stray = [m for m in _modules() if _stage(m) not in LAYERS]
    assert stray == []


def test_dependencies_point_down_the_pipeline() -> None:
    modules = _modules()
    upward = []
    for module, path in modules.items():
        for target in _imports(path, modules):
            if target == "selfassess":
                continue
            if LAYERS.index(_stage(target)) > LAYERS.index(_stage(module)):
                upward.append(f"{module} imports {target}")
    assert upward == []


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {m: {t for t in _imports(p, modules) if t in modules and t != "selfassess"} for m, p in modules.items()}
    # The package's __init__ modules only name their package; they import nothing back.
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" → ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_long_modules_say_why() -> None:
    unexplained = []
    for module, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > LONG_MODULE and "Longer than a module usually is" not in text:
            unexplained.append(module)
    assert unexplained == []
