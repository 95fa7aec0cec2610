"""Where results go and the one error family, without importing SQLAlchemy: the app
imports this at start and pays for the database libraries only when a session starts."""

from __future__ import annotations

import os
from pathlib import Path

from simulator.core.errors import SimulatorError

ENV_URL = "SIMULATOR_RESULTS_DB"
"""Environment variable naming the results database."""


class ResultsError(SimulatorError):
    """The results database cannot be opened, read or written."""

    title_key = "error.results_db"


def default_url(data_dir: Path) -> str:
    """$SIMULATOR_RESULTS_DB, else results.db in the data folder."""
    env = os.environ.get(ENV_URL, "").strip()
    return env or f"sqlite:///{(data_dir / 'results.db').absolute()}"
