"""A session saved and resumed: its seed and replies, stamped with the scenario's identity.

A saved session is not its state but how to get there again: `replay` starts the same
scenario with the same seed (at the same beat, for a retried moment) and plays the replies
through the engine, so a resumed session is exactly the one that was saved. A record for
another scenario, or for a scenario whose content changed since, is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from simulator.core.errors import SessionError

if TYPE_CHECKING:
    from simulator.core.grading import Grader
    from simulator.core.scenario.model import Scenario
    from simulator.core.session.engine import Session


def record(session: Session) -> dict[str, Any]:
    """A JSON-ready record: enough to resume, stamped with the scenario's identity."""
    return {
        "format": 1,
        "scenario": session.scenario.id,
        "scenario_version": session.scenario.version,
        "content_hash": session.scenario.content_hash,
        "source": session.scenario.source,
        "seed": session.seed,
        "replies": [turn.reply for turn in session.turns],
        "abandoned": session.ending == "abandoned",
        **(
            {"relay": list(session.relay), "authors": [turn.author for turn in session.turns]}
            if session.relay
            else {}
        ),
        **(
            {
                "start": {
                    "beat": session.start_beat,
                    "meters": dict(session.initial_meters),
                    "facts": list(session.initial_facts),
                    "opening": session.opening,
                }
            }
            if session.retried
            else {}
        ),
    }


def replay(
    cls: type[Session], data: dict[str, Any], scenario: Scenario, grader: Grader | None = None
) -> Session:
    """Resume by replaying the saved replies; refuses a changed scenario. `cls` is the
    engine's Session class (handed in: the engine imports this module, not the reverse)."""
    if (
        not isinstance(data, dict)
        or data.get("format") != 1
        or not isinstance(data.get("replies"), list)
    ):
        raise SessionError("the saved session is not in a format this version can read")
    if data.get("scenario") != scenario.id:
        raise SessionError(
            f"the saved session is for scenario '{data.get('scenario')}', not '{scenario.id}'"
        )
    if data.get("content_hash") != scenario.content_hash:
        raise SessionError(
            f"scenario '{scenario.id}' changed since the session was saved "
            f"(version {data.get('scenario_version')} → {scenario.version}); start a new session"
        )
    seed = data.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool) or not -(2**63) <= seed < 2**63:
        raise SessionError(f"the saved session has an unusable seed ({str(seed)[:40]!r})")
    start = data.get("start")
    if isinstance(start, dict):
        raw_meters, raw_facts = start.get("meters"), start.get("facts")
        meters: dict[str, float] = raw_meters if isinstance(raw_meters, dict) else {}
        facts: list[Any] = raw_facts if isinstance(raw_facts, list) else []
        session = cls.start_at(
            scenario,
            str(start.get("beat", "")),
            meters,
            facts=[str(f) for f in facts],
            opening=str(start.get("opening") or ""),
            seed=seed,
            grader=grader,
        )
    else:
        session = cls.start(scenario, seed, grader)
    session.relay = _names(data.get("relay"))
    authors = _names(data.get("authors"))
    for n, reply in enumerate(data["replies"]):
        if session.finished:
            break
        session.reply(str(reply), authors[n] if n < len(authors) else None)
    if data.get("abandoned"):
        session.abandon()
    return session


def _names(value: object) -> tuple[str, ...]:
    """A saved list of names; anything else (an older record without one) is no names."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return ()
    return tuple(value)
