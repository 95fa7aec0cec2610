"""The customer reacts: pitfall answers, aliases for names, facts told only when asked."""

from __future__ import annotations

import pytest

from simulator.core.scenario.loader import load_scenario
from simulator.core.session import reactions
from simulator.core.session.engine import Session
from tests.conftest import DATA, LIBRARY


@pytest.fixture(scope="module")
def scenes():
    return {lang: load_scenario(DATA / "scenarios" / f"react_{lang}.yaml") for lang in ("zh", "en")}


PITFALL_REPLIES = {
    "zh": {
        "disrespect": "你懂什么?这都不知道。",
        "overpromise": "放心,这笔贷款肯定能批下来,包在我身上。",
        "deception": "今天不签的话名额就没了。",
        "bluffing": "能,跟普通的一样,没有任何区别。",
        "gift": "那我就收下了,谢谢您的心意。",
        "premature_pressure": "不提供流水的话,这笔贷款是批不下来的。",
    },
    "en": {
        "disrespect": "You don't understand anything about lending.",
        "overpromise": "Don't worry, it's a done deal. You'll definitely get approved.",
        "deception": "This offer expires today, it's your last chance.",
        "bluffing": "Absolutely not, it makes no difference, it's standard.",
        "gift": "That's very kind, I'll take it, thank you for the gift.",
        "premature_pressure": "Without your statements this loan won't be approved, that's policy.",
    },
}
CASES = [(lang, p) for lang in ("zh", "en") for p in PITFALL_REPLIES[lang]]


@pytest.mark.parametrize(("lang", "pitfall"), CASES)
def test_every_pitfall_gets_an_answer_and_a_reasoned_meter_change(scenes, lang, pitfall):
    turn = Session.start(scenes[lang]).reply(PITFALL_REPLIES[lang][pitfall])
    assert turn.pitfalls[:1] == (pitfall,)
    assert turn.reaction and turn.customer.startswith(turn.reaction)
    why = reactions.catalogue()[pitfall].reason[lang]
    moved = [c for c in turn.changes if why in c.reason]
    assert {c.meter for c in moved} == {"trust", "patience"}
    assert all(c.delta < 0 for c in moved)


@pytest.mark.parametrize(("lang", "pitfall"), CASES)
def test_the_scenario_line_is_preferred_else_the_catalogue(scenes, lang, pitfall):
    turn = Session.start(scenes[lang]).reply(PITFALL_REPLIES[lang][pitfall])
    if pitfall == "disrespect":  # the beat has its own line
        assert turn.reaction in scenes[lang].beats["chat"].reactions["disrespect"]
    elif pitfall == "overpromise":  # the persona has one
        assert turn.reaction in scenes[lang].persona.reactions["overpromise"]
    else:
        assert turn.reaction in reactions.catalogue()[pitfall].lines[lang]


@pytest.mark.parametrize(("lang", "pitfall"), CASES)
def test_the_answer_is_deterministic(scenes, lang, pitfall):
    reply = PITFALL_REPLIES[lang][pitfall]
    first = [Session.start(scenes[lang], seed=s).reply(reply).reaction for s in range(6)]
    again = [Session.start(scenes[lang], seed=s).reply(reply).reaction for s in range(6)]
    assert first == again


def test_the_catalogue_has_several_lines_per_pitfall_and_language():
    from simulator.core.grading.catalogue import builtin

    table = reactions.catalogue()
    assert set(table) == set(builtin().pitfalls)
    for entry in table.values():
        for lang in ("zh", "en"):
            assert len(set(entry.lines[lang])) >= 3 and entry.reason[lang]


def test_seeds_vary_the_default_line(scenes):
    reply = PITFALL_REPLIES["zh"]["gift"]
    said = {Session.start(scenes["zh"], seed=s).reply(reply).reaction for s in range(12)}
    assert len(said) > 1


def test_no_reaction_without_a_pitfall(scenes):
    turn = Session.start(scenes["zh"]).reply("您这儿一个月流水大概多少?")
    assert not turn.pitfalls and turn.reaction == ""


def test_no_second_answer_when_the_scene_answers_the_pitfall():
    scenario = load_scenario(LIBRARY / "preloan_supermarket.en.yaml")
    session = Session.start(scenario)
    turn = session.reply("You don't understand anything about lending. Just answer the questions.")
    assert "disrespect" in turn.pitfalls
    assert session.beat == "cold_start" and turn.reaction == ""


# ---- aliases ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("zh", "刘哥,您这店开了多少年了?"),
        ("zh", "刘总,您这店开了多少年了?"),
        ("en", "Mr Lim, how long have you had the shop?"),
        ("en", "Kok Wah, how long have you had the shop?"),
    ],
)
def test_an_alias_counts_as_the_customer_name(scenes, lang, reply):
    turn = Session.start(scenes[lang]).reply(reply)
    assert any(c.delta == 5 for c in turn.changes)


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("zh", "嫂子对这笔贷款怎么看?"),
        ("zh", "王姐对这笔贷款怎么看?"),
        ("en", "How does Mrs Lim feel about this loan?"),
        ("en", "How does your wife feel about this loan?"),
    ],
)
def test_an_alias_counts_as_the_other_persons_name(scenes, lang, reply):
    turn = Session.start(scenes[lang]).reply(reply)
    assert "probing" in turn.credited
    assert turn.revealed == ("wife_view",)


def test_without_the_alias_the_name_is_not_recognised(scenes):
    turn = Session.start(scenes["en"]).reply("How does the accountant feel about this loan?")
    assert "probing" in turn.credited and turn.revealed == ()


# ---- facts only when asked -------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("zh", "流水里只有刷卡和转账,扫码和现金都没进来。能不能给我看看收银系统的销售数据?"),
        ("en", "The statements only show card payments. Could you show me the till data?"),
    ],
)
def test_a_keyword_in_an_unrelated_sentence_reveals_nothing(scenes, lang, reply):
    turn = Session.start(scenes[lang]).reply(reply)
    assert "probing" in turn.credited  # the condition's technique is there…
    assert turn.revealed == ()  # …but the keyword sat in a sentence that asks nothing


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("zh", "我看流水里每个月10号都有一笔固定转账,这是还哪儿的款?"),
        ("zh", "流水里每个月都有一笔七千七的转账。这是怎么回事?"),
        ("en", "What is the standing transfer of 1,550 in the statements every month?"),
        (
            "en",
            "I noticed a standing transfer of 1,550 in the statements every month. What is that?",
        ),
    ],
)
def test_the_same_keyword_in_a_question_reveals_the_fact(scenes, lang, reply):
    turn = Session.start(scenes[lang]).reply(reply)
    assert set(turn.credited) & {"probing", "restating"}
    assert turn.revealed == (scenes[lang].persona.facts[0].id,)


def test_mrs_lim_is_the_owners_wife_in_the_library():
    from simulator.core.grading.normalise import normalise
    from simulator.core.scenario import conditions as c

    scenario = load_scenario(LIBRARY / "preloan_supermarket.en.yaml")
    fact = next(f for f in scenario.persona.facts if f.id == "wife_reluctant")
    (node,) = [n for n in c.walk(fact.when) if n.op == "phrase"]
    text = normalise("Mrs Lim, how do you feel about this loan?").text
    assert c.holds(node, c.State(text=text, aliases=scenario.persona.alias_groups()))
    assert not c.holds(node, c.State(text=text))  # without the alias, no phrase matches


def test_library_reactions_name_real_pitfalls_and_are_used():
    scenario = load_scenario(LIBRARY / "preloan_supermarket.zh.yaml")
    session = Session.start(scenario)
    turn = session.reply("那我就收下了,谢谢您的心意。")
    assert turn.pitfalls == ("gift",)
    assert turn.reaction in scenario.persona.reactions["gift"]
    # where a transition is written for the pitfall, that beat's line is the answer
    again = Session.start(scenario).reply("不提供流水的话,这笔贷款是批不下来的。")
    assert "premature_pressure" in again.pitfalls and again.reaction == ""
