"""The trainer's terminal dashboard over a temporary SQLite results store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from simulator.core.grading import catalogue as catalogue_mod
from simulator.core.results import (
    Identity,
    Results,
    TechniqueCell,
    dashboard,
    open_results,
    result_from_report,
    turn_record,
)
from simulator.core.scenario.loader import load_scenario
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report
from simulator.tui.dashboard import DashboardApp
from tests.test_relay import RELAY_REPLIES
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, settle

CLASS = "2026-A"
AT = "2026-12-02T09:00:00+08:00"
ZHANG = Identity("zhang", CLASS, "张三")
LI = Identity("li", CLASS, "李四")


@pytest.fixture
def results(tmp_path: Path):
    store = open_results(f"sqlite:///{tmp_path / 'results.db'}")
    yield store
    store.close()


def finished(results: Results, session_id: str, who: Identity, replies: list[str]) -> None:
    session = Session.start(load_scenario(MINI))
    for reply in replies:
        if not session.finished:
            session.reply(reply)
    report = build_report(session)
    results.start(session_id, who, report.scenario, report.title, "zh", "coach", AT)
    results.finish(
        result_from_report(
            report, session_id=session_id, who=who, mode="coach", started_at=AT, finished_at=AT
        )
    )


def live(results: Results, session_id: str, who: Identity, replies: list[str]) -> None:
    session = Session.start(load_scenario(MINI))
    results.start(session_id, who, "test-mini", "测试用:小超市老板", "zh", "coach", AT)
    for reply in replies:
        turn = session.reply(reply)
        results.turn(session_id, turn_record(turn, who.trainee, build_report(session).score, AT))


def cell_texts(app: DashboardApp, table_id: str) -> list[list[str]]:
    table = app.query_one(f"#{table_id}", DataTable)
    return [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]


def make(results: Results, lang: str = "zh") -> DashboardApp:
    # a long poll interval: the test drives refreshes itself (R), never waits on a timer
    return DashboardApp(results, CLASS, catalogue_mod.load(None), lang, poll_seconds=3600)


def test_heat_levels_follow_the_share_of_chances_taken():
    assert dashboard.heat(None) == "none"
    assert dashboard.heat(TechniqueCell(0, 0)) == "none"
    assert dashboard.heat(TechniqueCell(3, 1)) == "high"
    assert dashboard.heat(TechniqueCell(1, 1)) == "mid"
    assert dashboard.heat(TechniqueCell(1, 3)) == "low"
    assert dashboard.heat(TechniqueCell(0, 2)) == "low"


def test_the_poller_reloads_only_when_the_store_changed(results):
    poller = dashboard.Poller(results, CLASS)
    first = poller.poll()
    assert first is not None and first.live == () and first.leaders == ()
    assert poller.poll() is None  # nothing written since
    live(results, "s-live", ZHANG, MODEL_REPLIES[:1])
    again = poller.poll()
    assert again is not None and [r.trainee for r in again.live] == ["zhang"]
    assert poller.poll(force=True) is not None


async def test_dashboard_shows_live_sessions_leaders_techniques_and_mistakes(results):
    finished(results, "s1", LI, MODEL_REPLIES)  # passes: praise and probing taken
    finished(results, "s2", ZHANG, ["你好", "你今天必须签字,不然就别贷了!"])
    live(results, "s3", ZHANG, RELAY_REPLIES[:2])
    app = make(results)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "班级 2026-A · 1 人在练 · 2 人有成绩" in text
        assert "张三" in text and "测试用:小超市老板" in text
        row = cell_texts(app, "live")[0]
        assert row[0] == "张三" and row[2] == "opening" and row[3] == "2"  # the beat last answered
        await pilot.press("2")
        await settle(pilot)
        leaders = cell_texts(app, "leaders")
        assert [r[1] for r in leaders] == ["李四", "张三"]
        assert "排行榜" in screen_text(app) and "李四" in screen_text(app)
        await pilot.press("3")
        await settle(pilot)
        text = screen_text(app)
        assert "称赞" in text and "多半用上" in text
        matrix = {r[0]: r for r in cell_texts(app, "matrix")}
        assert set(matrix) == {"张三", "李四"}
        table = app.query_one("#matrix", DataTable)
        praise = [str(c.label) for c in table.columns.values()].index("称赞")
        assert matrix["李四"][praise].strip() == "✓1 ✗0"
        await pilot.press("4")
        await settle(pilot)
        text = screen_text(app)
        assert "常见错误" in text and "错过" in text and "×" in text


async def test_a_new_write_shows_on_the_next_poll_and_the_language_switches(results):
    app = make(results, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Nobody is practising right now" in screen_text(app)
        live(results, "s9", LI, MODEL_REPLIES[:1])
        app.poll()  # what the 2 s timer does
        await settle(pilot)
        assert cell_texts(app, "live")[0][0] == "李四"
        assert "1 practising" in screen_text(app)
        await pilot.press("ctrl+l")
        await settle(pilot)
        text = screen_text(app)
        assert "正在练习" in text and "李四" in text and "1 人在练" in text


async def test_a_store_that_cannot_be_read_is_said_once(results, monkeypatch):
    from simulator.core.results import ResultsError

    app = make(results, lang="en")
    messages: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        def broken(*_args, **_kwargs):
            raise ResultsError("cannot reach the database")

        monkeypatch.setattr(results, "version", broken)
        monkeypatch.setattr(app, "notify", lambda message, **_: messages.append(message))
        app.poll()
        await settle(pilot)
        app.poll()
        await settle(pilot)
        assert messages == ["cannot reach the database"]
