"""What the library knew about each file last time, so a start does not parse them all again.

Listing 22 scenarios meant reading, checking and building every one (about 0.4 s) before
the first screen. The index keeps, per file, what the list shows (an `Entry` without its
Scenario) or the file's problems, keyed by the file's size and modification time. A file
that has not changed is listed from the index; its Scenario is loaded when it is opened.

The whole index is thrown away when anything that decides a file's meaning changes: the
simulator's version, the code that reads scenarios, or the technique catalogue (`key`).
A missing, damaged or foreign index is an empty one; failing to write it costs only
speed. One JSON file, written whole to a temporary name and renamed into place.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from simulator import __version__
from simulator.core.atomic import staged
from simulator.core.errors import Problem

FORMAT = 1
"""Version of the index file's layout."""


@dataclass(frozen=True)
class Record:
    """One file as the last scan saw it."""

    size: int
    """Size in bytes when it was read."""
    mtime_ns: int
    """Modification time when it was read."""
    entry: dict[str, Any] | None
    """The library entry's fields (None: the file did not load)."""
    problems: list[Problem]
    """Why it did not load (empty when it did)."""
    id_at: tuple[int, int]
    """Line and column of its `id` (for a duplicate id found later)."""


def stamp(path: Path) -> tuple[int, int] | None:
    """(size, mtime_ns) of a file, None when it cannot be read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def code_key(catalogue_key: str) -> str:
    """What a file's meaning depends on besides its own text: version, reader code, catalogue."""
    here = Path(__file__).resolve().parent
    readers = sorted(here.glob("*.py")) + [here.parent / "grading" / "catalogue.py"]
    newest = max((s[1] for s in map(stamp, readers) if s), default=0)
    return f"{__version__}|{newest}|{catalogue_key}"


def catalogue_key(techniques: str | Path | None) -> str:
    """Names a catalogue for `code_key`: the built-in one, or an organisation's file as it is now."""
    if techniques is None:
        return "builtin"
    path = Path(techniques)
    return f"{path.resolve()}|{stamp(path)}"


class Index:
    """The records of one index file; `get` answers only for an unchanged file."""

    def __init__(self, file: Path | None, key: str) -> None:
        self.file = file
        self.key = key
        self.records: dict[str, Record] = {}
        self.changed = False
        if file is not None:
            self.records = _read(file, key)

    def get(self, path: Path) -> Record | None:
        record = self.records.get(str(path.resolve()))
        now = stamp(path)
        if record is None or now is None or now != (record.size, record.mtime_ns):
            return None
        return record

    def put(self, path: Path, record: Record) -> None:
        """Remember a file as read, unless it changed while it was read (its stamp then)."""
        if stamp(path) != (record.size, record.mtime_ns):
            return
        self.records[str(path.resolve())] = record
        self.changed = True

    def save(self) -> None:
        if self.file is None or not self.changed:
            return
        data = {
            "format": FORMAT,
            "key": self.key,
            "files": {
                name: {
                    "size": r.size,
                    "mtime_ns": r.mtime_ns,
                    "entry": r.entry,
                    "problems": [asdict(p) for p in r.problems],
                    "id_at": list(r.id_at),
                }
                for name, r in self.records.items()
            },
        }
        try:
            with staged(self.file, json.dumps(data, ensure_ascii=False)) as temp:
                os.replace(temp, self.file)
        except OSError:
            pass  # a cache: the next start reads the files again


def _read(file: Path, key: str) -> dict[str, Record]:
    try:
        data = json.loads(file.read_text("utf-8"))
        if data.get("format") != FORMAT or data.get("key") != key:
            return {}
        return {
            name: Record(
                int(r["size"]),
                int(r["mtime_ns"]),
                r["entry"],
                [Problem(**p) for p in r["problems"]],
                (int(r["id_at"][0]), int(r["id_at"][1])),
            )
            for name, r in data["files"].items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return {}  # missing, damaged or written by another version: start afresh
