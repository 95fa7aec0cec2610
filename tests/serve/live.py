"""A classroom server on a free local port in a thread: for the tests and the benchmark."""

from __future__ import annotations

import socket
import threading
import time

from simulator.serve.config import ServeConfig
from simulator.serve.web import make_app


def bound_socket() -> socket.socket:
    """A socket bound to a free port on 127.0.0.1 that stays ours until the server closes it
    (choosing a free port and binding it later leaves a moment for a parallel test to take
    the same one)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


class LiveServer:
    """uvicorn serving make_app(config) in a thread, on 127.0.0.1:port."""

    def __init__(self, config: ServeConfig, wind_down: float = 30) -> None:
        import uvicorn

        self.config = config
        self.wind_down = wind_down
        self.socket = bound_socket()
        self.port = int(self.socket.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = make_app(config)
        self.server = uvicorn.Server(
            uvicorn.Config(
                self.app,
                host="127.0.0.1",
                port=self.port,
                log_level="warning",
                ws="websockets-sansio",
            )
        )
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True
        )

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the classroom server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        seats = self.app.state.classroom.seats
        deadline = time.monotonic() + self.wind_down
        while len(seats) and time.monotonic() < deadline:  # closed tabs: apps wind down
            time.sleep(0.1)
        self.server.should_exit = True
        self.thread.join(30)
        self.socket.close()
