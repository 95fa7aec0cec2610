"""The conversation's side panel: persona card, live meters, facts uncovered and elapsed time.

Each widget is handed a small frozen view model by the screen and only draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static


@dataclass(frozen=True)
class PersonaView:
    name: str
    """Customer's name."""
    role: str
    """Who they are."""
    personality: str
    """How they behave."""
    background: tuple[str, ...]
    """Background points."""


@dataclass(frozen=True)
class MeterView:
    label: str
    """Name shown."""
    value: float
    """Current value."""
    low: float
    """Floor."""
    high: float
    """Ceiling."""
    delta: float = 0.0
    """Net change on the last turn (0 when none)."""
    reason: str = ""
    """Why it last changed (empty in exam mode)."""


def bar(value: float, low: float, high: float, width: int) -> Content:
    """A horizontal gauge coloured by how full it is."""
    span = (high - low) or 1
    ratio = min(1.0, max(0.0, (value - low) / span))
    filled = round(ratio * width)
    colour = "$success" if ratio >= 0.6 else "$warning" if ratio >= 0.3 else "$error"
    return Content.from_markup(
        f"[{colour}]$full[/][$text-disabled]$empty[/]",
        full="█" * filled,
        empty="░" * (width - filled),
    )


def delta_text(delta: float) -> Content:
    if not delta:
        return Content("")
    arrow, colour = ("▲", "$text-success") if delta > 0 else ("▼", "$text-error")
    return Content.from_markup(f"[{colour}]$d[/]", d=f"{arrow}{abs(delta):g}")


class MeterGauge(Widget):
    """Label, value, last change; a bar; the reason for the last change."""

    DEFAULT_CSS = """
    MeterGauge { height: auto; }
    """

    def __init__(self, view: MeterView, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="meter")
        self.view = view

    def show(self, view: MeterView) -> None:
        self.view = view
        self.refresh(layout=True)

    def render(self) -> Content:
        v = self.view
        width = max(6, self.content_region.width or 24)
        head = Content.assemble(
            Content.from_markup("[b]$label[/b] ", label=v.label),
            Content(f"{v.value:g}"),
            " ",
            delta_text(v.delta),
        )
        lines = [head, bar(v.value, v.low, v.high, width)]
        if v.reason:
            lines.append(Content.from_markup("[$text-muted]$r[/]", r=v.reason))
        return Content("\n").join(lines)


class SidePanel(VerticalScroll):
    """Persona card, meters, facts and time, top to bottom."""

    def __init__(
        self,
        persona: PersonaView,
        meters: list[MeterView],
        *,
        headings: dict[str, str],
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.persona = persona
        self.meters = meters
        self.headings = headings

    def compose(self) -> ComposeResult:
        p = self.persona
        card = [Content.from_markup("[b]$name[/b]", name=p.name), Content(p.role)]
        if p.personality:
            card.append(Content.from_markup("[$text-muted]$x[/]", x=p.personality))
        card += [
            Content(("・" if item[:1] and ord(item[0]) >= 0x2E80 else "· ") + item)
            for item in p.background
        ]
        persona = Static(Content("\n").join(card), id="persona-card", classes="panel-section")
        persona.border_title = Content(self.headings["persona"])
        yield persona
        with Vertical(id="meters", classes="panel-section") as meters:
            meters.border_title = Content(self.headings["meters"])
            for n, view in enumerate(self.meters):
                yield MeterGauge(view, id=f"meter-{n}")
        facts = Static("", id="facts", classes="panel-section")
        yield facts
        yield Static("", id="elapsed")

    def show_meters(self, views: list[MeterView]) -> None:
        for n, view in enumerate(views):
            self.query_one(f"#meter-{n}", MeterGauge).show(view)

    def show_facts(self, heading: str, labels: list[str], empty: str) -> None:
        facts = self.query_one("#facts", Static)
        facts.border_title = Content(heading)
        lines = [Content.from_markup("[$text-success]✓[/] $x", x=label) for label in labels]
        facts.update(
            Content("\n").join(lines)
            if lines
            else Content.from_markup("[$text-muted]$x[/]", x=empty)
        )

    def show_elapsed(self, text: str) -> None:
        self.query_one("#elapsed", Static).update(Content(text))
