"""`simulator grade`: JSON Lines in, one JSON line out per line, in order.

Bulk grading spreads batches of lines over worker processes. A batch is whatever
lines are already waiting (up to BATCH), so a file is graded at full speed while a
program that writes one line and waits for the answer gets it at once.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import select
import sys
from collections.abc import Iterator

from simulator.core.grading import Grader
from simulator.core.grading import catalogue as catalogue_mod

BATCH = 64
"""Most lines a worker takes at a time."""


def _conf_grade(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="force the language (default: from each line, else detected)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="grading processes (default: up to 2); answers stay in input order",
    )


def _has_surrogate(value: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def _grade_request(raw: bytes) -> tuple[str, str, str | None] | str:
    """One input line as (text, context, lang), or the reason it cannot be graded."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"not UTF-8 (byte {error.start + 1})"
    if not line.strip():
        return "blank line"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return f"not JSON: {error.msg}"
    except RecursionError:
        return "not JSON: nested too deeply"
    except ValueError as error:  # e.g. an integer longer than Python's digit limit
        return f"not JSON: {error}"
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        return 'expected an object with a "text" string'
    text = row["text"]
    context = row.get("context") if isinstance(row.get("context"), str) else ""
    if _has_surrogate(text) or _has_surrogate(context):
        return "text or context holds a lone surrogate (not valid Unicode)"
    lang = row.get("lang") if row.get("lang") in ("zh", "en") else None
    return text, context, lang


def _answer_line(grader: Grader, number: int, raw: bytes, force_lang: str | None) -> bytes:
    """The one JSON line that answers input line `number`, whatever it holds."""
    request = _grade_request(raw.rstrip(b"\r\n"))
    if isinstance(request, str):
        answer: dict[str, object] = {"error": f"line {number}: {request}"}
    else:
        text, context, lang = request
        try:
            answer = grader.grade(text, context, force_lang or lang).to_dict()
        except Exception as error:  # one reply must not end the stream; it is reported
            answer = {"error": f"line {number}: cannot grade: {type(error).__name__}: {error}"}
    return json.dumps(answer, ensure_ascii=False).encode("utf-8", "replace") + b"\n"


def _waiting(fd: int) -> bool:
    """Is more input ready to read without blocking?"""
    try:
        return bool(select.select([fd], [], [], 0)[0])
    except (OSError, ValueError):
        return True  # not selectable (e.g. some test doubles): read on


def _batches(fd: int, size: int) -> Iterator[list[bytes]]:
    """Input lines in batches of those already waiting, at most `size` each."""
    pending = b""
    batch: list[bytes] = []
    while True:
        if batch and (len(batch) >= size or not _waiting(fd)):
            yield batch[:size]
            batch = batch[size:]
            continue
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        *lines, pending = (pending + chunk).split(b"\n")
        batch.extend(lines)
    if pending:
        batch.append(pending)
    while batch:
        yield batch[:size]
        batch = batch[size:]


_POOL_GRADER: Grader | None = None
"""The grader worker processes inherit (loaded once, before they fork)."""


def _pool_batch(job: tuple[int, list[bytes], str | None]) -> bytes:
    assert _POOL_GRADER is not None
    first, lines, lang = job
    return b"".join(_answer_line(_POOL_GRADER, first + i, raw, lang) for i, raw in enumerate(lines))


def _numbered(
    batches: Iterator[list[bytes]], lang: str | None
) -> Iterator[tuple[int, list[bytes], str | None]]:
    number = 1
    for batch in batches:
        yield number, batch, lang
        number += len(batch)


def cmd_grade(args: argparse.Namespace) -> int:
    """One JSON line out for every line in, in order, whatever the line holds."""
    global _POOL_GRADER
    grader = Grader(catalogue_mod.load(getattr(args, "techniques", None)))
    grader.warm()  # load the model once, before any worker forks
    out = sys.stdout.buffer
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):
        fd = -1
    if args.jobs > 1 and fd >= 0 and "fork" in multiprocessing.get_all_start_methods():
        _POOL_GRADER = grader
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            for answers in pool.imap(_pool_batch, _numbered(_batches(fd, BATCH), args.lang)):
                out.write(answers)
                out.flush()
        return 0
    for number, raw in enumerate(sys.stdin.buffer, 1):
        out.write(_answer_line(grader, number, raw, args.lang))
        out.flush()
    return 0
