"""The briefing: situation, role and goal, the customer's card, the techniques, the mode, and
(optionally) the names of a hot-seat relay: a group taking turns on one screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Footer, Input, RadioButton, RadioSet, Static

from simulator.core.scenario.loader import Scenario
from simulator.core.session.relay import RelayError, parse_names
from simulator.tui.screens.base import SimScreen
from simulator.tui.views import bullet, join_names, labelled


class BriefingScreen(SimScreen):
    """Read the brief, pick coach or exam mode, start."""

    AUTO_FOCUS = "#brief"
    BINDINGS = [
        Binding("enter", "start", "Start", key_display="Enter", tooltip="Start", id="start"),
        Binding("c", "mode('coach')", "Coach", tooltip="Coach mode", id="coach"),
        Binding("x", "mode('exam')", "Exam", tooltip="Exam mode", id="exam"),
        Binding("g", "relay", "Relay", tooltip="Names for a group relay", id="relay"),
        Binding("escape", "back", "Back", key_display="Esc", tooltip="Back", id="back"),
    ]

    @dataclass
    class Started(Message):
        """The trainee starts the scenario in a mode."""

        scenario: Scenario
        mode: str
        relay: tuple[str, ...] = ()
        """Names taking turns (empty: one trainee)."""

    class Closed(Message):
        """The trainee went back without starting."""

    def __init__(self, scenario: Scenario, mode: str = "coach") -> None:
        super().__init__()
        self.scenario = scenario
        """The scenario briefed."""
        self.mode = mode
        """coach or exam."""
        self.relay_text = ""
        """What is typed in the relay field (kept across a language switch)."""

    def compose(self) -> ComposeResult:
        s, cat = self.scenario, self.sim.config.catalogue
        brief = s.briefing
        yield Static(Content(f"{self.t('briefing.title')} · {s.title}"), id="brief-title")
        with VerticalScroll(id="brief", can_focus=True):
            yield Static(
                Content(
                    self.t(
                        "briefing.meta",
                        lang=self.t(f"lang.{s.language}"),
                        level=self.t(f"difficulty.{s.difficulty}"),
                        minutes=s.estimated_minutes,
                        pass_score=s.pass_score,
                    )
                ),
                id="brief-meta",
            )
            pairs = [
                (self.t(f"briefing.{key}"), str(brief[key]))
                for key in ("situation", "role", "goal")
                if brief.get(key)
            ]
            if s.objectives:
                pairs.append(
                    (self.t("briefing.objectives"), join_names(list(s.objectives), s.language))
                )
            task = [Content(labelled(k, v, self.lang)).stylize("b", 0, len(k)) for k, v in pairs]
            yield self._section(self.t("briefing.task"), Content("\n").join(task), "brief-task")
            with Horizontal(id="brief-cards"):
                p = s.persona
                card = [Content.from_markup("[b]$n[/b]", n=p.name), Content(p.role)]
                if p.personality:
                    card.append(
                        Content(labelled(self.t("briefing.personality"), p.personality, self.lang))
                    )
                card += [Content(bullet(b)) for b in p.background]
                yield self._section(
                    self.t("briefing.persona"), Content("\n").join(card), "brief-persona"
                )
                lines = [
                    Content.from_markup(
                        "[b]$n[/b][$text-muted]$e[/]",
                        n=cat.label(tid, self.lang),
                        e=labelled("", cat.entries[tid].explain.get(self.lang, ""), self.lang)
                        if tid in cat.entries
                        else "",
                    )
                    for tid in s.techniques
                ]
                yield self._section(
                    self.t("briefing.techniques"), Content("\n").join(lines), "brief-techniques"
                )
        with Horizontal(id="mode-bar"):
            with RadioSet(id="mode", compact=True):
                yield RadioButton(
                    self.t("mode.coach"), value=self.mode == "coach", id="mode-coach", compact=True
                )
                yield RadioButton(
                    self.t("mode.exam"), value=self.mode == "exam", id="mode-exam", compact=True
                )
            yield Button(self.t("briefing.start"), id="start", variant="primary", compact=True)
        yield Static(Content(self.t(f"mode.{self.mode}.help")), id="mode-help")
        with Horizontal(id="relay-bar"):
            yield Static(Content(self.t("relay.label")), id="relay-label")
            yield Input(
                self.relay_text, placeholder=self.t("relay.placeholder"), id="relay", compact=True
            )
        yield Static(id="relay-error")
        yield Footer(compact=True)

    def _section(self, heading: str, body: Content, section_id: str) -> Static:
        widget = Static(body, classes="brief-section", id=section_id)
        widget.border_title = heading
        return widget

    @on(RadioSet.Changed, "#mode")
    def _mode_changed(self, event: RadioSet.Changed) -> None:
        self.mode = "exam" if event.pressed.id == "mode-exam" else "coach"
        self.query_one("#mode-help", Static).update(Content(self.t(f"mode.{self.mode}.help")))

    @on(Button.Pressed, "#start")
    def _start_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    @on(Input.Changed, "#relay")
    def _relay_changed(self, event: Input.Changed) -> None:
        self.relay_text = event.value
        self._relay_error("")

    @on(Input.Submitted, "#relay")
    def _relay_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def _relay_error(self, text: str) -> None:
        error = self.query_one("#relay-error", Static)
        error.update(Content(text))
        error.set_class(bool(text), "-visible")

    def action_relay(self) -> None:
        self.query_one("#relay", Input).focus()

    def action_start(self) -> None:
        names: tuple[str, ...] = ()
        if self.relay_text.strip():
            try:
                names = parse_names(self.relay_text)
            except RelayError as error:
                self._relay_error(error.text(self.lang))
                self.query_one("#relay", Input).focus()
                return
        self.post_message(self.Started(self.scenario, self.mode, names))

    def action_mode(self, mode: str) -> None:
        self.query_one(f"#mode-{mode}", RadioButton).value = True

    def action_back(self) -> None:
        self.post_message(self.Closed())
