"""The app records to the results store, and a failing store never costs a session."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.core.practice import Practice
from simulator.core.results import ResultsError, open_results
from simulator.core.results.files import Store
from simulator.core.results.recorder import Recorder, identity

MODEL = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "SIMULATOR_TRAINEE",
        "SIMULATOR_CLASS",
        "SIMULATOR_TRAINEE_NAME",
        "SIMULATOR_RESULTS_DB",
    ):
        monkeypatch.delenv(name, raising=False)


def test_identity_from_environment_then_prefs(monkeypatch):
    assert identity({"name": "小王"}).trainee == "小王"
    monkeypatch.setenv("SIMULATOR_TRAINEE", "wang01")
    monkeypatch.setenv("SIMULATOR_CLASS", "2026-A")
    monkeypatch.setenv("SIMULATOR_TRAINEE_NAME", "王一")
    who = identity({"name": "小王"})
    assert (who.trainee, who.class_code, who.display_name) == ("wang01", "2026-A", "王一")


def test_a_played_session_is_recorded_live_then_finished(tmp_path, mini, grader, monkeypatch):
    monkeypatch.setenv("SIMULATOR_TRAINEE", "wang01")
    monkeypatch.setenv("SIMULATOR_CLASS", "2026-A")
    url = f"sqlite:///{tmp_path / 'r.db'}"
    recorder = Recorder.for_data_folder(tmp_path, url, {})
    store = Store(tmp_path / "data")
    practice = Practice.new(mini, "exam", store, lambda: 0.0, grader=grader, recorder=recorder)
    with open_results(url) as results:
        (live,) = results.live("2026-A")
        assert (live.session_id, live.trainee, live.turns) == (practice.id, "wang01", 0)
        practice.reply(MODEL[0])
        (live,) = results.live("2026-A")
        assert (live.turns, live.beat) == (1, practice.session.turns[0].beat)
        for reply in MODEL[1:]:
            if not practice.finished:
                practice.reply(reply)
        practice.finish()
        assert results.live("2026-A") == []
        (done,) = results.sessions(class_code="2026-A")
        assert (done.id, done.score, done.mode) == (practice.id, practice.report.score, "exam")
        assert done.passed == practice.report.passed
        detail = results.session(practice.id)
        assert [t.reply for t in detail.turns] == [t.reply for t in practice.session.turns]
        assert all(t.author == "wang01" for t in detail.turns)
        assert detail.turns[0].score_so_far > 0  # the live scores are kept
        assert detail.turns[-1].score_so_far == practice.report.score
    assert practice.results_warning() is None


def test_the_default_store_is_in_the_data_folder(tmp_path, mini, grader):
    store = Store(tmp_path / "data")
    recorder = Recorder.for_data_folder(store.root, None, {"name": "me"})
    practice = Practice.new(mini, "coach", store, lambda: 0.0, grader=grader, recorder=recorder)
    practice.abandon()
    recorder.close()
    with open_results(f"sqlite:///{store.root / 'results.db'}") as results:
        (only,) = results.sessions(trainee="me")
    assert only.id == practice.id and only.ending_kind == "abandoned"


def test_a_failing_store_warns_once_and_loses_nothing(tmp_path, mini, grader):
    calls: list[str | None] = []

    def broken(url: str | None):
        calls.append(url)
        raise ResultsError("cannot reach db / 无法连接结果数据库")

    recorder = Recorder("postgresql://x@127.0.0.1:1/db", identity({"name": "me"}), opener=broken)
    store = Store(tmp_path / "data")
    practice = Practice.new(mini, "coach", store, lambda: 0.0, grader=grader, recorder=recorder)
    warning = practice.results_warning()
    assert warning is not None and "无法连接" in warning
    for reply in MODEL:
        if not practice.finished:
            practice.reply(reply)
            assert practice.results_warning() is None  # said once per session
    practice.finish()
    assert practice.report is not None and practice.save_error is None
    assert [h.id for h in store.history()] == [practice.id]  # the JSON history has it
    assert len(calls) == 2  # the start, then the finish: live updates stop after a failure


def test_a_session_whose_write_failed_reaches_the_store_by_import(tmp_path, mini, grader):
    from simulator.core.results.sync import import_history

    def broken(url: str | None):
        raise ResultsError("down")

    store = Store(tmp_path / "data")
    who = identity({"name": "me"})
    practice = Practice.new(
        mini,
        "coach",
        store,
        lambda: 0.0,
        grader=grader,
        recorder=Recorder(None, who, opener=broken),
    )
    for reply in MODEL:
        if not practice.finished:
            practice.reply(reply)
    practice.finish()
    with open_results(f"sqlite:///{Path(tmp_path) / 'later.db'}") as results:
        assert import_history(store, results, who).new == 1
        assert results.sessions()[0].score == practice.report.score


def test_prepare_opens_the_store_early_and_keeps_failures_for_the_first_write(tmp_path):
    opened: list[str | None] = []

    def opener(url: str | None):
        opened.append(url)
        return open_results(url)

    recorder = Recorder(f"sqlite:///{tmp_path / 'r.db'}", identity({"name": "me"}), opener=opener)
    recorder.prepare()
    recorder.prepare()
    assert len(opened) == 1 and (tmp_path / "r.db").exists()
    recorder.close()

    def broken(url: str | None):
        raise ResultsError("down / 无法连接")

    failing = Recorder(None, identity({"name": "me"}), opener=broken)
    failing.prepare()
    assert failing.warning() is None  # nothing to say until a session is affected
    failing.start("s1", "sc", "T", "zh", "coach")
    assert "无法连接" in (failing.warning() or "")


def test_a_relay_credits_each_turn_to_its_author_in_the_store(tmp_path, mini, grader):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    recorder = Recorder.for_data_folder(tmp_path, url, {})
    store = Store(tmp_path / "data")
    practice = Practice.new(
        mini, "coach", store, lambda: 0.0, grader=grader, recorder=recorder, relay=("张三", "李四")
    )
    for reply in MODEL:
        if not practice.finished:
            practice.reply(reply)
    practice.finish()
    with open_results(url) as results:
        (done,) = results.sessions()
        detail = results.session(done.id)
        assert detail is not None
        authors = [turn.author for turn in detail.turns]
        assert authors == ["张三", "李四", "张三"][: len(authors)] and len(authors) >= 2
