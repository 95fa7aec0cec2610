"""Progress over time: each technique's trend across sessions, the best per scenario, and
the retry list (错题集) where Enter starts the scenario again at that very moment.

Everything shown is computed by simulator.core.results.progress from the saved history; this
screen only lays it out and posts what the trainee asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from simulator.core.results import progress
from simulator.core.results.progress import Moment, Progress
from simulator.tui.screens.base import SimScreen
from simulator.tui.screens.history import when_text
from simulator.tui.widgets.trend import TrendChart, TrendRow

EMPTY = Progress(0, (), (), ())
FOCUS = {"trends": "#trends-scroll", "best": "#best-table", "moments": "#moments"}
"""The widget that takes the focus on each tab."""


def _clip(text: str, cells: int) -> str:
    """One line of at most `cells` terminal cells (Chinese characters take two), elided."""
    return Content(" ".join(text.split())).truncate(max(8, cells), ellipsis=True).plain


class ProgressScreen(SimScreen):
    """How the trainee is doing over time, and the moments worth another go."""

    AUTO_FOCUS = "#trends-scroll, #progress-empty"
    BINDINGS = [
        Binding("escape", "back", "Back", key_display="Esc", tooltip="Back", id="back"),
        Binding("n", "name", "Name", tooltip="Name", id="name"),
        Binding("1", "tab('trends')", "Trends", id="ptab1"),
        Binding("2", "tab('best')", "Best", id="ptab2"),
        Binding("3", "tab('moments')", "Retry", id="ptab3"),
    ]

    @dataclass
    class RetryRequested(Message):
        """Start a scenario again at a moment of a past session."""

        moment: Moment

    class Closed(Message):
        """Leave the progress screen."""

    class NameRequested(Message):
        """The trainee wants to set or change their name."""

    def __init__(self, tab: str = "trends") -> None:
        super().__init__()
        self.tab = tab
        """The tab shown."""
        self.data: Progress | None = None

    @property
    def progress(self) -> Progress:
        """The progress read from the history (empty until the worker has read it)."""
        return self.data if self.data is not None else EMPTY

    def on_mount(self) -> None:
        super().on_mount()
        if self.data is None:
            self.load()

    @work(thread=True, exclusive=True, group="progress")
    def load(self) -> None:
        """Read the history in a thread: a long one takes a second (see benchmarks)."""
        data = progress.load(self.sim.config.store)
        self.app.call_from_thread(self._loaded, data)

    async def _loaded(self, data: Progress) -> None:
        self.data = data
        await self.retranslate()

    # ---- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        data = self.data
        name = self.sim.trainee
        who = self.t("progress.trainee", name=name) if name else self.t("progress.no_name")
        yield Static(
            Content(f"{self.t('progress.title')} · {who}"),
            id="progress-title",
        )
        if data is None or data.empty:
            text = self.t("progress.loading" if data is None else "progress.empty")
            with VerticalScroll(id="progress-empty", can_focus=True):
                yield Static(Content(text), id="progress-empty-text")
            yield Footer(compact=True)
            return
        moments = self.t("progress.tab.moments", n=len(data.moments))
        with TabbedContent(id="progress-tabs", initial=f"tab-{self.tab}"):
            with TabPane("1 " + self.t("progress.tab.trends"), id="tab-trends"):
                with VerticalScroll(id="trends-scroll", can_focus=True):
                    yield TrendChart(self._trend_rows(), id="trends")
                    yield Static(
                        Content(self.t("progress.chart_note")), id="trends-note", classes="muted"
                    )
            with TabPane("2 " + self.t("progress.tab.best"), id="tab-best"):
                yield DataTable(id="best-table", cursor_type="row")
            with TabPane("3 " + moments, id="tab-moments"):
                yield OptionList(*self._moment_options(), id="moments")
        yield Static(self._status(), id="progress-status")
        yield Footer(compact=True)

    def _status(self) -> Content:
        """The session count, or on the retry list what Enter does."""
        if self.tab == "moments" and self.progress.moments:
            return Content(self.t("progress.moment.help"))
        status = [self.t("progress.sessions", n=self.progress.sessions)]
        if self.progress.unreadable:
            status.append(self.t("progress.unreadable", n=self.progress.unreadable))
        return Content(" · ".join(status))

    def _trend_rows(self) -> list[TrendRow]:
        cat = self.sim.config.catalogue
        rows = []
        for trend in self.progress.techniques:
            last = trend.points[-1]
            rows.append(
                TrendRow(
                    cat.label(trend.id, self.lang),
                    trend.rates,
                    self.t("progress.latest", taken=last.taken, offered=last.offered),
                    trend.trend,
                    self.t(f"progress.trend.{trend.trend}"),
                    self.t("progress.count", n=trend.sessions),
                )
            )
        return rows

    def _moment_options(self) -> list[Option]:
        cat = self.sim.config.catalogue
        room = self.app.size.width - 18  # the indent, the label and the quotes
        if not self.progress.moments:
            return [Option(Content(self.t("progress.no_moments")), id="none", disabled=True)]
        options = []
        for n, m in enumerate(self.progress.moments):
            lines = [
                Content.from_markup(
                    "[b]$x[/b]",
                    x=self.t(
                        "progress.moment.head",
                        title=m.title,
                        beat=m.beat,
                        turn=m.turn,
                        when=when_text(m.finished_at),
                    ),
                )
            ]
            if m.missed:
                names = "、".join(cat.label(t, self.lang) for t in m.missed)
                lines.append(
                    Content.from_markup(
                        "  [$text-warning]$x[/]", x=self.t("progress.moment.missed", names=names)
                    )
                )
            if m.pitfalls:
                names = "、".join(cat.label(p, self.lang) for p in m.pitfalls)
                lines.append(
                    Content.from_markup(
                        "  [$text-error]$x[/]", x=self.t("progress.moment.pitfalls", names=names)
                    )
                )
            lines.append(Content("  " + self.t("progress.moment.said", text=_clip(m.reply, room))))
            if m.model_reply:
                lines.append(
                    Content.from_markup(
                        "  [$text-success]$x[/]",
                        x=self.t("progress.moment.model", text=_clip(m.model_reply, room)),
                    )
                )
            options.append(Option(Content("\n").join(lines), id=f"m{n}"))
        return options

    def populate(self) -> None:
        if self.progress.empty:
            return
        table = self.query_one("#best-table", DataTable)
        table.clear(columns=True)
        width = max(60, self.size.width)
        for key, size in (
            ("scenario", max(14, width - 44)),
            ("best", 5),
            ("result", 8),
            ("sessions", 6),
            ("date", 16),
        ):
            table.add_column(self.t(f"progress.col.{key}"), width=size, key=key)
        for best in self.progress.best:
            result = Content.from_markup(
                f"[{'$text-success' if best.passed else '$text-error'}]$x[/]",
                x=self.t("history.pass" if best.passed else "history.fail"),
            )
            table.add_row(
                Content(best.title),
                Content(str(best.score)).right(3),
                result,
                Content(str(best.sessions)).right(3),
                Content(when_text(best.finished_at)),
                key=best.scenario_id,
            )
        if not self.progress.best:
            table.add_row(Content(self.t("progress.no_best")), "", "", "", "")

    # ---- actions ---------------------------------------------------------------------------------
    async def reload(self) -> None:
        """Read the history again (a session finished, the name changed) and rebuild."""
        self.data = None
        await self.retranslate()
        self.load()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.populate()

    @on(TabbedContent.TabActivated, "#progress-tabs")
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.tab = (event.pane.id or "tab-trends").removeprefix("tab-")
        self.query_one("#progress-status", Static).update(self._status())

    @on(OptionList.OptionSelected, "#moments")
    def _moment_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("m"):
            self.post_message(self.RetryRequested(self.progress.moments[int(option_id[1:])]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "tab":
            return not self.progress.empty
        return True

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{tab}"
        self.query_one(FOCUS[tab]).focus()

    def action_name(self) -> None:
        self.post_message(self.NameRequested())

    def action_back(self) -> None:
        self.post_message(self.Closed())
