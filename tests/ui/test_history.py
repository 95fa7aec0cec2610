"""The history screen: finished sessions listed, feedback reopened."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import DataTable

from simulator.core.results.files import Store
from simulator.core.scenario.loader import load_scenario
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report
from simulator.tui.screens.feedback import FeedbackScreen
from simulator.tui.screens.history import HistoryScreen, when_text
from simulator.tui.screens.library import LibraryScreen
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, settle


def record(replies: list[str], session_id: str, minute: int, mode: str = "coach") -> int:
    store = Store(now=lambda: datetime(2025, 3, 1, 9, minute, tzinfo=UTC))
    session = Session.start(load_scenario(MINI))
    for reply in replies:
        session.reply(reply)
    session.abandon()
    report = build_report(session)
    store.finish(
        session_id, session.to_dict(), report, title=session.scenario.title, mode=mode, elapsed=30
    )
    return report.score


async def open_history(pilot) -> HistoryScreen:
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


async def test_lists_sessions_newest_first(make, data_dir):
    first = record(["好的。"], "a", 1, "exam")
    second = record(MODEL_REPLIES, "b", 2)
    app = make()
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        assert [str(k.value) for k in table.rows] == ["b", "a"]
        text = screen_text(app)
        assert "2025-03-01 09:02" in text and "2025-03-01 09:01" in text
        assert str(first) in text and str(second) in text and "考试" in text and "通过" in text
        assert str(data_dir / "history") in text


async def test_enter_reopens_the_feedback(make, data_dir):
    score = record(MODEL_REPLIES, "b", 2)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert f"得分 {score}/100" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_empty_history_explains(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert "还没有做完的练习" in screen_text(app)
        await pilot.press("enter")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_damaged_record_is_reported_not_raised(make, data_dir):
    record(MODEL_REPLIES, "b", 2)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        path = data_dir / "history" / "b.json"
        path.write_text(path.read_text("utf-8").replace('"report"', '"gone"'), "utf-8")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert any(n.severity == "error" for n in app._notifications)


def test_when_text():
    assert when_text("2025-03-01T09:02:00+00:00") == "2025-03-01 09:02"
