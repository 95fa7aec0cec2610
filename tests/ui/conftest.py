"""Fixtures for the Pilot and snapshot tests: a private library and data folder per test.

The library is a copy of tests/data/scenarios/mini_zh.yaml in tmp_path, so these tests do
not depend on the evolving scenarios/ folder; the data folder is tmp_path too
(SIMULATOR_DATA_DIR), pacing is off and the clock is frozen, so runs are deterministic.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import TextArea

from simulator.tui.app import SimulatorApp, make_app

DATA = Path(__file__).resolve().parents[1] / "data"
MINI = DATA / "scenarios" / "mini_zh.yaml"
MODEL_REPLIES = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]
"""The mini scenario's model path: ends in good_end, passed."""


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini_zh.yaml")
    return folder


@pytest.fixture
def make(library: Path, data_dir: Path) -> Callable[..., SimulatorApp]:
    """make_app with test defaults: the private library, zh, no pacing, a frozen clock."""

    def build(**overrides: object) -> SimulatorApp:
        options: dict[str, object] = {"library": library, "ui_lang": "zh", "pacing": False, "clock": lambda: 0.0,
                                      "theme": "textual-dark"}
        options.update(overrides)
        return make_app(**options)  # type: ignore[arg-type]

    return build


async def settle(pilot: Pilot) -> None:
    """Wait for workers (library scan, replies) and the screen updates that follow."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app: App) -> str:
    """Everything on screen as plain text (what a person would read)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


async def send(pilot: Pilot, text: str) -> None:
    """Put text in the reply box and press Enter, then wait for the customer's answer."""
    box = pilot.app.screen.query_one("#reply", TextArea)
    box.text = text
    await pilot.press("enter")
    await settle(pilot)


async def no_blink(pilot: Pilot) -> None:
    """Snapshot helper: a steady cursor."""
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()
