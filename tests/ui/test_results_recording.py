"""The app records each session in the results store; when it cannot, one warning and
the session goes on (the JSON history keeps it)."""

from __future__ import annotations

from simulator.core.results import open_results
from simulator.core.results.files import Store
from simulator.tui.screens.feedback import FeedbackScreen
from tests.ui.helpers import MODEL_REPLIES, send, settle


async def _play(app) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the scenario
        await settle(pilot)
        await pilot.press("enter")  # coach mode
        await settle(pilot)
        for reply in MODEL_REPLIES:
            await send(pilot, reply)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        app.seen = [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_finished_session_is_in_the_results_store(make, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SIMULATOR_CLASS", "2026-A")
    url = f"sqlite:///{tmp_path / 'class.db'}"
    app = make(results_db=url)
    await _play(app)
    assert not any("结果数据库" in m for m in app.seen)
    with open_results(url) as results:
        (done,) = results.sessions(class_code="2026-A")
    assert done.passed and done.turns == len(MODEL_REPLIES)


async def test_an_unreachable_results_database_warns_and_keeps_the_session(make, data_dir):
    app = make(results_db="postgresql://nobody@127.0.0.1:1/none")
    await _play(app)
    warnings = [m for m in app.seen if "成绩没有写入结果数据库" in m]
    assert len(warnings) == 1 and "无法连接" in warnings[0]
    assert len(Store(data_dir).history()) == 1
