"""Fixtures for the results store: a fresh database per test on SQLite and on a real
PostgreSQL server.

The PostgreSQL server is a throwaway cluster under .pg/ started by scripts/postgres.sh
(which installs Debian's postgresql when it is missing) and shared by the xdist workers
(tests/results/cluster.py), or the one named by $SIMULATOR_TEST_PG_URL. Each worker gets
its own database on it and each test its own schema there. Tests marked `postgres` are
never skipped: a server that cannot be started fails them.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from simulator.core.results import (
    Identity,
    MissedOpportunity,
    PitfallRecord,
    Results,
    SessionResult,
    TurnRecord,
    open_results,
)
from tests.results import cluster


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a database of this worker's own on a running PostgreSQL server (the shared
    cluster is started by the first worker and stopped by the last)."""
    given = os.environ.get("SIMULATOR_TEST_PG_URL", "").strip()
    if given:
        with cluster.own_database(given, optional=True) as url:
            yield url
        return
    try:
        server = cluster.join()
    except cluster.ClusterError as error:
        pytest.fail(str(error))
    try:
        with cluster.own_database(server) as url:
            yield url
    finally:
        cluster.leave()


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A PostgreSQL URL whose tables live in a schema of their own, dropped afterwards."""
    schema = f"t_{secrets.token_hex(6)}"
    cluster.admin(pg_server, f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in pg_server else "?"
    try:
        yield f"{pg_server}{sep}options=-csearch_path%3D{schema}"
    finally:
        cluster.admin(pg_server, f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'results.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest) -> str:
    """The same test on SQLite and on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def results(url: str) -> Iterator[Results]:
    store = open_results(url)
    try:
        yield store
    finally:
        store.close()


def turn(index: int, beat: str = "b1", **extra: object) -> TurnRecord:
    values: dict[str, object] = {
        "index": index,
        "beat": beat,
        "reply": f"reply {index}",
        "author": "t1",
        "cue": f"cue {index}",
        "customer": f"customer {index}",
        "techniques": ("probing",),
        "taken": ("probing",),
        "evidence": (
            {"id": "probing", "span": [0, 5], "rule": "probing/question", "text": "reply"},
        ),
        "meters": {"trust": 50.0 + index},
        "score_so_far": 10 * index,
        "at": f"2026-03-01T09:0{index}:00+08:00",
    }
    values.update(extra)
    return TurnRecord(**values)  # type: ignore[arg-type]


def result(
    session_id: str,
    trainee: str = "t1",
    class_code: str = "C1",
    score: int = 70,
    *,
    finished_at: str = "2026-03-01T09:30:00+08:00",
    name: str = "",
    scenario: str = "preloan-supermarket",
    passed: bool | None = None,
    techniques: dict[str, int] | None = None,
    missed: tuple[MissedOpportunity, ...] = (),
    pitfalls: tuple[PitfallRecord, ...] = (),
) -> SessionResult:
    return SessionResult(
        id=session_id,
        identity=Identity(trainee, class_code, name),
        scenario_id=scenario,
        title="小超市老板",
        lang="zh",
        mode="coach",
        started_at="2026-03-01T09:00:00+08:00",
        finished_at=finished_at,
        score=score,
        pass_score=60,
        passed=score >= 60 if passed is None else passed,
        ending="good_end",
        ending_kind="success",
        turns=(turn(1), turn(2, "b2")),
        techniques={"probing": 2} if techniques is None else techniques,
        missed=missed,
        pitfalls=pitfalls,
        elapsed=123.4,
    )


@pytest.fixture
def make_result() -> Callable[..., SessionResult]:
    return result
