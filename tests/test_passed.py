"""One pass decision: scoring.passed, and every caller (feedback, history, library, exports) agrees.

The case that once disagreed: a score at or above the pass mark with a failure ending. The
feedback said "not passed" while the library showed the score as a green pass.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from simulator.core.results.files import Store
from simulator.core.results.items import Best
from simulator.core.scenario import scoring
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report
from simulator.core.session.render import to_text

WALKOUT = ["好的。"] * 10
"""The mini scenario's repeated line: the customer walks out."""
MODEL = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]


@pytest.mark.parametrize(
    ("score", "kind", "want"),
    [
        (60, "success", True),
        (100, "success", True),
        (60, "partial", True),
        (59, "success", False),
        (95, "failure", False),
        (95, "walkout", False),
        (95, "timeout", False),
        (95, "abandoned", False),
        (60, "failure", False),
        (0, "failure", False),
    ],
)
def test_passed(score, kind, want):
    assert scoring.passed(score, 60, kind) is want


def high_score_walkout(mini, monkeypatch):
    """A session that ends badly but scores 95 (the formula patched: the shape is the point)."""
    monkeypatch.setattr(scoring, "compute", lambda *a, **k: 95)
    session = Session.start(mini)
    for reply in WALKOUT:
        if not session.finished:
            session.reply(reply)
    report = build_report(session)
    assert session.ending_kind() == "walkout" and report.score >= report.pass_score
    return session, report


def test_feedback_fails_a_high_score_with_a_failure_ending(mini, monkeypatch):
    _, report = high_score_walkout(mini, monkeypatch)
    assert report.passed is False


def test_history_library_and_exports_agree_with_the_feedback(mini, monkeypatch, tmp_path):
    session, report = high_score_walkout(mini, monkeypatch)
    store = Store(tmp_path, now=lambda: datetime(2025, 3, 1, 9, 0, tzinfo=UTC))
    store.finish("w", session.to_dict(), report, title="t", mode="coach", elapsed=1)
    assert store.history()[0].passed is False
    assert store.report("w").passed is False
    assert store.best() == {mini.id: Best(95, False)}
    md, js = store.export(report, "zh")
    assert json.loads(js.read_text("utf-8"))["passed"] is False
    assert "未通过" in md.read_text("utf-8")
    assert "未通过" in to_text(report, "zh")


def test_a_saved_verdict_that_breaks_the_rule_is_decided_again(mini, monkeypatch, tmp_path):
    session, report = high_score_walkout(mini, monkeypatch)
    store = Store(tmp_path)
    store.finish(
        "w", session.to_dict(), replace(report, passed=True), title="t", mode="coach", elapsed=1
    )
    path = tmp_path / "history" / "w.json"
    data = json.loads(path.read_text("utf-8"))
    data["item"]["passed"] = data["report"]["passed"] = True  # an older build, or an edit
    path.write_text(json.dumps(data), "utf-8")
    assert store.history()[0].passed is False
    assert store.report("w").passed is False
    assert store.best()[mini.id].passed is False


def test_best_prefers_a_pass_over_a_higher_failed_score(mini, monkeypatch, tmp_path):
    store = Store(tmp_path)
    good = Session.start(mini)
    for reply in MODEL:
        good.reply(reply)
    good_report = replace(build_report(good), score=70)  # a pass, below the failed 95
    assert scoring.passed(70, good_report.pass_score, good_report.ending_kind)
    store.finish("g", good.to_dict(), good_report, title="t", mode="coach", elapsed=1)
    session, report = high_score_walkout(mini, monkeypatch)
    assert report.score > good_report.score
    store.finish("w", session.to_dict(), report, title="t", mode="coach", elapsed=1)
    assert store.best()[mini.id] == Best(good_report.score, True)
