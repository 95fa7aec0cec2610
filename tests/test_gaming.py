"""Anti-gaming checks: one implementation for the library tests and `simulator test`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from simulator.core.scenario.loader import load_scenario, load_scenario_text
from simulator.core.session.gaming import KINDS, check, check_one, replies_for
from tests.conftest import DATA

MINI = DATA / "scenarios" / "mini_zh.yaml"
GAMEABLE = (
    MINI.read_text("utf-8")
    .replace("kind: partial", "kind: success")
    .replace("pass_score: 60", "pass_score: 10")
)
"""Sitting out four turns in 'business' reaches a success ending that passes at 10."""


def test_a_sound_scenario_holds_against_every_kind():
    results = check(load_scenario(MINI))
    assert [r.kind for r in results] == list(KINDS)
    assert all(r.passed and not r.why for r in results), [r.why for r in results if r.why]


def test_a_gameable_scenario_is_caught_with_why():
    scenario = load_scenario_text(GAMEABLE, "gameable.yaml")
    idle = check_one(scenario, "idle")
    assert not idle.passed and idle.ending == "meh_end"
    assert f"passed with score {idle.score} (pass_score 10) at ending 'meh_end'" in idle.why
    assert "by replying only: 嗯。 / 哦。 / ……" in idle.why


def test_replies_follow_the_scenario_language_and_cycle():
    assert replies_for("en", "idle", 4) == ("Hmm.", "I see.", "...", "Hmm.")
    assert replies_for("zh", "agree", 2) == ("好的。", "好的。")
    assert replies_for("fr", "agree", 1) == ("OK.",)
    with pytest.raises(ValueError, match="unknown kind of gaming 'nodding'"):
        check_one(load_scenario(MINI), "nodding")


def sim(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args], capture_output=True, text=True, timeout=120
    )


def test_simulator_test_reports_gaming_like_embedded_tests(tmp_path):
    path = tmp_path / "gameable.yaml"
    path.write_text(GAMEABLE, "utf-8")
    result = sim("test", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    idle = next(i for i, line in enumerate(lines) if "gaming: idle replies do not pass" in line)
    assert lines[idle].startswith("FAIL ") and "[meh_end, score" in lines[idle]
    assert "passed with score" in lines[idle + 1] and "嗯。" in lines[idle + 1]
    assert any(line.startswith("ok   ") and "gaming: rude replies" in line for line in lines)
    skipped = sim("test", "--no-gaming", str(path))
    assert skipped.returncode == 0 and "gaming" not in skipped.stdout
    assert "2 passed, 0 failed" in skipped.stdout
