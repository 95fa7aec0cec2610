"""Opening a results database: URLs, SQLite's locking set-up, network shares, errors,
the Alembic migrations, and twenty writers at once."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from simulator.core.results import Identity, ResultsError, open_results
from simulator.core.results import database as database_mod
from simulator.core.results.database import Database, normalise_url, on_network_share
from simulator.core.results.migrate import current, head
from simulator.core.results.schema import metadata
from tests.results.conftest import result, turn


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u:pw@h:5433/db", "postgresql+psycopg://u:pw@h:5433/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg2://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_urls_are_normalised(given, expected):
    assert normalise_url(given) == expected


def test_a_bare_path_is_a_sqlite_file(tmp_path):
    assert normalise_url(str(tmp_path / "r.db")) == f"sqlite:///{tmp_path / 'r.db'}"


@pytest.mark.parametrize("bad", ["", "mysql://u@h/db", "://nothing"])
def test_bad_urls_are_refused_in_both_languages(bad):
    with pytest.raises(ResultsError) as caught:
        normalise_url(bad)
    assert "/" in str(caught.value) and any("\u4e00" <= c <= "\u9fff" for c in str(caught.value))


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/nfs nfs4 rw 0 0
//fs/share /mnt/smb cifs rw 0 0
/dev/sdb1 /mnt/nfs/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/home/me/results.db", False),
        ("/mnt/nfs/class/results.db", True),
        ("/mnt/smb/results.db", True),
        ("/mnt/nfs/local/results.db", False),  # the longest mount point decides
        ("/mnt/nfsx/results.db", False),
        ("//server/share/results.db", True),
        ("\\\\server\\share\\results.db", True),
    ],
)
def test_network_shares_are_recognised(path, network):
    assert on_network_share(Path(path), MOUNTS) is network


def _pragma(db: Database, name: str) -> str:
    with db.read() as conn:
        return str(conn.execute(text(f"PRAGMA {name}")).scalar())


def test_sqlite_uses_wal_and_a_busy_timeout(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        assert db.journal == "WAL"
        assert _pragma(db, "journal_mode").lower() == "wal"
        assert int(_pragma(db, "busy_timeout")) == database_mod.BUSY_TIMEOUT_MS
    finally:
        db.close()


def test_sqlite_on_a_network_share_falls_back_to_the_delete_journal(tmp_path, monkeypatch):
    monkeypatch.setattr(database_mod, "on_network_share", lambda path: True)
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        assert db.journal == "DELETE"
        assert _pragma(db, "journal_mode").lower() == "delete"
    finally:
        db.close()


def test_writes_begin_immediate_and_reads_do_not(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    seen: list[str] = []
    try:
        from sqlalchemy import event

        @event.listens_for(db.engine, "before_cursor_execute")
        def _log(conn, cursor, statement, *args):  # noqa: ANN001
            seen.append(statement)

        with db.write() as conn:
            conn.execute(text("SELECT 1"))
        with db.read() as conn:
            conn.execute(text("SELECT 1"))
    finally:
        db.close()
    begins = [s for s in seen if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN"]


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(ResultsError) as caught:
        open_results("postgresql://nobody@127.0.0.1:1/none")
    message = str(caught.value)
    assert "cannot reach" in message and "无法连接" in message


def test_an_unwritable_sqlite_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ResultsError, match="cannot create"):
        open_results(f"sqlite:///{blocker / 'sub' / 'r.db'}")


def test_open_results_defaults_to_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("SIMULATOR_RESULTS_DB", raising=False)
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "data"))
    with open_results() as results:
        assert results.url == f"sqlite:///{tmp_path / 'data' / 'results.db'}"
    monkeypatch.setenv("SIMULATOR_RESULTS_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with open_results() as results:
        assert results.url.endswith("env.db")
    assert (tmp_path / "env.db").exists()


def test_migrations_create_exactly_the_schema(url):
    with open_results(url) as results:
        assert current(results.db) == head()
        with results.db.read() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []


# ---- many writers ----------------------------------------------------------------------
SESSIONS_EACH = 4


def _writer(args: tuple[str, int]) -> tuple[int, list[str]]:
    url, n = args
    written, errors = 0, []
    try:
        store = open_results(url)
    except ResultsError as error:
        return 0, [str(error)]
    with store:
        who = Identity(f"t{n}", "C1")
        for k in range(SESSIONS_EACH):
            sid = f"w{n}-{k}"
            try:
                store.start(sid, who, "sc", "T", "zh", "coach", "")
                store.turn(sid, turn(1))
                store.finish(result(sid, who.trainee))
                written += 3
            except ResultsError as error:
                errors.append(str(error))
    return written, errors


def test_twenty_writer_processes_on_sqlite_never_hit_a_lock(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"  # created by the writers themselves, at once
    with multiprocessing.get_context("spawn").Pool(20) as pool:
        outcomes = pool.map(_writer, [(url, n) for n in range(20)])
    errors = [e for _, errs in outcomes for e in errs]
    assert errors == []
    assert sum(w for w, _ in outcomes) == 20 * SESSIONS_EACH * 3
    with open_results(url) as results:
        assert len(results.sessions(class_code="C1")) == 20 * SESSIONS_EACH
        assert len(results.leaderboard("C1")) == 20


def test_a_database_from_a_newer_version_is_refused_and_left_alone(url):
    with open_results(url) as results, results.db.write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(ResultsError, match="newer than this simulator knows"):
        open_results(url)


def test_the_app_does_not_load_sqlalchemy_until_a_session_is_recorded():
    import subprocess
    import sys

    code = (
        "import sys, simulator.tui.app, simulator.core.results.recorder; "
        "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
