"""Render a feedback Report as plain text, Markdown or JSON (no terminal styling)."""

from __future__ import annotations

import json

from simulator.core.session.feedback import Report
from simulator.core.session.relay import person_lines
from simulator.core.text import t


def _bar(taken: int, offered: int, width: int = 10) -> str:
    if not offered:
        return "·" * width
    filled = round(width * taken / offered)
    return "█" * filled + "░" * (width - filled)


def to_text(report: Report, lang: str | None = None, markdown: bool = False) -> str:
    """Plain text (markdown=False) or Markdown."""
    lang = lang or report.language
    h1, h2, item = ("# ", "## ", "- ") if markdown else ("", "", "  ")
    out: list[str] = [f"{h1}{report.title}", ""]
    if report.trainee:
        out += [f"{t('export.trainee_name', lang)}: {report.trainee}", ""]
    if report.retry_of:
        out += [f"{t('export.retry_of', lang)}: {report.start_beat} ({report.retry_of})", ""]
    verdict = t("export.pass", lang) if report.passed else t("export.fail", lang)
    out.append(
        f"{'**' if markdown else ''}{t('export.score', lang)}: {report.score}/100 — {verdict}{'**' if markdown else ''}"
        f" ({t('export.need', lang)} {report.pass_score})"
    )
    out.append(
        f"{t('export.ending', lang)}: {report.ending_message or report.ending} [{report.ending_kind}]"
    )
    out += ["", f"{h2}{t('export.techniques', lang)}"]
    for tech in report.techniques:
        extra = f", {t('export.misplaced', lang)} {tech.misplaced}" if tech.misplaced else ""
        out.append(
            f"{item}{tech.name:<8} {_bar(tech.taken, tech.offered)} "
            f"{t('export.taken', lang)} {tech.taken}/{tech.offered}{extra}"
        )
    missed = [o for o in report.opportunities if not o.taken]
    if missed:
        out += ["", f"{h2}{t('export.missed', lang)}"]
        for o in missed:
            name = next((x.name for x in report.techniques if x.id == o.technique), o.technique)
            out.append(f"{item}{t('export.turn', lang, n=o.turn)} · {name}")
            out.append(f"    {t('export.cue', lang)}: {o.cue}")
            out.append(f"    {t('export.you', lang)}: {o.reply}")
            out.append(
                f"    {t('export.better', lang)}: {o.model_reply or t('export.no_model', lang)}"
            )
    out += ["", f"{h2}{t('export.pitfalls', lang)}"]
    if not report.pitfalls and not report.misplaced:
        out.append(f"{item}{t('export.none', lang)}")
    for p in report.pitfalls:
        out.append(
            f"{item}{t('export.turn', lang, n=p.turn)} · {p.id}: 「{p.reply}」 — {p.explain}"
        )
    for m in report.misplaced:
        out.append(
            f"{item}{t('export.turn', lang, n=m['turn'])} · {t('export.misplaced', lang)} {m['id']}: 「{m['reply']}」"
        )
    out += ["", f"{h2}{t('export.facts', lang)}"]
    out += [
        f"{item}{f['label']} ({t('export.turn', lang, n=f['turn'])})" for f in report.facts_found
    ] or [f"{item}{t('export.none', lang)}"]
    if report.facts_missed:
        out += ["", f"{h2}{t('export.missed_facts', lang)}"]
        out += [
            f"{item}{f['label']}" + (f" — {f['hint']}" if f["hint"] else "")
            for f in report.facts_missed
        ]
    out += ["", f"{h2}{t('export.meters', lang)}"]
    for name in report.trajectory[0]:
        values = " → ".join(f"{row.get(name, 0):g}" for row in report.trajectory)
        out.append(f"{item}{name}: {values}")
    out += ["", f"{h2}{t('export.suggestions', lang)}"]
    out += [f"{n}. {s}" for n, s in enumerate(report.suggestions, 1)] or [
        f"{item}{t('export.none', lang)}"
    ]
    group = person_lines(report, lang, item)
    if group:
        out += ["", f"{h2}{group[0]}", *group[1:]]
    return "\n".join(out) + "\n"


def transcript_text(report: Report, lang: str | None = None) -> str:
    """The conversation, one line per speaker turn, with credited techniques."""
    lang = lang or report.language
    lines = []
    for entry in report.transcript:
        who = t("export.trainee", lang) if entry.trainee else t("export.customer", lang)
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
