"""`simulator new`: every situation, both languages, valid and tested as written."""

from __future__ import annotations

import subprocess
import sys

import pytest

from simulator.core.grading import Grader
from simulator.core.grading.catalogue import builtin
from simulator.core.scenario.skeleton import scenario_id, skeleton
from simulator.core.scenario.validate import validate_file
from simulator.core.session.testing import run_tests

SITUATIONS = sorted(builtin().situations)


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader()


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("situation", SITUATIONS)
def test_skeleton_passes_strict_validation_and_its_tests(tmp_path, grader, situation, language):
    path = tmp_path / f"my_{situation}.{language}.yaml"
    path.write_text(skeleton(situation, language, path.name), "utf-8")
    scenario, problems = validate_file(path)
    assert scenario is not None and problems == []  # --strict: not even a warning
    assert scenario.situation == situation and scenario.language == language
    assert len(scenario.beats) == 3 and any(b.bottom_line for b in scenario.beats.values())
    assert len(scenario.persona.facts) == 2 and len(scenario.tests) == 3
    assert sorted(e.kind for e in scenario.endings.values()) == [
        "failure",
        "partial",
        "success",
        "walkout",
    ]
    results = run_tests(scenario, grader)
    assert [r.failures for r in results] == [[], [], []]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("kiwi_farmer.zh.yaml", "kiwi_farmer.zh"),
        ("Kiwi Farmer 猕猴桃.yaml", "kiwi-farmer"),
        ("猕猴桃.yml", "new-scenario"),
    ],
)
def test_id_follows_the_file_name_and_the_id_rule(name, expected):
    assert scenario_id(name) == expected


def sim(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args], capture_output=True, text=True, timeout=180
    )


def test_cli_writes_a_file_that_validates_and_tests_and_never_overwrites(tmp_path):
    path = tmp_path / "kiwi.zh.yaml"
    result = sim("new", str(path), "--situation", "preloan_visit", "--language", "zh")
    assert result.returncode == 0, result.stderr
    written = path.read_text("utf-8")
    assert "situation: preloan_visit" in written and "id: kiwi.zh" in written
    assert sim("validate", "--strict", str(path)).returncode == 0
    tested = sim("test", str(path))
    # three embedded tests, then the five anti-gaming checks: the skeleton holds against them
    assert tested.returncode == 0 and "8 passed, 0 failed" in tested.stdout
    again = sim("new", str(path), "--situation", "cold_call", "--language", "en")
    assert again.returncode == 1
    assert again.stderr.strip() == (
        f"File exists: {path} already exists; not overwritten (choose another name or remove it)"
    )
    assert path.read_text("utf-8") == written


def test_cli_refuses_an_unknown_situation(tmp_path):
    result = sim("new", str(tmp_path / "x.yaml"), "--situation", "nope", "--language", "zh")
    assert result.returncode == 2 and "invalid choice: 'nope'" in result.stderr
    assert not (tmp_path / "x.yaml").exists()
