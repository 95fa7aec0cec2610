"""SVG snapshots of every screen at 80x24 and a larger size (pace off, clock frozen, workers awaited).

Update after a deliberate visual change with: pytest tests/ui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from simulator.core.results.files import Store
from simulator.core.results.items import Unfinished
from simulator.core.scenario.loader import load_scenario
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report
from simulator.tui.widgets.chat import ChatLog
from tests.ui.helpers import MINI, MODEL_REPLIES, no_blink, send, settle

SMALL, LARGE = (80, 24), (120, 40)


@pytest.fixture
def fixed_data(tmp_path, monkeypatch):
    """A data folder shown as the same relative path in every run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SIMULATOR_DATA_DIR", "data")
    return Store(now=lambda: datetime(2025, 3, 1, 9, 30, tzinfo=UTC))


async def chat_at_bottom(pilot) -> None:
    """The chat is anchored to its newest line; on a busy machine the scroll that follows the
    last line can land a frame after the screen settled. Wait for it (bounded) so the picture
    shows the layout, not the timing."""
    for _ in range(50):
        logs = pilot.app.screen.query(ChatLog)
        if not logs or all(log.scroll_y >= log.max_scroll_y for log in logs):
            return
        await pilot.pause(0.02)
    for log in logs:  # still short of the end after a second: put it where the anchor would
        log.scroll_end(animate=False)
    await pilot.pause()


def steps(*replies: str, keys: tuple[str, ...] = ()):
    async def run(pilot) -> None:
        await settle(pilot)
        for reply in replies:
            await send(pilot, reply)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await chat_at_bottom(pilot)
        await no_blink(pilot)

    return run


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_library(snap_compare, make, size):
    assert snap_compare(make(), terminal_size=size, run_before=steps())


def test_library_english(snap_compare, make):
    assert snap_compare(make(ui_lang="en"), terminal_size=SMALL, run_before=steps())


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_briefing(snap_compare, make, size):
    assert snap_compare(make(), terminal_size=size, run_before=steps(keys=("enter",)))


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_conversation_coach(snap_compare, make, size):
    app = make(scenario=MINI)
    assert snap_compare(
        app, terminal_size=size, run_before=steps(MODEL_REPLIES[0], keys=("ctrl+g",))
    )


def test_conversation_exam_english(snap_compare, make):
    app = make(scenario=MINI, exam=True, ui_lang="en")
    assert snap_compare(app, terminal_size=SMALL, run_before=steps(MODEL_REPLIES[0]))


def test_conversation_ended(snap_compare, make):
    assert snap_compare(make(scenario=MINI), terminal_size=SMALL, run_before=steps(*MODEL_REPLIES))


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_feedback_summary(snap_compare, make, size):
    app = make(scenario=MINI)
    assert snap_compare(app, terminal_size=size, run_before=steps(*MODEL_REPLIES, keys=("enter",)))


def test_feedback_transcript(snap_compare, make):
    app = make(scenario=MINI)
    assert snap_compare(
        app, terminal_size=(100, 32), run_before=steps(*MODEL_REPLIES, keys=("enter", "2", "down"))
    )


def test_feedback_missed(snap_compare, make):
    app = make(scenario=MINI)
    assert snap_compare(
        app, terminal_size=LARGE, run_before=steps(*MODEL_REPLIES, keys=("enter", "3"))
    )


def test_history(snap_compare, make, fixed_data):
    scenario = load_scenario(MINI)
    for n, replies in enumerate([["好的。"], MODEL_REPLIES]):
        session = Session.start(scenario)
        for reply in replies:
            session.reply(reply)
        session.abandon()
        fixed_data.finish(
            f"s{n}",
            session.to_dict(),
            build_report(session),
            title=scenario.title,
            mode=("exam", "coach")[n],
            elapsed=30,
        )
    assert snap_compare(make(), terminal_size=SMALL, run_before=steps(keys=("h",)))


def test_resume_dialog(snap_compare, make, fixed_data):
    scenario = load_scenario(MINI)
    session = Session.start(scenario)
    session.reply(MODEL_REPLIES[0])
    fixed_data.autosave(
        Unfinished(
            "s1",
            scenario.id,
            scenario.title,
            str(MINI),
            "coach",
            "zh",
            "您这儿一个月",
            42.0,
            "",
            session.to_dict(),
        )
    )
    assert snap_compare(make(), terminal_size=SMALL, run_before=steps())
