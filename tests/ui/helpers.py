"""Helpers shared by the Pilot and snapshot tests: the test scenario, waiting, reading the screen."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.containers import ScrollableContainer
from textual.pilot import Pilot
from textual.widgets import TextArea

DATA = Path(__file__).resolve().parents[1] / "data"
MINI = DATA / "scenarios" / "mini_zh.yaml"
MODEL_REPLIES = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]
"""The mini scenario's model path: ends in good_end, passed."""


async def settle(pilot: Pilot) -> None:
    """Wait for workers (library scan, replies) and the screen updates that follow."""
    for _ in range(5):  # a worker may start another; messages may post more messages
        await pilot.app.workers.wait_for_complete()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        await pilot.pause()
        if all(w.is_finished for w in pilot.app.workers):
            break


def screen_text(app: App) -> str:
    """Everything on screen as plain text (what a person would read)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


async def send(pilot: Pilot, text: str) -> None:
    """Put text in the reply box and press Enter, then wait for the customer's answer."""
    box = pilot.app.screen.query_one("#reply", TextArea)
    box.text = text
    await pilot.press("enter")
    await settle(pilot)


async def no_blink(pilot: Pilot) -> None:
    """Snapshot helper: a steady cursor, and style updates (focus, hover) applied before the shot."""
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    # A chat keeps to its newest line, but the scroll lands a refresh or two after the
    # last bubble's layout; on a slow, cold start that can be after the first pause.
    previous = None
    for _ in range(30):
        await pilot.pause()
        logs = [log for log in pilot.app.screen.query(ScrollableContainer) if log.is_anchored]
        state = [(log.scroll_y, log.max_scroll_y, log.virtual_size) for log in logs]
        at_end = all(log.scroll_y >= log.max_scroll_y for log in logs)
        if at_end and state == previous:  # at the newest line, and layout has stopped moving
            break
        previous = state
    # An anchored log is kept at its end by the compositor, which moves the scrollbar's
    # thumb without repainting it: when a slow frame had drawn the bar a row earlier, the
    # picture kept that old thumb (one row short of the end) under the right text.
    # Repaint the bars so they show where each log is now.
    for log in pilot.app.screen.query(ScrollableContainer):
        if log.show_vertical_scrollbar:
            log.vertical_scrollbar.refresh()
    await pilot.pause()


def expected(replies: list[str] = MODEL_REPLIES):
    """What the core itself says about these replies (so tests follow grader tuning)."""
    from simulator.core.scenario.loader import load_scenario
    from simulator.core.session.engine import Session
    from simulator.core.session.feedback import build_report

    session = Session.start(load_scenario(MINI))
    for reply in replies:
        if not session.finished:
            session.reply(reply)
    return session, build_report(session)
