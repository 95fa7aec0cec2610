"""The session controller in the core: `simulator run` plays through it exactly as the
embedded playthroughs do, a resumed session keeps its elapsed time, names are cleaned."""

from __future__ import annotations

import json

import pytest

from simulator.cli import main
from simulator.core.practice import Practice, clean_name
from simulator.core.results.files import Store
from simulator.core.session.feedback import build_report
from simulator.core.session.testing import play
from tests.conftest import DATA

MINI = str(DATA / "scenarios" / "mini_zh.yaml")
REPLIES = ["你好。", "你们店一个月卖多少钱?", "不给流水就别贷了。", "行吧。", "再见。"]


@pytest.mark.parametrize("replies", [REPLIES, REPLIES[:2], []])
def test_run_through_practice_matches_playing_the_engine(tmp_path, capsys, mini, replies):
    path = tmp_path / "r.txt"
    path.write_text("\n".join(replies) + "\n", "utf-8")
    assert main(["run", MINI, "--replies", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = build_report(play(mini, replies)).to_dict()
    assert data["report"] == expected and data["transcript"] == expected["transcript"]


def test_a_resumed_session_keeps_its_elapsed_time_and_no_pending_reply(tmp_path, mini):
    store = Store(tmp_path)
    first = Practice.new(mini, "coach", store, lambda: 100.0, trainee="李雷")
    first.reply("你好。")
    first.clock = lambda: 130.0
    first.save()
    first.release()
    [saved] = store.unfinished()
    again = Practice.resume(saved, mini, store, lambda: 0.0)
    assert again.elapsed() == 30.0 and again.pending is None
    assert again.trainee == "李雷"  # kept with the autosave, stamped when it finishes
    again.save()
    assert store.unfinished()[0].draft == ""


@pytest.mark.parametrize(
    ("raw", "name"),
    [("  李雷 ", "李雷"), ("Zhang\tWei", "Zhang Wei"), ("a\x00b", "ab"), ("   ", "")],
)
def test_names_are_cleaned(raw, name):
    assert clean_name(raw) == name


def test_a_retried_moment_resumes_at_its_moment_and_stays_a_retry(tmp_path, mini):
    from simulator.core.results.progress import Moment

    store = Store(tmp_path)
    moment = Moment(
        "old-session", mini.id, mini.title, "", 3, "business", "说吧。", "", "", ("empathy",),
        meters={"trust": 60.0, "patience": 30.0},
    )  # fmt: skip
    first = Practice.new(mini, "coach", store, lambda: 0.0, at=moment)
    first.reply("您这儿一个月流水大概多少?")
    first.release()
    [saved] = store.unfinished()
    again = Practice.resume(saved, mini, store, lambda: 0.0)
    assert again.retry_of == "old-session" and again.session.opening == "说吧。"
    assert again.session.meters == first.session.meters and again.session.beat == "business"
    report = again.abandon()
    assert report.trajectory[0] == {"trust": 60.0, "patience": 30.0}
    assert store.history()[0].retry_of == "old-session"
