"""Who owns a session in progress: a lock file beside its autosave.

Two app instances on one data folder must not play the same session, or both write its
autosave and the later finish silently replaces the other's record. The instance playing
a session holds `unfinished/<id>.lock`: the pid and host of its process (and, where the
system says, when that process started, so a pid reused after a reboot is not taken for
the owner). The lock is created with a hard link, so it appears complete and only once.

A lock is *live* when its process still runs on this host; another instance never offers
or takes such a session. A lock whose process is gone, or that was written on another
host, is *stale*: it is taken over, and the caller is told whose it was.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from simulator.core.atomic import staged
from simulator.core.results.saferead import Damaged, read_record


@dataclass(frozen=True)
class Owner:
    """The process named in a lock file."""

    pid: int
    """Process id."""
    host: str
    """Host name of the machine it ran on."""
    started: str
    """The process's start time as the system reports it ("" where unknown)."""

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host}"


def _process_started(pid: int) -> str:
    """Start time of pid in clock ticks since boot (Linux /proc); "" elsewhere."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text("ascii", errors="replace")
    except OSError:
        return ""
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else ""


def me() -> Owner:
    """This process."""
    return Owner(os.getpid(), socket.gethostname(), _process_started(os.getpid()))


def is_mine(owner: Owner) -> bool:
    """True when the lock names this very process."""
    return owner == me()


def is_live(owner: Owner) -> bool:
    """True when the owner is a process still running on this host (this one included)."""
    if owner.host != socket.gethostname() or owner.pid <= 0:
        return False
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    except OSError:
        return False
    started = _process_started(owner.pid)
    return not (owner.started and started and owner.started != started)


def read_owner(path: Path) -> Owner | None:
    """The owner named in a lock file; None when there is none. A damaged lock is stale."""
    try:
        data = read_record(path)
    except FileNotFoundError:
        return None
    except (OSError, Damaged):
        return Owner(0, "", "")
    pid, host, started = data.get("pid"), data.get("host"), data.get("started", "")
    if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str):
        return Owner(0, "", "")
    return Owner(pid, host, started if isinstance(started, str) else "")


class Held(Exception):
    """The session is played by another live instance."""

    def __init__(self, owner: Owner) -> None:
        super().__init__(owner.describe())
        self.owner = owner


def acquire(path: Path) -> Owner | None:
    """Make this process the owner; returns the stale owner taken over, if any.

    Raises Held when another live process owns it, OSError when the folder cannot be written.
    """
    mine = me()
    text = json.dumps({"schema": 1, "pid": mine.pid, "host": mine.host, "started": mine.started})
    with staged(path, text) as tmp:
        for _ in range(3):
            try:
                os.link(tmp, path)  # fails if a lock exists: never two owners at once
                return None
            except FileExistsError:
                pass
            owner = read_owner(path)
            if owner is None:
                continue  # released meanwhile: try again
            if owner == mine:
                return None
            if is_live(owner):
                raise Held(owner)
            os.replace(tmp, path)
            if read_owner(path) == mine:  # another instance may have taken it over too
                return owner
            raise Held(read_owner(path) or owner)
        raise Held(read_owner(path) or Owner(0, "", ""))


def release(path: Path) -> None:
    """Drop the lock if this process holds it (another owner's lock is left alone)."""
    if read_owner(path) == me():
        path.unlink(missing_ok=True)
