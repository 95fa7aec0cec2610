"""Small text charts for the feedback: technique bars and the meter trajectory over the turns."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

_LEVELS = " ▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class TechniqueRow:
    label: str
    """Technique name."""
    taken: int
    """Opportunities taken."""
    offered: int
    """Opportunities offered."""
    note: str = ""
    """Extra words after the count (misplaced, used)."""


@dataclass(frozen=True)
class Series:
    label: str
    """Meter name."""
    values: tuple[float, ...]
    """Value at the start and after each turn."""
    low: float
    """Floor of the scale."""
    high: float
    """Ceiling of the scale."""


def _pad(content: Content, width: int) -> Content:
    return content.pad_right(max(0, width - content.cell_length))


class TechniqueBars(Widget):
    """One line per technique: name, a bar of taken/offered, the count."""

    DEFAULT_CSS = "TechniqueBars { height: auto; }"

    def __init__(self, rows: list[TechniqueRow], *, empty: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.empty = empty

    def render(self) -> Content:
        if not self.rows:
            return Content.from_markup("[$text-muted]$x[/]", x=self.empty)
        name_width = max(Content(r.label).cell_length for r in self.rows) + 1
        width = 10
        lines = []
        for r in self.rows:
            if r.offered:
                filled = round(width * r.taken / r.offered)
                colour = "$success" if r.taken == r.offered else "$warning" if r.taken else "$error"
                bar = Content.from_markup(
                    f"[{colour}]$a[/][$text-disabled]$b[/]",
                    a="█" * filled,
                    b="░" * (width - filled),
                )
            else:
                bar = Content.from_markup("[$text-disabled]$a[/]", a="·" * width)
            line = Content.assemble(
                _pad(Content(r.label), name_width), bar, f" {r.taken}/{r.offered}"
            )
            if r.note:
                line = Content.assemble(line, Content.from_markup(" [$text-muted]$n[/]", n=r.note))
            lines.append(line)
        return Content("\n").join(lines)


def column_chart(series: Series, height: int = 3) -> list[Content]:
    """Rows of a small column chart, top row first; one column (two cells) per value."""
    span = (series.high - series.low) or 1
    levels = [
        round(min(1.0, max(0.0, (v - series.low) / span)) * height * 8) for v in series.values
    ]
    rows = []
    for row in range(height):
        floor = (height - 1 - row) * 8
        chars = "".join(_LEVELS[min(8, max(0, level - floor))] * 2 for level in levels)
        rows.append(Content.from_markup("[$text-accent]$c[/]", c=chars))
    return rows


class MeterChart(Widget):
    """Each meter as a small labelled column chart: name on the first row, first → last value below."""

    DEFAULT_CSS = "MeterChart { height: auto; }"

    def __init__(self, series: list[Series], *, height: int = 2, id: str | None = None) -> None:
        super().__init__(id=id)
        self.series = series
        self.chart_height = height

    def render(self) -> Content:
        lines: list[Content] = []
        heads = [
            (s.label, f"{s.values[0]:g} → {s.values[-1]:g}" if s.values else "")
            for s in self.series
        ]
        width = max((Content(x).cell_length for pair in heads for x in pair), default=0) + 1
        for s, (label, path) in zip(self.series, heads, strict=True):
            for n, row in enumerate(column_chart(s, self.chart_height)):
                head = (
                    Content.from_markup("[b]$l[/b]", l=label)
                    if n == 0
                    else Content(path if n == 1 else "")
                )
                lines.append(Content.assemble(_pad(head, width), "│", row))
        return Content("\n").join(lines)
