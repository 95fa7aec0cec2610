"""Interface language: the locale picks it, a key switches it everywhere (the table itself:
tests/test_text.py)."""

from __future__ import annotations

from textual.command import CommandPalette

from simulator.core.errors import SimulatorError
from simulator.tui.screens.conversation import ConversationScreen
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, send, settle


async def test_locale_picks_the_language(make, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    app = make(ui_lang=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.ui_lang == "zh" and "场景库" in screen_text(app)


async def test_ctrl_l_switches_every_screen_and_is_remembered(make, data_dir):
    app = make(scenario=MINI)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        await pilot.press(*"草稿")
        await pilot.press("ctrl+l")
        await settle(pilot)
        text = screen_text(app)
        assert app.ui_lang == "en"
        assert (
            "Coach mode" in text
            and "Send" in text
            and "Newline" in text
            and "Hint" in text
            and "中文" in text
        )
        assert "✓ Praise" in text  # tags follow the interface language
        assert "来了?坐吧。" in text  # the scenario's own language is untouched
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        assert screen.query_one("#reply").text == "草稿"  # the draft survives the switch
        assert app.title == "Customer-manager practice"
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert "教练模式" in screen_text(app)
    assert make(ui_lang=None).ui_lang == "zh"


async def test_command_palette_has_the_main_actions(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"结束")
        await settle(pilot)
        assert "结束练习" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "切换界面语言",
            "切换明暗主题",
            "场景库",
            "练习记录",
            "提示",
            "结束练习",
            "退出",
        ):
            assert title in titles


async def test_theme_toggles_between_light_and_dark(make, data_dir):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not app.current_theme.dark
    assert make(theme=None).theme == "textual-light"


async def test_an_error_title_is_in_the_interface_language(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.error(SimulatorError("no such file: x.yaml", "error.scenario_not_found"))
        await pilot.press("ctrl+l")
        await settle(pilot)
        app.error(SimulatorError("no such file: x.yaml", "error.scenario_not_found"))
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["找不到场景", "Scenario not found"]
