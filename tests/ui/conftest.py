"""Fixtures for the Pilot and snapshot tests: a private library and data folder per test.

The library is a copy of tests/data/scenarios/mini_zh.yaml in tmp_path, so these tests do
not depend on the evolving scenarios/ folder; the data folder is tmp_path too
(SIMULATOR_DATA_DIR), the pace is off and the clock is frozen, so runs are deterministic.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.core.results.files import Store
from simulator.tui.app import SimulatorApp
from simulator.tui.factory import make_app
from tests.ui.helpers import MINI


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(folder))
    # Not a first start: the trainee's name was skipped once, so no name dialog covers the
    # library (tests/ui/test_progress.py starts from an empty folder to test that dialog).
    Store(folder).save_prefs(trainee="")
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini_zh.yaml")
    return folder


@pytest.fixture
def make(library: Path, data_dir: Path) -> Callable[..., SimulatorApp]:
    """make_app with test defaults: the private library only (no bundled scenarios), zh,
    pace off, a frozen clock."""

    def build(**overrides: object) -> SimulatorApp:
        options: dict[str, object] = {
            "library": library,
            "ui_lang": "zh",
            "pace": "off",
            "clock": lambda: 0.0,
            "theme": "textual-dark",
            "bundled": False,
        }
        options.update(overrides)
        return make_app(**options)  # type: ignore[arg-type]

    return build
