"""The scenario library: the bundled scenarios plus the folders a team shares.

The library is every scenario file under the bundled folder, then under each folder
named in $SIMULATOR_LIBRARY (separated by os.pathsep: ':' on Linux and macOS, ';' on
Windows), then under each `--library` folder: added, never replacing. One id, one
scenario: a file whose id an earlier file already uses is set aside as E024, naming both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.core import yamlsafe
from simulator.core.errors import Problem, ScenarioError, SimulatorError
from simulator.core.grading.catalogue import Catalogue
from simulator.core.scenario.index import Index, Record, code_key, stamp

if TYPE_CHECKING:  # listing from the index needs neither: a file is loaded when opened
    from simulator.core.scenario.model import Scenario

DEFAULT_SCENARIO = "preloan-supermarket"
"""What `make play` and the headless demo open when nothing is named."""

ENV = "SIMULATOR_LIBRARY"
"""Folders added to the library, separated by os.pathsep."""

Roots = str | Path | Sequence[str | Path] | None
"""One folder, several, or None for the whole library (`library_roots()`)."""

CatalogueSource = Catalogue | Callable[[], Catalogue] | None
"""A catalogue, a function that loads it when first needed, or None for the built-in one."""


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
    """One scenario of the library as the list shows it; the Scenario itself on demand."""

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
    source: Callable[[], Scenario] = field(compare=False, repr=False)
    """Returns the Scenario (loaded already, or loaded from `path` when first asked)."""

    @cached_property
    def scenario(self) -> Scenario:
        """The scenario; loading it may raise ScenarioError if the file changed since the scan."""
        return self.source()

    def to_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "source"}


def _entry(scenario: Scenario, path: Path) -> Entry:
    return Entry(
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
        lambda: scenario,
    )


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


def scenario_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders into the .yaml/.yml files under them, sorted."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
        else:
            files.append(path)
    return files


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


def _duplicate(path: str, scenario_id: str, at: tuple[int, int], other: tuple[str, int]) -> Problem:
    """E024 on a file's id line, naming the file that already uses the id."""
    return Problem(
        path,
        at[0],
        at[1],
        "E024",
        f"scenario id '{scenario_id}' is also used by {other[0]}:{other[1]}",
        "give each scenario its own id; the library would show only one of them",
    )


def _getter(catalogue: CatalogueSource) -> Callable[[], Catalogue | None]:
    if catalogue is None or isinstance(catalogue, Catalogue):
        return lambda: catalogue
    return catalogue


def _read(path: Path, catalogue: Callable[[], Catalogue | None]) -> tuple[Record, Scenario | None]:
    """Load one file for the list: the record the index keeps, and the Scenario if it loaded."""
    from simulator.core.scenario.loader import load_scenario

    now = stamp(path) or (0, 0)
    try:  # loading checks everything the app needs; warnings are for `validate`
        scenario = load_scenario(path, catalogue())  # (W109 alone grades every model reply)
    except ScenarioError as error:
        return Record(*now, None, error.problems, (0, 0)), None
    listed = _entry(scenario, path).to_dict()
    del listed["path"]
    at = scenario.doc.where(("id",)) if scenario.doc else (1, 1)
    return Record(*now, listed, [], at), scenario


class _NotIndexed(Exception):
    """A file the index does not know as it is now (`from_index` gives up)."""


def from_index(
    root: Roots, catalogue: CatalogueSource, *, index: Path, catalogue_key: str = "builtin"
) -> Library | None:
    """The library as the index knows it, without reading a single scenario file, or None
    when some file is new or changed (then `scan` reads it). Takes a few milliseconds, so the
    app can list the library before its first frame instead of in a background thread."""
    try:
        return scan(root, catalogue, index=index, catalogue_key=catalogue_key, cached_only=True)
    except _NotIndexed:
        return None


def scan(
    root: Roots = None,
    catalogue: CatalogueSource = None,
    *,
    index: Path | None = None,
    catalogue_key: str = "builtin",
    cached_only: bool = False,
) -> Library:
    """Load every scenario under the folders (None: `library_roots()`); broken files are kept
    aside, not raised, and so is a file whose id an earlier file uses (E024, naming it).

    With `index` (a file, see index.py), an unchanged file is listed from what the last scan
    saw and its Scenario is loaded only when asked for; `catalogue_key` names the catalogue
    (its file and version) so another catalogue does not reuse the index. `catalogue` may be
    a function: it is called only when some file has to be read.
    """
    roots = library_roots() if root is None else _as_paths(root)
    get_catalogue = _getter(catalogue)
    known = Index(index, code_key(catalogue_key))
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
            record, loaded = known.get(path), None
            if record is None and cached_only:
                raise _NotIndexed(path)
            if record is None:
                record, loaded = _read(path, get_catalogue)
                known.put(path, record)
            if record.entry is None:
                broken[str(path)] = [_named(p, path) for p in record.problems]
                continue
            scenario_id = record.entry["id"]
            if scenario_id in first:
                broken[str(path)] = [
                    _duplicate(str(path), scenario_id, record.id_at, first[scenario_id])
                ]
                continue
            first[scenario_id] = (str(path), record.id_at[0])
            entries.append(_listed(record.entry, path, loaded, get_catalogue))
    known.save()
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


def _named(problem: Problem, path: Path) -> Problem:
    """A problem kept in the index, naming the file as this scan found it."""
    return problem if problem.file == str(path) else replace(problem, file=str(path))


def _listed(
    fields_: dict[str, Any],
    path: Path,
    loaded: Scenario | None,
    catalogue: Callable[[], Catalogue | None],
) -> Entry:
    def source() -> Scenario:
        from simulator.core.scenario.loader import load_scenario

        return loaded if loaded is not None else load_scenario(path, catalogue())

    return Entry(**fields_, path=str(path), source=source)


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
    if scenario.doc is None:
        return _duplicate(str(path), scenario.id, (1, 1), other)
    return _duplicate(scenario.doc.file, scenario.id, scenario.doc.where(("id",)), other)


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
