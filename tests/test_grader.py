"""The grader, as a table of behaviours, plus a floor on the labelled dev set."""

from __future__ import annotations

import json

import pytest

from simulator.core.grading import Grader
from simulator.core.grading.evaluate import evaluate, read_jsonl
from tests.conftest import DATA

CASES = [
    # (reply, context, lang, must include, must exclude)
    ("从三个人做到两百人,太了不起了!当初最难的是哪一段?", "", "zh", {"praise", "probing"}, set()),
    ("您每月流水大概多少", "", "zh", {"probing"}, set()),
    ("您每月流水大概多少？", "", "zh", {"probing"}, set()),
    ("好的,我记下了。", "", "zh", set(), {"probing", "praise", "empathy"}),
    ("我不是不理解您的难处", "", "zh", {"empathy"}, set()),
    ("我不理解您为什么不给流水", "", "zh", set(), {"empathy", "probing"}),
    ("难道您不想早点拿到钱吗", "", "zh", set(), {"probing"}),
    ("你懂什么?", "", "zh", {"disrespect"}, {"probing"}),
    ("这也没什么了不起的,干得久的人多了。", "我干这行十八年了。", "zh", {"disrespect"}, {"praise"}),
    ("您是担心保理费用会高于预期,对吗?", "这个费用也太高了吧", "zh", {"empathy"}, {"probing"}),
    (
        "不提供流水的话,机构不会通过贷款申请的",
        "流水不方便给你看",
        "zh",
        {"pressure"},
        {"premature_pressure"},
    ),
    ("不给流水我们就没法往下走了", "您好,请坐。", "zh", {"pressure", "premature_pressure"}, set()),
    ("心意我领了,东西真不能收,这是我们的纪律", "小王,这是一点心意,拿着", "zh", set(), {"gift"}),
    ("那我就不客气了", "小王,这是一点心意,拿着", "zh", {"gift"}, set()),
    ("包在我身上,百分之百能批", "", "zh", {"overpromise"}, set()),
    ("我不能保证一定批下来", "", "zh", set(), {"overpromise"}),
    ("如果征信没问题,批下来的可能性比较大", "", "zh", {"expectation"}, {"overpromise"}),
    (
        "这项业务我接触不多,我回去问清楚第一时间给您回电",
        "你们能做跨境人民币结算吗?",
        "zh",
        set(),
        {"bluffing"},
    ),
    ("肯定可以,都一样的,我们什么都能做", "你们能做跨境人民币结算吗?", "zh", {"bluffing"}, set()),
    ("今天不签的话,这个利率明天就没了", "我再考虑考虑。", "zh", {"deception"}, set()),
    (
        "王总,这段回头我专门听您讲,咱们先把今年的销售额过一下",
        "当年我去广州进货……",
        "zh",
        {"guiding"},
        set(),
    ),
    (
        "您刚才说月流水大概八十万,一半是现金,对吧?",
        "月流水八十万左右,一半现金。",
        "zh",
        {"restating"},
        {"probing"},
    ),
    ("您是明天上午10点还是下午2点过来?", "资料我都准备好了。", "zh", {"closing"}, set()),
    ("超市毛利一般在15%到20%之间", "", "zh", {"expertise"}, set()),
    (
        "虽然费率高一点,但三天就能回款,坏账风险也转给我们了",
        "你们的费用太贵了",
        "zh",
        {"value"},
        set(),
    ),
    ("您這個月的流水大概多少呢", "", "zh", {"probing"}, set()),  # traditional characters
    ("ＯＫ，您每月流水大概多少", "", "zh", {"probing"}, set()),  # full-width letters
    (
        "I don't understand why you won't share the statements",
        "",
        "en",
        set(),
        {"empathy", "probing"},
    ),
    ("I'm not unsympathetic to your position", "", "en", {"empathy"}, set()),
    (
        "That must have been really frustrating. What happened next?",
        "",
        "en",
        {"empathy", "probing"},
        {"pressure"},
    ),
    ("roughly what's your monthly turnover", "", "en", {"probing"}, set()),
    ("Who do you think you are?", "", "en", {"disrespect"}, {"probing"}),
    (
        "So you said 80k a month in sales, half cash, right?",
        "We do about 80k a month in sales, half of it cash.",
        "en",
        {"restating"},
        {"probing"},
    ),
    (
        "I can't promise approval, that's the committee's call.",
        "Can you promise me it'll go through?",
        "en",
        set(),
        {"overpromise"},
    ),
    ("Don't worry, I guarantee you'll get the full amount.", "", "en", {"overpromise"}, set()),
    (
        "That's very kind, but I can't accept it, our rules on gifts are strict.",
        "Some tea from my hometown, take it.",
        "en",
        set(),
        {"gift"},
    ),
    (
        "Without the statements the committee won't approve it.",
        "I'm not showing you my bank statements.",
        "en",
        {"pressure"},
        {"premature_pressure"},
    ),
    (
        "If your credit report is clean, your chances are good.",
        "",
        "en",
        {"expectation"},
        {"overpromise"},
    ),
    (
        "Let's get back to your receivables for a second.",
        "...and then in '98 I drove to Wenzhou...",
        "en",
        {"guiding"},
        set(),
    ),
    (
        "Shall we go ahead and get the application signed?",
        "How soon could I have the money?",
        "en",
        {"closing"},
        set(),
    ),
    ("ok noted", "", "en", set(), {"probing", "empathy", "praise"}),
]


@pytest.mark.parametrize(("text", "context", "lang", "present", "absent"), CASES)
def test_grader_behaviour(grader, text, context, lang, present, absent):
    grade = grader.grade(text, context, lang)
    found = set(grade.techniques) | set(grade.pitfalls)
    assert present <= found, f"missing {present - found}; got {found}"
    assert not (absent & found), f"unexpected {absent & found}"


def test_evidence_points_at_the_trainees_own_words(grader):
    text = "ＯＫ，王总您这店开了十年，真不简单！"
    grade = grader.grade(text, "", "zh")
    assert "praise" in grade.techniques
    for ev in grade.evidence:
        start, end = ev.span
        assert text[start:end] == ev.text and ev.rule


def test_language_is_detected_when_absent(grader):
    assert grader.grade("您每月流水大概多少").lang == "zh"
    assert grader.grade("what's your monthly turnover?").lang == "en"


def test_grading_is_deterministic(grader):
    text = "理解您的心情。换了是您借钱给别人,也会想先了解清楚吧?您每月流水多少"
    first = json.dumps(grader.grade(text, "你们问这么多干嘛", "zh").to_dict(), ensure_ascii=False)
    for _ in range(5):
        assert (
            json.dumps(Grader().grade(text, "你们问这么多干嘛", "zh").to_dict(), ensure_ascii=False)
            == first
        )


# Floors measured on tests/data (see the note in README "Grader figures"); a regression below these fails.
FLOORS = {"zh": 0.70, "en": 0.72}
CORE_FLOOR = 0.68


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dev_set_floor(lang):
    rows = read_jsonl(DATA / f"devset_{lang}.jsonl")
    assert len(rows) >= (250 if lang == "zh" else 150)
    result = evaluate(rows)
    assert result.micro().f1 >= FLOORS[lang]
    for technique in ("praise", "probing", "pressure", "empathy"):
        assert result.counts[technique].f1 >= CORE_FLOOR, technique


def test_dev_sets_are_labelled_with_known_ids(grader):
    known = set(grader.catalogue.techniques) | set(grader.catalogue.pitfalls)
    for name in (
        "devset_zh.jsonl",
        "devset_en.jsonl",
        "holdout_other_fields.jsonl",
        "devset_mixed.jsonl",
    ):
        for row in read_jsonl(DATA / name):
            assert set(row.get("techniques", [])) | set(row.get("pitfalls", [])) <= known, row


def test_mixed_set_floor():
    """The second set, written to stress the less common labels in varied phrasing."""
    result = evaluate(read_jsonl(DATA / "devset_mixed.jsonl"))
    assert result.total == 360
    assert result.micro().f1 >= 0.68


def test_english_registers_floor():
    """A third author's English replies in many registers: banking, clinics, schools, call centres."""
    result = evaluate(read_jsonl(DATA / "devset_en2.jsonl"))
    assert result.total == 240
    assert result.micro().f1 >= 0.70
