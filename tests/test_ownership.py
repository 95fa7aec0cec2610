"""Session ownership: two instances on one data folder never play or overwrite one session.

The two-process tests start a real second process (the core's Practice on the same data
folder) and check this process's view while that one holds the session, then after it
was killed with SIGKILL, as a crash would leave it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.core.practice import Practice
from simulator.core.results import ownership
from simulator.core.results.files import SessionInUse, Store
from simulator.core.results.items import Unfinished
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report
from tests.conftest import DATA, ROOT

MINI = DATA / "scenarios" / "mini_zh.yaml"

HOLDER = textwrap.dedent(
    """
    import sys, time
    from simulator.core.scenario.loader import load_scenario
    from simulator.core.results.files import Store
    from simulator.core.practice import Practice

    practice = Practice.new(load_scenario(sys.argv[2]), "coach", Store(sys.argv[1]), time.monotonic)
    practice.reply("八年可不容易,街坊都认您,说明您做人实在。")
    print(practice.id, flush=True)
    sys.stdin.read()  # hold the session until the test closes stdin or kills us
    practice.release()  # closing without finishing, as the app does on exit
    """
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A second process playing a session in tmp_path/data; yields it and the session id."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "data"), str(MINI)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    session_id = proc.stdout.readline().strip()
    assert session_id, "the holder process did not start its session"
    try:
        yield proc, session_id
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def lock_of(store: Store, session_id: str) -> Path:
    return store.unfinished_dir / f"{session_id}.lock"


def test_a_live_session_of_another_process_is_not_offered_or_taken(tmp_path, holder):
    proc, session_id = holder
    store = Store(tmp_path / "data")
    assert [u.id for u in store.unfinished()] == [session_id]  # the autosave is there
    assert store.resumable() == []  # but it is not ours to offer
    owner = ownership.read_owner(lock_of(store, session_id))
    assert owner is not None and owner.pid == proc.pid and ownership.is_live(owner)
    with pytest.raises(SessionInUse, match=str(proc.pid)):
        store.claim(session_id)
    with pytest.raises(SessionInUse):
        store.discard(session_id)
    assert (store.unfinished_dir / f"{session_id}.json").exists()


def test_a_killed_process_leaves_a_stale_lock_that_is_taken_over(tmp_path, holder, mini):
    proc, session_id = holder
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    store = Store(tmp_path / "data")
    [saved] = store.resumable()
    assert saved.id == session_id and saved.replies == 1
    practice = Practice.resume(saved, mini, store, lambda: 0.0)
    assert practice.took_over is not None and practice.took_over.pid == proc.pid
    assert ownership.read_owner(lock_of(store, session_id)) == ownership.me()


def test_closing_normally_releases_the_session(tmp_path, holder):
    proc, session_id = holder
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)
    store = Store(tmp_path / "data")
    assert not lock_of(store, session_id).exists()
    assert [u.id for u in store.resumable()] == [session_id]
    assert store.claim(session_id) is None  # nobody's: nothing taken over


def test_claim_release_and_reclaim(tmp_path):
    store = Store(tmp_path)
    assert store.claim("s1") is None
    assert store.claim("s1") is None  # the same process again: still its own
    lock = lock_of(store, "s1")
    assert json.loads(lock.read_text("utf-8"))["pid"] == os.getpid()
    store.release("s1")
    assert not lock.exists()
    assert not list(store.unfinished_dir.glob(".*.tmp"))


@pytest.mark.parametrize(
    "content",
    [
        {"pid": 2**22 + 12345, "host": "HOST"},  # no such process
        {"pid": 1, "host": "another-machine"},  # live pid, other host
        {"pid": 1, "host": "HOST", "started": "not-its-start-time"},  # pid reused
        "not json",
        {"pid": "1", "host": "HOST"},
    ],
    ids=["dead-pid", "other-host", "reused-pid", "damaged", "wrong-type"],
)
def test_stale_locks_are_taken_over_and_named(tmp_path, content):
    store = Store(tmp_path)
    lock = lock_of(store, "s1")
    lock.parent.mkdir(parents=True)
    host = ownership.me().host
    text = json.dumps(content).replace("HOST", host) if isinstance(content, dict) else content
    lock.write_text(text, "utf-8")
    if content == {"pid": 1, "host": "HOST", "started": "not-its-start-time"}:
        if not ownership.me().started:
            pytest.skip("no process start times on this system")
    taken = store.claim("s1")
    assert taken is not None
    assert ownership.read_owner(lock) == ownership.me()


def test_a_lock_of_another_user_s_live_process_is_live(tmp_path):
    # pid 1 always runs; signalling it as a normal user is refused, which still means alive
    owner = ownership.Owner(1, ownership.me().host, "")
    assert ownership.is_live(owner)


def test_a_finished_record_is_never_overwritten(tmp_path, mini):
    first, second = Store(tmp_path), Store(tmp_path)
    session = Session.start(mini)
    session.reply("您好")
    session.abandon()
    report = build_report(session)
    kept = first.finish("s1", session.to_dict(), report, title="t", mode="coach", elapsed=1)
    before = (first.history_dir / "s1.json").read_bytes()
    again = second.finish("s1", session.to_dict(), report, title="t", mode="exam", elapsed=2)
    assert kept.id == "s1" and again.id != "s1"
    assert (first.history_dir / "s1.json").read_bytes() == before
    assert {h.id for h in first.history()} == {"s1", again.id}
    assert {h.mode for h in first.history()} == {"coach", "exam"}


def test_finishing_drops_the_lock_with_the_autosave(tmp_path, mini):
    store = Store(tmp_path)
    practice = Practice.new(mini, "coach", store, lambda: 0.0)
    assert lock_of(store, practice.id).exists()
    practice.abandon()
    assert not lock_of(store, practice.id).exists()
    assert not (store.unfinished_dir / f"{practice.id}.json").exists()


def test_a_lock_is_not_an_autosave(tmp_path, mini):
    store = Store(tmp_path)
    store.claim("s1")
    session = Session.start(mini)
    store.autosave(
        Unfinished(
            "s2", mini.id, mini.title, mini.source, "coach", "zh", "", 0, "", session.to_dict()
        )
    )
    assert [u.id for u in store.unfinished()] == ["s2"]
    assert store.damaged == []
