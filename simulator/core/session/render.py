"""Render a feedback Report as plain text, Markdown or JSON (no terminal styling)."""

from __future__ import annotations

import json

from simulator.core.session.feedback import Report
from simulator.core.session.relay import person_lines

LABELS = {
    "zh": {
        "score": "得分",
        "pass": "通过",
        "fail": "未通过",
        "need": "及格线",
        "ending": "结局",
        "techniques": "技巧",
        "taken": "抓住",
        "offered": "机会",
        "misplaced": "用错时机",
        "missed": "错过的机会",
        "turn": "第{n}轮",
        "cue": "客户说",
        "you": "你说",
        "better": "更好的说法",
        "no_model": "这一刻没有这项技巧的示范回答",
        "pitfalls": "失误",
        "facts": "问出的信息",
        "missed_facts": "没问出的信息",
        "meters": "指标变化",
        "suggestions": "三条建议",
        "transcript": "对话记录",
        "trainee_name": "学员",
        "retry_of": "重练片段,起点",
        "customer": "客户",
        "trainee": "你",
        "none": "无",
        "start": "开始",
    },
    "en": {
        "score": "Score",
        "pass": "PASSED",
        "fail": "NOT PASSED",
        "need": "pass mark",
        "ending": "Ending",
        "techniques": "Techniques",
        "taken": "taken",
        "offered": "offered",
        "misplaced": "misplaced",
        "missed": "Missed opportunities",
        "turn": "Turn {n}",
        "cue": "Customer",
        "you": "You said",
        "better": "Better",
        "no_model": "no model reply for this technique at this moment",
        "pitfalls": "Pitfalls",
        "facts": "Facts uncovered",
        "missed_facts": "Facts missed",
        "meters": "Meters",
        "suggestions": "Top suggestions",
        "transcript": "Transcript",
        "trainee_name": "Trainee",
        "retry_of": "Retried moment, from",
        "customer": "Customer",
        "trainee": "You",
        "none": "none",
        "start": "start",
    },
}


def _bar(taken: int, offered: int, width: int = 10) -> str:
    if not offered:
        return "·" * width
    filled = round(width * taken / offered)
    return "█" * filled + "░" * (width - filled)


def to_text(report: Report, lang: str | None = None, markdown: bool = False) -> str:
    """Plain text (markdown=False) or Markdown."""
    w = LABELS.get(lang or report.language, LABELS["en"])
    h1, h2, item = ("# ", "## ", "- ") if markdown else ("", "", "  ")
    out: list[str] = [f"{h1}{report.title}", ""]
    if report.trainee:
        out += [f"{w['trainee_name']}: {report.trainee}", ""]
    if report.retry_of:
        out += [f"{w['retry_of']}: {report.start_beat} ({report.retry_of})", ""]
    verdict = w["pass"] if report.passed else w["fail"]
    out.append(
        f"{'**' if markdown else ''}{w['score']}: {report.score}/100 — {verdict}{'**' if markdown else ''}"
        f" ({w['need']} {report.pass_score})"
    )
    out.append(f"{w['ending']}: {report.ending_message or report.ending} [{report.ending_kind}]")
    out += ["", f"{h2}{w['techniques']}"]
    for t in report.techniques:
        extra = f", {w['misplaced']} {t.misplaced}" if t.misplaced else ""
        out.append(
            f"{item}{t.name:<8} {_bar(t.taken, t.offered)} {w['taken']} {t.taken}/{t.offered}{extra}"
        )
    missed = [o for o in report.opportunities if not o.taken]
    if missed:
        out += ["", f"{h2}{w['missed']}"]
        for o in missed:
            name = next((t.name for t in report.techniques if t.id == o.technique), o.technique)
            out.append(f"{item}{w['turn'].format(n=o.turn)} · {name}")
            out.append(f"    {w['cue']}: {o.cue}")
            out.append(f"    {w['you']}: {o.reply}")
            out.append(f"    {w['better']}: {o.model_reply or w['no_model']}")
    out += ["", f"{h2}{w['pitfalls']}"]
    if not report.pitfalls and not report.misplaced:
        out.append(f"{item}{w['none']}")
    for p in report.pitfalls:
        out.append(f"{item}{w['turn'].format(n=p.turn)} · {p.id}: 「{p.reply}」 — {p.explain}")
    for m in report.misplaced:
        out.append(
            f"{item}{w['turn'].format(n=m['turn'])} · {w['misplaced']} {m['id']}: 「{m['reply']}」"
        )
    out += ["", f"{h2}{w['facts']}"]
    out += [
        f"{item}{f['label']} ({w['turn'].format(n=f['turn'])})" for f in report.facts_found
    ] or [f"{item}{w['none']}"]
    if report.facts_missed:
        out += ["", f"{h2}{w['missed_facts']}"]
        out += [
            f"{item}{f['label']}" + (f" — {f['hint']}" if f["hint"] else "")
            for f in report.facts_missed
        ]
    out += ["", f"{h2}{w['meters']}"]
    for name in report.trajectory[0]:
        values = " → ".join(f"{row.get(name, 0):g}" for row in report.trajectory)
        out.append(f"{item}{name}: {values}")
    out += ["", f"{h2}{w['suggestions']}"]
    out += [f"{n}. {s}" for n, s in enumerate(report.suggestions, 1)] or [f"{item}{w['none']}"]
    group = person_lines(report, lang, item)
    if group:
        out += ["", f"{h2}{group[0]}", *group[1:]]
    return "\n".join(out) + "\n"


def transcript_text(report: Report, lang: str | None = None) -> str:
    """The conversation, one line per speaker turn, with credited techniques."""
    w = LABELS.get(lang or report.language, LABELS["en"])
    lines = []
    for entry in report.transcript:
        who = w["trainee"] if entry.trainee else w["customer"]
        who = entry.author or who  # a relay names the person who replied
        tags = ""
        if entry.trainee:
            marks = [*entry.credited, *(f"!{p}" for p in entry.pitfalls)]
            marks += [f"✗{m}" for m in entry.misplaced]
            tags = f"  [{', '.join(marks)}]" if marks else ""
        for n, text in enumerate(entry.text.splitlines() or [""]):
            lines.append(f"{who if n == 0 else ' ' * len(who)}: {text}{tags if n == 0 else ''}")
    return "\n".join(lines) + "\n"


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
