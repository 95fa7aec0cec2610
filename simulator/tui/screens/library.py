"""The scenario library: every scenario grouped by learning-path stage, with filters and search.

Scanning runs in a thread worker (it parses and checks every file); broken files are listed
with the validator's messages in a dialog, never as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Input, OptionList, Select, Static

from simulator.core.grading.normalise import detect_language
from simulator.core.results.items import Best
from simulator.core.scenario.library import Entry, Library, from_index, scan
from simulator.tui.screens.base import SimScreen
from simulator.tui.views import join_names
from simulator.tui.widgets.scenario_list import Heading, ScenarioList, ScenarioRow, header

_ALL = Select.NULL


@dataclass(frozen=True)
class Filters:
    """What the trainee narrowed the list to."""

    text: str = ""
    """Search text (case-insensitive, in title, id, situation and techniques)."""
    lang: str | None = None
    """Scenario language."""
    level: str | None = None
    """Difficulty."""
    technique: str | None = None
    """A technique the scenario trains."""


class LibraryScreen(SimScreen):
    """The first screen of `simulator`."""

    AUTO_FOCUS = "#scenarios"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/", tooltip="Search", id="search"),
        Binding("h", "history", "History", tooltip="History", id="history"),
        Binding("p", "progress", "Progress", tooltip="Progress", id="progress"),
        Binding("e", "problems", "Problems", tooltip="Problems", id="problems"),
        Binding("escape", "clear", "Clear filters", key_display="Esc", show=False, id="clear"),
    ]

    @dataclass
    class Chosen(Message):
        """The trainee opened a scenario."""

        entry: Entry
        """The scenario chosen."""

    class HistoryRequested(Message):
        """The trainee asked for the history."""

    class ProgressRequested(Message):
        """The trainee asked for the progress screen."""

    @dataclass
    class Loaded(Message):
        """The scan finished (posted from the worker thread)."""

        library: Library
        best: dict[str, Best]

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None
        """The scanned library (None while loading)."""
        self.best: dict[str, Best] = {}
        """Best result per scenario id (store.best: a pass beats a fail, then the score)."""
        self.filters = Filters()
        self._cursor_key: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(f"{self.t('app.title')} · {self.t('library.title')}"), id="lib-title")
        with Horizontal(id="filters"):
            yield Input(
                self.filters.text, placeholder=self.t("library.search"), id="search", compact=True
            )
            yield Select(
                [(self.t("lang.zh"), "zh"), (self.t("lang.en"), "en")],
                prompt=self.t("library.all_langs"),
                value=self.filters.lang or _ALL,
                id="f-lang",
                compact=True,
            )
            levels = [(self.t(f"difficulty.{d}"), d) for d in ("easy", "medium", "hard")]
            yield Select(
                levels,
                prompt=self.t("library.all_levels"),
                value=self.filters.level or _ALL,
                id="f-level",
                compact=True,
            )
            yield Select(
                self._technique_options(),
                prompt=self.t("library.all_techniques"),
                value=self.filters.technique or _ALL,
                id="f-technique",
                compact=True,
            )
        with Horizontal(id="lib-body"):
            with Vertical(id="list-column"):
                yield Static(id="list-header")
                yield ScenarioList(id="scenarios")
            with Vertical(id="detail"):
                yield Static(id="detail-text")
        yield Static(id="lib-status")
        yield Footer(compact=True)

    def _technique_options(self) -> list[tuple[str, str]]:
        if self.library is None:
            return []
        seen = dict.fromkeys(t for e in self.library.entries for t in e.techniques)
        return [(self.sim.config.catalogue.label(t, self.lang), t) for t in seen]

    def populate(self) -> None:
        if self.library is not None:
            self._fill()
            return
        config = self.sim.config
        known = from_index(config.library, config.catalogue, **self._index())
        if known is not None:  # nothing changed since the last start: list it now, and the
            self._show(known, {})  # best scores once the history is read (a long one is slow)
            self.load_best()
        else:
            self.query_one("#lib-status", Static).update(self.t("library.loading"))
            self.load()

    def _index(self) -> dict[str, Any]:
        config = self.sim.config
        return {
            "index": config.store.root / "cache" / "library-index.json",
            "catalogue_key": config.catalogue_key,
        }

    @work(thread=True, exclusive=True, group="scan")
    def load(self) -> None:
        config = self.sim.config
        library = scan(config.library, config.catalogue, **self._index())
        self.post_message(self.Loaded(library, config.store.best()))

    @dataclass
    class BestRead(Message):
        """The history was read for the best scores (posted from the worker thread)."""

        best: dict[str, Best]

    @work(thread=True, exclusive=True, group="best")
    def load_best(self) -> None:
        self.post_message(self.BestRead(self.sim.config.store.best()))

    def on_library_screen_best_read(self, message: BestRead) -> None:
        message.stop()
        self.best = message.best
        self._fill()

    def on_library_screen_loaded(self, message: Loaded) -> None:
        message.stop()
        self._show(message.library, message.best)

    def _show(self, library: Library, best: dict[str, Best]) -> None:
        self.library = library
        self.sim.library = library
        self.best = best
        self.query_one("#f-technique", Select).set_options(self._technique_options())
        self._fill()
        self.refresh_bindings()
        # The grader loads in a thread once the list is on the screen (it would slow the
        # first frame), and any unfinished session is offered then.
        self.call_after_refresh(self.sim.warm_up)
        self.sim.offer_resume()

    def on_resize(self) -> None:
        if self.library is not None:
            self._fill()

    def on_screen_resume(self) -> None:
        if self.library is not None:  # back from a session: its score may be a new best
            self.load_best()

    # ---- the table -------------------------------------------------------------------------
    def matching(self) -> list[Entry]:
        """Entries that pass the filters, in library order."""
        if self.library is None:
            return []
        f, cat = self.filters, self.sim.config.catalogue
        needle = f.text.strip().casefold()
        out = []
        for e in self.library.entries:
            if (f.lang and e.language != f.lang) or (f.level and e.difficulty != f.level):
                continue
            if f.technique and f.technique not in e.techniques:
                continue
            if needle:
                names = " ".join(cat.label(t, lang) for t in e.techniques for lang in ("zh", "en"))
                hay = " ".join(
                    [e.title, e.id, e.situation, e.stage, self._situation(e), names]
                ).casefold()
                if needle not in hay:
                    continue
            out.append(e)
        return out

    def _situation(self, entry: Entry) -> str:
        names = self.sim.config.catalogue.situations.get(entry.situation, {})
        return names.get(self.lang) or names.get("en") or entry.situation

    def _stage_name(self, names: list[str]) -> str:
        """The stage name written in the interface language, else the first one given."""
        wanted = [n for n in names if (detect_language(n) == "zh") == (self.lang == "zh")]
        return (wanted or names or [""])[0]

    def _fill(self) -> None:
        names = {
            k: self.t(f"library.col.{k}")
            for k in ("title", "lang", "level", "techniques", "minutes", "best")
        }
        total = max(40, self.size.width - (38 if self.has_class("-wide") else 0))
        self.query_one("#list-header", Static).update(header(names, total))
        # Library order within a stage; one group per stage order, named in the UI language
        # when some scenario gives that name (zh and en files name the same stage differently).
        entries = sorted(self.matching(), key=lambda e: e.stage_order)
        stages = self.library.stages() if self.library else {}
        cat = self.sim.config.catalogue
        items: list[ScenarioRow | Heading] = []
        stage: int | None = None
        for e in entries:
            if e.stage_order != stage:
                stage = e.stage_order
                name = self._stage_name(stages.get(stage, []))
                label = (
                    self.t("library.stage", n=stage, name=name)
                    if name
                    else self.t("library.stage.none")
                )
                items.append(Heading(f"stage:{stage}", label))
            best = self.best.get(e.id)
            items.append(
                ScenarioRow(
                    e.id,
                    e.title,
                    self.t(f"lang.{e.language}.short"),
                    self.t(f"difficulty.{e.difficulty}"),
                    join_names([cat.label(t, self.lang) for t in e.techniques], self.lang),
                    e.estimated_minutes,
                    best.score if best else None,
                    best is not None and best.passed,
                )
            )
        self.query_one(ScenarioList).show(items, total, keep=self._cursor_key)
        total_count = len(self.library.entries) if self.library else 0
        status = self.t("library.count", shown=len(entries), total=total_count)
        if self.library and not total_count:
            status = self.t("library.empty", root=", ".join(map(str, self.sim.config.library)))
        elif total_count and not entries:
            status = self.t("library.no_match")
        if self.library and self.library.broken:
            status += "   " + self.t("library.broken", n=len(self.library.broken))
        self.query_one("#lib-status", Static).update(Content(status))
        self.query_one("#lib-status").set_class(
            bool(self.library and self.library.broken), "-warning"
        )
        self._show_detail()

    def _entry_at_cursor(self) -> Entry | None:
        current = self.query_one(ScenarioList).current
        return self.library.get(current) if self.library and current else None

    def _show_detail(self) -> None:
        entry = self._entry_at_cursor()
        detail = self.query_one("#detail-text", Static)
        if entry is None:
            detail.update("")
            return
        self._cursor_key = entry.id
        cat = self.sim.config.catalogue
        best = self.best.get(entry.id)
        lines = [
            Content.from_markup("[b]$x[/b]", x=entry.title),
            Content.from_markup("[$text-muted]$x[/]", x=self._situation(entry)),
            Content(
                " · ".join(
                    [
                        self.t(f"lang.{entry.language}"),
                        self.t(f"difficulty.{entry.difficulty}"),
                        self.t("minutes", n=entry.estimated_minutes),
                        self.t("library.detail.pass", n=entry.pass_score),
                    ]
                )
            ),
            Content(join_names([cat.label(t, self.lang) for t in entry.techniques], self.lang)),
            Content(
                self.t(
                    "library.detail.best",
                    n=best.score,
                    verdict=self.t("history.pass" if best.passed else "history.fail"),
                )
                if best is not None
                else self.t("library.detail.never")
            ),
            Content.from_markup("[$text-accent]$x[/]", x=self.t("library.detail.open")),
        ]
        detail.update(Content("\n").join(lines))

    @on(OptionList.OptionHighlighted, "#scenarios")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#scenarios")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.library.get(event.option.id or "") if self.library else None
        if entry is not None:
            self.post_message(self.Chosen(entry))

    # ---- filters -----------------------------------------------------------------------------
    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self._set_filters(text=event.value)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(ScenarioList).focus()

    @on(Select.Changed)
    def _select(self, event: Select.Changed) -> None:
        value = None if event.value is _ALL else str(event.value)
        field = {"f-lang": "lang", "f-level": "level", "f-technique": "technique"}.get(
            event.select.id or ""
        )
        if field:
            self._set_filters(**{field: value})

    def _set_filters(self, **changes: str | None) -> None:
        values = {**self.filters.__dict__, **changes}
        new = Filters(**values)
        if new != self.filters:
            self.filters = new
            if self.library is not None:
                self._fill()

    # ---- actions --------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "problems":
            return bool(self.library and self.library.broken)
        return True

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_history(self) -> None:
        self.post_message(self.HistoryRequested())

    def action_progress(self) -> None:
        self.post_message(self.ProgressRequested())

    def action_problems(self) -> None:
        if self.library and self.library.broken:
            self.sim.show_problems(self.library.broken)

    def action_clear(self) -> None:
        self.filters = Filters()
        self.query_one("#search", Input).value = ""
        for select in self.query(Select):
            select.clear()
        if self.library is not None:
            self._fill()
        self.query_one(ScenarioList).focus()
