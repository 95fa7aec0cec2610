"""The classroom server under a class: join latency, memory per trainee, dashboard latency.

    .venv/bin/python benchmarks/classroom.py            # 1, 5 and 20 trainees
    .venv/bin/python benchmarks/classroom.py 1 5        # other class sizes

Trainees are WebSocket clients speaking the browser's protocol (the page's textual.js),
not 20 browsers: a browser adds its own ~100 MB and CPU on the same machine and would
measure the browser. Each client signs in over HTTP, opens /play/ws, and counts as
joined when the app has drawn the scenario library (the first screen a trainee can use);
"first byte" is the app's first output. Memory is the app processes' RSS and PSS (PSS
shares the Python libraries fairly between processes) once everyone has joined. The
dashboard latency is from a finished session written through the results store to the
server-sent event reaching a trainer's open /dash/events stream.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
import websockets

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.results import Identity, SessionResult, open_results  # noqa: E402
from simulator.serve.config import ServeConfig  # noqa: E402
from tests.serve.live import LiveServer  # noqa: E402

CLASS = "BENCH"
KEY = "bench-key"
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b[()][AB0-2]|\x1b\][^\x07]*\x07")
READY = ("个场景", "scenarios")  # the library's count line: the app can be used
JOIN_TIMEOUT = 600.0


# ---- memory of the app processes ----------------------------------------------------------
def _children_of(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _kb(pid: int, field: str, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def app_memory() -> tuple[list[int], list[int]]:
    """RSS and PSS (kB) of each app process (python -m simulator) started by this server."""
    rss, pss = [], []
    for pid in _children_of(os.getpid()):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"simulator" in cmd and b"-m" in cmd and not cmd[0].endswith(b"sh"):
            rss.append(_kb(pid, "VmRSS:", "status"))
            pss.append(_kb(pid, "Pss:", "smaps_rollup"))
    return rss, pss


# ---- trainees -----------------------------------------------------------------------------
async def sign_in(base: str, trainee: str) -> str:
    async with httpx.AsyncClient(base_url=base, follow_redirects=False) as client:
        response = await client.post(
            "/login", data={"class": CLASS, "trainee": trainee, "name": trainee, "lang": "zh"}
        )
        assert response.status_code == 303, response.text
        return "; ".join(f"{k}={v}" for k, v in client.cookies.items())


async def join(base: str, trainee: str, joined: asyncio.Event, done: asyncio.Event) -> dict:
    cookie = await sign_in(base, trainee)
    url = base.replace("http://", "ws://") + "/play/ws?width=100&height=30"
    start = time.perf_counter()
    first = ready = None
    seen = ""
    async with websockets.connect(url, additional_headers={"Cookie": cookie}) as socket:
        while ready is None:
            frame = await asyncio.wait_for(socket.recv(), JOIN_TIMEOUT)
            if isinstance(frame, bytes):
                first = first or time.perf_counter() - start
                seen = (seen + ANSI.sub("", frame.decode("utf-8", "replace")))[-4000:]
                if any(mark in seen for mark in READY):
                    ready = time.perf_counter() - start
        joined.set()
        await done.wait()
    return {"first": first, "ready": ready}


async def class_of(base: str, size: int) -> tuple[list[dict], tuple[list[int], list[int]]]:
    done = asyncio.Event()
    events = [asyncio.Event() for _ in range(size)]
    tasks = [
        asyncio.create_task(join(base, f"t{size}-{n:02d}", events[n], done)) for n in range(size)
    ]
    await asyncio.gather(*(event.wait() for event in events))
    await asyncio.sleep(2)  # let every app settle after drawing
    memory = app_memory()
    done.set()
    return await asyncio.gather(*tasks), memory


# ---- dashboard latency --------------------------------------------------------------------
def finished(n: int) -> SessionResult:
    now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    return SessionResult(
        id=f"bench-{n}",
        identity=Identity(f"d{n}", CLASS, f"学员{n}"),
        scenario_id="preloan-supermarket",
        title="社区超市刘老板",
        lang="zh",
        mode="coach",
        started_at=now,
        finished_at=now,
        score=50 + n,
        pass_score=60,
        passed=False,
        ending="abandoned",
        ending_kind="abandoned",
    )


async def dashboard_latency(base: str, results_url: str, writes: int = 10) -> list[float]:
    store = open_results(results_url)
    out: list[float] = []
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await client.get(f"/dash?key={KEY}")
        async with client.stream("GET", "/dash/events") as stream:
            lines = stream.aiter_lines()

            async def next_event() -> None:
                async for line in lines:
                    if line.startswith("event: update"):
                        return

            await next_event()  # the opening event
            for n in range(writes):
                await asyncio.sleep(0.37)  # not in step with the poll
                start = time.perf_counter()
                await asyncio.to_thread(store.finish, finished(n))
                await next_event()
                out.append(time.perf_counter() - start)
    store.close()
    return out


def main(sizes: list[int]) -> None:
    root = Path(tempfile.mkdtemp(prefix="classroom-bench-"))
    config = ServeConfig(
        class_code=CLASS,
        trainer_key=KEY,
        data_root=root,
        results_url=f"sqlite:///{root / 'results.db'}",
        max_sessions=max(sizes) + 5,
        pace="off",
    )
    print(f"machine: {os.cpu_count()} CPU(s); load average {os.getloadavg()[0]:.1f}")
    with LiveServer(config, wind_down=60) as server:
        base = f"http://127.0.0.1:{server.port}"
        for size in sizes:
            rows, (rss, pss) = asyncio.run(class_of(base, size))
            ready = [r["ready"] for r in rows]
            first = [r["first"] for r in rows]
            print(
                f"{size:>3} trainee(s): joined (library drawn) median {statistics.median(ready):.1f} s,"
                f" max {max(ready):.1f} s; first byte median {statistics.median(first):.1f} s;"
                f" per app RSS {statistics.mean(rss) / 1024:.0f} MB,"
                f" PSS {statistics.mean(pss) / 1024:.0f} MB ({len(rss)} apps)"
            )
            while len(server.app.state.classroom.seats):
                time.sleep(0.2)
        server_rss = _kb(os.getpid(), "VmRSS:", "status") / 1024
        print(f"server process (this one, uvicorn + dashboard) RSS {server_rss:.0f} MB")
        latency = asyncio.run(dashboard_latency(base, config.results_url))
        print(
            f"dashboard: write -> SSE event median {statistics.median(latency) * 1000:.0f} ms,"
            f" max {max(latency) * 1000:.0f} ms over {len(latency)} writes"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 5, 20])
