"""Every path between feedback, history and library: open, back, open another, export.

The same kind of screen can be on the stack twice here (a session's own feedback under
the history, an older one reopened above it), which once crashed the app (DuplicateIds).
"""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable

from simulator.tui.screens.conversation import ConversationScreen
from simulator.tui.screens.feedback import FeedbackScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.library import LibraryScreen
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, settle
from tests.ui.test_feedback import finish
from tests.ui.test_history import record


def count(app: App, kind: type) -> int:
    return sum(isinstance(s, kind) for s in app.screen_stack)


async def open_row(pilot, row: int) -> FeedbackScreen:
    """Select a row of the history on top of the stack and open it."""
    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=row)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FeedbackScreen)
    return pilot.app.screen


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_feedback_history_reopen_back_and_another(make, data_dir):
    older = record(["好的。"], "a", 1)
    app = make(scenario=MINI)
    async with app.run_test(size=(100, 30)) as pilot:
        own = (await finish(pilot)).report
        await press(pilot, "h")
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert len(history.items) == 2  # this session (newest) and the older one

        reopened = await open_row(pilot, 1)  # the crash was here
        assert reopened.report.score == older
        assert f"得分 {older}/100" in screen_text(app)
        assert count(app, FeedbackScreen) == 2

        await press(pilot, "h")  # back to the same history, not a second one on top
        assert app.screen is history and count(app, HistoryScreen) == 1
        assert history.query_one(DataTable).cursor_row == 1  # still on the row opened

        again = await open_row(pilot, 0)  # open another
        assert again.report.score == own.score
        assert count(app, FeedbackScreen) == 2

        await press(pilot, "h", "escape")  # history's Esc: back to this session's feedback
        assert isinstance(app.screen, FeedbackScreen) and app.screen.report is own
        assert count(app, HistoryScreen) == 0

        await press(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_library_history_feedback_and_back(make, data_dir):
    record(MODEL_REPLIES, "b", 2)
    record(["好的。"], "a", 1)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "h")
        await open_row(pilot, 0)
        await press(pilot, "h")
        assert isinstance(app.screen, HistoryScreen)
        await open_row(pilot, 1)
        await press(pilot, "escape")  # feedback's Esc: the library
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.screen_stack) == 2
        await press(pilot, "h", "escape")  # history's Esc: back where it was opened
        assert isinstance(app.screen, LibraryScreen)


async def test_export_from_a_reopened_feedback(make, data_dir):
    record(MODEL_REPLIES, "b", 2)
    record(["好的。"], "a", 1)
    app = make(scenario=MINI)
    async with app.run_test(size=(100, 30)) as pilot:
        await finish(pilot)
        await press(pilot, "h")
        await open_row(pilot, 1)
        await press(pilot, "e")
        files = sorted((data_dir / "exports").iterdir())
        assert [f.suffix for f in files] == [".json", ".md"]
        assert not any(n.severity == "error" for n in app._notifications)
        await press(pilot, "h")
        await open_row(pilot, 2)  # and open another after exporting
        await press(pilot, "e")
        assert len(list((data_dir / "exports").iterdir())) == 4


async def test_language_switch_with_two_feedbacks_on_the_stack(make, data_dir):
    record(["好的。"], "a", 1)
    app = make(scenario=MINI)
    async with app.run_test(size=(100, 30)) as pilot:
        await finish(pilot)
        await press(pilot, "h")
        await open_row(pilot, 1)
        await press(pilot, "ctrl+l")
        assert "Score " in screen_text(app)
        await press(pilot, "h")
        assert "Practice history" in screen_text(app)


async def test_retry_from_a_reopened_feedback_and_back_to_history(make, data_dir):
    record(["好的。"], "a", 1)
    app = make(scenario=MINI)
    async with app.run_test(size=(100, 30)) as pilot:
        await finish(pilot)
        await press(pilot, "h")
        await open_row(pilot, 1)
        await press(pilot, "r")
        assert isinstance(app.screen, ConversationScreen)
        await finish(pilot)
        await press(pilot, "h")
        assert count(app, HistoryScreen) == 1 and count(app, FeedbackScreen) == 1
        assert len(app.screen.items) == 3
