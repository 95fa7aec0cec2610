"""The library screen with shared folders: every folder listed, a duplicate id in the problems."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from simulator.tui.screens.dialogs import ProblemsDialog
from tests.ui.helpers import MINI, settle


async def test_a_duplicate_id_in_a_shared_folder_names_both_files(make, library: Path, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "copy.yaml").write_text(MINI.read_text("utf-8"), "utf-8")
    (shared / "own.yaml").write_text(
        MINI.read_text("utf-8").replace("id: test-mini", "id: team-own"), "utf-8"
    )
    app = make(library=[library, shared])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert {e.id for e in app.screen.library.entries} == {"test-mini", "team-own"}
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsDialog)
        text = str(app.screen.query_one("#problems-text", Static).content)
        first = library / "mini_zh.yaml"
        assert f"{shared / 'copy.yaml'}:3:1: E024: 场景 id 'test-mini' 已被 {first}:3 使用" in text
