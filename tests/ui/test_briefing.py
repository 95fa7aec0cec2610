"""The briefing: what the trainee reads before starting, and the choice of mode."""

from __future__ import annotations

from textual.widgets import RadioButton

from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.conversation import ConversationScreen
from tests.ui.helpers import screen_text, settle


async def open_briefing(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BriefingScreen)


async def test_shows_the_brief_persona_techniques_and_pass_mark(make):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot)
        text = screen_text(app)
        for words in (
            "你来到王老板的超市做贷前调查。",
            "小贷公司客户经理",
            "了解经营情况和其他负债",
            "王老板",
            "社区超市老板",
            "爽快,但不喜欢被盘问",
            "开店八年",
            "称赞",
            "暖场",
            "探询",
            "共情",
            "及格线 60",
            "教练模式",
            "考试模式",
        ):
            assert words in text, words


async def test_english_interface_keeps_the_scenario_text(make):
    app = make(ui_lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot)
        text = screen_text(app)
        assert "Your role" in text and "Techniques to practise" in text and "pass mark 60" in text
        assert "小贷公司客户经理" in text and "Praise" in text


async def test_coach_is_the_default_and_x_picks_exam(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_briefing(pilot)
        screen = app.screen
        assert screen.mode == "coach"
        await pilot.press("x")
        await pilot.pause()
        assert screen.mode == "exam"
        assert screen.query_one("#mode-exam", RadioButton).value
        assert "结束前没有标注和提示" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert screen.mode == "coach"
        await pilot.press("x")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.practice.mode == "exam"


async def test_start_button_with_the_mouse(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_briefing(pilot)
        await pilot.click("#mode-exam")
        await pilot.click("#start")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.practice.mode == "exam"
