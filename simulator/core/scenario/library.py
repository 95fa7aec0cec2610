"""The scenario library: the bundled scenarios plus the folders a team shares.

The library is every scenario file under the bundled folder, then under each folder
named in $SIMULATOR_LIBRARY (separated by os.pathsep: ':' on Linux and macOS, ';' on
Windows), then under each `--library` folder: added, never replacing. One id, one
scenario: a file whose id an earlier file already uses is set aside as E024, naming both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from simulator.core import yamlsafe
from simulator.core.errors import Problem, ScenarioError, SimulatorError
from simulator.core.grading.catalogue import Catalogue
from simulator.core.scenario.loader import load_scenario
from simulator.core.scenario.model import Scenario
from simulator.core.scenario.validate import scenario_files

DEFAULT_SCENARIO = "preloan-supermarket"
"""What `make play` and the headless demo open when nothing is named."""

ENV = "SIMULATOR_LIBRARY"
"""Folders added to the library, separated by os.pathsep."""

Roots = str | Path | Sequence[str | Path] | None
"""One folder, several, or None for the whole library (`library_roots()`)."""


def bundled_root() -> Path:
    """The repository's scenarios/ folder, else the installed copy."""
    package = Path(__file__).resolve().parents[2]  # simulator/
    checkout = package.parent / "scenarios"
    if checkout.is_dir():
        return checkout
    return package / "scenarios"  # shipped as simulator/scenarios


default_root = bundled_root
"""The bundled folder (the name older callers use)."""


def _as_paths(roots: Roots) -> list[Path]:
    if roots is None:
        return []
    if isinstance(roots, str | Path):
        return [Path(roots)]
    return [Path(r) for r in roots]


def library_roots(
    extra: Roots = None, *, bundled: bool = True, environ: Mapping[str, str] | None = None
) -> list[Path]:
    """The library's folders in order: bundled, $SIMULATOR_LIBRARY's, then `extra` (--library).

    A folder named twice is kept once, where it first appears.
    """
    env = os.environ if environ is None else environ
    shared = [Path(part) for part in env.get(ENV, "").split(os.pathsep) if part.strip()]
    out: list[Path] = []
    seen: set[Path] = set()
    for root in ([bundled_root()] if bundled else []) + shared + _as_paths(extra):
        key = root.resolve()
        if key not in seen:
            seen.add(key)
            out.append(root)
    return out


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    language: str
    difficulty: str
    path: str
    techniques: list[str]
    tests: int
    stage: str
    stage_order: int
    estimated_minutes: int
    situation: str
    pass_score: int
    scenario: Scenario

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "scenario"}


@dataclass(frozen=True)
class Library:
    entries: list[Entry]
    """Scenarios that loaded, sorted by stage order, difficulty and id."""
    broken: dict[str, list[Problem]]
    """Files that failed to load, with their problems."""
    missing: str = ""
    """The library folder when it does not exist (it is also listed in `broken`)."""

    def stages(self) -> dict[int, list[str]]:
        """Learning-path stages by order, with every name the scenarios give them."""
        out: dict[int, list[str]] = {}
        for entry in self.entries:
            names = out.setdefault(entry.stage_order, [])
            if entry.stage and entry.stage not in names:
                names.append(entry.stage)
        return out

    def get(self, scenario_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == scenario_id), None)


_DIFFICULTY = {"easy": 0, "medium": 1, "hard": 2}


def _missing(root: Path) -> Problem:
    return Problem(
        str(root),
        0,
        0,
        "E000",
        "the scenario library folder does not exist"
        if not root.exists()
        else "the scenario library is not a folder",
        f"check --library or ${ENV}",
    )


def _duplicate(scenario: Scenario, other: tuple[str, int]) -> Problem:
    """E024 on `scenario`'s id line, naming the file that already uses the id."""
    assert scenario.doc is not None
    return scenario.doc.problem(
        ("id",),
        "E024",
        f"scenario id '{scenario.id}' is also used by {other[0]}:{other[1]}",
        "give each scenario its own id; the library would show only one of them",
    )


def scan(root: Roots = None, catalogue: Catalogue | None = None) -> Library:
    """Load every scenario under the folders (None: `library_roots()`); broken files are kept
    aside, not raised, and so is a file whose id an earlier file uses (E024, naming it)."""
    roots = library_roots() if root is None else _as_paths(root)
    entries: list[Entry] = []
    broken: dict[str, list[Problem]] = {}
    missing = ""
    first: dict[str, tuple[str, int]] = {}
    seen: set[Path] = set()
    for folder in roots:
        if not folder.is_dir():
            broken[str(folder)] = [_missing(folder)]
            missing = missing or str(folder)
            continue
        for path in scenario_files([folder]):
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            try:  # loading checks everything the app needs; warnings are for `validate`
                scenario = load_scenario(path, catalogue)  # (W109 alone grades every model reply)
            except ScenarioError as error:
                broken[str(path)] = error.problems
                continue
            if scenario.id in first:
                broken[str(path)] = [_duplicate(scenario, first[scenario.id])]
                continue
            first[scenario.id] = (str(path), scenario.doc.where(("id",))[0] if scenario.doc else 1)
            entries.append(
                Entry(
                    scenario.id,
                    scenario.title,
                    scenario.language,
                    scenario.difficulty,
                    str(path),
                    scenario.techniques,
                    len(scenario.tests),
                    scenario.stage,
                    scenario.stage_order,
                    scenario.estimated_minutes,
                    scenario.situation,
                    scenario.pass_score,
                    scenario,
                )
            )
    entries.sort(
        key=lambda e: (
            e.stage_order,
            e.situation,
            e.language != "zh",
            _DIFFICULTY.get(e.difficulty, 9),
            e.id,
        )
    )
    return Library(entries, broken, missing)


def library_ids(root: Roots = None) -> dict[str, tuple[str, int]]:
    """Each scenario id in the library and the first file (and line) that uses it.

    Reads only the YAML, not the whole scenario: quick enough for `validate` to compare
    the files it checks with the rest of the library.
    """
    out: dict[str, tuple[str, int]] = {}
    folders = [r for r in (library_roots() if root is None else _as_paths(root)) if r.is_dir()]
    for path in scenario_files(list(folders)):
        try:
            doc = yamlsafe.load_file(path)
        except ScenarioError:
            continue
        value = doc.data.get("id") if isinstance(doc.data, dict) else None
        if isinstance(value, str) and value not in out:
            out[value] = (str(path), doc.where(("id",))[0])
    return out


def clash(
    path: str | Path, scenario: Scenario, ids: Mapping[str, tuple[str, int]]
) -> Problem | None:
    """E024 when another file of the library (`ids`, from `library_ids`) has this id."""
    other = ids.get(scenario.id)
    if other is None or Path(other[0]).resolve() == Path(path).resolve():
        return None
    return _duplicate(scenario, other)


def resolve(name: str, root: Roots = None) -> Path:
    """A library id (looked up in `root`'s folders, None: the whole library) or a file."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise SimulatorError(f"no such file: {name}", "error.scenario_not_found")
        return path
    library = scan(root)
    if library.missing:
        raise SimulatorError(
            f"no scenario library at {library.missing}: {library.broken[library.missing][0].message}",
            "error.library_not_found",
        )
    entry = library.get(name)
    if entry is None:
        known = ", ".join(e.id for e in library.entries) or "(the library is empty)"
        raise SimulatorError(
            f"no scenario with id '{name}'. Known ids: {known}", "error.scenario_not_found"
        )
    return Path(entry.path)
