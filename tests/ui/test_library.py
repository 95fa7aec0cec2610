"""The library screen: listing, grouping, filters, search, best scores, broken files."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, OptionList, Select

from simulator.core.results.files import Store
from simulator.core.scenario import scoring
from simulator.core.scenario.library import default_root
from simulator.core.scenario.loader import load_scenario
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.dialogs import ProblemsDialog
from simulator.tui.screens.feedback import FeedbackScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.library import LibraryScreen
from simulator.tui.widgets.scenario_list import ScenarioList
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, settle

EN_COPY = (
    MINI.read_text("utf-8")
    .replace("id: test-mini", "id: test-mini-en")
    .replace("language: zh", "language: en")
    .replace("title: 测试用:小超市老板", "title: Test corner shop")
    .replace("difficulty: easy", "difficulty: hard")
    .replace("path: {stage: 入门, order: 1}", "path: {stage: Advanced, order: 2}")
)


def rows(app) -> list[str]:
    listing = app.screen.query_one("#scenarios", OptionList)
    return [str(listing.get_option_at_index(n).id) for n in range(listing.option_count)]


async def test_lists_scenarios_grouped_by_stage(make, library: Path):
    (library / "mini_en.yaml").write_text(EN_COPY, "utf-8")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert rows(app) == ["stage:1", "test-mini", "stage:2", "test-mini-en"]
        text = screen_text(app)
        for words in (
            "第 1 阶段 · 入门",
            "测试用:小超市老板",
            "中文",
            "简单",
            "称赞、暖场",
            "Test corner shop",
            "困难",
            "2/2 个场景",
        ):
            assert words in text
        assert app.screen.query_one("#scenarios").has_focus
        assert "e" not in app.screen.active_bindings  # no broken files, no Problems key


async def test_filters_and_search(make, library: Path):
    (library / "mini_en.yaml").write_text(EN_COPY, "utf-8")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.query_one("#f-lang", Select).value = "en"
        await pilot.pause()
        assert rows(app) == ["stage:2", "test-mini-en"]
        screen.query_one("#f-lang", Select).clear()
        screen.query_one("#f-level", Select).value = "easy"
        await pilot.pause()
        assert rows(app) == ["stage:1", "test-mini"]
        screen.query_one("#f-level", Select).clear()
        screen.query_one("#f-technique", Select).value = "probing"
        await pilot.pause()
        assert [r for r in rows(app) if not r.startswith("stage:")] == ["test-mini", "test-mini-en"]
        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"corner")
        await pilot.pause()
        assert rows(app) == ["stage:2", "test-mini-en"]
        await pilot.press("enter")  # leaves the search box for the table
        assert screen.query_one("#scenarios").has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert len(rows(app)) == 4
        screen.query_one(
            "#search", Input
        ).value = "Probing"  # technique names match in either language
        await pilot.pause()
        assert "test-mini" in rows(app)
        screen.query_one("#search", Input).value = "nothing-like-this"
        await pilot.pause()
        assert "没有符合条件的场景" in screen_text(app)


async def test_best_score_shown(make, data_dir, mini):
    session = Session.start(mini)
    for reply in MODEL_REPLIES:
        session.reply(reply)
    report = build_report(session)
    Store().finish("x", session.to_dict(), report, title=mini.title, mode="coach", elapsed=3)
    for start in ("scanned", "listed from the index"):  # the second start reads no file
        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await app.workers.wait_for_complete()
            await settle(pilot)
            assert f"最佳成绩 {report.score}" in screen_text(app), start


async def test_enter_opens_the_briefing(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_broken_files_show_the_validators_messages(make, library: Path):
    (library / "broken.yaml").write_text("format: 1\nid: broken\ntitle: [unclosed\n", "utf-8")
    (library / "incomplete.yaml").write_text("format: 1\nid: incomplete\n", "utf-8")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "2 个场景文件无法读取" in screen_text(app)
        assert "e" in app.screen.active_bindings
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsDialog)
        text = screen_text(app)
        assert "broken.yaml:" in text and "incomplete.yaml:" in text
        assert "Traceback" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_empty_library_says_so(make, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make(library=empty)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "没有找到场景" in screen_text(app)
        await pilot.press("enter")  # nothing to open; nothing breaks
        assert isinstance(app.screen, LibraryScreen)


async def test_h_opens_the_history(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_the_real_library_opens(make, tmp_path: Path):
    """The bundled scenarios/ folder (whatever it holds today) opens without error."""
    root = tmp_path / "real"
    if default_root().exists():
        shutil.copytree(default_root(), root)
    else:
        root.mkdir()
    app = make(library=root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.library is not None
        shown = [r for r in rows(app) if not r.startswith("stage:")]
        assert len(shown) == len(screen.library.entries)
        if shown:
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, BriefingScreen)


async def test_one_heading_per_stage_named_in_the_interface_language(make, library: Path):
    same_stage = EN_COPY.replace(
        "path: {stage: Advanced, order: 2}", "path: {stage: Getting started, order: 1}"
    )
    (library / "mini_en.yaml").write_text(same_stage, "utf-8")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert [r for r in rows(app) if r.startswith("stage:")] == ["stage:1"]
        assert "第 1 阶段 · 入门" in screen_text(app)


async def test_a_high_score_with_a_failure_ending_is_not_shown_as_a_pass(make, data_dir):
    """The library, the history and the reopened feedback all say what scoring.passed says."""
    session = Session.start(load_scenario(MINI))
    for _ in range(10):
        if not session.finished:
            session.reply("好的。")
    report = build_report(session)
    report = replace(report, score=95, passed=scoring.passed(95, 60, report.ending_kind))
    assert report.ending_kind == "walkout" and not report.passed
    Store().finish("w", session.to_dict(), report, title="t", mode="coach", elapsed=1)
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        scenarios = app.screen.query_one(ScenarioList)
        row = scenarios.get_option(report.scenario).prompt
        styles = {str(s.style) for s in row.spans if "95" in row.plain[s.start : s.end]}
        assert styles == {"$text-warning"}  # not the green of a pass
        assert "最佳成绩 95(未通过)" in screen_text(app)
        await pilot.press("h")
        await settle(pilot)
        assert "95    未通过" in screen_text(app)
        assert [i.passed for i in app.screen.items] == [False]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert "✘ 未通过" in screen_text(app)


async def test_a_second_start_lists_from_the_index_and_opens_from_the_file(
    make, library: Path, data_dir: Path, monkeypatch
):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert rows(app) == ["stage:1", "test-mini"]
    assert (data_dir / "cache" / "library-index.json").is_file()

    from simulator.core.scenario import loader

    real, read = loader.load_scenario, []

    def counting(path, catalogue=None):
        read.append(Path(path).name)
        return real(path, catalogue)

    monkeypatch.setattr(loader, "load_scenario", counting)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert rows(app) == ["stage:1", "test-mini"] and read == []  # listed without reading
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen) and read == [MINI.name]
        assert app.screen.scenario.id == "test-mini"


async def test_a_file_broken_since_it_was_listed_is_reported_not_opened(make, library: Path):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        (library / MINI.name).write_text("id: [unclosed\n", "utf-8")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert any(n.severity == "error" for n in app._notifications)
