"""The classroom server as a trainer and trainees meet it: in-process for the pages, and a
real uvicorn on a free port with Debian's Chromium for the browser tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock
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
@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Debian's Chromium, installed by scripts/browser.sh when missing (never skipped).

    One xdist worker at a time: two apt-get at once would fight over dpkg's lock. The lock
    file lives in the folder all workers of a run share (the parent of each one's basetemp).
    """
    with FileLock(tmp_path_factory.getbasetemp().parent / "chromium.lock"):
        if not os.access(CHROMIUM, os.X_OK):
            subprocess.run(["bash", str(ROOT / "scripts" / "browser.sh")], check=True)
    assert os.access(CHROMIUM, os.X_OK), "scripts/browser.sh did not install Chromium"
    return CHROMIUM
