"""The session store: atomic autosaves, history, reports round-trip, exports, preferences."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from simulator.core.errors import SessionError
from simulator.core.results.files import (
    SCHEMA,
    Store,
    StoreError,
    atomic_write,
    data_dir,
    report_from_dict,
)
from simulator.core.results.items import Best, Unfinished
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report

MODEL = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]


def fixed(minute: int = 0):
    return lambda: datetime(2025, 3, 1, 9, minute, 0, tzinfo=UTC)


def unfinished(session: Session, sid: str = "s1", draft: str = "") -> Unfinished:
    return Unfinished(
        sid,
        session.scenario.id,
        session.scenario.title,
        session.scenario.source,
        "coach",
        "zh",
        draft,
        12.5,
        "",
        session.to_dict(),
    )


def test_data_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "here"))
    assert data_dir() == tmp_path / "here"
    assert Store().root == tmp_path / "here"


def test_data_dir_defaults_to_the_platform_folder(monkeypatch):
    monkeypatch.delenv("SIMULATOR_DATA_DIR", raising=False)
    assert "simulator" in str(data_dir()).lower()


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "a" / "b.json"
    atomic_write(target, "one")
    atomic_write(target, "two")
    assert target.read_text("utf-8") == "two"
    assert [p.name for p in target.parent.iterdir()] == ["b.json"]


def test_atomic_write_reports_an_unwritable_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        atomic_write(blocker / "inside.json", "data")


def test_autosave_round_trip_keeps_the_draft(tmp_path, mini):
    store = Store(tmp_path, now=fixed())
    session = Session.start(mini)
    session.reply(MODEL[0])
    store.autosave(unfinished(session, draft="还没发出去的话 🙂\n第二行"))
    [saved] = store.unfinished()
    assert saved.id == "s1"
    assert saved.draft == "还没发出去的话 🙂\n第二行"
    assert saved.replies == 1
    assert saved.saved_at.startswith("2025-03-01T09:00")
    resumed = Session.from_dict(saved.session, mini)
    assert [t.reply for t in resumed.turns] == [MODEL[0]]
    assert json.loads((tmp_path / "unfinished" / "s1.json").read_text("utf-8"))["schema"] == SCHEMA


def test_unfinished_skips_damaged_files_and_sorts_newest_first(tmp_path, mini):
    session = Session.start(mini)
    Store(tmp_path, now=fixed(1)).autosave(unfinished(session, "old"))
    Store(tmp_path, now=fixed(5)).autosave(unfinished(session, "new"))
    (tmp_path / "unfinished" / "broken.json").write_text("{not json", "utf-8")
    (tmp_path / "unfinished" / "other.json").write_text('{"schema": 99}', "utf-8")
    assert [u.id for u in Store(tmp_path).unfinished()] == ["new", "old"]


def test_finish_moves_the_session_to_the_history(tmp_path, mini):
    store = Store(tmp_path, now=fixed())
    session = Session.start(mini)
    store.autosave(unfinished(session))
    for reply in MODEL:
        session.reply(reply)
    report = build_report(session)
    item = store.finish(
        "s1", session.to_dict(), report, title=mini.title, mode="exam", elapsed=61.23
    )
    assert store.unfinished() == []
    assert store.history() == [item]
    assert (item.score, item.passed, item.mode, item.turns, item.elapsed) == (
        report.score,
        True,
        "exam",
        3,
        61.2,
    )
    assert store.report("s1") == report
    assert store.best() == {mini.id: Best(report.score, True)}


def test_best_score_is_the_highest(tmp_path, mini):
    store = Store(tmp_path, now=fixed())
    good = Session.start(mini)
    for reply in MODEL:
        good.reply(reply)
    poor = Session.start(mini)
    poor.reply("好的。")
    poor.abandon()
    store.finish("a", good.to_dict(), build_report(good), title="t", mode="coach", elapsed=1)
    store.finish("b", poor.to_dict(), build_report(poor), title="t", mode="coach", elapsed=1)
    assert store.best()[mini.id] == Best(build_report(good).score, True)


def test_report_of_a_missing_session_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        Store(tmp_path).report("nope")


def test_report_from_dict_ignores_unknown_keys(mini):
    session = Session.start(mini)
    session.reply(MODEL[0])
    session.abandon()
    report = build_report(session)
    data = report.to_dict() | {"added_later": 1}
    assert report_from_dict(data) == report


def test_export_writes_markdown_and_json(tmp_path, mini):
    store = Store(tmp_path, now=fixed())
    session = Session.start(mini)
    for reply in MODEL:
        session.reply(reply)
    report = build_report(session)
    md, js = store.export(report, "en")
    assert md.parent == js.parent == tmp_path / "exports"
    assert md.name == "test-mini-20250301-090000.md"
    text = md.read_text("utf-8")
    assert "# 测试用:小超市老板" in text and "Score: 75/100" in text and "## Transcript" in text
    assert json.loads(js.read_text("utf-8"))["score"] == report.score
    other = tmp_path / "elsewhere"
    md2, _ = store.export(report, "zh", folder=other)
    assert md2.parent == other and "对话记录" in md2.read_text("utf-8")


def test_exports_in_the_same_second_do_not_overwrite(tmp_path, mini):
    store = Store(tmp_path, now=fixed())
    report = build_report(Session.start(mini))
    paths = [p for _ in range(3) for p in store.export(report, "zh")]
    assert len(set(paths)) == 6 and all(p.exists() for p in paths)
    assert paths[2].name == "test-mini-20250301-090000-2.md"


def test_prefs_merge(tmp_path):
    store = Store(tmp_path)
    assert store.prefs() == {}
    store.save_prefs(ui_lang="en")
    store.save_prefs(theme="textual-light")
    assert store.prefs() == {"ui_lang": "en", "theme": "textual-light"}


def test_new_ids_are_unique_and_safe(tmp_path):
    store = Store(tmp_path, now=fixed())
    ids = {store.new_id("a/../b c") for _ in range(20)}
    assert len(ids) == 20
    assert all("/" not in i and " " not in i for i in ids)


def test_store_imports_no_ui():
    import subprocess
    import sys

    code = "import sys, simulator.core.results.files\nsys.exit(any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], env={**os.environ}).returncode == 0


def test_discard_is_quiet_when_missing(tmp_path):
    Store(tmp_path).discard("never-saved")
    assert not (Path(tmp_path) / "unfinished").exists()


def _history_record(tmp_path, mini, **item_changes) -> None:
    store = Store(tmp_path, now=fixed())
    session = play_model(mini)
    store.finish("h1", session.to_dict(), build_report(session), title="t", mode="coach", elapsed=3)
    path = tmp_path / "history" / "h1.json"
    data = json.loads(path.read_text("utf-8"))
    data["item"].update(item_changes)
    path.write_text(json.dumps(data), "utf-8")


def play_model(mini) -> Session:
    session = Session.start(mini)
    for reply in MODEL:
        session.reply(reply)
    return session


DAMAGED_HISTORY = {
    "score as text": {"score": "ninety"},
    "finished_at as number": {"finished_at": 12},
    "passed as text": {"passed": "yes"},
    "elapsed infinite": {"elapsed": float("inf")},
    "turns as bool": {"turns": True},
}


@pytest.mark.parametrize("name", sorted(DAMAGED_HISTORY))
def test_a_damaged_history_record_is_set_aside(tmp_path, mini, name):
    _history_record(tmp_path, mini, **DAMAGED_HISTORY[name])
    store = Store(tmp_path)
    assert store.history() == [] and store.best() == {}
    assert [p.name for p, _ in store.damaged] == ["history-h1.json"]
    assert (tmp_path / "damaged" / "history-h1.json").is_file()
    assert not (tmp_path / "history" / "h1.json").exists()


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "[1, 2]",
        '{"schema": 1, "n": ' + "9" * 5000 + "}",
        "[" * 100_000,
        "\udcff".encode("utf-8", "surrogatepass").decode("latin-1"),
    ],
    ids=["not json", "not an object", "huge number", "deep", "not utf-8"],
)
def test_damaged_prefs_and_autosaves_never_raise(tmp_path, mini, text):
    (tmp_path / "unfinished").mkdir(parents=True)
    (tmp_path / "prefs.json").write_text(text, "latin-1")
    (tmp_path / "unfinished" / "u.json").write_text(text, "latin-1")
    store = Store(tmp_path)
    assert store.prefs() == {} and store.unfinished() == []
    assert sorted(p.name for p, _ in store.damaged) == ["prefs.json", "unfinished-u.json"]


def test_an_autosave_with_a_wrong_typed_draft_is_set_aside(tmp_path, mini):
    store = Store(tmp_path, now=fixed())
    store.autosave(unfinished(Session.start(mini), "good"))
    store.autosave(unfinished(Session.start(mini), "bad"))
    path = tmp_path / "unfinished" / "bad.json"
    data = json.loads(path.read_text("utf-8"))
    data["draft"] = {"oops": 1}
    path.write_text(json.dumps(data), "utf-8")
    assert [u.id for u in store.unfinished()] == ["good"]
    assert "draft" in store.damaged[0][1]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "folder"])
def test_a_record_that_is_not_a_regular_file_is_refused(tmp_path, kind):
    for folder in ("unfinished", "history"):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "x.json"
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        else:
            path.symlink_to("/dev/zero")
    if kind != "folder":
        (tmp_path / "prefs.json").symlink_to("/dev/zero")
    store = Store(tmp_path)
    assert store.unfinished() == [] and store.history() == [] and store.prefs() == {}


def test_resume_with_a_bad_seed_is_a_session_error(mini):
    data = Session.start(mini).to_dict()
    for seed in ("seven", 1e300, None, 2**70, True):
        with pytest.raises(SessionError):
            Session.from_dict({**data, "seed": seed}, mini)


def test_discard_in_a_read_only_folder_is_a_store_error(tmp_path, mini, monkeypatch):
    store = Store(tmp_path)
    store.autosave(unfinished(Session.start(mini)))

    def refuse(self, missing_ok=False):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(StoreError, match="cannot remove"):
        store.discard("s1")


def test_stale_temporary_files_are_removed(tmp_path, mini):
    store = Store(tmp_path)
    store.autosave(unfinished(Session.start(mini)))
    stale = tmp_path / "unfinished" / ".s1.json.abc.tmp"
    fresh = tmp_path / "unfinished" / ".s1.json.def.tmp"
    stale.write_text("{", "utf-8")
    fresh.write_text("{", "utf-8")
    os.utime(stale, (1, 1))
    assert [u.id for u in Store(tmp_path).unfinished()] == ["s1"]
    assert not stale.exists() and fresh.exists()  # a write in progress elsewhere is left alone


def test_two_exports_in_one_second_do_not_overwrite(tmp_path, mini):
    store = Store(tmp_path, now=fixed())
    report = build_report(play_model(mini))
    first = store.export(report, "zh")
    second = store.export(report, "en")
    assert set(first).isdisjoint(second) and all(p.is_file() for p in first + second)


def test_a_held_reply_is_the_saved_draft_until_its_turn_is_saved(tmp_path, mini):
    from simulator.core.practice import Practice

    store = Store(tmp_path)
    practice = Practice.new(mini, "coach", store, lambda: 0.0)
    practice.hold(MODEL[0])
    practice.draft = ""  # the box is cleared at once; its autosave must not lose the reply
    practice.save()
    assert store.unfinished()[0].draft == MODEL[0]
    practice.reply(MODEL[0])
    [saved] = store.unfinished()
    assert saved.draft == "" and saved.replies == 1
