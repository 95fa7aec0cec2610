"""Validator rules that are errors, not warnings: a bounded max_turns, a reachable ending."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.core.scenario.format import MAX_TURNS_LIMIT
from simulator.core.scenario.validate import validate_file
from tests.conftest import DATA, ROOT

MINI_TEXT = (DATA / "scenarios" / "mini_zh.yaml").read_text("utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(text, "utf-8")
    return path


def with_max_turns(n: int) -> str:
    return MINI_TEXT.replace("\nstart: opening", f"\nsettings:\n  max_turns: {n}\nstart: opening")


@pytest.mark.parametrize(
    ("n", "ok"),
    [(1, True), (30, True), (MAX_TURNS_LIMIT, True), (MAX_TURNS_LIMIT + 1, False), (0, False)],
)
def test_max_turns_is_bounded(tmp_path, n, ok):
    scenario, problems = validate_file(write(tmp_path, with_max_turns(n)))
    errors = [p for p in problems if p.is_error]
    if ok:
        assert scenario is not None and scenario.settings.max_turns == n and not errors
        return
    assert scenario is None
    [error] = errors
    assert error.code == "E013" and "max_turns" in error.message
    assert error.line > 0 and f"1 to {MAX_TURNS_LIMIT}" in error.hint  # where, and the fix


def test_a_huge_max_turns_is_refused_by_the_cli_with_the_fix(tmp_path):
    path = write(tmp_path, with_max_turns(10**9))
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert f"must be at most {MAX_TURNS_LIMIT}" in result.stdout and "hint:" in result.stdout


NO_ENDING = MINI_TEXT.replace("to: good_end", "to: business").replace("to: meh_end", "to: opening")


def test_no_reachable_ending_is_an_error(tmp_path):
    scenario, problems = validate_file(write(tmp_path, NO_ENDING))
    assert scenario is not None  # it loads; the validator refuses it
    [error] = [p for p in problems if p.code == "E030"]
    assert error.is_error and error.line > 0 and "next" in error.hint
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "validate", str(write(tmp_path, NO_ENDING))],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1 and "E030" in result.stdout  # without --strict


def test_one_unreachable_ending_is_still_only_a_warning(tmp_path):
    _, problems = validate_file(write(tmp_path, MINI_TEXT.replace("to: meh_end", "to: opening")))
    codes = {p.code for p in problems}
    assert "W103" in codes and "E030" not in codes
    assert not [p for p in problems if p.is_error]


def test_the_mini_scenario_has_neither(tmp_path):
    _, problems = validate_file(write(tmp_path, MINI_TEXT))
    assert not [p for p in problems if p.is_error]
