"""`simulator results push` and `import-history`: idempotent by id, safe when the server
is unreachable, and the JSON history of earlier sessions reaches the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli import main
from simulator.core.results import Identity, open_results
from simulator.core.results.files import Store
from simulator.core.results.sync import import_history, push
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report

MODEL = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(folder))
    monkeypatch.delenv("SIMULATOR_RESULTS_DB", raising=False)
    monkeypatch.setenv("SIMULATOR_TRAINEE", "wang")
    monkeypatch.setenv("SIMULATOR_CLASS", "2026-A")
    monkeypatch.setenv("SIMULATOR_TRAINEE_NAME", "王五")
    return folder


def finished_in_history(store: Store, mini, grader, replies: list[str], sid: str) -> None:
    session = Session.start(mini, 0, grader)
    for reply in replies:
        if not session.finished:
            session.reply(reply)
    store.finish(
        sid, session.to_dict(), build_report(session), title=mini.title, mode="exam", elapsed=61.0
    )


def test_import_history_brings_earlier_sessions_once(data, mini, grader, sqlite_url):
    store = Store()
    finished_in_history(store, mini, grader, MODEL, "old-1")
    finished_in_history(store, mini, grader, MODEL[:1], "old-2")
    who = Identity("wang", "2026-A")
    with open_results(sqlite_url) as results:
        first = import_history(store, results, who)
        again = import_history(store, results, who)
        listed = {s.id: s for s in results.sessions(class_code="2026-A")}
        detail = results.session("old-1")
    assert (first.new, first.already) == (2, 0)
    assert (again.new, again.already) == (0, 2)
    history = {h.id: h for h in store.history()}
    assert listed["old-1"].score == history["old-1"].score
    assert listed["old-1"].mode == "exam" and listed["old-1"].elapsed == 61.0
    assert listed["old-2"].ending_kind == "abandoned"
    assert detail is not None and [t.reply for t in detail.turns] == MODEL


def test_push_is_idempotent_and_only_adds(url, tmp_path, make_result):
    with open_results(f"sqlite:///{tmp_path / 'local.db'}") as local, open_results(url) as central:
        local.finish(make_result("a"))
        local.finish(make_result("b", "t2"))
        central.finish(make_result("c", "t3"))
        first = push(local, central)
        assert (first.new, first.already) == (2, 0)
        again = push(local, central)
        assert (again.new, again.already) == (0, 2)
        assert {s.id for s in central.sessions()} == {"a", "b", "c"}
        assert central.session("a").turns == local.session("a").turns


def test_cli_push_counts_and_reruns_safely(data, mini, grader, url, capsys):
    finished_in_history(Store(), mini, grader, MODEL, "hist-1")
    assert main(["--ui-lang", "en", "results", "push", "--to", url]) == 0
    out = capsys.readouterr().out
    assert "from the local history: 1 new, 0 already there" in out
    assert ": 1 new, 0 already there" in out.splitlines()[-1]
    assert main(["--ui-lang", "zh", "results", "push", "--to", url]) == 0
    out = capsys.readouterr().out
    assert "新增 0 条,已有 1 条" in out.splitlines()[-1]
    with open_results(url) as central:
        (only,) = central.sessions(class_code="2026-A")
    assert (only.id, only.trainee, only.display_name) == ("hist-1", "wang", "王五")


def test_push_to_an_unreachable_server_loses_nothing(data, mini, grader, sqlite_url, capsys):
    finished_in_history(Store(), mini, grader, MODEL, "keep-1")
    code = main(["--ui-lang", "en", "results", "push", "--to", "postgresql://x@127.0.0.1:1/db"])
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot reach" in err and "无法连接" in err and "Traceback" not in err
    # the local store and the history still have it, and a later push delivers it
    with open_results() as local:
        assert [s.id for s in local.sessions()] == ["keep-1"]
    assert [h.id for h in Store().history()] == ["keep-1"]
    assert main(["results", "push", "--to", sqlite_url]) == 0
    with open_results(sqlite_url) as central:
        assert [s.id for s in central.sessions()] == ["keep-1"]


def test_push_from_another_store(data, sqlite_url, tmp_path, make_result, capsys):
    other = f"sqlite:///{tmp_path / 'laptop.db'}"
    with open_results(other) as laptop:
        laptop.finish(make_result("x"))
    assert main(["--ui-lang", "en", "results", "push", "--from", other, "--to", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "history" not in out  # --from reads that store only
    with open_results(sqlite_url) as central:
        assert [s.id for s in central.sessions()] == ["x"]


def test_import_history_command(data, mini, grader, tmp_path, capsys):
    finished_in_history(Store(), mini, grader, MODEL, "h1")
    target = f"sqlite:///{tmp_path / 'target.db'}"
    assert main(["--ui-lang", "en", "results", "import-history", "--db", target]) == 0
    assert "1 new, 0 already there" in capsys.readouterr().out
    with open_results(target) as results:
        assert [s.id for s in results.sessions()] == ["h1"]


def test_results_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["results", "--help"])
    assert "simulator results push --to" in capsys.readouterr().out
    for action in ("push", "import-history", "export"):
        with pytest.raises(SystemExit):
            main(["results", action, "--help"])
        assert "example:" in capsys.readouterr().out


def test_the_top_level_db_option_names_the_local_store(data, mini, grader, tmp_path, capsys):
    finished_in_history(Store(), mini, grader, MODEL, "h2")
    target = f"sqlite:///{tmp_path / 'top.db'}"
    assert main(["--db", target, "results", "import-history"]) == 0
    with open_results(target) as results:
        assert [s.id for s in results.sessions()] == ["h2"]
