"""What one classroom server is set up with, and where each trainee's files go.

Every trainee gets their own data folder under the server's, named from their id in a
way that is safe on any file system and can never collide (the readable part is cut
down, a hash of the whole id follows), so two trainees never share saved sessions.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

from simulator.core.errors import SimulatorError

TRAINEE_MAX = 40
"""Longest trainee id accepted at login."""
NAME_MAX = 40
"""Longest display name accepted at login."""
DEFAULT_MAX_SESSIONS = 30
"""Browser sessions served at once unless --max-sessions: one app process each, measured
~230 MB resident once the scenario library is drawn (benchmarks/classroom.py): 30 need ~7 GB."""
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f/\\]")


class ServeError(SimulatorError):
    """The classroom server cannot start as asked."""

    title_key = "error.classroom_server"


@dataclass(frozen=True)
class ServeConfig:
    """One classroom server: its class, its keys, where data goes, its limits."""

    class_code: str
    """The code trainees type to join (compared without case or surrounding spaces)."""
    trainer_key: str
    """The secret that opens the dashboard."""
    data_root: Path
    """The server's data folder; trainees' folders are under trainees/."""
    results_url: str
    """The results database every trainee's app writes to and the dashboard reads."""
    max_sessions: int = DEFAULT_MAX_SESSIONS
    """Browser sessions at once; the next one sees the 'class full' page."""
    lang: str = "zh"
    """Default language of the pages and of the app."""
    public_url: str = ""
    """The address trainees type, shown on the dashboard ("" when serving only locally)."""
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    """Signs the login cookies; new on every start, so a restart signs everyone out."""
    python: str = sys.executable
    """The Python that runs each trainee's app."""
    library: str | None = None
    """--library passed on to the app."""
    techniques: str | None = None
    """--techniques (an organisation's catalogue) passed on to the app and used for labels."""
    pace: str | None = None
    """--pace passed on to the app (off, fast, natural; None: the app's default)."""

    def trainee_dir(self, trainee: str) -> Path:
        return self.data_root / "trainees" / safe_id(trainee)


def safe_id(trainee: str) -> str:
    """A folder name for a trainee id: ASCII letters, digits, - and _, then a hash of the id.

    'zhang.san' and 'zhang_san' or '张三' and '李四' never share a folder, and the name
    is the same on every operating system (no case or Unicode normalisation issues).
    """
    readable = _UNSAFE.sub("_", trainee).strip("_")[:24] or "t"
    digest = hashlib.sha256(trainee.encode("utf-8")).hexdigest()[:10]
    return f"{readable.lower()}-{digest}"


def check_trainee(trainee: str, name: str) -> list[tuple[str, dict[str, object]]]:
    """Problems with a login's trainee id and display name, as (text key, values)."""
    problems: list[tuple[str, dict[str, object]]] = []
    if not trainee:
        problems.append(("web.err_trainee_empty", {}))
    elif len(trainee) > TRAINEE_MAX:
        problems.append(("web.err_trainee_long", {"n": TRAINEE_MAX}))
    if len(name) > NAME_MAX:
        problems.append(("web.err_name_long", {"n": NAME_MAX}))
    if _FORBIDDEN.search(trainee) or _FORBIDDEN.search(name):
        problems.append(("web.err_chars", {}))
    return problems


def same_class(typed: str, class_code: str) -> bool:
    return typed.strip().casefold() == class_code.strip().casefold()


def new_class_code() -> str:
    """Four digits, easy to say aloud and type on any keyboard."""
    return f"{secrets.randbelow(9000) + 1000}"


def new_trainer_key() -> str:
    return secrets.token_urlsafe(9)
