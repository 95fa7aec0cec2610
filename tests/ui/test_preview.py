"""The live preview: a debug panel beside the conversation, following the file as it is saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from simulator.tui.screens.preview import PreviewScreen
from simulator.tui.widgets.chat import Bubble
from simulator.tui.widgets.debug_panel import DebugPanel
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, send, settle

NEW_LINE = "生意挺好!你问吧。"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.zh.yaml"
    shutil.copy(MINI, path)
    return path


def panel(app) -> str:
    return str(app.screen.query_one("#debug-body", Static).content)


def bubbles(app, speaker: str) -> list[str]:
    return [str(b.content) for b in app.screen.query(Bubble) if b.speaker == speaker]


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def save(pilot, path: Path, text: str) -> None:
    """Write the file as an editor would, then let the preview's poll see it."""
    path.write_text(text, "utf-8")
    pilot.app.screen.check_file()
    await settle(pilot)


async def test_opens_with_the_panel_beside_the_conversation(make, draft):
    app = make(scenario=draft, preview=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        text = panel(app)
        assert "预览 draft.zh.yaml · 第 1 版" in text
        assert "节点 opening · 已回复 0 轮" in text
        assert "1. → business: 技巧 praise / rapport" in text
        assert "还没有回复。" in text
        assert app.screen.query_one(DebugPanel).display
        await send(pilot, MODEL_REPLIES[0])
        text = panel(app)
        assert "上一句回复(第 1 轮 · 节点 opening)" in text
        assert "✓ → business: " in text
        assert "节点 business · 已回复 1 轮" in text


async def test_a_save_reloads_and_replays_the_replies(make, draft):
    app = make(scenario=draft, preview=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        assert "生意还不错" in bubbles(app, "customer")[-1]
        text = draft.read_text("utf-8").replace("生意还不错!有什么想了解的你尽管问。", NEW_LINE)
        await save(pilot, draft, text)
        [mine] = bubbles(app, "trainee")
        assert mine.startswith(MODEL_REPLIES[0])
        assert NEW_LINE in bubbles(app, "customer")[-1]
        assert "第 2 版" in panel(app) and "已回复 1 轮" in panel(app)
        assert "已加载第 2 版,重放了 1 句回复" in notices(app)
        assert app.screen.practice.scenario.beats["business"].say[-1].text == NEW_LINE


async def test_a_broken_save_shows_the_problem_and_keeps_the_last_good_version(make, draft):
    app = make(scenario=draft, preview=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        good = app.screen.practice
        original = draft.read_text("utf-8")
        line = original.splitlines().index("pass_score: 60") + 1
        await save(pilot, draft, original.replace("pass_score: 60", "pass_score：60"))
        text = panel(app)
        assert f"E016 第 {line} 行第 11 列 键 'pass_score' 后面用了全角冒号「：」" in text
        assert "→ 改成半角冒号加空格:'pass_score: '" in text
        assert "文件有错误:对话仍用第 1 版(上一个正确的版本)" in text
        assert app.screen.practice is good
        assert MODEL_REPLIES[0] in bubbles(app, "trainee")[0]
        assert any("文件有 1 个错误" in n for n in notices(app))
        await send(pilot, MODEL_REPLIES[1])  # the last good version still plays
        assert len(app.screen.practice.session.turns) == 2
        await save(pilot, draft, original.replace("生意还不错!有什么想了解的你尽管问。", NEW_LINE))
        text = panel(app)
        assert "第 2 版" in text and "E016" not in text and "已回复 2 轮" in text


async def test_a_new_earlier_ending_drops_the_later_replies(make, draft):
    app = make(scenario=draft, preview=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for reply in MODEL_REPLIES[:2]:
            await send(pilot, reply)
        # the praise now ends the session at once
        text = draft.read_text("utf-8").replace(
            "      - when: {technique: [praise, rapport]}\n        to: business",
            "      - when: {technique: [praise, rapport]}\n        to: good_end",
        )
        await save(pilot, draft, text)
        assert app.screen.practice.session.ending == "good_end"
        assert len(app.screen.practice.session.turns) == 1
        assert any("后面 1 句未重放" in n for n in notices(app))
        assert "已结束:good_end" in panel(app)


async def test_undo_and_restart(make, draft):
    app = make(scenario=draft, preview=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for reply in MODEL_REPLIES[:2]:
            await send(pilot, reply)
        await pilot.press("f2")
        await settle(pilot)
        assert [t.reply for t in app.screen.practice.session.turns] == [MODEL_REPLIES[0]]
        assert "已回复 1 轮" in panel(app)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen.practice.session.turns == []
        assert "已回复 0 轮" in panel(app)
        assert app.screen.query_one("#reply").has_focus
        await pilot.press("f2")
        await settle(pilot)
        assert "还没有回复可以撤回" in notices(app)


async def test_ending_stays_in_the_preview_with_the_score(make, draft):
    app = make(scenario=draft, preview=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for reply in MODEL_REPLIES:
            await send(pilot, reply)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        report = app.screen.practice.report
        assert report is not None and report.passed
        assert f"结局 good_end · 得分 {report.score} · 通过" in notices(app)


async def test_narrow_terminal_hides_the_panel_until_asked(make, draft):
    app = make(scenario=draft, preview=True, ui_lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        debug = app.screen.query_one(DebugPanel)
        assert not debug.display
        assert "来了?坐吧" in screen_text(app)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert debug.display
        assert "Preview draft.zh.yaml · version 1" in screen_text(app)
        assert "beat opening · replies so far: 0" in panel(app)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert not debug.display


async def test_english_panel_explains_in_english(make, draft):
    app = make(scenario=draft, preview=True, ui_lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        text = panel(app)
        assert "Last reply (turn 1 · beat opening)" in text
        assert "Transitions:" in text and "✓ → business: technique praise" in text
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert "上一句回复(第 1 轮 · 节点 opening)" in panel(app)
