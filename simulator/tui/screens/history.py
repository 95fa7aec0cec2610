"""The history: every finished session saved on this machine; Enter reopens its feedback."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from simulator.core.results.items import HistoryItem
from simulator.tui.screens.base import SimScreen


class HistoryTable(DataTable[Content]):
    """Finished sessions, newest first."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", key_display="Enter", tooltip="Open", id="open")
    ]


def when_text(iso: str) -> str:
    """'2025-03-01 14:05' from an ISO timestamp (the text as saved when it cannot be read)."""
    return iso[:16].replace("T", " ")


class HistoryScreen(SimScreen):
    """Past sessions with date, scenario, mode and score."""

    AUTO_FOCUS = "#history-table"
    BINDINGS = [Binding("escape", "back", "Back", key_display="Esc", tooltip="Back", id="back")]

    @dataclass
    class Opened(Message):
        """Reopen the feedback of a finished session."""

        item: HistoryItem

    class Closed(Message):
        """Leave the history."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[HistoryItem] = []

    def compose(self) -> ComposeResult:
        yield Static(Content(self.t("history.title")), id="history-title")
        yield HistoryTable(id="history-table", cursor_type="row")
        yield Static(id="history-status")
        yield Footer(compact=True)

    def populate(self) -> None:
        store = self.sim.config.store
        self.items = store.history()
        table = self.query_one(HistoryTable)
        chosen = self._chosen_id()
        table.clear(columns=True)
        width = max(60, self.size.width)
        for key, size in (
            ("date", 16),
            ("scenario", max(14, width - 52)),
            ("mode", 6),
            ("score", 5),
            ("result", 8),
            ("turns", 5),
        ):
            table.add_column(self.t(f"history.col.{key}"), width=size, key=key)
        for item in self.items:
            result = Content.from_markup(
                f"[{'$text-success' if item.passed else '$text-error'}]$x[/]",
                x=self.t("history.pass" if item.passed else "history.fail"),
            )
            table.add_row(
                Content(when_text(item.finished_at)),
                Content(item.title + (self.t("history.retry") if item.retry_of else "")),
                Content(self.t(f"mode.{item.mode}.short")),
                Content(str(item.score)).right(3),
                result,
                Content(str(item.turns)).right(3),
                key=item.id,
            )
        ids = [i.id for i in self.items]
        if chosen in ids:  # the cursor stays on the session it was on
            table.move_cursor(row=ids.index(chosen))
        status = (
            self.t("history.empty")
            if not self.items
            else self.t("history.folder", path=str(store.history_dir))
        )
        self.query_one("#history-status", Static).update(Content(status))

    def _chosen_id(self) -> str | None:
        table = self.query_one(HistoryTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_resize(self) -> None:
        self.populate()

    def on_screen_resume(self) -> None:
        # Returned to from a feedback above it: a session may have finished meanwhile.
        if self.is_mounted:
            self.populate()

    def item_for(self, key: str) -> HistoryItem | None:
        return next((i for i in self.items if i.id == key), None)

    @on(DataTable.RowSelected, "#history-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self.item_for(event.row_key.value or "")
        if item is not None:
            self.post_message(self.Opened(item))

    def action_back(self) -> None:
        self.post_message(self.Closed())
