"""The trace: conditions explained with their values, and agreeing with what the engine did."""

from __future__ import annotations

import pytest

from simulator.core.scenario import conditions as c
from simulator.core.scenario.explain import describe, explain
from simulator.core.scenario.library import scan
from simulator.core.scenario.loader import load_scenario_text
from simulator.core.session.trace import to_text, trace
from simulator.core.yamlsafe import load_text
from tests.conftest import DATA

MODEL = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]


def cond(raw: dict) -> c.Cond:
    problems: list = []
    parsed = c.parse(load_text("x: 1", "t.yaml"), raw, (), problems)
    assert not problems
    return parsed


STATE = c.State(
    techniques=frozenset({"probing"}),
    pitfalls=frozenset(),
    used=frozenset({"probing", "praise"}),
    text="您最近有没有别的贷款?",
    meters={"trust": 48.0, "patience": 30.0},
    facts=frozenset({"debt"}),
    turns_in_beat=2,
    turn=5,
    question=True,
)


@pytest.mark.parametrize(
    ("raw", "lang", "held", "why"),
    [
        ({"meter": {"trust": {"gte": 55}}}, "en", False, "trust 48 < 55"),
        ({"meter": {"trust": {"lt": 55}}}, "en", True, "trust 48 < 55"),
        ({"meter": {"trust": {"gt": 48}}}, "en", False, "trust 48 ≤ 48"),
        ({"meter": {"trust": {"eq": 50}}}, "en", False, "trust 48 ≠ 50"),
        ({"turns_in_beat": {"gte": 3}}, "en", False, "turns in beat 2 < 3"),
        ({"turns_in_beat": {"gte": 3}}, "zh", False, "本节轮数 2 < 3"),
        ({"turn": {"lte": 5}}, "en", True, "turn 5 ≤ 5"),
        ({"technique": ["praise", "probing"]}, "en", True, "technique probing credited"),
        (
            {"technique": "praise"},
            "en",
            False,
            "technique praise not credited (credited: probing)",
        ),
        ({"technique": "praise"}, "zh", False, "未得到技巧 praise(本句得到:probing)"),
        ({"pitfall": "pushy"}, "en", False, "no pitfall pushy (committed: none)"),
        ({"used": ["empathy", "praise"]}, "en", True, "used praise earlier"),
        ({"used": "empathy"}, "en", False, "empathy never credited so far"),
        ({"phrase": ["流水", "贷款"]}, "en", True, "the reply says 贷款"),
        ({"phrase": ["流水", "营业额"]}, "en", False, "the reply says none of 流水 / 营业额"),
        ({"fact": ["debt", "rent"]}, "en", False, "fact rent not revealed yet"),
        ({"fact": "debt"}, "zh", True, "已问出 debt"),
        ({"question": True}, "en", True, "the reply asks a question"),
        ({"repeat": True}, "en", False, "the reply is not a repeat"),
        ({"not": {"technique": "probing"}}, "en", False, "technique probing credited"),
        # every condition of an "all" that failed is named, and only those
        (
            {"technique": "probing", "meter": {"trust": {"gte": 55}}, "phrase": "流水"},
            "en",
            False,
            "trust 48 < 55 and the reply says none of 流水",
        ),
        (
            {"any": [{"technique": "praise"}, {"meter": {"trust": {"gte": 60}}}]},
            "en",
            False,
            "none holds: technique praise not credited (credited: probing); trust 48 < 60",
        ),
        (
            {"any": [{"technique": "praise"}, {"meter": {"patience": {"lte": 30}}}]},
            "en",
            True,
            "patience 30 ≤ 30",
        ),
    ],
)
def test_explain_names_the_condition_and_the_value(raw, lang, held, why):
    assert explain(cond(raw), STATE, lang) == (held, why)


@pytest.mark.parametrize(
    ("raw", "lang", "words"),
    [
        (None, "en", "otherwise (no condition)"),
        (None, "zh", "否则(无条件)"),
        ({"meter": {"trust": {"gte": 55}}}, "en", "trust ≥ 55"),
        (
            {"technique": ["praise", "rapport"], "turns_in_beat": {"gte": 2}},
            "en",
            "technique praise / rapport and turns in beat ≥ 2",
        ),
        ({"not": {"pitfall": "pushy"}}, "en", "not (pitfall pushy)"),
        (
            {"any": [{"fact": "a"}, {"turn": {"gt": 9}}]},
            "en",
            "any of (fact a revealed / turn > 9)",
        ),
        ({"phrase": ["贷款", "负债"]}, "zh", "说到 贷款 / 负债"),
    ],
)
def test_describe_puts_a_condition_in_words(raw, lang, words):
    assert describe(cond(raw) if raw else None, lang) == words


def test_model_path_explains_the_fact_and_the_transition(mini):
    result = trace(mini, ["好的。", *MODEL], lang="en")
    first, third, last = result.turns[0], result.turns[2], result.turns[3]
    assert [(x.id, x.ok, x.why) for x in first.transitions] == [
        ("business", False, "technique praise / rapport not credited (credited: none)"),
        ("business", False, "turns in beat 1 < 2"),
    ]
    assert [(f.id, f.ok) for f in third.facts] == [("other_loan", False)]
    assert "the reply says none of 贷款" in third.facts[0].why
    assert last.facts[0].ok and "trust 54 ≥ 50" in last.facts[0].why
    assert [(x.id, x.ok) for x in last.transitions] == [("good_end", True), ("meh_end", False)]
    assert last.transitions[1].why == "not reached: → good_end fired first"
    assert last.outcome == "ends: good_end"
    # a fact revealed earlier is not checked again
    assert result.session.ending == "good_end"


def test_effects_are_explained_with_their_deltas(mini):
    result = trace(mini, MODEL[:1], lang="en")
    effect = result.turns[0].effects[0]
    assert (effect.ok, effect.why, effect.detail) == (
        True,
        "technique praise credited",
        {"trust": 6},
    )


def test_walkout_is_named_before_transitions(mini):
    result = trace(mini, ["好的。"] * 10, lang="en")
    last = result.turns[-1]
    assert result.session.ending == "walk"
    assert all(not x.ok for x in last.transitions)
    assert "reached its floor 0, a walkout" in last.transitions[0].why
    assert last.outcome == "ends: walk"


def test_a_fact_gated_to_other_beats_says_so():
    text = (
        (DATA / "scenarios" / "mini_zh.yaml")
        .read_text("utf-8")
        .replace(
            "      hint: 信任够了以后,试探问一下其他贷款",
            "      hint: 信任够了以后,试探问一下其他贷款\n      beats: [opening]",
        )
    )
    result = trace(load_scenario_text(text), MODEL, lang="en")
    assert result.turns[2].facts[0].why == "only in beats opening (this is business)"


def test_json_has_the_documented_shape(mini):
    data = trace(mini, MODEL, lang="en").to_dict()
    turn = data["turns"][2]
    assert {"beat", "reply", "grade", "transitions", "facts", "meters"} <= set(turn)
    assert set(turn["grade"]) >= {"techniques", "pitfalls", "evidence"}
    assert turn["transitions"][0] == {
        "to": "good_end",
        "fired": True,
        "why": "fact other_loan revealed",
    }
    assert turn["facts"][0]["revealed"] is True and turn["meters"]["trust"] == 54


def test_text_keeps_only_the_last_turns(mini):
    text = to_text(trace(mini, ["好的。", *MODEL], lang="zh"), last=3)
    assert "(只显示最后 3 轮,共 4 轮)" in text
    assert "第1轮" not in text and "第4轮 · 节点 business" in text
    assert "trust 54 ≥ 50" in text


def _library_runs():
    library = scan(None)
    for entry in library.entries:
        for test in entry.scenario.tests:
            yield pytest.param(entry.scenario, test, id=f"{entry.id}:{test.name}")


@pytest.mark.parametrize(("scenario", "test"), list(_library_runs()))
def test_trace_agrees_with_the_engine_on_every_library_test(scenario, test, grader):
    """What the trace says fired is exactly what the engine did."""
    result = trace(scenario, test.replies, test.seed, grader)
    for tt, following in zip(result.turns, result.turns[1:], strict=False):
        fired = [x.id for x in tt.transitions if x.ok]
        assert following.turn.beat == (fired[0] if fired else tt.turn.beat)
    for tt in result.turns:
        turn = tt.turn
        assert {f.id for f in tt.facts if f.ok} == set(turn.revealed)
        fired = [x.id for x in tt.transitions if x.ok]
        assert len(fired) <= 1
        if turn.ending not in (None, "timeout"):
            walkout = any("floor" in x.why for x in tt.transitions) or not tt.transitions
            assert fired == [turn.ending] or walkout
