"""The progress screen: trends across three sessions, the best, the retry list (错题集)
starting a session at the moment's beat, and the trainee's name asked once and stamped."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from textual.widgets import DataTable, Input, OptionList

from simulator.core.practice import Practice
from simulator.core.results.files import Store
from simulator.core.scenario.loader import load_scenario
from simulator.tui.screens.conversation import ConversationScreen
from simulator.tui.screens.feedback import FeedbackScreen
from simulator.tui.screens.library import LibraryScreen
from simulator.tui.screens.name import NameDialog
from simulator.tui.screens.progress import ProgressScreen
from simulator.tui.widgets.trend import TrendChart
from tests.test_progress import FAIR, GOOD, POOR
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, send, settle
from tests.ui.test_feedback import finish


def three_sessions(trainee: str = "") -> list[int]:
    """Poor, fair and good sessions of the mini scenario in the history; their scores."""
    scenario, scores = load_scenario(MINI), []
    for minute, replies in enumerate((POOR, FAIR, GOOD), 1):
        store = Store(now=lambda minute=minute: datetime(2025, 3, 1, 9, minute, tzinfo=UTC))
        practice = Practice.new(scenario, "coach", store, lambda: 0.0, trainee=trainee)
        for reply in replies:
            if not practice.finished:
                practice.reply(reply)
        scores.append(practice.abandon().score)
    return scores


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def open_progress(pilot) -> ProgressScreen:
    await settle(pilot)
    await press(pilot, "p")
    assert isinstance(pilot.app.screen, ProgressScreen)
    return pilot.app.screen


async def test_three_sessions_show_each_techniques_trend_and_the_best(make):
    scores = three_sessions()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        text = screen_text(app)
        assert "学习进度" in text and "共 3 场练习" in text
        rows = {row.label: row for row in screen.query_one(TrendChart).rows}
        assert rows["称赞"].rates == (0.0, 1.0, 1.0) and rows["称赞"].trend == "up"
        assert "称赞" in text and "↑ 进步" in text and "最近 1/1" in text and "3 场" in text
        assert "█" in text  # the columns are drawn

        await press(pilot, "2")
        table = screen.query_one("#best-table", DataTable)
        assert table.has_focus and table.row_count == 1
        best = table.get_row_at(0)
        assert str(best[1]).strip() == str(max(scores)) and str(best[3]).strip() == "3"
        assert "最佳" in screen_text(app)

        await press(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_retry_starts_the_scenario_at_the_moments_beat(make, data_dir):
    three_sessions()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        await press(pilot, "3")
        moments = screen.progress.moments
        pressure = next(m for m in moments if "premature_pressure" in m.pitfalls)
        text = screen_text(app)
        assert "错题集" in text and "失误" in text
        listing = screen.query_one("#moments", OptionList)
        assert listing.has_focus
        listing.highlighted = moments.index(pressure)
        await press(pilot, "enter")

        conversation = app.screen
        assert isinstance(conversation, ConversationScreen)
        session = conversation.practice.session
        assert session.beat == pressure.beat == "business"
        assert session.meters == pressure.meters and session.current_line == pressure.cue
        assert conversation.practice.retry_of == pressure.session_id
        assert pressure.cue in screen_text(app) and "教练模式 · 重练片段" in screen_text(app)

        await send(pilot, MODEL_REPLIES[2])  # trust as it was: the hidden loan stays hidden
        conversation.practice.abandon()
        conversation.post_message(ConversationScreen.Finished(conversation.practice))
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        newest = Store(data_dir).history()[0]
        assert newest.retry_of == pressure.session_id

        await press(pilot, "p")  # from the feedback, one key
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.progress.sessions == 4

        await press(pilot, "escape", "h")  # the history marks the retried moment
        assert "测试用:小超市老板(重练片段)" in screen_text(app)


async def test_empty_progress_says_what_to_do(make):
    app = make(ui_lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        text = " ".join(screen_text(app).split())
        assert "No finished sessions yet" in text and "press Enter" in text
        await press(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_name_is_asked_once_at_first_start_and_stamped(make, data_dir):
    (data_dir / "prefs.json").unlink()  # a first start
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NameDialog)
        assert "你叫什么名字" in screen_text(app)
        app.screen.query_one(Input).value = "  李雷 "
        await press(pilot, "enter")
        assert isinstance(app.screen, LibraryScreen) and app.trainee == "李雷"
        await press(pilot, "enter", "enter")  # the scenario's briefing, then start
        assert isinstance(app.screen, ConversationScreen)
        feedback = await finish(pilot)
        assert feedback.report.trainee == "李雷"
    store = Store(data_dir)
    assert store.prefs()["trainee"] == "李雷"
    [item] = store.history()
    assert item.trainee == "李雷" and store.report(item.id).trainee == "李雷"

    again = make()
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)  # not asked a second time
        assert "学员:李雷" in screen_text(again)
        await press(pilot, "n")  # changed from the progress screen
        assert isinstance(again.screen, NameDialog)
        again.screen.query_one(Input).value = "韩梅梅"
        await press(pilot, "enter")
        assert again.screen is screen and "学员:韩梅梅" in screen_text(again)
    assert json.loads((data_dir / "prefs.json").read_text("utf-8"))["trainee"] == "韩梅梅"


async def test_skipping_the_name_is_remembered(make, data_dir):
    (data_dir / "prefs.json").unlink()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NameDialog)
        await press(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen) and app.trainee == ""
    assert Store(data_dir).prefs()["trainee"] == ""
    again = make()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, LibraryScreen)


async def test_a_classroom_trainee_is_not_asked_their_name(make, data_dir, monkeypatch):
    """The classroom server knows who logged in: the app takes that name and asks nothing."""
    (data_dir / "prefs.json").unlink()
    monkeypatch.setenv("SIMULATOR_TRAINEE", "zhao6")
    monkeypatch.setenv("SIMULATOR_TRAINEE_NAME", "赵六")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.trainee == "赵六"
