"""Reading saved records defensively: one damaged file must never stop the app.

A record in the data folder may be cut short, edited by hand, written by another
version, or not a file at all (a FIFO would block a plain `open`, a link to /dev/zero
would read forever). `read_record` opens without blocking, refuses anything but a
regular file of sane size and returns a JSON object or raises `Damaged` with a
reason; `check_fields` checks each field of a record against the dataclass it feeds.
"""

from __future__ import annotations

import json
import math
import os
import stat
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

MAX_RECORD_BYTES = 20_000_000
"""A saved record larger than this is treated as damaged (a real one is a few kB)."""

_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "dict[str, Any]": (dict,),
}


class Damaged(Exception):
    """A saved file that cannot be used as it is; the message says why."""


def read_record(path: Path) -> dict[str, Any]:
    """The JSON object in path; raises Damaged, or OSError when it cannot be opened at all."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Damaged("not a regular file")
        if info.st_size > MAX_RECORD_BYTES:
            raise Damaged(f"{info.st_size:,} bytes, more than a record ever holds")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_RECORD_BYTES:
                raise Damaged("it grows while being read")
    finally:
        os.close(fd)
    try:
        data = json.loads(b"".join(chunks).decode("utf-8"))
    except UnicodeDecodeError:
        raise Damaged("not UTF-8 text") from None
    except RecursionError:
        raise Damaged("JSON nested too deeply") from None
    except ValueError as error:  # JSONDecodeError, or an integer past the digit limit
        raise Damaged(f"not valid JSON ({str(error)[:80]})") from None
    if not isinstance(data, dict):
        raise Damaged("not a JSON object")
    return data


def check_fields(cls: type, raw: Any) -> dict[str, Any]:
    """The values for cls's fields from raw, each of its declared type; raises Damaged."""
    if not isinstance(raw, dict):
        raise Damaged("the record is not a JSON object")
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in raw and f.default is not MISSING:
            continue  # a field added later: older records take its default
        if f.name not in raw:
            raise Damaged(f"field '{f.name}' is missing")
        value, want = raw[f.name], _TYPES.get(str(f.type), (object,))
        wrong = not isinstance(value, want) or (bool not in want and isinstance(value, bool))
        if wrong or (isinstance(value, float) and not math.isfinite(value)):
            raise Damaged(f"field '{f.name}' is {type(value).__name__}, not {f.type}")
        values[f.name] = value
    return values
