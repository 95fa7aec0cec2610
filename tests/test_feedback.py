"""Feedback reports: specific, traceable, and rendered three ways."""

from __future__ import annotations

import json

from simulator.core.session.feedback import build_report
from simulator.core.session.render import to_json, to_text, transcript_text
from simulator.core.session.testing import play

POOR = ["你好。", "你们店一个月卖多少钱?", "不给流水就别贷了。", "行吧。"]


def test_missed_opportunity_shows_cue_words_and_model(mini):
    report = build_report(play(mini, POOR))
    missed = [o for o in report.opportunities if not o.taken]
    assert missed
    first = missed[0]
    assert first.cue == "来了?坐吧。这店开了八年了,街坊都认识我。"
    assert first.reply == "你好。"
    assert first.model_reply.startswith("八年可不容易")


def test_pitfall_carries_offending_line_and_turn(mini):
    report = build_report(play(mini, POOR))
    hit = next(p for p in report.pitfalls if p.id == "premature_pressure")
    assert hit.reply == "不给流水就别贷了。" and hit.turn == 3 and hit.explain


def test_score_pass_facts_trajectory_and_suggestions(mini):
    report = build_report(play(mini, POOR))
    assert 0 <= report.score <= 100 and not report.passed
    assert report.facts_missed[0]["id"] == "other_loan" and report.facts_missed[0]["hint"]
    assert len(report.trajectory) == len(report.transcript) // 2 + 1
    assert 1 <= len(report.suggestions) <= 3


def test_renderers(mini):
    report = build_report(play(mini, POOR))
    text = to_text(report)
    assert "得分" in text and "错过的机会" in text and "「不给流水就别贷了。」" in text
    markdown = to_text(report, markdown=True)
    assert markdown.startswith("# ") and "## " in markdown
    english = to_text(report, lang="en")
    assert "Score" in english
    data = json.loads(to_json(report))
    assert data["score"] == report.score and data["transcript"][0]["speaker"] == "customer"
    assert "你: 不给流水就别贷了。" in transcript_text(report)


def test_evidence_in_transcript_traces_to_rule_and_span(mini):
    report = build_report(play(mini, ["您这儿一个月流水大概多少?"]))
    entry = report.transcript[1]
    assert entry.credited == ("probing",)
    ev = entry.evidence[0]
    start, end = ev.span
    assert entry.text[start:end] == ev.text and ev.rule
