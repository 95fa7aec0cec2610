"""Every Results method, on SQLite and on a real PostgreSQL server (the `url` fixture)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from simulator.core.results import (
    Identity,
    MissedOpportunity,
    PitfallRecord,
    ResultsError,
    TechniqueCell,
    open_results,
)
from simulator.core.results.records import to_dict
from tests.results.conftest import turn

WHO = Identity("t1", "C1", "张三")


def test_start_and_turns_show_in_the_live_view(results):
    results.start("s1", WHO, "preloan-supermarket", "小超市老板", "zh", "coach", "2026-03-01T09:00")
    assert [r.session_id for r in results.live("C1")] == ["s1"]
    first = results.live("C1")[0]
    assert (first.turns, first.beat, first.display_name) == (0, "", "张三")
    results.turn("s1", turn(1, "opening", score_so_far=12))
    results.turn("s1", turn(2, "probe", score_so_far=31))
    row = results.live("C1")[0]
    assert (row.trainee, row.scenario_id, row.title) == ("t1", "preloan-supermarket", "小超市老板")
    assert (row.beat, row.turns, row.score_so_far) == ("probe", 2, 31)
    assert results.live("other") == []
    assert results.sessions() == []  # not finished


def test_a_turn_sent_twice_is_one_turn(results, make_result):
    results.start("s1", WHO, "sc", "T", "zh", "coach", "2026-03-01T09:00")
    results.turn("s1", turn(1, reply="first try"))
    results.turn("s1", turn(1, reply="first try, again"))
    results.finish(replace(make_result("s1"), turns=()))
    assert results.live("C1") == []
    # finish carries the turns; the live ones were replaced by it
    assert results.session("s1").turns == ()


def test_turn_of_an_unknown_session_is_an_error_not_a_crash(results):
    with pytest.raises(ResultsError):
        results.turn("nobody", turn(1))


def test_finish_twice_is_one_row_and_the_last_call_wins(results, make_result):
    results.start("s1", WHO, "sc", "T", "zh", "coach", "2026-03-01T09:00")
    results.finish(make_result("s1", score=40))
    results.finish(make_result("s1", score=80))
    listed = results.sessions()
    assert [(s.id, s.score, s.passed) for s in listed] == [("s1", 80, True)]
    assert results.live("C1") == []


def test_add_only_adds_new_sessions(results, make_result):
    assert results.add(make_result("s1", score=40)) is True
    assert results.add(make_result("s1", score=90)) is False
    assert results.sessions()[0].score == 40
    # a session only started there is completed by add
    results.start("s2", WHO, "sc", "T", "zh", "coach", "2026-03-01T09:00")
    assert results.add(make_result("s2")) is True
    assert {s.id for s in results.sessions()} == {"s1", "s2"}


def test_session_detail_round_trips_every_field(results, make_result):
    missed = (MissedOpportunity("empathy", "b2", "我理解您的担心", 2, "reply 2"),)
    pitfalls = (PitfallRecord("pressure", "今天必须签", 1, "b1", "今天必须签!", "先了解情况"),)
    original = make_result("s1", name="张三", missed=missed, pitfalls=pitfalls)
    results.finish(original)
    found = results.session("s1")
    assert found is not None
    assert found.turns == original.turns
    assert found.techniques == {"probing": 2}
    assert found.missed == missed and found.pitfalls == pitfalls
    summary = found.summary
    assert (summary.trainee, summary.display_name, summary.class_code) == ("t1", "张三", "C1")
    assert (summary.score, summary.pass_score, summary.turns, summary.elapsed) == (70, 60, 2, 123.4)
    assert list(results.results()) == [original]
    json.dumps(to_dict(found), ensure_ascii=False)  # JSON-able
    assert results.session("missing") is None


def test_unfinished_session_has_no_detail(results):
    results.start("s1", WHO, "sc", "T", "zh", "coach", "2026-03-01T09:00")
    assert results.session("s1") is None


def test_sessions_newest_first_and_filtered(results, make_result):
    results.finish(make_result("a", "t1", "C1", finished_at="2026-03-01T09:00:00+08:00"))
    results.finish(make_result("b", "t2", "C1", finished_at="2026-03-02T09:00:00+08:00"))
    results.finish(make_result("c", "t1", "C2", finished_at="2026-03-03T09:00:00+08:00"))
    assert [s.id for s in results.sessions()] == ["c", "b", "a"]
    assert [s.id for s in results.sessions(class_code="C1")] == ["b", "a"]
    assert [s.id for s in results.sessions(trainee="t1")] == ["c", "a"]
    assert [s.id for s in results.sessions(class_code="C1", trainee="t1")] == ["a"]
    assert results.sessions(class_code="nope") == []


def test_technique_matrix_counts_shown_and_missed(results, make_result):
    miss = MissedOpportunity("empathy", "b1", "model", 1, "r")
    results.finish(make_result("a", "t1", techniques={"probing": 2}, missed=(miss,)))
    results.finish(make_result("b", "t1", techniques={"probing": 1, "praise": 1}, missed=(miss,)))
    results.finish(make_result("c", "t2", techniques={}, missed=()))
    results.finish(make_result("d", "t3", "C2", techniques={"probing": 5}))
    matrix = results.technique_matrix("C1")
    assert matrix == {
        "t1": {
            "empathy": TechniqueCell(0, 2),
            "praise": TechniqueCell(1, 0),
            "probing": TechniqueCell(3, 0),
        },
        "t2": {},
    }


def test_leaderboard_first_and_best_scores(results, make_result):
    results.finish(make_result("a", "t1", score=50, finished_at="2026-03-01T09:00:00+08:00"))
    results.finish(make_result("b", "t1", score=85, finished_at="2026-03-02T09:00:00+08:00"))
    results.finish(make_result("c", "t2", score=65, finished_at="2026-03-01T10:00:00+08:00"))
    results.finish(make_result("d", "t3", "C2", score=99))
    board = results.leaderboard("C1")
    assert [(r.trainee, r.sessions, r.first_score, r.best_score, r.passed) for r in board] == [
        ("t1", 2, 50, 85, 1),
        ("t2", 1, 65, 65, 1),
    ]


def test_common_mistakes_counted_with_examples(results, make_result):
    def miss(t: str) -> MissedOpportunity:
        return MissedOpportunity(t, "b1", "model reply", 1, "their words")

    pit = PitfallRecord("pressure", "必须", 1, "b1", "今天必须签", "")
    results.finish(
        make_result("a", "t1", missed=(miss("empathy"), miss("probing")), pitfalls=(pit,))
    )
    results.finish(make_result("b", "t2", missed=(miss("empathy"),)))
    results.finish(make_result("c", "t3", missed=(miss("empathy"),)))
    results.finish(make_result("d", "t4", missed=(miss("empathy"),)))
    found = results.common_mistakes("C1")
    assert [(m.kind, m.label, m.count) for m in found] == [
        ("missed", "empathy", 4),
        ("missed", "probing", 1),
        ("pitfall", "pressure", 1),
    ]
    assert len(found[0].examples) == 3
    assert found[0].examples[0][1:] == ("their words", "model reply", "preloan-supermarket", "b1")
    assert found[2].examples == (("t1", "今天必须签", "", "preloan-supermarket", "b1"),)
    assert [m.label for m in results.common_mistakes("C1", limit=1)] == ["empathy"]


def test_version_changes_on_every_write_and_per_class(results, make_result):
    seen = [results.version(), results.version("C1"), results.version("C2")]
    assert seen == [0, 0, 0]
    results.start("s1", WHO, "sc", "T", "zh", "coach", "")
    v1 = results.version("C1")
    assert v1 > 0
    results.turn("s1", turn(1))
    v2 = results.version("C1")
    assert v2 > v1
    results.finish(make_result("s1"))
    assert results.version("C1") > v2
    assert results.version("C2") == 0
    assert results.version() >= results.version("C1")


def test_empty_ids_are_refused_in_both_languages(results, make_result):
    with pytest.raises(ResultsError, match="学员"):
        results.start("s1", Identity(""), "sc", "T", "zh", "coach", "")
    with pytest.raises(ResultsError, match="session id is empty"):
        results.finish(make_result(" "))


def test_reopening_keeps_everything(url, make_result):
    with open_results(url) as first:
        first.finish(make_result("s1"))
    with open_results(url) as again:
        assert [s.id for s in again.sessions()] == ["s1"]
