"""The library's list: scenario rows in aligned columns under full-width stage headings.

An OptionList rather than a DataTable so that a learning-path heading can span the whole
width and the cursor skips it (headings are disabled options).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option


@dataclass(frozen=True)
class ScenarioRow:
    id: str
    """Scenario id (the option id)."""
    title: str
    """Title."""
    lang: str
    """Language, already named for the interface."""
    level: str
    """Difficulty, already named."""
    techniques: str
    """Techniques trained, already joined."""
    minutes: int
    """Estimated minutes."""
    best: int | None
    """Best score so far (of the best result: a pass beats a fail)."""
    passed: bool
    """Whether that session passed (scoring.passed, as the feedback says)."""


@dataclass(frozen=True)
class Heading:
    key: str
    """Option id for the heading."""
    text: str
    """The stage's name."""


GAP = 2
FIXED = (("lang", 4), ("level", 6), ("minutes", 4), ("best", 4))
EDGES = 4
"""Left padding and the scrollbar."""


def widths(total: int) -> dict[str, int]:
    """Column widths for a list `total` cells wide: title and techniques share what is left."""
    fixed = sum(w for _, w in FIXED) + GAP * 5 + EDGES
    free = max(24, total - fixed)
    title = max(14, min(44, free * 11 // 20))
    return {"title": title, "techniques": max(10, free - title), **dict(FIXED)}


def cell(content: Content, width: int, right: bool = False) -> Content:
    if content.cell_length > width:
        content = content.truncate(width, ellipsis=True)
    return (
        content.pad_left(width - content.cell_length)
        if right
        else content.pad_right(width - content.cell_length)
    )


def line(cells: dict[str, Content], sizes: dict[str, int]) -> Content:
    order = ("title", "lang", "level", "techniques", "minutes", "best")
    gap = Content(" " * GAP)
    return gap.join(cell(cells[k], sizes[k], right=k in ("minutes", "best")) for k in order)


def header(names: dict[str, str], total: int) -> Content:
    sizes = widths(total)
    return Content(" ").append(line({k: Content(v) for k, v in names.items()}, sizes))


class ScenarioList(OptionList):
    """Scenarios grouped by stage; Enter opens the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Open", key_display="Enter", tooltip="Open", id="open")]

    def show(self, items: list[ScenarioRow | Heading], total: int, keep: str | None = None) -> None:
        """Replace the options; keep the cursor on `keep` when it is still listed."""
        sizes = widths(total)
        options = []
        for item in items:
            if isinstance(item, Heading):
                options.append(
                    Option(
                        Content.from_markup("[b $text-accent]$x[/]", x=item.text),
                        id=item.key,
                        disabled=True,
                    )
                )
                continue
            best = (
                Content("—")
                if item.best is None
                else Content.from_markup(
                    f"[{'$text-success' if item.passed else '$text-warning'}]$x[/]",
                    x=str(item.best),
                )
            )
            options.append(
                Option(
                    line(
                        {
                            "title": Content(item.title),
                            "lang": Content(item.lang),
                            "level": Content(item.level),
                            "techniques": Content(item.techniques),
                            "minutes": Content(str(item.minutes)),
                            "best": best,
                        },
                        sizes,
                    ),
                    id=item.id,
                )
            )
        self.clear_options()
        self.add_options(options)
        ids = [o.id for o in options if not o.disabled]
        target = keep if keep in ids else (ids[0] if ids else None)
        if target is not None:
            self.highlighted = self.get_option_index(target)

    @property
    def current(self) -> str | None:
        """Id of the highlighted scenario."""
        if self.highlighted is None or not self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.disabled else option.id
