"""Hot-seat relay in the app: names on the briefing, whose turn it is, authors, the Group tab, resume."""

from __future__ import annotations

from textual.widgets import Input

from simulator.core.results.files import Store
from simulator.core.results.items import Unfinished
from simulator.core.scenario.loader import load_scenario
from simulator.core.session.engine import Session
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.conversation import ConversationScreen
from simulator.tui.screens.dialogs import ChoiceDialog
from simulator.tui.screens.feedback import FeedbackScreen
from simulator.tui.widgets.chat import Bubble
from tests.test_relay import NAMES, RELAY_REPLIES
from tests.ui.helpers import MINI, screen_text, send, settle


def turn_banner(app) -> str:
    return str(app.screen.query_one("#relay-turn").render())


def authors_shown(app) -> list[str]:
    return [str(b.border_title) for b in app.screen.query(Bubble) if b.speaker == "trainee"]


async def test_briefing_refuses_bad_names_then_a_relay_rotates_and_credits_each_person(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        assert "小组接力" in screen_text(app)
        await pilot.press("g")
        assert app.screen.focused is app.screen.query_one("#relay", Input)
        await pilot.press(*"张三,张三")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)  # refused: still on the briefing
        assert "名字「张三」重复了" in screen_text(app)
        app.screen.query_one("#relay", Input).value = "张三、李四，王五"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        assert screen.practice.relay == NAMES
        assert "轮到 张三 回复(第 1/3 位)· 下一位:李四" in screen_text(app)
        expected_turns = ["李四", "王五", "张三"]
        for n, reply in enumerate(RELAY_REPLIES[:3]):
            await send(pilot, reply)
            assert f"轮到 {expected_turns[n]} 回复" in turn_banner(app)
        await send(pilot, RELAY_REPLIES[3])
        assert authors_shown(app) == ["张三", "李四", "王五", "张三"]
        assert not app.screen.query("#relay-turn")  # the session ended: no one's turn
        assert [t.author for t in screen.practice.session.turns] == [*NAMES, "张三"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("4")
        await settle(pilot)
        text = screen_text(app)
        assert "全组 3 人" in text
        for name in NAMES:
            assert name in text
        assert "李四 · 1 句 · 得分 +12.5" in text
        assert "称赞×1" in text
        await pilot.press("2")
        await settle(pilot)
        assert "李四:" in screen_text(app)  # the transcript names the author, not "你"


async def test_play_relay_from_the_command_line_in_english(make):
    app = make(scenario=MINI, relay=("Ann", "Bo"), ui_lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Ann's turn (1 of 2) · next: Bo" in screen_text(app)
        await send(pilot, RELAY_REPLIES[1])
        assert "Bo's turn (2 of 2) · next: Ann" in screen_text(app)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert "轮到 Bo 回复" in screen_text(app)


async def test_one_trainee_sees_no_relay_banner_or_group_tab(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query("#relay-turn")
        await send(pilot, RELAY_REPLIES[1])
        assert authors_shown(app) == ["你"]


def saved_relay(source, replies: list[str], names: tuple[str, ...] = NAMES) -> None:
    scenario = load_scenario(source)
    session = Session.start(scenario)
    session.relay = names
    for reply in replies:
        session.reply(reply)
    Store().autosave(
        Unfinished(
            "relay1",
            scenario.id,
            scenario.title,
            str(source),
            "coach",
            "zh",
            "",
            12.0,
            "",
            session.to_dict(),
        )
    )


async def test_a_relay_session_resumes_with_whose_turn_it_is(make, data_dir):
    saved_relay(MINI, RELAY_REPLIES[:2])
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        assert authors_shown(app) == ["张三", "李四"]
        assert "轮到 王五 回复(第 3/3 位)· 下一位:张三" in turn_banner(app)
        await send(pilot, RELAY_REPLIES[2])
        assert screen.practice.session.turns[-1].author == "王五"
        assert "轮到 张三 回复" in turn_banner(app)


async def test_retry_keeps_the_group(make):
    app = make(scenario=MINI, relay=NAMES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for reply in RELAY_REPLIES:
            await send(pilot, reply)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.practice.relay == NAMES
        assert "轮到 张三 回复" in turn_banner(app)


async def test_a_relay_reopened_from_the_history_still_shows_each_person(make):
    app = make(scenario=MINI, relay=NAMES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for reply in RELAY_REPLIES:
            await send(pilot, reply)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedbackScreen) and screen.report.relay == list(NAMES)
        await pilot.press("g")
        await settle(pilot)
        assert "王五 · 1 句 · 得分 +12.5" in screen_text(app)
