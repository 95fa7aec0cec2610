"""Each technique across sessions: its name, a column per session on a fixed 0–100 % scale,
the latest result and the direction it is going.

A fixed scale, not Sparkline's: Textual's Sparkline scales to the data's own minimum and
maximum, so three perfect sessions would draw as a flat floor and 50 % → 60 % as the full
height; a trainee reading "how am I doing" needs 100 % to look like 100 % every time.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

_LEVELS = " ▁▂▃▄▅▆▇█"
FIGURES = 30
"""Cells kept for the latest result, the trend and the session count."""
_COLOURS = {
    "up": "$text-success",
    "down": "$text-error",
    "flat": "$text-muted",
    "new": "$text-muted",
}


@dataclass(frozen=True)
class TrendRow:
    label: str
    """Technique name."""
    rates: tuple[float, ...]
    """Share of moments taken, one per session, oldest first."""
    latest: str
    """The latest session's result, e.g. "最近 1/2"."""
    trend: str
    """up, down, flat or new."""
    trend_text: str
    """The trend in words."""
    sessions: str
    """How many sessions, in words."""


class TrendChart(Widget):
    """Two lines per technique: name and figures, then its columns (the newest that fit)."""

    DEFAULT_CSS = "TrendChart { height: auto; }"

    def __init__(self, rows: list[TrendRow], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows

    def columns_that_fit(self) -> int:
        """Sessions shown per technique: two cells each, between the name and the figures."""
        return max(1, (self.size.width - self._name_width() - 3 - FIGURES) // 2)

    def _name_width(self) -> int:
        return min(16, max((Content(r.label).cell_length for r in self.rows), default=0) + 1)

    def render(self) -> Content:
        width = self._name_width()
        shown = min(self.columns_that_fit(), max((len(r.rates) for r in self.rows), default=1))
        lines = []
        for r in self.rows:
            top, bottom = columns(r.rates[-shown:], shown)
            name = Content.from_markup("[b]$l[/b]", l=r.label).truncate(width - 1, ellipsis=True)
            figures = Content.from_markup(
                f"$latest  [{_COLOURS.get(r.trend, '$text-muted')}]$trend[/]  [$text-muted]$n[/]",
                latest=r.latest,
                trend=r.trend_text,
                n=r.sessions,
            )
            lines.append(Content.assemble(name.pad_right(width - name.cell_length), "│", top))
            lines.append(Content.assemble(" " * width, "│", bottom, "  ", figures))
        return Content("\n").join(lines)


def columns(rates: tuple[float, ...], slots: int) -> tuple[Content, Content]:
    """Two rows of columns on a fixed 0–1 scale, two cells per session, padded to `slots`;
    a session with nothing taken is a dim floor line, so it still shows as a session."""
    levels = [round(min(1.0, max(0.0, rate)) * 16) for rate in rates]
    top = "".join(_LEVELS[max(0, level - 8)] * 2 for level in levels)
    bottom = Content.assemble(
        *(
            Content.from_markup("[$text-disabled]▁▁[/]")
            if level == 0
            else Content.from_markup("[$text-accent]$c[/]", c=_LEVELS[min(8, level)] * 2)
            for level in levels
        )
    )
    pad = 2 * (slots - len(rates))
    return (
        Content.from_markup("[$text-accent]$c[/]", c=top + " " * pad),
        bottom.pad_right(pad),
    )
