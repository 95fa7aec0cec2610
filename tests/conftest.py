"""Shared fixtures: paths to the test data and the library, and a private environment."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
LIBRARY = ROOT / "scenarios"


@pytest.fixture(scope="session")
def grader():
    from simulator.core.grading import Grader

    return Grader()


@pytest.fixture(scope="session")
def mini():
    from simulator.core.scenario.loader import load_scenario

    return load_scenario(DATA / "scenarios" / "mini_zh.yaml")


APP_ENVIRONMENT = (
    "SIMULATOR_RESULTS_DB",
    "SIMULATOR_LIBRARY",
    "SIMULATOR_TRAINEE",
    "SIMULATOR_TRAINEE_NAME",
    "SIMULATOR_CLASS",
)
"""Variables the app reads that would send a test's data to, or take it from, elsewhere."""


@pytest.fixture(autouse=True)
def private_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test, and every process it starts, gets a data folder of its own and none of
    the caller's SIMULATOR_* settings. A test that forgot to set the data folder would
    otherwise write to the platform's one: the developer's real data, and one folder
    for all the parallel workers at once. Tests that need a variable set it themselves."""
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    for name in APP_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def no_grading_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The grader stops adding evidence past a time budget (5 s a reply); with the suite in
    parallel on a loaded machine, a test must not depend on the wall clock for its grades,
    so the budget is lifted for every test in this process (a CLI subprocess keeps it)."""
    monkeypatch.setattr("simulator.core.grading.grader.BUDGET_SECONDS", 60.0)
