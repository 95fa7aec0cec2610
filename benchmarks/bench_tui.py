"""How fast the interface feels: launch to the first screen, and Enter to the customer's reply.

Runs the real app headless through Textual's Pilot. Launch figures and the first
Enter-to-reply line use pace off (the app's own latency); Enter-to-reply is then measured
again at each pace, since that is what the trainee waits for (the deliberate "customer is
typing" pause included).

    .venv/bin/python benchmarks/bench_tui.py [-n 20] [--library DIR] [--size 80x24]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.widgets import TextArea  # noqa: E402

from simulator.core.scenario.library import default_root  # noqa: E402
from simulator.tui.factory import make_app  # noqa: E402
from simulator.tui.pace import PACES  # noqa: E402
from simulator.tui.widgets.chat import Bubble  # noqa: E402
from simulator.tui.widgets.scenario_list import ScenarioList  # noqa: E402

MINI = ROOT / "tests" / "data" / "scenarios" / "mini_zh.yaml"
REPLIES = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "生意这么好,平时进货的钱从哪儿周转?",
]


def summary(name: str, samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))]
    return f"{name:<44} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   (n={len(ms)})"


async def until(pilot, check, timeout: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never showed what was expected")
        await pilot.pause()


async def launch_library(library: Path, size: tuple[int, int]) -> float:
    start = time.perf_counter()
    app = make_app(
        library=library, ui_lang="zh", pace="off", clock=lambda: 0.0, theme="textual-dark"
    )
    async with app.run_test(size=size) as pilot:

        def listed() -> bool:
            found = app.screen.query(ScenarioList)
            return bool(found) and found.first().option_count > 0

        await until(pilot, listed)
        return time.perf_counter() - start


COLD = """
import asyncio, sys, time
from simulator.tui.factory import make_app
from simulator.tui.widgets.scenario_list import ScenarioList

async def main():
    app = make_app(library=sys.argv[2], ui_lang="zh", pace="off", theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        while not (app.screen.query(ScenarioList) and app.screen.query_one(ScenarioList).option_count):
            await pilot.pause()
        print(time.time() - float(sys.argv[1]))

asyncio.run(main())
"""


def cold_start(library: Path, data: str | None = None) -> float:
    """A new Python process: imports, app start, library listed (what `simulator` costs).

    data: the data folder (None: the one in the environment, whose library index the
    earlier starts wrote; a new empty folder measures a first start, with no index)."""
    start = time.time()
    env = {**os.environ, "SIMULATOR_TRAINEE_NAME": "bench"}  # no first-start name dialog
    if data is not None:
        env["SIMULATOR_DATA_DIR"] = data
    out = subprocess.run(
        [sys.executable, "-c", COLD, str(start), str(library)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env=env,
        timeout=120,
    )
    return float(out.stdout.strip().splitlines()[-1])


BARE = """
import asyncio, sys, time
from textual.app import App
from textual.widgets import Footer, Header, OptionList

class Bare(App):
    def compose(self):
        yield Header()
        yield OptionList(*[f"场景 {i}" for i in range(22)])
        yield Footer()

async def main():
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.query(OptionList):
            await pilot.pause()
        print(time.time() - float(sys.argv[1]))

asyncio.run(main())
"""


def bare_start() -> float:
    """The same measure for a bare Textual app showing a list: the floor we compare with."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", BARE, str(start)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return float(out.stdout.strip().splitlines()[-1])


async def launch_play(size: tuple[int, int]) -> float:
    start = time.perf_counter()
    app = make_app(scenario=MINI, ui_lang="zh", pace="off", clock=lambda: 0.0, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: any(b.speaker == "customer" for b in app.screen.query(Bubble)))
        return time.perf_counter() - start


async def replies(size: tuple[int, int], pace: str = "off") -> list[float]:
    """Enter-to-reply for each scripted reply of one session."""
    out = []
    app = make_app(scenario=MINI, ui_lang="zh", pace=pace, clock=lambda: 0.0, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()

        def customer_lines() -> int:
            return sum(1 for b in app.screen.query(Bubble) if b.speaker == "customer")

        for text in REPLIES:
            want = customer_lines() + 1
            app.screen.query_one("#reply", TextArea).text = text
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("enter")
            await until(pilot, lambda n=want: customer_lines() >= n)
            out.append(time.perf_counter() - start)
    return out


async def main(n: int, library: Path | None, size: tuple[int, int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIMULATOR_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["SIMULATOR_TRAINEE_NAME"] = "bench"  # no first-start name dialog
        if library is None:
            library = Path(tmp) / "library"
            library.mkdir()
            shutil.copy(MINI, library / MINI.name)
        cold = [cold_start(library) for _ in range(max(3, n // 4))]
        first = [
            cold_start(default_root(), tempfile.mkdtemp(dir=tmp)) for _ in range(max(3, n // 4))
        ]
        bundled = [cold_start(default_root()) for _ in range(max(3, n // 4) + 1)][1:]
        bare = [bare_start() for _ in range(max(3, n // 4))]
        await launch_library(library, size)  # warm imports and caches once
        lib = [await launch_library(library, size) for _ in range(n)]
        play = [await launch_play(size) for _ in range(n)]
        enter: list[float] = []
        for _ in range(n):
            enter += await replies(size)
        paced: dict[str, list[float]] = {}
        for pace in PACES[1:]:  # real pauses: a few sessions are enough
            paced[pace] = [t for _ in range(max(2, n // 5)) for t in await replies(size, pace)]
    print(f"terminal {size[0]}x{size[1]}, library {library}")
    print(summary("new process → library listed (cold)", cold))
    print(summary("first start (no library index) → bundled library listed", first))
    print(summary("new process → bundled library (22 scenarios) listed (cold)", bundled))
    print(summary("new process → bare Textual app with a list (cold)", bare))
    print(
        f"launch ratio, bundled library / bare Textual: "
        f"{statistics.median(bundled) / statistics.median(bare):.2f}x (target ≤ 1.6x)"
    )
    print(summary("launch → library listed", lib))
    print(summary("launch (play) → customer's opening line", play))
    print(summary("Enter → customer's reply on screen", enter))
    for pace, samples in paced.items():
        print(summary(f"Enter → customer's reply, pace {pace}", samples))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=20, help="repetitions (default 20)")
    parser.add_argument(
        "--library", type=Path, help="scenario folder (default: a copy of the test scenario)"
    )
    parser.add_argument("--size", default="80x24", help="terminal size WxH (default 80x24)")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    asyncio.run(main(args.n, args.library, (width, height)))
