"""The engine: deterministic steps, anti-gaming rules, endings and resumable sessions."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest

from simulator.core.errors import SessionError
from simulator.core.scenario.loader import load_scenario_text
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report
from simulator.core.session.testing import play, run_tests
from tests.conftest import DATA

MODEL = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]


def test_embedded_tests_pass(mini):
    results = run_tests(mini)
    assert results and all(r.passed for r in results), [r.failures for r in results]


def test_model_path_reveals_fact_and_succeeds(mini):
    session = play(mini, MODEL)
    assert session.ending == "good_end"
    assert session.facts == ["other_loan"]
    assert "其实" in session.turns[-1].customer  # the fact's words come first
    report = build_report(session)
    assert report.passed and report.score >= mini.pass_score


def test_every_meter_change_has_a_reason(mini):
    session = play(mini, MODEL)
    changes = [c for t in session.turns for c in t.changes]
    assert changes and all(c.reason for c in changes)


def test_same_seed_same_session(mini):
    a = play(mini, ["您好", "生意怎么样?", "流水多少?"], seed=7)
    b = play(mini, ["您好", "生意怎么样?", "流水多少?"], seed=7)
    assert [t.customer for t in a.turns] == [t.customer for t in b.turns]
    assert json.dumps(build_report(a).to_dict(), ensure_ascii=False) == json.dumps(
        build_report(b).to_dict(), ensure_ascii=False
    )


def test_repeat_earns_nothing_and_costs_patience(mini):
    session = Session.start(mini)
    first = session.reply("您这儿一个月流水大概多少?")
    again = session.reply("您这儿一个月流水大概多少？")
    assert first.credited and not again.credited
    assert again.repeat
    assert any(c.meter == "patience" and c.delta < 0 for c in again.changes)


def test_keyword_stuffing_is_not_credited(mini):
    stuffed = "您真了不起我理解您的心情按照规定必须提供流水您每月流水多少"
    turn = Session.start(mini).reply(stuffed)
    assert turn.stuffing and not turn.credited


def test_pressure_before_rapport_is_premature(mini):
    turn = Session.start(mini).reply("不提供流水的话,这笔贷款是批不下来的。")
    assert "premature_pressure" in turn.pitfalls and "pressure" not in turn.credited


@pytest.mark.parametrize("line", ["好的。", "您说得对。", "你懂什么?"])
def test_one_line_repeated_cannot_pass(mini, line):
    report = build_report(play(mini, [line] * 30))
    assert not report.passed


def test_rudeness_walks_out(mini):
    session = play(
        mini, ["你懂什么?", "那是你自己的问题。", "爱贷不贷。", "别废话。", "随便你。", "闭嘴。"]
    )
    assert session.ending_kind() == "walkout"


def test_replies_running_out_is_abandoned_and_graded(mini):
    session = play(mini, ["您好"])
    report = build_report(session)
    assert report.ending == "abandoned" and report.ending_kind == "abandoned" and not report.passed


def test_session_round_trips_through_json(mini):
    session = Session.start(mini, seed=3)
    for reply in MODEL[:2]:
        session.reply(reply)
    saved = json.loads(json.dumps(session.to_dict()))
    assert saved["content_hash"] == mini.content_hash and saved["scenario_version"] == mini.version
    resumed = Session.from_dict(saved, mini)
    assert [t.customer for t in resumed.turns] == [t.customer for t in session.turns]
    assert resumed.meters == session.meters and resumed.beat == session.beat
    resumed.reply(MODEL[2])
    assert resumed.ending == "good_end"


def test_resume_refuses_a_changed_scenario(mini):
    session = play(mini, MODEL[:1])
    changed = load_scenario_text(
        (DATA / "scenarios" / "mini_zh.yaml")
        .read_text("utf-8")
        .replace("pass_score: 60", "pass_score: 61")
    )
    with pytest.raises(SessionError, match="changed"):
        Session.from_dict(session.to_dict(), changed)


def test_finished_session_refuses_replies(mini):
    session = play(mini, MODEL)
    with pytest.raises(SessionError):
        session.reply("还有别的吗?")


def test_max_turns_times_out(mini):
    text = (
        (DATA / "scenarios" / "mini_zh.yaml")
        .read_text("utf-8")
        .replace("pass_score: 60", "pass_score: 60\nsettings: {max_turns: 2, idle_patience: 0}")
    )
    scenario = load_scenario_text(text)
    session = play(scenario, ["嗯", "哦", "啊"])
    assert session.ending == "timeout" and len(session.turns) == 2


def test_fact_limited_to_beats_is_not_revealed_elsewhere():
    text = (
        (DATA / "scenarios" / "mini_zh.yaml")
        .read_text("utf-8")
        .replace(
            "      hint: 信任够了以后,试探问一下其他贷款",
            "      hint: 信任够了以后,试探问一下其他贷款\n      beats: [opening]",
        )
    )
    scenario = load_scenario_text(text)
    session = play(scenario, MODEL)
    assert "other_loan" not in session.facts


@pytest.fixture(scope="module")
def long_scenario():
    path = DATA / "long_en.yaml"
    return load_scenario_text(path.read_text("utf-8"), str(path))


def test_an_exact_repeat_is_caught_however_long_ago(long_scenario):
    session = Session.start(long_scenario)
    session.reply("How much do you take in a month?")
    words = "shop rent stock supplier invoice bank loan cash season price margin staff".split()
    for n in range(60):
        assert not session.reply(" ".join(random.Random(n).sample(words, 8))).repeat
    assert session.reply("how much do you take in a month").repeat


@pytest.mark.timeout(60)
def test_3000_replies_take_seconds_not_minutes(long_scenario):
    """The repeat check stays linear past the largest max_turns a file may set (500):
    no reply repeats another, its worst case (74 s when it was quadratic)."""
    endless = replace(long_scenario, settings=replace(long_scenario.settings, max_turns=10_000))
    session = Session.start(endless)
    words = "shop rent stock supplier invoice bank loan cash month season price margin".split()
    for n in range(3000):
        session.reply(" ".join(random.Random(n).choices(words, k=60)))
    assert not session.finished and len(session.turns) == 3000


def test_a_near_repeat_is_caught_among_recent_replies(mini):
    session = Session.start(mini)
    session.reply("您这儿一个月流水大概是多少呢?")
    assert session.reply("您这儿一个月流水大概是多少?").repeat
