"""Hot-seat relay: a group plays one session on one screen, one reply each in turn.

The names rotate (Session.next_author); every reply carries its author. This module
reads the names a trainer types, and splits a finished session's Report by person:
what each one showed, missed and got wrong, and the points each reply earned under the
same formula as the score (scoring), so the people's points plus the group's ending
add up to the group's score before it is clamped to 0..100.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from simulator.core.errors import SimulatorError
from simulator.core.scenario import scoring
from simulator.core.session.feedback import Report
from simulator.core.text import t

MIN_PEOPLE, MAX_PEOPLE = 2, 12
"""A relay needs at least two people; more than twelve is no longer a relay on one screen."""
MAX_NAME = 16
"""Characters in one name, so the turn banner fits an 80-column screen."""
SEPARATORS = re.compile(r"[,、，;；]")
"""Names are separated by an ASCII or full-width comma, the enumeration comma 、 or ;."""


class RelayError(SimulatorError):
    """The relay's names cannot be used; `text(lang)` says why in zh or en."""

    title_key = "error.relay_names"

    def __init__(self, key: str, **values: Any) -> None:
        self.key = key
        """Which rule the names broke: a key of the text table."""
        self.values = values
        """What the message names."""
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


def parse_names(text: str) -> tuple[str, ...]:
    """The names in the order typed; raises RelayError for too few or many, empty, long or
    duplicate names (duplicates compared after width and case folding: 张三 and 张三 are one)."""
    cleaned = unicodedata.normalize("NFC", text or "").strip()
    if not cleaned:
        raise RelayError("relay.error.empty_list")
    parts = [" ".join(p.split()) for p in SEPARATORS.split(cleaned)]
    if parts and not parts[-1] and len(parts) > 1:
        parts.pop()  # one trailing separator is a habit, not a missing name
    for n, name in enumerate(parts, 1):
        if not name:
            raise RelayError("relay.error.empty_name", n=n)
        if len(name) > MAX_NAME:
            raise RelayError("relay.error.long_name", name=name[:MAX_NAME] + "…", max=MAX_NAME)
    seen: set[str] = set()
    for name in parts:
        key = unicodedata.normalize("NFKC", name).casefold()
        if key in seen:
            raise RelayError("relay.error.duplicate", name=name)
        seen.add(key)
    if len(parts) < MIN_PEOPLE:
        raise RelayError("relay.error.too_few", min=MIN_PEOPLE, n=len(parts))
    if len(parts) > MAX_PEOPLE:
        raise RelayError("relay.error.too_many", max=MAX_PEOPLE, n=len(parts))
    return tuple(parts)


@dataclass(frozen=True)
class Person:
    """One person's share of a relay session."""

    name: str
    """As typed."""
    turns: tuple[int, ...]
    """Turn numbers of this person's replies."""
    shown: dict[str, int]
    """Technique id -> replies of theirs where it was credited."""
    taken: tuple[str, ...]
    """Opportunities (technique ids) their replies took."""
    missed: tuple[str, ...]
    """Opportunities missed in a visit their reply opened (the turn the feedback shows)."""
    pitfalls: tuple[str, ...]
    """Pitfall ids committed."""
    misplaced: tuple[str, ...]
    """Techniques used at a moment that punishes them."""
    facts: tuple[str, ...]
    """Labels of the facts their replies uncovered."""
    points: float
    """Their replies' share of the score: opportunities and facts earned, costs subtracted."""

    @property
    def replies(self) -> int:
        return len(self.turns)


@dataclass(frozen=True)
class Group:
    """A relay session split by person."""

    people: tuple[Person, ...]
    """In the relay's order."""
    ending_points: float
    """The ending's share of the score, earned by the group together."""
    score: int
    """The group's score (the report's)."""


def ending_points(report: Report) -> float:
    """What the ending added to the score (the facts' weight moves to it when there are none)."""
    value = scoring.ENDING_VALUE.get(report.ending_kind, 0.0)
    has_facts = bool(report.facts_found or report.facts_missed)
    return (scoring.W_END if has_facts else scoring.W_FACTS + scoring.W_END) * value


def authors(report: Report) -> dict[int, str]:
    """Turn number -> author, for every reply that has one."""
    return {e.turn: e.author for e in report.transcript if e.trainee and e.author}


def group(report: Report) -> Group | None:
    """The per-person breakdown of a relay session; None for a session one trainee played."""
    if not report.relay:
        return None
    by_turn = authors(report)
    offered = len(report.opportunities)
    facts_total = len(report.facts_found) + len(report.facts_missed)
    names = list(report.relay) + sorted(set(by_turn.values()) - set(report.relay))
    people = []
    for name in names:
        mine = {turn for turn, who in by_turn.items() if who == name}
        shown: dict[str, int] = {}
        for entry in report.transcript:
            if entry.trainee and entry.turn in mine:
                for technique in entry.credited:
                    shown[technique] = shown.get(technique, 0) + 1
        taken = tuple(o.technique for o in report.opportunities if o.taken and o.turn in mine)
        missed = tuple(o.technique for o in report.opportunities if not o.taken and o.turn in mine)
        pitfalls = tuple(p.id for p in report.pitfalls if p.turn in mine)
        misplaced = tuple(str(m["id"]) for m in report.misplaced if m.get("turn") in mine)
        facts = tuple(str(f["label"]) for f in report.facts_found if f.get("turn") in mine)
        points = (
            (scoring.W_OPP * len(taken) / offered if offered else 0.0)
            + (scoring.W_FACTS * len(facts) / facts_total if facts_total else 0.0)
            - scoring.PITFALL_COST * len(pitfalls)
            - scoring.MISPLACED_COST * len(misplaced)
        )
        people.append(
            Person(
                name,
                tuple(sorted(mine)),
                shown,
                taken,
                missed,
                pitfalls,
                misplaced,
                facts,
                round(points, 1),
            )
        )
    return Group(tuple(people), round(ending_points(report), 1), report.score)


def person_lines(report: Report, lang: str | None = None, item: str = "  ") -> list[str]:
    """The breakdown as text lines (exports); empty for a session one trainee played."""
    found = group(report)
    if found is None:
        return []
    lang = lang or report.language
    names = {x.id: x.name for x in report.techniques}

    def listed(ids: tuple[str, ...] | list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or t("export.relay.none", lang)

    out = [t("export.relay.group", lang, n=len(found.people))]
    for p in found.people:
        shown = [f"{names.get(x, x)}×{n}" for x, n in p.shown.items()]
        out.append(
            f"{item}{p.name}: {t('export.relay.replies', lang, n=p.replies)} · "
            f"{t('export.relay.points', lang, p=f'{p.points:+g}')} · {t('export.relay.shown', lang)} {listed(shown)} · "
            f"{t('export.relay.missed', lang)} {listed(p.missed)} · {t('export.relay.pitfalls', lang)} {listed(p.pitfalls)}"
            + (
                f" · {t('export.relay.misplaced', lang)} {listed(p.misplaced)}"
                if p.misplaced
                else ""
            )
            + (f" · {t('export.relay.facts', lang)} {', '.join(p.facts)}" if p.facts else "")
        )
    out.append(f"{item}{t('export.relay.ending', lang)}: {found.ending_points:+g}")
    return out
