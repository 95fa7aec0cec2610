"""The conversation screen: bubbles, tags, hints, bad input, autosave, ending (the pace is in test_pace.py)."""

from __future__ import annotations

import json

import pytest
from textual.widgets import TextArea

from simulator.core.session.engine import MAX_REPLY_CHARS
from simulator.tui.screens.conversation import ConversationScreen
from simulator.tui.screens.dialogs import ChoiceDialog
from simulator.tui.screens.feedback import FeedbackScreen
from simulator.tui.widgets.chat import Bubble
from tests.ui.helpers import MINI, MODEL_REPLIES, expected, screen_text, send, settle


def bubbles(app, speaker: str) -> list[str]:
    return [str(b.content) for b in app.screen.query(Bubble) if b.speaker == speaker]


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_play_opens_on_the_customers_first_line(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert "来了?坐吧。这店开了八年了,街坊都认识我。" in screen_text(app)
        assert app.screen.query_one("#reply", TextArea).has_focus
        assert "00:00" in screen_text(app)


async def test_coach_mode_tags_each_reply(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        [mine] = bubbles(app, "trainee")
        assert MODEL_REPLIES[0] in mine and "✓ 称赞" in mine
        assert "生意还不错" in bubbles(app, "customer")[-1]
        session, _ = expected(MODEL_REPLIES[:1])
        text = screen_text(app)
        gained = session.meters["trust"] - 40
        assert (
            f"信任 {session.meters['trust']:g} ▲{gained:g}" in text and "王老板被夸得很受用" in text
        )
        await send(pilot, "您这边最近有什么不顺心的吗?")
        assert "重复" not in bubbles(app, "trainee")[-1]


async def test_exam_mode_has_no_tags_and_no_hints(make):
    app = make(scenario=MINI, exam=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        [mine] = bubbles(app, "trainee")
        assert mine == MODEL_REPLIES[0]
        assert "ctrl+g" not in app.screen.active_bindings
        app.screen.action_hint()
        await pilot.pause()
        assert any("考试模式下没有提示" in n for n in notices(app))
        assert "王老板被夸得很受用" not in screen_text(
            app
        )  # reasons name techniques: hidden until the end


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["strip", "side-panel"])
async def test_exam_mode_shows_no_meter_changes_until_the_end(make, size):
    app = make(scenario=MINI, exam=True)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for reply in MODEL_REPLIES[:2]:
            await send(pilot, reply)
            text = screen_text(app)
            assert "▲" not in text and "▼" not in text
        session, _ = expected(MODEL_REPLIES[:2])
        assert f"信任 {session.meters['trust']:g}" in screen_text(app)  # the value still moves
        await send(pilot, MODEL_REPLIES[2])  # the end: the last change may be shown
        assert app.screen.practice.finished


async def test_coach_mode_shows_meter_changes_every_turn(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        assert "▲" in screen_text(app)


async def test_hint_key_shows_the_moment(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert "此刻适合:称赞、暖场" in screen_text(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert "此刻适合" not in screen_text(app)


async def test_empty_reply_is_refused_and_ctrl_j_adds_a_line(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await send(pilot, "   \n  ")
        assert app.screen.practice.session.turns == []
        assert any("先写点什么" in n for n in notices(app))
        app.screen.query_one("#reply", TextArea).clear()
        await pilot.press(*"ab", "ctrl+j", *"cd")  # Ctrl+J is a new line, Enter sends
        assert app.screen.query_one("#reply", TextArea).text == "ab\ncd"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.practice.session.turns[0].reply == "ab\ncd"


async def test_huge_paste_is_kept_but_refused_with_the_limit(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        huge = "您好" * MAX_REPLY_CHARS
        await send(pilot, huge)
        assert app.screen.practice.session.turns == []
        assert app.screen.query_one("#reply", TextArea).text == huge  # nothing typed is lost
        assert any(str(MAX_REPLY_CHARS) in n and str(len(huge)) in n for n in notices(app))
        assert app.screen.query_one("#input-status").has_class("-over")


async def test_emoji_control_characters_and_mixed_scripts(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await send(pilot, "王老板 👍🏽👨‍👩‍👧 您好\x1b[31m\x07 hello مرحبا [b]bold[/b]\t八年不容易")
        turn = app.screen.practice.session.turns[0]
        assert "\x1b" not in turn.reply and "\x07" not in turn.reply
        assert "[b]bold[/b]" in bubbles(app, "trainee")[0]  # shown literally, not as markup
        assert len(bubbles(app, "customer")) == 2
        screen_text(app)  # renders without error


async def test_every_turn_and_the_draft_are_saved(make, data_dir):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        [saved] = (data_dir / "unfinished").glob("*.json")
        data = json.loads(saved.read_text("utf-8"))
        assert data["session"]["replies"] == [MODEL_REPLIES[0]]
        assert data["mode"] == "coach"
        await pilot.press(*"您这儿")
        app.screen.practice.save()  # what the debounce timer does
        assert json.loads(saved.read_text("utf-8"))["draft"] == "您这儿"


async def test_end_asks_first(make, data_dir):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "结束这场练习?" in screen_text(app)
        await pilot.press("escape")  # no
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert not app.screen.practice.finished
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#choice-end")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.report.ending_kind == "abandoned"
    assert len(list((data_dir / "history").glob("*.json"))) == 1
    assert not list((data_dir / "unfinished").glob("*.json"))


async def test_the_ending_offers_the_feedback(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for reply in MODEL_REPLIES:
            await send(pilot, reply)
        assert not app.screen.query("#reply")
        assert "结局:成功" in screen_text(app)
        assert app.screen.query_one("#see-feedback").has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)


async def test_side_panel_hides_when_narrow_and_toggles(make):
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        side = app.screen.query_one("#side")
        assert not side.display or side.region.width == 0
        assert "信任 40 · 耐心 50" in screen_text(app)  # the one-line strip instead
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert side.region.width > 0 and "社区超市老板" in screen_text(app)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert side.region.width > 0
        assert "用时 00:00" in screen_text(app)
