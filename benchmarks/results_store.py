"""Results store under load: writes per second and lock errors with 1, 5 and 20 writer
processes, on SQLite (WAL + busy_timeout + BEGIN IMMEDIATE) and on PostgreSQL.

Each writer process opens the store itself and plays sessions the way the app records
them: start, three turns, finish (five writes per session). A write that raises counts
as an error; "locked" ones are counted apart.

    .venv/bin/python benchmarks/results_store.py                 # starts scripts/postgres.sh
    .venv/bin/python benchmarks/results_store.py --pg URL        # an existing server
    .venv/bin/python benchmarks/results_store.py --sqlite-only
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import secrets
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.results import (  # noqa: E402
    Identity,
    ResultsError,
    SessionResult,
    TurnRecord,
    open_results,
)

WRITES_PER_SESSION = 5


def _turn(i: int) -> TurnRecord:
    return TurnRecord(
        i, f"b{i}", f"reply {i}", "t", techniques=("probing",), meters={"trust": 50.0}
    )


def _writer(job: tuple[str, int, int]) -> tuple[int, int, int]:
    url, n, sessions = job
    ok = errors = locked = 0
    store = open_results(url)
    who = Identity(f"t{n}", "BENCH")
    for k in range(sessions):
        sid = f"{n}-{k}-{secrets.token_hex(3)}"
        done = SessionResult(
            sid, who, "sc", "T", "zh", "coach", "", "2026-01-01T00:00:00", 70, 60, True,
            "end", "success", tuple(_turn(i) for i in (1, 2, 3)), {"probing": 3},
        )  # fmt: skip
        steps = [partial(store.start, sid, who, "sc", "T", "zh", "coach", "")]
        steps += [partial(store.turn, sid, _turn(i)) for i in (1, 2, 3)]
        steps.append(partial(store.finish, done))
        for step in steps:
            try:
                step()
                ok += 1
            except ResultsError as error:
                errors += 1
                locked += "locked" in str(error)
    store.close()
    return ok, errors, locked


def run(url: str, writers: int, sessions_each: int) -> tuple[float, int, int, int]:
    open_results(url).close()  # schema created before the clock starts
    jobs = [(url, n, sessions_each) for n in range(writers)]
    with multiprocessing.get_context("spawn").Pool(writers) as pool:
        pool.map(_writer, [(url, 999, 0)] * writers)  # warm the imports in every process
        start = time.perf_counter()
        outcomes = pool.map(_writer, jobs)
        took = time.perf_counter() - start
    ok = sum(o for o, _, _ in outcomes)
    return took, ok, sum(e for _, e, _ in outcomes), sum(lk for _, _, lk in outcomes)


def _pg_url(given: str | None) -> tuple[str, bool]:
    if given:
        return given, False
    env = os.environ.get("SIMULATOR_TEST_PG_URL")
    if env:
        return env, False
    out = subprocess.run(
        ["bash", str(ROOT / "scripts" / "postgres.sh"), "start"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1], True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pg", metavar="URL", help="PostgreSQL server (default: scripts/postgres.sh)"
    )
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--writes", type=int, default=400, help="writes per run (default 400)")
    args = parser.parse_args()
    backends = [("sqlite", None)]
    started = False
    if not args.sqlite_only:
        url, started = _pg_url(args.pg)
        backends.append(("postgresql", url))
    print(
        f"{'backend':<11} {'writers':>7} {'writes':>7} {'seconds':>8} {'writes/s':>9} {'errors':>7} {'locked':>7}"
    )
    try:
        for name, base in backends:
            for writers in (1, 5, 20):
                each = max(1, args.writes // WRITES_PER_SESSION // writers)
                with tempfile.TemporaryDirectory(prefix="results-bench-") as folder:
                    if name == "sqlite":
                        url = f"sqlite:///{folder}/r.db"
                    else:
                        url = _fresh_schema(str(base))
                    took, ok, errors, locked = run(url, writers, each)
                print(
                    f"{name:<11} {writers:>7} {ok + errors:>7} {took:>8.2f} {ok / took:>9.0f} {errors:>7} {locked:>7}"
                )
    finally:
        if started:
            subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "stop"], check=False)


def _fresh_schema(server: str) -> str:
    import psycopg

    schema = f"bench_{secrets.token_hex(4)}"
    with psycopg.connect(
        server.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options=-csearch_path%3D{schema}"


if __name__ == "__main__":
    main()
