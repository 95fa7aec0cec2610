"""The feedback screen: score, bars, chart, evidence per reply, missed moments, actions."""

from __future__ import annotations

import pytest
from textual.widgets import Footer, OptionList

from simulator.tui.screens.conversation import ConversationScreen
from simulator.tui.screens.feedback import FeedbackScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.library import LibraryScreen
from tests.ui.helpers import MINI, MODEL_REPLIES, expected, screen_text, send, settle


async def finish(pilot, replies=MODEL_REPLIES) -> FeedbackScreen:
    await settle(pilot)
    for reply in replies:
        await send(pilot, reply)
    if not pilot.app.screen.practice.finished:
        pilot.app.screen.practice.abandon()
        pilot.app.screen.post_message(ConversationScreen.Finished(pilot.app.screen.practice))
    else:
        await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FeedbackScreen)
    return pilot.app.screen


async def test_summary_shows_score_bars_chart_and_suggestions(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(120, 40)) as pilot:
        await finish(pilot)
        _, report = expected()
        trust = [row["trust"] for row in report.trajectory]
        text = screen_text(app)
        for words in (
            f"得分 {report.score}/100",
            "✔ 通过",
            "及格线 60",
            "结局:成功",
            "称赞 ██████████ 1/1",
            "指标走势",
            f"{trust[0]:g} → {trust[-1]:g}",
            "三条建议",
            "1. ",
        ):
            assert words in text, words


async def test_failed_session_says_not_passed(make):
    app = make(scenario=MINI, exam=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finish(pilot, ["好的。"])
        assert not screen.report.passed
        text = screen_text(app)
        assert "✘ 未通过" in text and "中途结束" in text and "考试模式" in text


async def test_selecting_a_reply_shows_why(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await finish(pilot)
        await pilot.press("2")
        await settle(pilot)
        turns = screen.query_one("#turns", OptionList)
        assert turns.has_focus
        session, _ = expected()
        text = screen_text(app)  # the first reply is selected on arrival
        first = session.turns[0].evidence[0]
        assert first.rule in text and f"「{first.text}」" in text
        assert "王老板被夸得很受用" in text
        await pilot.press("down")  # customer lines are skipped
        await settle(pilot)
        second = session.turns[1].evidence[0]
        assert second.rule in screen_text(app)


async def test_missed_opportunities_and_facts(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(100, 40)) as pilot:
        await finish(pilot)
        await pilot.press("3")
        await settle(pilot)
        text = screen_text(app)
        for words in (
            "错过的机会",
            "第 1 轮 · 暖场",
            "客户说: 来了?坐吧。",
            "你说: 八年可不容易",
            "更好的说法: 八年可不容易,街坊都认您",
            "问出的信息",
            "在小贷公司还有十万贷款 (第 3 轮)",
            "没问出的信息",
        ):
            assert words in text, words


async def test_export_names_the_files(make, data_dir):
    app = make(scenario=MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await finish(pilot)
        await pilot.press("e")
        await pilot.pause()
        files = sorted((data_dir / "exports").iterdir())
        assert [f.suffix for f in files] == [".json", ".md"]
        message = (
            str(app._notifications.last.message)
            if hasattr(app._notifications, "last")
            else str(list(app._notifications)[-1].message)
        )
        assert str(files[0]) in message and str(files[1]) in message
        assert "得分" in files[1].read_text("utf-8")


async def test_try_again_starts_a_new_session(make):
    app = make(scenario=MINI, exam=True)
    async with app.run_test(size=(80, 24)) as pilot:
        old = (await finish(pilot)).report
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.practice.session.turns == []
        assert app.screen.practice.mode == "exam"
        assert old.scenario == app.screen.practice.scenario.id


async def test_back_to_library_and_history_from_play_mode(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.click("#do-library")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "测试用:小超市老板" in screen_text(app)


async def test_a_legend_explains_the_marks(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert "✓ 计分的技巧   · 识别到但不计分   ✗ 失误、时机不对或重复" in screen_text(app)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert "✓ credited   · seen, not credited   ✗ pitfall, wrong moment, repeat" in screen_text(
            app
        )


@pytest.mark.parametrize("start", ["1", "2"])
async def test_m_opens_the_missed_tab_in_one_key(make, start):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finish(pilot)
        assert "m 错过" in screen_text(app)  # shown in the footer
        await pilot.press(start, "m")
        await settle(pilot)
        assert screen.tab == "missed"
        assert screen.query_one("#missed-scroll").has_focus  # arrows scroll it at once
        assert "错过的机会" in screen_text(app)


@pytest.mark.parametrize(
    ("lang", "relay", "shown"),
    [
        ("en", (), ("^Q Quit", "^L 中文")),
        ("en", ("Ann", "Bo"), ("^Q Quit", "^L 中文", "g Group")),
        ("zh", (), ("^Q 退出", "^L English")),
        ("zh", ("张三", "李四"), ("^Q 退出", "^L English", "g 小组")),
    ],
)
async def test_the_footer_keeps_quit_and_the_language_key_at_80_columns(make, lang, relay, shown):
    app = make(scenario=MINI, ui_lang=lang, relay=relay)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finish(pilot)
        footer = screen.query_one(Footer)
        line = screen_text(app).splitlines()[footer.region.y]
        assert all(key in line for key in shown), line
