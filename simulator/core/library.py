"""The scenario library: every scenario file under a folder, with what the UI lists."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from simulator.core.errors import Problem, ScenarioError, SimulatorError
from simulator.core.grading.catalogue import Catalogue
from simulator.core.model import Scenario
from simulator.core.scenario import load_scenario
from simulator.core.validate import scenario_files

DEFAULT_SCENARIO = "preloan-supermarket"
"""What `make play` and the headless demo open when nothing is named."""


def default_root() -> Path:
    """$SIMULATOR_LIBRARY, else the repository's scenarios/ folder, else the installed copy."""
    env = os.environ.get("SIMULATOR_LIBRARY")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "scenarios"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parents[1] / "scenarios"  # shipped as simulator/scenarios


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


def scan(root: str | Path | None = None, catalogue: Catalogue | None = None) -> Library:
    """Load every scenario under root; broken files are kept aside, not raised."""
    root = Path(root) if root else default_root()
    if not root.is_dir():
        problem = Problem(
            str(root),
            0,
            0,
            "E000",
            "the scenario library folder does not exist"
            if not root.exists()
            else "the scenario library is not a folder",
            "check --library or $SIMULATOR_LIBRARY",
        )
        return Library([], {str(root): [problem]}, str(root))
    entries: list[Entry] = []
    broken: dict[str, list[Problem]] = {}
    for path in scenario_files([root]):
        try:  # loading checks everything the app needs; warnings are for `validate`
            scenario = load_scenario(path, catalogue)  # (W109 alone would grade every model reply)
        except ScenarioError as error:
            broken[str(path)] = error.problems
            continue
        if any(e.id == scenario.id for e in entries):
            broken[str(path)] = [
                Problem(
                    str(path), 1, 1, "E024", f"duplicate scenario id '{scenario.id}' in the library"
                )
            ]
            continue
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
    return Library(entries, broken)


def resolve(name: str, root: str | Path | None = None) -> Path:
    """A library id or a path to a file."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise SimulatorError(f"no such file: {name}", "Scenario not found")
        return path
    library = scan(root)
    if library.missing:
        raise SimulatorError(
            f"no scenario library at {library.missing}: {library.broken[library.missing][0].message}",
            "Library not found",
        )
    entry = library.get(name)
    if entry is None:
        known = ", ".join(e.id for e in library.entries) or "(the library is empty)"
        raise SimulatorError(
            f"no scenario with id '{name}'. Known ids: {known}", "Scenario not found"
        )
    return Path(entry.path)
