"""Shared fixtures: paths to the test data and the library."""

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
