"""Interface language: the table is complete, the locale picks it, a key switches it everywhere."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from simulator.tui import i18n
from simulator.tui.screens.conversation import ConversationScreen
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, send, settle


def test_every_string_has_both_languages():
    for key in i18n.keys():
        zh, en = i18n.t(key, "zh"), i18n.t(key, "en")
        assert zh and en, key


def test_placeholders_match_between_languages():
    import string

    for key in i18n.keys():
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(i18n.t(key, lang)) if f}
            for lang in i18n.LANGS
        ]
        assert fields[0] == fields[1], key


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW", "LANG": "en_US"}, "zh"),
        ({"LC_ALL": "C", "LANG": "zh_CN"}, "en"),
        ({}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_locale_detection(env, lang):
    assert i18n.detect(env) == lang


def test_unknown_key_falls_back_to_the_key():
    assert i18n.t("no.such.key", "zh") == "no.such.key"


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


def test_every_string_is_used_somewhere():
    """A key nobody reads is a translation someone maintains for nothing (or a typo'd use)."""
    import re
    from pathlib import Path

    root = Path(i18n.__file__).resolve().parents[1]
    source = "\n".join(
        p.read_text("utf-8") for p in root.rglob("*.py") if not p.name.startswith("i18n")
    )

    def used(key: str) -> bool:
        if f'"{key}"' in source or f"'{key}'" in source:
            return True
        if key.endswith(".help") and used(key.removesuffix(".help")):
            return True  # the command palette reads f"{key}.help"
        parts = key.split(".")
        return any(
            re.search(r"f[\"']" + re.escape(".".join(parts[:i]) + ".") + r"\{", source)
            for i in range(1, len(parts))
        )

    unused = [key for key in i18n._STRINGS if not used(key)]
    assert unused == []
