"""Feedback that teaches: each missed technique shows its own model, near-model replies are
not misses, a moment revisited is listed once."""

from __future__ import annotations

import pytest

from simulator.core.scenario.loader import load_scenario, load_scenario_text
from simulator.core.session.feedback import build_report
from simulator.core.session.render import to_text
from simulator.core.session.teaching import close_to_model
from simulator.core.session.testing import play
from tests.conftest import DATA

REACT_ZH = DATA / "scenarios" / "react_zh.yaml"


def _missed(report, technique):
    return [o for o in report.opportunities if not o.taken and o.technique == technique]


def test_each_missed_technique_shows_its_own_model():
    scenario = load_scenario(REACT_ZH)
    report = build_report(play(scenario, ["好的。"]))
    (probing,) = _missed(report, "probing")
    (empathy,) = _missed(report, "empathy")
    assert probing.model_reply == scenario.beats["chat"].model_reply
    assert empathy.model_reply == scenario.beats["chat"].model_replies["empathy"]


def test_a_model_for_another_technique_is_not_shown(mini):
    # mini's 'business' beat has one model reply, a probing question: no model of empathy
    report = build_report(play(mini, ["八年可不容易,街坊都认您,说明您做人实在。", "好的。"]))
    (empathy,) = _missed(report, "empathy")
    (probing,) = _missed(report, "probing")
    assert empathy.model_reply == ""
    assert probing.model_reply.startswith("您这儿一个月流水大概多少")
    text = to_text(report)
    assert "这一刻没有这项技巧的示范回答" in text
    tip = next(s for s in report.suggestions if "共情" in s)
    assert "这一刻没有这项技巧的示范回答" in tip and "流水" not in tip


def _with_model(model: str) -> str:
    text = REACT_ZH.read_text("utf-8")
    return text.replace("empathy: 我理解您的顾虑,换了谁都会担心。", f"empathy: {model}")


MODEL = "账本我晚上回去再对一遍,明天一早给您电话。"


@pytest.mark.parametrize(
    "reply", ["账本我晚上回去再对一遍 明天一早给您电话", "账本我晚上回去再对一遍,明天一早给你电话!"]
)
def test_a_reply_close_to_the_model_is_not_a_miss(reply):
    scenario = load_scenario_text(_with_model(MODEL), "near.yaml")
    session = play(scenario, [reply])
    assert "empathy" not in session.turns[0].credited  # the grader did not see it…
    report = build_report(session)
    (moment,) = [o for o in report.opportunities if o.technique == "empathy"]
    assert moment.taken and moment.near_model  # …but it is the model reply, near enough
    assert not _missed(report, "empathy")


def test_a_different_reply_is_still_a_miss():
    scenario = load_scenario_text(_with_model(MODEL), "near.yaml")
    report = build_report(play(scenario, ["账本的事情以后再说吧。"]))
    assert [o.model_reply for o in _missed(report, "empathy")] == [MODEL]


def test_closeness_is_fuzzy_but_not_loose():
    assert close_to_model("我理解您的顾虑,换了谁都会担心", "我理解您的顾虑,换了谁都会担心。")
    assert close_to_model("I understand your concern, anyone would worry.", MODEL) is False
    assert not close_to_model("我理解。", "我理解您的顾虑,换了谁都会担心。")
    assert not close_to_model("", MODEL)


LOOP = """
format: 1
id: test-loop
version: 1
title: 测试:来回两个节点
language: zh
difficulty: easy
situation: preloan_visit
pass_score: 60
briefing: {situation: 测试, role: 客户经理, goal: 测试}
persona:
  name: 王老板
  role: 店主
  meters:
    trust: {start: 50, min: 0, max: 100}
    patience: {start: 100, min: 0, max: 100}
start: worry
beats:
  - id: worry
    say: 我就怕这钱还不上。
    opportunities: [empathy]
    model_reply: 您的担心我完全理解,换了谁借钱都会睡不踏实。
    next: [{to: aside}]
  - id: aside
    say: 算了,说点别的。
    next: [{to: worry}]
endings:
  - {id: done, kind: partial, message: 结束。}
"""


def test_a_moment_revisited_is_listed_once():
    scenario = load_scenario_text(LOOP, "loop.yaml")
    report = build_report(play(scenario, ["好的。"] * 4))
    assert len(_missed(report, "empathy")) == 1
    keys = [(o.beat, o.technique) for o in report.opportunities]
    assert len(keys) == len(set(keys))


def test_a_moment_taken_on_a_later_visit_is_not_a_miss():
    scenario = load_scenario_text(LOOP, "loop.yaml")
    report = build_report(
        play(scenario, ["好的。", "好的。", "您的担心我完全理解,换了谁都会睡不踏实。"])
    )
    (moment,) = [o for o in report.opportunities if o.technique == "empathy"]
    assert moment.taken and moment.turn == 3


def test_validate_warns_when_a_model_reply_does_not_earn_its_technique(grader):
    from simulator.core.scenario.validate import warnings

    scenario = load_scenario_text(_with_model(MODEL), "near.yaml")
    found = [p for p in warnings(scenario, grader) if p.code == "W109"]
    assert len(found) == 1 and "empathy" in found[0].message
    assert not [p for p in warnings(load_scenario(REACT_ZH), grader) if p.code == "W109"]
