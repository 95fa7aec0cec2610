"""The learned layer: reproducible from the bank, shipped fresh, explained, held to a baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.core.grading import Grader, bank, train
from simulator.core.grading.evaluate import evaluate
from simulator.core.grading.learned import shipped_model

MISSED = pytest.mark.xfail(strict=True, reason="missed by the current layer; see the issue note")
BASELINE = Path(__file__).parent / "baseline.json"
TOLERANCE = 0.05


def _rows(examples):
    return bank.as_rows(examples, Grader().catalogue.pitfalls)


def test_training_is_deterministic():
    examples = bank.load_bank()[::6]
    cat = Grader(learned=None).catalogue
    first = train.dump(train.from_catalogue(examples, cat, "x").model)
    second = train.dump(train.from_catalogue(examples, cat, "x").model)
    assert first == second
    other = train.dump(train.from_catalogue(examples[1:], cat, "x").model)
    assert other != first


def test_shipped_model_was_trained_on_the_shipped_bank():
    model = shipped_model()
    assert model is not None, "no model: run make model"
    assert model["bank"] == bank.fingerprint(), "the bank changed since training: run make model"


def test_no_label_drops_below_the_committed_baseline():
    baseline = json.loads(BASELINE.read_text("utf-8"))
    dev = [ex for ex in bank.load_bank() if ex.split == "dev"]
    result = evaluate(_rows(dev), Grader())
    drops = {
        label: (round(result.counts[label].f1, 3), want)
        for label, want in baseline["dev_f1"].items()
        if label in result.counts and result.counts[label].f1 < want - TOLERANCE
    }
    assert drops == {}, f"F1 fell by more than {TOLERANCE} (now, baseline): {drops}"


@pytest.mark.parametrize(
    ("text", "context", "lang", "label"),
    [
        ("您这果园打理得真有章法", "这几亩猕猴桃都是我自己管的", "zh", "praise"),
        ("这是真本事", "我一个人把这个厂撑了十年", "zh", "praise"),
        ("您心里肯定不好受", "钱一直没到账,供应商天天催", "zh", "empathy"),
        pytest.param("不好意思,您正忙着卸货", "等会儿,我这卸货呢", "zh", "empathy", marks=MISSED),
        ("理解理解,您守门也是职责所在", "没预约不能进,这是规定", "zh", "empathy"),
        pytest.param(
            "Fair enough - nobody enjoys having a stranger go through their books",
            "Why do you need to see all my accounts?",
            "en",
            "empathy",
            marks=MISSED,
        ),
        ("小贷那笔您就别往表上写了,我们系统查不到", "那小贷的那笔要填吗", "zh", "deception"),
        (
            "这个回购条款是行业统一规定,所有保理公司都一样,改不了",
            "回购条款能不能去掉?",
            "zh",
            "bluffing",
        ),
        pytest.param(
            "I'm confident the committee will approve the full sixty thousand",
            "Will I get the whole amount?",
            "en",
            "overpromise",
            marks=MISSED,
        ),
    ],
)
def test_natural_replies_are_read(text, context, lang, label):
    grade = Grader().grade(text, context, lang)
    assert label in grade.techniques + grade.pitfalls
    assert any(ev.id == label and ev.text for ev in grade.evidence)


def test_sitting_down_politely_is_not_accepting_a_gift():
    grade = Grader().grade("那我就不客气了", "坐坐坐,先喝口茶", "zh")
    assert "gift" not in grade.pitfalls
    offered = Grader().grade("那我就不客气了", "这是一点心意,购物卡您拿着", "zh")
    assert "gift" in offered.pitfalls


@pytest.mark.parametrize(
    ("text", "context", "want"),
    [
        pytest.param(
            "从三个人做到两百人,太不容易了,这几年原料涨价您压力也大吧,现在每月回款大概多少?",
            "我这厂从三个人干到两百人,今年原料涨得厉害。",
            {"praise", "empathy", "probing"},
            marks=MISSED,
        ),
        pytest.param(
            "Twenty years on the same corner is a real achievement, and I can see the rent rise "
            "has been hard on you. How much of your turnover goes to rent now?",
            "Twenty years I've been on this corner, and now the rent's gone up again.",
            {"praise", "empathy", "probing"},
            marks=MISSED,
        ),
        (
            "您这账记得比会计还清楚,这几年行情不好您也撑下来了,不容易。您现在每月流水大概多少?",
            "账都是我自己记的,这几年生意不好做。",
            {"praise", "probing"},
        ),
    ],
)
def test_a_skilled_reply_earns_every_technique_it_uses(text, context, want):
    grade = Grader().grade(text, context)
    assert want <= set(grade.techniques)


def test_learned_evidence_names_the_example_it_resembles():
    grader = Grader()
    rows = [ex for ex in bank.load_bank() if ex.split == "dev"][:300]
    learned = [
        ev
        for ex in rows
        for ev in grader.grade(ex.text, ex.context, ex.lang).evidence
        if ev.rule == "learned"
    ]
    assert learned, "the layer credited nothing on 300 development replies"
    assert all(ev.like and ev.text for ev in learned)
