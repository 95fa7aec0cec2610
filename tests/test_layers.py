"""The core's packages import only downwards (../shared/style.md):

text, errors, atomic, yamlsafe, spec -> grading -> scenario -> session -> results -> practice.

A module may import its own layer or one below it, never one above, so a reader can
take the folders bottom up and the import graph has no cycle between packages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "simulator" / "core"

LAYERS = {
    "errors": 0,
    "atomic": 0,
    "yamltext": 0,
    "yamlsafe": 0,
    "spec": 0,
    "cjk": 0,
    "text": 0,
    "grading": 1,
    "scenario": 2,
    "session": 3,
    "results": 4,
    "practice": 5,
}


def layer_of(module: str) -> int:
    """The layer of a dotted module under simulator.core (its first part past core)."""
    part = module.removeprefix("simulator.core.").split(".")[0]
    assert part in LAYERS, f"simulator.core.{part} belongs to no layer; add it to LAYERS"
    return LAYERS[part]


def core_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of another core module in one file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "simulator.core":
                found += [(node.lineno, f"simulator.core.{a.name}") for a in node.names]
            elif node.module.startswith("simulator.core."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name) for a in node.names if a.name.startswith("simulator.core.")
            ]
    return found


FILES = sorted(p for p in CORE.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_imports_run_downwards(path: Path) -> None:
    relative = path.relative_to(CORE).with_suffix("")
    if relative.parts == ("__init__",):
        return
    own = layer_of("simulator.core." + ".".join(relative.parts))
    upward = [
        f"{path.name}:{line} imports {module}"
        for line, module in core_imports(path)
        if layer_of(module) > own
    ]
    assert not upward, upward


def test_every_layer_is_a_folder_or_module_that_exists() -> None:
    for name in LAYERS:
        assert (CORE / name).is_dir() or (CORE / f"{name}.py").is_file(), name


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text("from simulator.core.results.files import Store\n", "utf-8")
    assert [layer_of(m) for _, m in core_imports(bad)] == [4]
