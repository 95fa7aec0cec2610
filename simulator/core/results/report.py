"""Printable HTML reports: one per trainee and one per class, in Chinese or English.

Each page stands alone: styles inline with print rules (A4, no page break inside a
table row), charts as inline SVG (svg.py), no scripts or external files, so a trainer
can open it offline and print it or save it as PDF from the browser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path

from simulator.core.results.files import StoreError
from simulator.core.results.records import LeaderRow, Mistake, SessionResult
from simulator.core.results.svg import score_chart, technique_chart
from simulator.core.text import has, t

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em;color:#111}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.4em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #bbb;padding:.25em .45em;text-align:left;vertical-align:top}
th{background:#eee}.num{text-align:right}.muted{color:#555;font-size:.85em}
.stats td{font-size:1.1em;text-align:center}
svg.chart{max-width:640px;display:block}svg .grid{stroke:#ddd}svg .mark{stroke:#c00;stroke-dasharray:4 3}
svg .pass{fill:#2a6f2a}svg .fail{fill:#fff;stroke:#a33;stroke-width:1.2}svg .tick,svg .value{font-size:11px;fill:#333}
@page{size:A4;margin:15mm}
@media print{body{margin:0}h2{break-after:avoid}tr,svg{break-inside:avoid}a{color:inherit;text-decoration:none}}
"""


def _page(title: str, body: list[str], lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        f'<meta charset="utf-8"><title>{escape(title)}</title><style>{CSS}</style></head>'
        f"<body><h1>{escape(title)}</h1>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _table(header: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{escape(c)}</td>' if i in numeric else f"<td>{escape(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _technique_rows(
    results: list[SessionResult], label: Callable[[str], str]
) -> list[tuple[str, int, int]]:
    shown: dict[str, int] = {}
    missed: dict[str, int] = {}
    for r in results:
        for technique, n in r.techniques.items():
            shown[technique] = shown.get(technique, 0) + n
        for m in r.missed:
            missed[m.technique] = missed.get(m.technique, 0) + 1
    ids = sorted(set(shown) | set(missed), key=lambda x: (-(shown.get(x, 0)), x))
    return [(label(x), shown.get(x, 0), missed.get(x, 0)) for x in ids]


def trainee_html(
    results: list[SessionResult], lang: str, label: Callable[[str], str], generated: str
) -> str:
    """The report of one trainee's finished sessions (oldest first)."""
    who = results[0].identity if results else None
    name = (who.display_name or who.trainee) if who else "?"
    body = [f'<p class="muted">{escape(t("printout.generated", lang, at=generated))}</p>']
    if who and who.class_code:
        body.append(f"<p>{escape(t('printout.class', lang))}: {escape(who.class_code)}</p>")
    if not results:
        body.append(f"<p>{escape(t('printout.none', lang))}</p>")
        return _page(t("printout.trainee_title", lang, name=name), body, lang)
    scores = [r.score for r in results]
    body.append(
        '<table class="stats">'
        + _table(
            [
                t("printout.sessions", lang),
                t("printout.first", lang),
                t("printout.best", lang),
                t("printout.average", lang),
                t("printout.passed", lang),
            ],
            [
                [
                    str(len(results)),
                    str(scores[0]),
                    str(max(scores)),
                    f"{sum(scores) / len(scores):.0f}",
                    str(sum(r.passed for r in results)),
                ]
            ],
        )[len("<table>") :]
    )
    marks = {r.pass_score for r in results}
    body.append(f"<h2>{escape(t('printout.scores', lang))}</h2>")
    body.append(
        score_chart(
            [(r.finished_at[5:10], r.score, r.passed) for r in results],
            marks.pop() if len(marks) == 1 else None,
            t("printout.scores", lang),
        )
    )
    techniques = _technique_rows(results, label)
    if techniques:
        body.append(f"<h2>{escape(t('printout.techniques', lang))}</h2>")
        body.append(technique_chart(techniques, t("printout.techniques", lang)))
    body.append(f"<h2>{escape(t('printout.history', lang))}</h2>")
    body.append(
        _table(
            [
                t("printout.date", lang),
                t("printout.scenario", lang),
                t("printout.mode", lang),
                t("printout.score", lang),
                t("printout.result", lang),
            ],
            [
                [
                    r.finished_at[:16].replace("T", " "),
                    r.title or r.scenario_id,
                    r.mode,
                    f"{r.score} / {r.pass_score}",
                    t("printout.yes", lang) if r.passed else t("printout.no", lang),
                ]
                for r in reversed(results)
            ],
            {3},
        )
    )
    return _page(t("printout.trainee_title", lang, name=name), body, lang)


def class_html(
    class_code: str,
    results: list[SessionResult],
    leaders: list[LeaderRow],
    mistakes: list[Mistake],
    lang: str,
    label: Callable[[str], str],
    generated: str,
) -> str:
    """The report of a class: leaderboard, scores, techniques, common mistakes."""
    body = [f'<p class="muted">{escape(t("printout.generated", lang, at=generated))}</p>']
    if not results:
        body.append(f"<p>{escape(t('printout.none', lang))}</p>")
        return _page(t("printout.class_title", lang, code=class_code), body, lang)
    body.append(f"<h2>{escape(t('printout.leaderboard', lang))}</h2>")
    body.append(
        _table(
            [
                t("printout.trainee", lang),
                t("printout.sessions", lang),
                t("printout.first", lang),
                t("printout.best", lang),
                t("printout.passed", lang),
            ],
            [
                [
                    row.display_name or row.trainee,
                    str(row.sessions),
                    str(row.first_score),
                    str(row.best_score),
                    str(row.passed),
                ]
                for row in leaders
            ],
            {1, 2, 3, 4},
        )
    )
    body.append(f"<h2>{escape(t('printout.best_chart', lang))}</h2>")
    body.append(
        score_chart(
            [(row.display_name or row.trainee, row.best_score, row.passed > 0) for row in leaders],
            None,
            t("printout.best_chart", lang),
        )
    )
    techniques = _technique_rows(results, label)
    if techniques:
        body.append(f"<h2>{escape(t('printout.techniques', lang))}</h2>")
        body.append(technique_chart(techniques, t("printout.techniques", lang)))
    if mistakes:
        body.append(f"<h2>{escape(t('printout.mistakes', lang))}</h2>")
        rows = []
        names = {row.trainee: row.display_name or row.trainee for row in leaders}
        for m in mistakes:
            example = ""
            if m.examples:
                trainee, words, model, _scenario, _beat = m.examples[0]
                who = names.get(trainee, trainee)
                example = f"{who}: 「{words}」" + (f" → 「{model}」" if model else "")
            rows.append(
                [
                    t(f"printout.kind.{m.kind}", lang)
                    if has(f"printout.kind.{m.kind}")
                    else m.kind,
                    label(m.label),
                    str(m.count),
                    example,
                ]
            )
        body.append(
            _table(
                [
                    t("printout.kind", lang),
                    t("printout.item", lang),
                    t("printout.count", lang),
                    t("printout.example", lang),
                ],
                rows,
                {2},
            )
        )
    return _page(t("printout.class_title", lang, code=class_code), body, lang)


def file_stem(text: str) -> str:
    """A file name part from an id (Chinese letters kept, separators replaced)."""
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-.")[:60] or "x"


def write_reports(
    folder: Path,
    class_code: str,
    results: list[SessionResult],
    leaders: list[LeaderRow],
    mistakes: list[Mistake],
    lang: str,
    label: Callable[[str], str],
    generated: str,
) -> list[Path]:
    """class-<code>.html and trainee-<id>.html per trainee; returns the paths written."""
    by_trainee: dict[str, list[SessionResult]] = {}
    for r in results:
        by_trainee.setdefault(r.identity.trainee, []).append(r)
    pages = [
        (
            f"class-{file_stem(class_code)}.html",
            class_html(class_code, results, leaders, mistakes, lang, label, generated),
        )
    ]
    for trainee, mine in sorted(by_trainee.items()):
        pages.append(
            (f"trainee-{file_stem(trainee)}.html", trainee_html(mine, lang, label, generated))
        )
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, html in pages:
            path = folder / name
            path.write_text(html, encoding="utf-8")
            written.append(path)
    except OSError as error:
        raise StoreError(
            f"cannot write in {folder}: {error.strerror or error} / 无法写入 {folder}"
        ) from None
    return written
