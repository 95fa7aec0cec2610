"""The classroom server as a trainer and trainees meet it: in-process for the pages, and a
real uvicorn on a free port with Debian's Chromium for the browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from simulator.core.results import Results, open_results
from simulator.serve.config import ServeConfig
from simulator.serve.web import make_app

ROOT = Path(__file__).resolve().parents[2]
CLASS = "2026A"
KEY = "trainer-key-123"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def make_config(root: Path, **changes) -> ServeConfig:
    values = dict(
        class_code=CLASS,
        trainer_key=KEY,
        data_root=root,
        results_url=f"sqlite:///{root / 'results.db'}",
        lang="zh",
        public_url="http://192.0.2.10:8000/",
    )
    values.update(changes)
    return ServeConfig(**values)


@pytest.fixture
def config(tmp_path: Path) -> ServeConfig:
    return make_config(tmp_path)


@pytest.fixture
def results(config: ServeConfig) -> Iterator[Results]:
    store = open_results(config.results_url)
    yield store
    store.close()


@pytest.fixture
def app(config: ServeConfig, results: Results):
    return make_app(config, results)


def client_for(app) -> TestClient:
    return TestClient(app, follow_redirects=False)


@pytest.fixture
def client(app) -> TestClient:
    return client_for(app)


def login(client: TestClient, trainee: str, name: str = "", lang: str = "zh"):
    return client.post(
        "/login", data={"class": CLASS, "trainee": trainee, "name": name, "lang": lang}
    )


def as_trainer(client: TestClient) -> TestClient:
    response = client.get(f"/dash?key={KEY}")
    assert response.status_code == 303
    return client


# ---- a real server and a real browser ----------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """uvicorn serving make_app(config) in a thread, on 127.0.0.1:port."""

    def __init__(self, config: ServeConfig) -> None:
        import uvicorn

        self.config = config
        self.port = free_port()
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
        self.thread = threading.Thread(target=self.server.run, daemon=True)

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
        deadline = time.monotonic() + 30
        while len(seats) and time.monotonic() < deadline:  # closed tabs: apps wind down
            time.sleep(0.1)
        self.server.should_exit = True
        self.thread.join(30)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium, installed by scripts/browser.sh when missing (never skipped)."""
    if not os.access(CHROMIUM, os.X_OK):
        subprocess.run(["bash", str(ROOT / "scripts" / "browser.sh")], check=True)
    assert os.access(CHROMIUM, os.X_OK), "scripts/browser.sh did not install Chromium"
    return CHROMIUM
