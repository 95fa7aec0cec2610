"""The trainer's terminal dashboard: `simulator classroom dashboard --db URL [--class CODE]`.

Four tabs over one class of the results store: who is practising now (scenario, beat,
score so far), the leaderboard, a trainee x technique table coloured by how often each
chance was taken, and the mistakes the class makes most. Every 2 s a worker asks the
store for its change counter and reloads only when it moved (core/dashboard.Poller).

Keys: 1-4 tabs · R refresh now · Ctrl+L language · Q or Ctrl+Q quit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from simulator.core.errors import SimulatorError
from simulator.core.grading.catalogue import Catalogue
from simulator.core.results import Results
from simulator.core.results.dashboard import Poller, Snapshot, heat
from simulator.core.text import other, t
from simulator.tui.screens.base import translate_bindings

POLL_SECONDS = 2.0
"""How often the store's change counter is read."""
HEAT_STYLE = {
    "high": "[b $text-success on $success-muted]",
    "mid": "[b $text-warning on $warning-muted]",
    "low": "[b $text-error on $error-muted]",
    "none": "[$text-muted]",
}
TABS = ("live", "leaders", "matrix", "mistakes")
MAX_COLUMN = 28
"""Widest a column grows (a long scenario title is cut, not the other columns)."""


def _clip(text: str, cells: int = 44) -> str:
    """One line of at most `cells` terminal cells (Chinese counts two), "…" where cut."""
    text = " ".join(text.split())
    if cell_len(text) <= cells:
        return text
    while cell_len(text) > cells - 1:
        text = text[:-1]
    return text + "…"


def _time(iso: str) -> str:
    """HH:MM:SS of an ISO time (the date is today's in a class)."""
    try:
        return datetime.fromisoformat(iso).strftime("%H:%M:%S")
    except ValueError:
        return iso[:19]


class DashboardApp(App[int]):
    """One class, live."""

    CSS_PATH = ["styles/dashboard.tcss"]
    ENABLE_COMMAND_PALETTE = False
    AUTO_FOCUS = "#live"
    BINDINGS = [
        Binding("1", "tab('live')", "Live", id="dash-live"),
        Binding("2", "tab('leaders')", "Leaders", id="dash-leaders"),
        Binding("3", "tab('matrix')", "Techniques", id="dash-matrix"),
        Binding("4", "tab('mistakes')", "Mistakes", id="dash-mistakes"),
        Binding("r", "refresh_now", "Refresh", tooltip="Refresh now", id="dash-refresh"),
        Binding("ctrl+l", "switch_language", "中文", key_display="^L", id="language"),
        Binding("q", "quit", "Quit", show=False, id="dash-quit"),
        Binding("ctrl+q", "quit", "Quit", key_display="^Q", priority=True, id="quit"),
    ]

    ui_lang: reactive[str] = reactive("en", init=False)
    """Interface language: zh or en."""

    def __init__(
        self,
        results: Results,
        class_code: str,
        catalogue: Catalogue,
        ui_lang: str,
        *,
        poll_seconds: float = POLL_SECONDS,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__()
        self.poller = Poller(results, class_code)
        """Reads the store when it changed."""
        self.catalogue = catalogue
        """For technique and pitfall names."""
        self.poll_seconds = poll_seconds
        self.now = now
        self.snapshot: Snapshot | None = None
        """What is shown."""
        self.read_at: datetime | None = None
        self._failing = False
        self.set_reactive(DashboardApp.ui_lang, ui_lang)

    def t(self, key: str, /, **values: object) -> str:
        return t(key, self.ui_lang, **values)

    def label(self, entry_id: str) -> str:
        return self.catalogue.label(entry_id, self.ui_lang) if entry_id else ""

    # ---- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="dash-title")
        with TabbedContent(id="dash-tabs", initial="tab-live"):
            for n, tab in enumerate(TABS, 1):
                with TabPane(f"{n} {self.t(f'dash.tab.{tab}')}", id=f"tab-{tab}"):
                    if tab == "mistakes":
                        with VerticalScroll(id="mistakes", can_focus=True):
                            yield Static(id="mistakes-body")
                    else:
                        yield DataTable[Content](id=tab, cursor_type="row", zebra_stripes=True)
                    if tab == "matrix":
                        yield Static(self._legend(), id="heat-legend")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = self.t("dash.title")
        translate_bindings(self, self.ui_lang)
        self.set_interval(self.poll_seconds, self.poll)
        self.poll(force=True)

    def _legend(self) -> Content:
        parts = [
            Content.from_markup(f"{HEAT_STYLE[level]} ■ [/] $x", x=self.t(f"dash.heat.{level}"))
            for level in ("high", "mid", "low", "none")
        ]
        return Content("   ").join([Content(self.t("dash.heat")), *parts])

    # ---- reading the store ----------------------------------------------------------
    @work(thread=True, exclusive=True, group="poll")
    def poll(self, force: bool = False) -> None:
        """Read the store off the UI thread; show a new snapshot, or say it cannot be read."""
        try:
            snapshot = self.poller.poll(force)
        except SimulatorError as error:
            self.call_from_thread(self._failed, error)
            return
        self.call_from_thread(self._read, snapshot)

    def _failed(self, error: SimulatorError) -> None:
        if not self._failing:  # once per outage, not every 2 s
            self.notify(
                str(error), title=error.title_in(self.ui_lang), severity="error", timeout=10
            )
        self._failing = True

    def _read(self, snapshot: Snapshot | None) -> None:
        self._failing = False
        self.read_at = self.now()
        if snapshot is not None:
            self.snapshot = snapshot
            self.show(snapshot)
        self._show_title()

    def _show_title(self) -> None:
        snap = self.snapshot
        code = snap.class_code if snap and snap.class_code else self.t("dash.no_class")
        self.query_one("#dash-title", Static).update(
            Content(
                self.t(
                    "dash.heading",
                    code=code,
                    live=len(snap.live) if snap else 0,
                    trainees=len(snap.leaders) if snap else 0,
                    time=self.read_at.strftime("%H:%M:%S") if self.read_at else "--:--:--",
                )
            )
        )

    def show(self, snap: Snapshot) -> None:
        """Fill every tab from a snapshot (the cursor stays on its row where it can)."""
        self._fill(
            "live",
            ["trainee", "scenario", "beat", "turns", "score", "updated"],
            [
                (
                    r.session_id,
                    [
                        Content(snap.name(r.trainee)),
                        Content(r.title or r.scenario_id),
                        Content(r.beat or "-"),
                        Content(str(r.turns)),
                        Content.from_markup("[b]$s[/b]", s=str(r.score_so_far)),
                        Content(_time(r.updated_at)),
                    ],
                )
                for r in snap.live
            ],
            self.t("dash.empty.live"),
        )
        self._fill(
            "leaders",
            ["rank", "trainee", "sessions", "first", "best", "gain", "passed"],
            [
                (
                    r.trainee,
                    [
                        Content(str(n)),
                        Content(snap.name(r.trainee)),
                        Content(str(r.sessions)),
                        Content(str(r.first_score)),
                        Content.from_markup("[b]$s[/b]", s=str(r.best_score)),
                        Content(f"{r.best_score - r.first_score:+d}"),
                        Content(str(r.passed)),
                    ],
                )
                for n, r in enumerate(snap.leaders, 1)
            ],
            self.t("dash.empty.leaders"),
        )
        techniques = snap.techniques
        rows = []
        for trainee in sorted(snap.matrix, key=snap.name):
            cells = [Content(snap.name(trainee))]
            for technique in techniques:
                cell = snap.matrix[trainee].get(technique)
                text = f" ✓{cell.shown} ✗{cell.missed} " if cell else " · "
                cells.append(Content.from_markup(f"{HEAT_STYLE[heat(cell)]}$x[/]", x=text))
            rows.append((trainee, cells))
        self._fill(
            "matrix",
            ["trainee", *techniques],
            rows,
            self.t("dash.empty.matrix"),
            headings={t: self.label(t) for t in techniques},
        )
        self._show_mistakes(snap)

    def _fill(
        self,
        table_id: str,
        columns: list[str],
        rows: list[tuple[str, list[Content]]],
        empty: str,
        headings: dict[str, str] | None = None,
    ) -> None:
        table = self.query_one(f"#{table_id}", DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        widest = MAX_COLUMN if rows else 80  # the "nothing yet" line is never cut
        if not rows:
            rows = [("", [Content.from_markup("[$text-muted]$x[/]", x=empty)])]
            rows[0][1].extend(Content("") for _ in columns[1:])
        for n, key in enumerate(columns):
            heading = (headings or {}).get(key) or self.t(f"dash.col.{key}")
            # Content cells are not measured by the table: the widths are set here
            width = max(cell_len(heading), *(cell_len(cells[n].plain) for _, cells in rows))
            table.add_column(Text(heading), width=min(width, widest), key=key)
        for key, cells in rows:
            table.add_row(*cells, key=key or None)
        table.move_cursor(row=min(keep, max(0, table.row_count - 1)))

    def _show_mistakes(self, snap: Snapshot) -> None:
        lines: list[Content] = []
        for n, m in enumerate(snap.mistakes, 1):
            kind = self.t(f"dash.kind.{m.kind}") if m.kind in ("missed", "pitfall") else m.kind
            colour = "$text-warning" if m.kind == "missed" else "$text-error"
            lines.append(
                Content.from_markup(
                    f"[b]$n. [{colour}]$k[/] $l[/b] [$text-muted]×$c[/]",
                    n=str(n),
                    k=kind,
                    l=self.label(m.label),
                    c=str(m.count),
                )
            )
            for trainee, words, model, scenario, beat in m.examples[:2]:
                lines.append(
                    Content.from_markup(
                        "   $who: 「$w」 [$text-muted]($s · $b)[/]",
                        who=snap.name(trainee),
                        w=_clip(words),
                        s=scenario,
                        b=beat,
                    )
                )
                if model:
                    lines.append(
                        Content.from_markup(
                            "   [$text-success]$x: 「$m」[/]",
                            x=self.t("dash.better"),
                            m=_clip(model, 56),
                        )
                    )
        self.query_one("#mistakes-body", Static).update(
            Content("\n").join(lines)
            if lines
            else Content.from_markup("[$text-muted]$x[/]", x=self.t("dash.empty.mistakes"))
        )

    # ---- actions ----------------------------------------------------------------------
    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{tab}"
        self.query_one(f"#{tab}").focus()

    def action_refresh_now(self) -> None:
        self.poll(force=True)

    def action_switch_language(self) -> None:
        self.ui_lang = other(self.ui_lang)

    async def watch_ui_lang(self, lang: str) -> None:
        active = self.query_one(TabbedContent).active
        await self.recompose()
        self.query_one(TabbedContent).active = active
        translate_bindings(self, lang)
        self.title = self.t("dash.title")
        if self.snapshot is not None:
            self.show(self.snapshot)
        self._show_title()
        self.refresh_bindings()
