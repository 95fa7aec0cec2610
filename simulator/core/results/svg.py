"""Small inline SVG charts for the printable reports, drawn by hand: no scripts, no
external files, so a report opens and prints the same anywhere, offline."""

from __future__ import annotations

from html import escape


def score_chart(
    points: list[tuple[str, int, bool]], pass_mark: int | None, title: str, width: int = 640
) -> str:
    """Scores over time as bars (a pass is solid, a fail outlined) with the pass mark line.

    points: (label under the bar, score 0-100, passed), oldest first; a label too long for
    its bar is cut.
    """
    height, left, bottom, top = 210, 34, 30, 12
    plot_w, plot_h = width - left - 8, height - bottom - top
    n = max(1, len(points))
    step = plot_w / n
    bar = max(2.0, min(36.0, step * 0.7))
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for tick in (0, 50, 100):
        y = top + plot_h * (1 - tick / 100)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick}</text>'
        )
    for i, (label, score, passed) in enumerate(points):
        score = max(0, min(100, score))
        x = left + step * i + (step - bar) / 2
        h = plot_h * score / 100
        y = top + plot_h - h
        kind = "pass" if passed else "fail"
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" class="{kind}">'
            f"<title>{escape(label)}: {score}</title></rect>"
            f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" class="value">'
            f"{score}</text>"
            f'<text x="{left + step * (i + 0.5):.1f}" y="{top + plot_h + 16}" '
            f'text-anchor="middle" class="tick">{escape(_fit(label, step))}</text>'
        )
    if pass_mark is not None:
        y = top + plot_h * (1 - max(0, min(100, pass_mark)) / 100)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" class="mark"/>')
    parts.append("</svg>")
    return "".join(parts)


def technique_chart(rows: list[tuple[str, int, int]], title: str, width: int = 640) -> str:
    """Horizontal bars per technique: times shown (solid) and missed (outlined).

    rows: (label, shown, missed).
    """
    line, label_w = 22, 170
    height = max(1, len(rows)) * line + 10
    top = max([s + m for _, s, m in rows] + [1])
    scale = (width - label_w - 50) / top
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (label, shown, missed) in enumerate(rows):
        y = 5 + i * line
        ws, wm = shown * scale, missed * scale
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" class="tick">'
            f"{escape(label)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{ws:.1f}" height="14" class="pass"/>'
            f'<rect x="{label_w + ws:.1f}" y="{y + 3}" width="{wm:.1f}" height="14" class="fail"/>'
            f'<text x="{label_w + ws + wm + 4:.1f}" y="{y + 14}" class="value">'
            f"{shown} / {missed}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _fit(label: str, room: float) -> str:
    """The label cut to the room under a bar (a CJK character counts double)."""
    budget, out = room / 6.5, ""
    for ch in label:
        cost = 2 if ord(ch) > 0x2E80 else 1
        if budget - cost < 0:
            return out.rstrip() + "…" if out else ""
        budget -= cost
        out += ch
    return out
