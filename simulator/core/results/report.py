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

WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "trainee_title": "学员成绩报告:{name}",
        "class_title": "班级成绩报告:{code}",
        "class": "班级",
        "sessions": "练习次数",
        "first": "首次得分",
        "best": "最高分",
        "average": "平均分",
        "passed": "通过次数",
        "scores": "历次得分(实心为通过,横线为及格线)",
        "best_chart": "每位学员的最高分(实心为已通过)",
        "techniques": "技巧:使用次数 / 错过次数",
        "history": "练习记录",
        "date": "日期",
        "scenario": "场景",
        "mode": "模式",
        "score": "得分",
        "result": "结果",
        "yes": "通过",
        "no": "未通过",
        "leaderboard": "排行榜",
        "trainee": "学员",
        "mistakes": "常见问题",
        "kind": "类型",
        "item": "项目",
        "count": "次数",
        "example": "例子(学员原话 → 参考说法)",
        "missed": "错过技巧",
        "pitfall": "失误",
        "none": "还没有完成的练习。",
        "generated": "生成于 {at}",
    },
    "en": {
        "trainee_title": "Trainee report: {name}",
        "class_title": "Class report: {code}",
        "class": "Class",
        "sessions": "Sessions",
        "first": "First score",
        "best": "Best score",
        "average": "Average",
        "passed": "Passed",
        "scores": "Scores over time (solid = passed; the line is the pass mark)",
        "best_chart": "Best score per trainee (solid = has passed)",
        "techniques": "Techniques: times shown / missed",
        "history": "Sessions",
        "date": "Date",
        "scenario": "Scenario",
        "mode": "Mode",
        "score": "Score",
        "result": "Result",
        "yes": "passed",
        "no": "not passed",
        "leaderboard": "Leaderboard",
        "trainee": "Trainee",
        "mistakes": "Common mistakes",
        "kind": "Kind",
        "item": "What",
        "count": "Count",
        "example": "Example (their words → model reply)",
        "missed": "missed technique",
        "pitfall": "pitfall",
        "none": "No finished sessions yet.",
        "generated": "Generated {at}",
    },
}

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
        for t, n in r.techniques.items():
            shown[t] = shown.get(t, 0) + n
        for m in r.missed:
            missed[m.technique] = missed.get(m.technique, 0) + 1
    ids = sorted(set(shown) | set(missed), key=lambda t: (-(shown.get(t, 0)), t))
    return [(label(t), shown.get(t, 0), missed.get(t, 0)) for t in ids]


def trainee_html(
    results: list[SessionResult], lang: str, label: Callable[[str], str], generated: str
) -> str:
    """The report of one trainee's finished sessions (oldest first)."""
    w = WORDS[lang]
    who = results[0].identity if results else None
    name = (who.display_name or who.trainee) if who else "?"
    body = [f'<p class="muted">{escape(w["generated"].format(at=generated))}</p>']
    if who and who.class_code:
        body.append(f"<p>{escape(w['class'])}: {escape(who.class_code)}</p>")
    if not results:
        body.append(f"<p>{escape(w['none'])}</p>")
        return _page(w["trainee_title"].format(name=name), body, lang)
    scores = [r.score for r in results]
    body.append(
        '<table class="stats">'
        + _table(
            [w["sessions"], w["first"], w["best"], w["average"], w["passed"]],
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
    body.append(f"<h2>{escape(w['scores'])}</h2>")
    body.append(
        score_chart(
            [(r.finished_at[5:10], r.score, r.passed) for r in results],
            marks.pop() if len(marks) == 1 else None,
            w["scores"],
        )
    )
    techniques = _technique_rows(results, label)
    if techniques:
        body.append(f"<h2>{escape(w['techniques'])}</h2>")
        body.append(technique_chart(techniques, w["techniques"]))
    body.append(f"<h2>{escape(w['history'])}</h2>")
    body.append(
        _table(
            [w["date"], w["scenario"], w["mode"], w["score"], w["result"]],
            [
                [
                    r.finished_at[:16].replace("T", " "),
                    r.title or r.scenario_id,
                    r.mode,
                    f"{r.score} / {r.pass_score}",
                    w["yes"] if r.passed else w["no"],
                ]
                for r in reversed(results)
            ],
            {3},
        )
    )
    return _page(w["trainee_title"].format(name=name), body, lang)


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
    w = WORDS[lang]
    body = [f'<p class="muted">{escape(w["generated"].format(at=generated))}</p>']
    if not results:
        body.append(f"<p>{escape(w['none'])}</p>")
        return _page(w["class_title"].format(code=class_code), body, lang)
    body.append(f"<h2>{escape(w['leaderboard'])}</h2>")
    body.append(
        _table(
            [w["trainee"], w["sessions"], w["first"], w["best"], w["passed"]],
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
    body.append(f"<h2>{escape(w['best_chart'])}</h2>")
    body.append(
        score_chart(
            [(row.display_name or row.trainee, row.best_score, row.passed > 0) for row in leaders],
            None,
            w["best_chart"],
        )
    )
    techniques = _technique_rows(results, label)
    if techniques:
        body.append(f"<h2>{escape(w['techniques'])}</h2>")
        body.append(technique_chart(techniques, w["techniques"]))
    if mistakes:
        body.append(f"<h2>{escape(w['mistakes'])}</h2>")
        rows = []
        names = {row.trainee: row.display_name or row.trainee for row in leaders}
        for m in mistakes:
            example = ""
            if m.examples:
                trainee, words, model, _scenario, _beat = m.examples[0]
                who = names.get(trainee, trainee)
                example = f"{who}: 「{words}」" + (f" → 「{model}」" if model else "")
            rows.append(
                [w[m.kind] if m.kind in w else m.kind, label(m.label), str(m.count), example]
            )
        body.append(_table([w["kind"], w["item"], w["count"], w["example"]], rows, {2}))
    return _page(w["class_title"].format(code=class_code), body, lang)


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
