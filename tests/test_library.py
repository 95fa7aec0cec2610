"""The bundled scenario library: every file valid, tested, and impossible to game."""

from __future__ import annotations

from collections import Counter

import pytest

from simulator.core.grading.catalogue import builtin
from simulator.core.scenario.library import DEFAULT_SCENARIO, scan
from simulator.core.scenario.validate import validate_file
from simulator.core.session.gaming import KINDS, check_one
from simulator.core.session.testing import run_tests
from tests.conftest import LIBRARY

FILES = sorted(p for p in LIBRARY.glob("*.yaml"))
LIB = scan(LIBRARY)


def test_library_loads_without_broken_files():
    assert not LIB.broken, LIB.broken
    assert LIB.get(DEFAULT_SCENARIO) is not None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_scenario_is_strictly_valid(path):
    scenario, problems = validate_file(path)
    assert scenario is not None and not problems, "\n".join(p.format() for p in problems)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_embedded_tests_pass(path):
    scenario, _ = validate_file(path)
    assert scenario is not None
    assert len(scenario.tests) >= 3
    failures = [(r.name, r.failures) for r in run_tests(scenario) if not r.passed]
    assert not failures, failures


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("kind", KINDS)
def test_cannot_be_passed_by_gaming(path, kind):
    scenario, _ = validate_file(path)
    assert scenario is not None
    result = check_one(scenario, kind)
    assert result.passed, result.why


def test_library_covers_the_craft():
    zh = [e for e in LIB.entries if e.language == "zh"]
    en = [e for e in LIB.entries if e.language == "en"]
    assert set(builtin().situations) <= {e.situation for e in zh}
    assert len(zh) >= 12 and len(en) >= 4
    levels: dict[str, set[str]] = {}
    for e in zh:
        levels.setdefault(e.situation, set()).add(e.difficulty)
    assert sum(1 for v in levels.values() if v >= {"easy", "medium", "hard"}) >= 3
    stages = Counter((e.stage_order, e.stage) for e in zh)
    assert len({order for order, _ in stages}) >= 4 and all(stage for _, stage in stages)


def test_trainees_never_see_a_reference_to_the_source_documents():
    """Hints and reasons are read by trainees, who do not have the seed documents."""
    assert FILES
    for path in FILES:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.lstrip().startswith("#"):
                assert "种子" not in line, f"{path.name}:{number}: {line.strip()}"
