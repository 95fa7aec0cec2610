"""The whole loop: library → briefing → conversation → feedback, with scripted replies."""

from __future__ import annotations

from textual.widgets import OptionList

from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.conversation import ConversationScreen
from simulator.tui.screens.feedback import FeedbackScreen
from simulator.tui.screens.library import LibraryScreen
from tests.ui.helpers import MODEL_REPLIES, expected, screen_text, send, settle


async def test_library_to_feedback(make, data_dir):
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "测试用:小超市老板" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert "来了?坐吧。" in screen_text(app)
        for reply in MODEL_REPLIES:
            await send(pilot, reply)
        text = screen_text(app)
        assert "行,材料我明天给你准备好。" in text
        assert "结局:成功" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        text = screen_text(app)
        _, report = expected()
        assert report.passed
        assert f"得分 {report.score}/100" in text
        assert "✔ 通过" in text
        assert "称赞 ██████████ 1/1" in text
        assert "探询 ██████████ 1/1" in text
        await pilot.press("2")
        await settle(pilot)
        turns = app.screen.query_one("#turns", OptionList)
        turns.focus()
        turns.highlighted = 1
        await pilot.pause()
        assert "praise/zh/14" in screen_text(app)
        await pilot.press("3")
        await settle(pilot)
        text = screen_text(app)
        assert "在小贷公司还有十万贷款" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert f"最佳成绩 {report.score}" in screen_text(app)
    history = list((data_dir / "history").glob("*.json"))
    assert len(history) == 1
    assert not list((data_dir / "unfinished").glob("*.json"))
