"""Moving finished sessions between stores: the JSON history into a results store, and
one results store into another (`simulator results push`).

Both only add: a session id already finished in the target is left as it is and
counted as "already there", so running either again is safe, and the source is only
read, so a push that fails part way (a server gone) loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from simulator.core.results.convert import result_from_report
from simulator.core.results.files import Store, StoreError
from simulator.core.results.records import Identity
from simulator.core.results.store import Results


@dataclass(frozen=True)
class Counts:
    """What a push or an import did."""

    new: int = 0
    """Sessions added."""
    already: int = 0
    """Sessions the target had already."""
    unreadable: int = 0
    """History records that could not be read (left in place, named by the store)."""


def _started(finished_at: str, elapsed: float) -> str:
    try:
        end = datetime.fromisoformat(finished_at)
    except ValueError:
        return finished_at
    return (end - timedelta(seconds=max(0.0, elapsed))).isoformat(timespec="seconds")


def import_history(store: Store, results: Results, who: Identity) -> Counts:
    """Add every session of the JSON history (sessions finished before the results store
    existed, or whose write failed) to results, as played by who."""
    new = already = unreadable = 0
    for item in reversed(store.history()):  # oldest first
        try:
            report = store.report(item.id)
        except StoreError:
            unreadable += 1
            continue
        result = result_from_report(
            report,
            session_id=item.id,
            who=who,
            mode=item.mode,
            started_at=_started(item.finished_at, item.elapsed),
            finished_at=item.finished_at,
            elapsed=item.elapsed,
            title=item.title,
        )
        if results.add(result):
            new += 1
        else:
            already += 1
    return Counts(new, already, unreadable)


def push(source: Results, target: Results) -> Counts:
    """Add every finished session of source to target (by id; none is replaced)."""
    new = already = 0
    for result in source.results():
        if target.add(result):
            new += 1
        else:
            already += 1
    return Counts(new, already)
