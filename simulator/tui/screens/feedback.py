"""The feedback: score and verdict, technique bars, the meter chart, the transcript with the
evidence behind each reply, missed opportunities and facts; retry, export, back.

Everything shown comes from the core's Report (the same one the CLI prints and the history
stores), so a report reopened from the history looks exactly as it did at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from simulator.core.cjk import tidy
from simulator.core.errors import SimulatorError
from simulator.core.session import relay
from simulator.core.session.feedback import Report
from simulator.core.session.transcript import TranscriptTurn
from simulator.tui import views
from simulator.tui.screens.base import SimScreen
from simulator.tui.widgets.charts import MeterChart, Series, TechniqueBars, TechniqueRow
from simulator.tui.widgets.group_board import GroupBoard

FOCUS = {
    "summary": "#summary-scroll",
    "transcript": "#turns",
    "missed": "#missed-scroll",
    "group": "#group-board",
}
"""The widget that takes the focus on each tab."""


class FeedbackScreen(SimScreen):
    """What a finished session earned, and why."""

    AUTO_FOCUS = "#summary-scroll"
    BINDINGS = [
        Binding("r", "retry", "Try again", tooltip="Try again", id="retry"),
        Binding("e", "export", "Export", tooltip="Export", id="export"),
        # Not in the footer, so that Quit and the language key fit 80 columns (with a relay's
        # Group too): History is a button on this screen, Progress is in the command palette.
        Binding("h", "history", "History", tooltip="History", show=False, id="history"),
        Binding("p", "progress", "Progress", tooltip="Progress", show=False, id="progress"),
        Binding("m", "tab('missed')", "Missed", tooltip="Missed", id="missed"),
        Binding("escape", "library", "Library", key_display="Esc", tooltip="Library", id="library"),
        Binding("1", "tab('summary')", "Summary", show=False, id="tab1"),
        Binding("2", "tab('transcript')", "Transcript", show=False, id="tab2"),
        Binding("3", "tab('missed')", "Missed", show=False, id="tab3"),
        Binding("4", "tab('group')", "Group", show=False, id="tab4"),
        Binding("g", "tab('group')", "Group", tooltip="Group", id="group"),
    ]

    @dataclass
    class RetryRequested(Message):
        """Play the same scenario again."""

        scenario_id: str
        mode: str
        relay: tuple[str, ...] = ()
        """The same relay's names, to play again as a group."""

    class LibraryRequested(Message):
        """Back to the library."""

    class HistoryRequested(Message):
        """Open the history."""

    class ProgressRequested(Message):
        """Open the progress screen."""

    def __init__(self, report: Report, *, mode: str = "coach", can_retry: bool = True) -> None:
        super().__init__()
        self.report = report
        """The report shown."""
        self.mode = mode
        """Mode the session was played in."""
        self.can_retry = can_retry
        """The scenario is available to play again."""
        self.tab = "summary"
        self.selected: int | None = None

    # ---- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        r = self.report
        verdict = self.t("feedback.pass") if r.passed else self.t("feedback.fail")
        colour = "$text-success" if r.passed else "$text-error"
        head = Content.from_markup(
            f"[b]$score[/b]  [b {colour}]$verdict[/]  [$text-muted]$need[/]",
            score=self.t("feedback.score", score=r.score),
            verdict=verdict,
            need=self.t("feedback.need", n=r.pass_score),
        )
        ending = self.t("feedback.ending_kind", kind=views.ending_kind(r.ending_kind, self.lang))
        with Vertical(id="fb-head"):
            yield Static(
                Content.from_markup("[b]$t[/b] · $m", t=r.title, m=self.t(f"mode.{self.mode}")),
                id="fb-title",
            )
            yield Static(head, id="fb-score")
            yield Static(Content(ending), id="fb-ending")
        with TabbedContent(id="fb-tabs", initial=f"tab-{self.tab}"):
            with TabPane("1 " + self.t("feedback.tab.summary"), id="tab-summary"):
                yield from self._summary()
            with TabPane("2 " + self.t("feedback.tab.transcript"), id="tab-transcript"):
                with Container(id="transcript-body"):
                    yield OptionList(*self._transcript_options(), id="turns")
                    with VerticalScroll(id="why-scroll"):
                        yield Static(Content(self.t("feedback.select")), id="why")
                yield Static(self._legend(), id="fb-legend")
            with TabPane("3 " + self.t("feedback.tab.missed"), id="tab-missed"):
                with VerticalScroll(id="missed-scroll", can_focus=True):
                    yield from self._missed()
            group = relay.group(r)
            if group is not None:
                with TabPane("4 " + self.t("feedback.tab.group"), id="tab-group"):
                    yield GroupBoard(
                        group,
                        label=lambda i: self.sim.config.catalogue.label(i, self.lang),
                        t=self.t,
                        id="group-board",
                    )
        with Horizontal(id="fb-actions"):
            yield Button(
                self.t("key.retry"),
                id="do-retry",
                variant="primary",
                compact=True,
                disabled=not self.can_retry,
            )
            yield Button(self.t("key.export"), id="do-export", compact=True)
            yield Button(self.t("key.history"), id="do-history", compact=True)
            yield Button(self.t("key.library"), id="do-library", compact=True)
        yield Footer(compact=True)

    def _summary(self) -> ComposeResult:
        r, cat = self.report, self.sim.config.catalogue
        rows = []
        for tr in r.techniques:
            notes = []
            if tr.misplaced:
                notes.append(self.t("feedback.misplaced", n=tr.misplaced))
            if tr.used and not tr.offered:
                notes.append(self.t("feedback.used", n=tr.used))
            rows.append(
                TechniqueRow(cat.label(tr.id, self.lang), tr.taken, tr.offered, " ".join(notes))
            )
        bars = Vertical(
            TechniqueBars(rows, empty=self.t("none")), classes="fb-section", id="fb-techniques"
        )
        bars.border_title = self.t("feedback.techniques")
        chart = Vertical(MeterChart(self._series()), classes="fb-section", id="fb-meters")
        chart.border_title = self.t("feedback.meters")
        tips = Static(
            Content("\n").join(Content(f"{n}. {s}") for n, s in enumerate(r.suggestions, 1))
            if r.suggestions
            else Content(self.t("none")),
            classes="fb-section",
            id="fb-suggestions",
        )
        tips.border_title = self.t("feedback.suggestions")
        with VerticalScroll(id="summary-scroll", can_focus=True):
            if r.ending_message.strip():  # wrapped in full here; the header keeps one line
                yield Static(Content(tidy(r.ending_message)), id="fb-ending-message")
            with Horizontal(id="summary-top"):
                yield bars
                yield chart
            yield tips

    def _meter_name(self, name: str) -> str:
        scenario = self.sim.scenario_by_id(self.report.scenario)
        if scenario and name in scenario.persona.meters:
            return views.meter_label(scenario, name, self.lang)
        return self.t(f"meter.{name}") if name in ("trust", "patience") else name

    def _series(self) -> list[Series]:
        r = self.report
        if not r.trajectory:
            return []
        scenario = self.sim.scenario_by_id(r.scenario)
        out = []
        for name in r.trajectory[0]:
            label = self._meter_name(name)
            low, high = (0.0, 100.0)
            if scenario and name in scenario.persona.meters:
                low, high = scenario.persona.meters[name].min, scenario.persona.meters[name].max
            out.append(
                Series(label, tuple(float(row.get(name, 0)) for row in r.trajectory), low, high)
            )
        return out

    def _transcript_options(self) -> list[Option]:
        cat, options = self.sim.config.catalogue, []
        for n, entry in enumerate(self.report.transcript):
            if not entry.trainee:
                text = Content.from_markup(
                    "[$text-muted]$who:[/] $x", who=self.t("feedback.customer"), x=entry.text
                )
                options.append(Option(text, id=f"e{n}", disabled=True))
                continue
            marks = [
                Content.from_markup("[$text-success]✓$x[/]", x=cat.label(i, self.lang))
                for i in entry.taken
            ]
            marks += [
                Content.from_markup("[$text-error]✗$x[/]", x=cat.label(i, self.lang))
                for i in [*entry.misplaced, *entry.pitfalls]
            ]
            head = Content.from_markup(
                "[b]$turn $who:[/b] $x",
                turn=self.t("feedback.turn", n=entry.turn),
                who=entry.author or self.t("feedback.you"),
                x=entry.text,
            )
            prompt = Content("\n").join([head, Content(" ").join(marks)]) if marks else head
            options.append(Option(prompt, id=f"e{n}"))
        return options

    def _legend(self) -> Content:
        """What the marks beside a reply and in its evidence mean."""
        return Content.from_markup(
            "[$text-success]✓[/] $good   [$text-muted]·[/] $seen   [$text-error]✗[/] $bad",
            good=self.t("feedback.legend.good"),
            seen=self.t("feedback.legend.seen"),
            bad=self.t("feedback.legend.bad"),
        )

    def _missed(self) -> ComposeResult:
        r, cat = self.report, self.sim.config.catalogue
        missed = [o for o in r.opportunities if not o.taken]
        lines: list[Content] = []
        for o in missed:
            lines.append(
                Content.from_markup(
                    "[b]$turn · $name[/b]",
                    turn=self.t("feedback.turn", n=o.turn),
                    name=cat.label(o.technique, self.lang),
                )
            )
            lines.append(self._labelled("feedback.cue", o.cue))
            lines.append(self._labelled("feedback.said", o.reply))
            if o.model_reply:
                lines.append(
                    self._labelled("feedback.better", tidy(o.model_reply), "$text-success")
                )
            else:
                lines.append(self._labelled("feedback.better", self.t("feedback.no_model")))
            lines.append(Content(""))
        yield self._block(
            "feedback.missed", lines or [Content(self.t("feedback.none_missed"))], "fb-missed"
        )
        pits = [
            Content.from_markup(
                "[b]$turn · $name[/b]: $reply [$text-muted]— $why[/]",
                turn=self.t("feedback.turn", n=p.turn),
                name=cat.label(p.id, self.lang),
                reply=p.reply,
                why=p.explain,
            )
            for p in r.pitfalls
        ]
        pits += [
            Content.from_markup(
                "[b]$turn · $name[/b]: $reply",
                turn=self.t("feedback.turn", n=m["turn"]),
                name=self.t("chat.tag.misplaced", name=cat.label(m["id"], self.lang)),
                reply=m["reply"],
            )
            for m in r.misplaced
        ]
        yield self._block("feedback.pitfalls", pits or [Content(self.t("none"))], "fb-pitfalls")
        found = [
            Content.from_markup(
                "[$text-success]✓[/] $l [$text-muted]($turn)[/]",
                l=f["label"],
                turn=self.t("feedback.turn", n=f["turn"]),
            )
            for f in r.facts_found
        ]
        yield self._block("feedback.facts_found", found or [Content(self.t("none"))], "fb-found")
        gone = [
            Content.from_markup(
                "[$text-error]✗[/] $l [$text-muted]$h[/]",
                l=f["label"],
                h=f"— {f['hint']}" if f.get("hint") else "",
            )
            for f in r.facts_missed
        ]
        yield self._block("feedback.facts_missed", gone or [Content(self.t("none"))], "fb-gone")

    def _labelled(self, key: str, text: str, colour: str = "$text-muted") -> Content:
        return Content.from_markup(f"  [{colour}]$label:[/] $text", label=self.t(key), text=text)

    def _block(self, key: str, lines: list[Content], block_id: str) -> Static:
        widget = Static(Content("\n").join(lines).rstrip(), classes="fb-section", id=block_id)
        widget.border_title = self.t(key)
        return widget

    def populate(self) -> None:
        if self.selected is not None:
            turns = self.query_one("#turns", OptionList)
            turns.highlighted = self.selected

    # ---- why a reply scored ----------------------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#turns")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = int((event.option.id or "e0")[1:])
        self.selected = event.option_index
        self.query_one("#why", Static).update(self.why(self.report.transcript[index]))

    def why(self, entry: TranscriptTurn) -> Content:
        """The evidence for one reply: matched words in the reply, each rule, meter changes."""
        cat = self.sim.config.catalogue
        reply = Content(entry.text)
        for ev in entry.evidence:
            start, end = ev.span
            good = ev.id in entry.credited
            reply = reply.stylize(
                "bold underline $text-success" if good else "bold underline $text-error", start, end
            )
        lines = [
            Content.assemble(
                Content.from_markup("[b]$x[/b] ", x=self.t("feedback.turn", n=entry.turn)), reply
            ),
            Content.from_markup("[b]$x[/b]", x=self.t("feedback.why")),
        ]
        bad = {*entry.pitfalls, *entry.misplaced}
        for ev in entry.evidence:
            mark, colour = (
                ("✓", "$text-success")
                if ev.id in entry.credited
                else ("✗", "$text-error")
                if ev.id in bad
                else ("·", "$text-muted")
            )
            rule = self.t("feedback.rule", rule=ev.rule, text=ev.text)
            if ev.like:
                rule += self.t("feedback.like", like=ev.like)
            explain = (
                cat.entries[ev.id].explain.get(self.lang, "")
                if ev.id in bad and ev.id in cat.entries
                else ""
            )
            lines.append(
                Content.from_markup(
                    f"  [{colour}]$m $n[/] [$text-muted]$r[/]",
                    m=mark,
                    n=cat.label(ev.id, self.lang),
                    r=rule + (f" — {explain}" if explain else ""),
                )
            )
        for m in entry.misplaced:
            lines.append(
                Content.from_markup(
                    "  [$text-error]$x[/]",
                    x=self.t("chat.tag.misplaced", name=cat.label(m, self.lang)),
                )
            )
        if entry.repeat:
            lines.append(Content.from_markup("  [$text-error]$x[/]", x=self.t("chat.tag.repeat")))
        elif entry.stuffing:
            lines.append(Content.from_markup("  [$text-error]$x[/]", x=self.t("chat.tag.stuffing")))
        if not entry.evidence:
            lines.append(
                Content.from_markup("  [$text-muted]$x[/]", x=self.t("feedback.no_evidence"))
            )
        if entry.changes:
            lines.append(Content.from_markup("[b]$x[/b]", x=self.t("feedback.changes")))
        for c in entry.changes:
            lines.append(
                Content.from_markup(
                    "  [b]$m $d[/b] [$text-muted]$r[/]",
                    m=self._meter_name(c.meter),
                    d=f"{c.delta:+g}",
                    r=c.reason,
                )
            )
        return Content("\n").join(lines)

    # ---- actions ---------------------------------------------------------------------------------
    @on(TabbedContent.TabActivated, "#fb-tabs")
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.tab = (event.pane.id or "tab-summary").removeprefix("tab-")

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        action = (event.button.id or "").removeprefix("do-")
        getattr(self, f"action_{action}")()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return self.can_retry or None
        if action == "tab" and parameters == ("group",):
            return bool(self.report.relay)
        return True

    def action_tab(self, tab: str) -> None:
        # Focus moves with the tab: a focused widget left in a hidden pane would switch it back.
        self.query_one(TabbedContent).active = f"tab-{tab}"
        self.query_one(FOCUS[tab]).focus()

    def action_retry(self) -> None:
        if self.can_retry:
            self.post_message(
                self.RetryRequested(self.report.scenario, self.mode, tuple(self.report.relay))
            )
        else:
            self.notify(self.t("feedback.no_retry"), severity="warning")

    def action_export(self) -> None:
        try:
            md, js = self.sim.config.store.export(self.report, self.lang)
        except SimulatorError as error:
            self.notify(str(error), title=error.title_in(self.lang), severity="error")
            return
        self.notify(self.t("feedback.exported", md=str(md), json=str(js)), timeout=8)

    def action_history(self) -> None:
        self.post_message(self.HistoryRequested())

    def action_progress(self) -> None:
        self.post_message(self.ProgressRequested())

    def action_library(self) -> None:
        self.post_message(self.LibraryRequested())
