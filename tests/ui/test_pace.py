"""The customer's typing pace: off, fast, natural; any key skips the pause; remembered."""

from __future__ import annotations

import json

import pytest
from textual.command import CommandPalette
from textual.widgets import TextArea

from simulator.cli import _parser
from simulator.tui import app as app_mod
from simulator.tui.factory import run_app
from simulator.tui.pace import DEFAULT, FAST_MAX, NATURAL_MAX, PACES, typing_delay
from simulator.tui.screens import conversation
from simulator.tui.widgets.chat import TypingIndicator
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, settle


@pytest.mark.parametrize("chars", [0, 1, 20, 40, 100, 1000])
def test_each_pace_is_bounded(chars):
    line = "x" * chars
    assert typing_delay(line, "off") == 0.0
    assert 0 < typing_delay(line, "fast") <= FAST_MAX
    assert 0.5 <= typing_delay(line, "natural") <= NATURAL_MAX
    assert typing_delay(line) == typing_delay(line, "fast")


def test_fast_is_the_default_and_never_slower_than_natural():
    assert DEFAULT == "fast" and PACES == ("off", "fast", "natural")
    for chars in range(0, 200, 7):
        assert typing_delay("x" * chars, "fast") <= typing_delay("x" * chars, "natural")


ENDLESS = 3600.0
"""The customer's pause in the tests that act while it lasts: a loaded machine could
otherwise reach the next step after a real pause (0.5-2.5 s) had already ended. Only a key
ends it, so a broken skip fails by the test's timeout instead of passing late."""


@pytest.fixture
def endless_typing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pause that is not off lasts ENDLESS seconds."""
    monkeypatch.setattr(
        conversation,
        "typing_delay",
        lambda text, pace: ENDLESS if typing_delay(text, pace) else 0.0,
    )


async def typing_shown(pilot) -> None:
    """Wait (bounded) until the customer is shown typing: grading the reply comes first."""
    for _ in range(200):
        if pilot.app.screen.query(TypingIndicator):
            return
        await pilot.pause(0.05)
    raise AssertionError("the customer was never shown typing")


async def start_typing(pilot, text: str = MODEL_REPLIES[0]) -> None:
    """Send a reply and stop while the customer 'types'."""
    await settle(pilot)
    pilot.app.screen.query_one("#reply", TextArea).text = text
    await pilot.press("enter")
    await typing_shown(pilot)
    assert "王老板正在输入" in screen_text(pilot.app)


@pytest.mark.timeout(120)
@pytest.mark.usefixtures("endless_typing")
async def test_any_key_skips_the_pause_and_does_nothing_else(make):
    app = make(scenario=MINI, pace="natural")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_typing(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert not app.screen.query(TypingIndicator)
        assert "生意还不错" in screen_text(app)
        assert app.screen.query_one("#reply", TextArea).text == ""  # the key only skipped


@pytest.mark.timeout(120)
@pytest.mark.usefixtures("endless_typing")
async def test_enter_while_typing_skips_without_sending(make):
    app = make(scenario=MINI, pace="natural")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_typing(pilot)
        app.screen.query_one("#reply", TextArea).text = "下一句"
        await pilot.press("enter")
        await settle(pilot)
        assert "生意还不错" in screen_text(app)
        assert len(app.screen.practice.session.turns) == 1
        assert app.screen.query_one("#reply", TextArea).text == "下一句"
        await pilot.press("enter")  # the pause is over: now Enter sends
        await typing_shown(pilot)
        assert len(app.screen.practice.session.turns) == 2
        await pilot.press("space")
        await settle(pilot)
        assert not app.screen.query(TypingIndicator)


async def test_pace_off_shows_the_line_at_once(make):
    app = make(scenario=MINI, pace="off")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#reply", TextArea).text = MODEL_REPLIES[0]
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query(TypingIndicator)
        await settle(pilot)
        assert "生意还不错" in screen_text(app)


async def test_the_palette_sets_the_pace_and_it_is_remembered(make, data_dir):
    app = make(pace=None)
    assert app.pace == "fast"  # nothing saved yet: the default
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"打字节奏自然")
        await settle(pilot)
        assert "客户打字节奏:自然" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.pace == "natural"
    assert json.loads((data_dir / "prefs.json").read_text("utf-8"))["pace"] == "natural"
    assert make(pace=None).pace == "natural"  # the next run
    assert make(pace="off").pace == "off"  # a flag wins for its run


async def test_the_palette_marks_the_current_pace(make):
    app = make(pace="fast")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        helps = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert "当前" in helps["客户打字节奏:快速"]
        assert "当前" not in helps["客户打字节奏:自然"]


@pytest.mark.parametrize(
    ("argv", "pace"),
    [
        ([], None),
        (["--pace", "off"], "off"),
        (["play", "--pace", "natural"], "natural"),
        (["--pace", "off", "play"], "off"),
        (["play"], None),
    ],
)
def test_the_pace_flag(argv, pace):
    assert getattr(_parser().parse_args(argv), "pace", None) == pace


def test_the_flag_reaches_the_app(monkeypatch, data_dir):
    seen: list[str] = []
    monkeypatch.setattr(app_mod.SimulatorApp, "run", lambda self: seen.append(self.pace))
    run_app(_parser().parse_args(["--pace", "natural", "--ui-lang", "en"]), None)
    assert seen == ["natural"]
