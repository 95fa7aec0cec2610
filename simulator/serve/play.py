"""/play: the real app in the trainee's browser, one app process per browser tab.

textual-serve-asgi's AppService runs `python -m simulator` behind a WebSocket; here it
gets the trainee's identity in its environment (their id, class, the class's results
database and their OWN data folder), and the server counts the processes so that the
machine is never asked for more than --max-sessions of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shlex
import subprocess
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from starlette.websockets import WebSocket, WebSocketDisconnect
from textual_serve.download_manager import DownloadManager
from textual_serve_asgi.app_service import AppService

from simulator.serve.auth import Trainee
from simulator.serve.config import ServeConfig

log = logging.getLogger("simulator.serve")

STOP_GRACE_SECONDS = 5.0
"""How long an app may take to quit when its tab closes before it is killed."""
CLOSE_NO_LOGIN = 4401
CLOSE_FULL = 4503
CLOSE_BAD_ORIGIN = 4403


def app_command(config: ServeConfig, lang: str) -> str:
    """The shell command that runs the app for one trainee (quoted for this platform)."""
    argv = [config.python, "-m", "simulator", "--ui-lang", lang]
    if config.library:
        argv += ["--library", config.library]
    if config.techniques:
        argv += ["--techniques", config.techniques]
    if config.pace:
        argv += ["--pace", config.pace]
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def trainee_environment(config: ServeConfig, who: Trainee) -> dict[str, str]:
    """What the trainee's app process is told about who plays and where things go."""
    folder = config.trainee_dir(who.trainee)
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "SIMULATOR_TRAINEE": who.trainee,
        "SIMULATOR_TRAINEE_NAME": who.name,
        "SIMULATOR_CLASS": who.class_code,
        "SIMULATOR_RESULTS_DB": config.results_url,
        "SIMULATOR_DATA_DIR": str(folder),
        "LANG": "zh_CN.UTF-8" if who.lang == "zh" else "en_US.UTF-8",
        "PYTHONIOENCODING": "utf-8",
    }


class TraineeAppService(AppService):
    """One trainee's app process: the server's environment plus the trainee's own."""

    def __init__(self, command: str, extra_env: dict[str, str], **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.extra_env = extra_env

    def _build_environment(
        self,
        width: int = 80,
        height: int = 24,
        cell_width: int | None = None,
        cell_height: int | None = None,
    ) -> dict[str, str]:
        environment = super()._build_environment(width, height, cell_width, cell_height)
        environment.update(self.extra_env)
        return environment

    async def stop(self) -> None:
        """Ask the app to quit; kill it if it has not within STOP_GRACE_SECONDS.

        Whatever happened to the app or its socket, the process is then waited for and its
        pipes closed here, while the event loop still runs, never left to the collector.
        """
        process = self._process
        try:
            await asyncio.wait_for(super().stop(), STOP_GRACE_SECONDS)
        except Exception:  # the app or the browser already gone: reaped below either way
            log.debug("app %s did not quit cleanly", self.app_service_id, exc_info=True)
        finally:
            if process is not None:
                await _reap(process)


async def _reap(process: asyncio.subprocess.Process) -> None:
    """Wait for the app to exit (it was asked to quit), kill it if it will not."""
    try:
        try:
            await asyncio.wait_for(process.wait(), STOP_GRACE_SECONDS)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), STOP_GRACE_SECONDS)
    finally:
        transport = getattr(process, "_transport", None)
        if transport is not None:
            transport.close()


@dataclass
class Seat:
    """One browser tab playing."""

    trainee: str
    name: str
    since: float


class Seats:
    """The app processes running now, by connection; the cap is checked here."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._seats: dict[int, Seat] = {}
        self._next = 0

    def __len__(self) -> int:
        return len(self._seats)

    @property
    def full(self) -> bool:
        return len(self._seats) >= self.limit

    def take(self, who: Trainee) -> int | None:
        """A seat number, or None when the class is full."""
        if self.full:
            return None
        self._next += 1
        self._seats[self._next] = Seat(who.trainee, who.name, time.monotonic())
        return self._next

    def leave(self, number: int) -> None:
        self._seats.pop(number, None)

    def trainees(self) -> list[str]:
        return sorted({seat.trainee for seat in self._seats.values()})


def same_origin(websocket: WebSocket) -> bool:
    """A browser page from another site must not open a trainee's app with their cookie."""
    origin = websocket.headers.get("origin")
    if origin is None:  # not a browser (tests, benchmarks): the cookie still decides
        return True
    return urlsplit(origin).netloc == websocket.headers.get("host", "")


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value or default)))
    except ValueError:
        return default


async def serve_app(
    websocket: WebSocket, config: ServeConfig, who: Trainee | None, seats: Seats
) -> None:
    """Run the trainee's app for as long as their WebSocket is open."""
    if who is None:
        await websocket.close(CLOSE_NO_LOGIN)
        return
    if not same_origin(websocket):
        await websocket.close(CLOSE_BAD_ORIGIN)
        return
    seat = seats.take(who)
    if seat is None:
        await websocket.close(CLOSE_FULL)
        return
    service: TraineeAppService | None = None
    try:
        await websocket.accept()
        params = websocket.query_params
        service = TraineeAppService(
            app_command(config, who.lang),
            trainee_environment(config, who),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_text,
            close=websocket.close,
            download_manager=DownloadManager(),
        )
        await service.start(
            _int(params.get("width"), 80, 20, 400),
            _int(params.get("height"), 24, 10, 200),
            cell_width=_int(params.get("cellWidth"), 0, 0, 100),
            cell_height=_int(params.get("cellHeight"), 0, 0, 200),
        )
        await _pump(websocket, service)
    except (WebSocketDisconnect, asyncio.CancelledError):
        pass
    except Exception:
        log.exception("trainee %s: the app stopped with an error", who.trainee)
    finally:
        try:
            if service is not None:
                await service.stop()
        finally:
            seats.leave(seat)  # only once the process is gone


async def _pump(websocket: WebSocket, service: TraineeAppService) -> None:
    """Keys, resizes and focus from the browser to the app (the textual-serve protocol)."""
    async for envelope in websocket.iter_json():
        if not isinstance(envelope, list) or len(envelope) < 1:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            await service.set_terminal_size(
                _int(str(data.get("width")), 80, 20, 400),
                _int(str(data.get("height")), 24, 10, 200),
            )
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()
