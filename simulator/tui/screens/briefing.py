"""The briefing: situation, role and goal, the customer's card, the techniques, and the mode."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Footer, RadioButton, RadioSet, Static

from simulator.core.scenario import Scenario
from simulator.tui.screens.base import SimScreen
from simulator.tui.views import bullet, join_names, labelled


class BriefingScreen(SimScreen):
    """Read the brief, pick coach or exam mode, start."""

    AUTO_FOCUS = "#brief"
    BINDINGS = [
        Binding("enter", "start", "Start", key_display="Enter", tooltip="Start", id="start"),
        Binding("c", "mode('coach')", "Coach", tooltip="Coach mode", id="coach"),
        Binding("x", "mode('exam')", "Exam", tooltip="Exam mode", id="exam"),
        Binding("escape", "back", "Back", key_display="Esc", tooltip="Back", id="back"),
    ]

    @dataclass
    class Started(Message):
        """The trainee starts the scenario in a mode."""

        scenario: Scenario
        mode: str

    class Closed(Message):
        """The trainee went back without starting."""

    def __init__(self, scenario: Scenario, mode: str = "coach") -> None:
        super().__init__()
        self.scenario = scenario
        """The scenario briefed."""
        self.mode = mode
        """coach or exam."""

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

    def action_start(self) -> None:
        self.post_message(self.Started(self.scenario, self.mode))

    def action_mode(self, mode: str) -> None:
        self.query_one(f"#mode-{mode}", RadioButton).value = True

    def action_back(self) -> None:
        self.post_message(self.Closed())
