"""Literal prefilters: which fixed strings a pattern cannot match without.

Scanning a reply with every cue's regular expression is most of the grader's time,
and most cues cannot match most replies. For each pattern this reads its parse tree
and finds a set of plain strings one of which every match must contain ("took ",
"courage", …). A reply containing none of them is skipped with a few substring
tests instead of a regex scan. A pattern whose matches need no particular string (or
that ignores case) gets no prefilter and is always scanned, so the prefilter only
ever saves time: it never changes a grade.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

Literals = frozenset[str]

_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
MAX_CLASS = 12
"""A character class with more members than this says too little to filter by."""
MAX_ALTERNATIVES = 400
"""Past this many strings, testing them all costs more than the scan they would save."""


def _better(a: Literals, b: Literals) -> Literals:
    """The more selective of two literal sets: longer shortest string, then fewer strings."""
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _branch(items: Iterable[Any]) -> Literals | None:
    out: set[str] = set()
    for item in items:
        found = _sequence(item)
        if found is None:
            return None
        out |= found
    return frozenset(out) if len(out) <= MAX_ALTERNATIVES else None


def _item(op: Any, av: Any) -> Literals | None:
    if op is C.LITERAL:
        return frozenset({chr(av)})
    if op is C.IN:
        members = list(av)
        if len(members) <= MAX_CLASS and all(m[0] is C.LITERAL for m in members):
            return frozenset(chr(m[1]) for m in members)
        return None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _sequence(sub)
    if op is C.BRANCH:
        return _branch(av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(sub) if low >= 1 else None
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    return None


def _sequence(seq: Any) -> Literals | None:
    """Strings one of which every match of this sequence contains, or None."""
    best: Literals | None = None
    run = ""

    def close_run() -> None:
        nonlocal best, run
        if run:
            lit = frozenset({run})
            best = lit if best is None else _better(best, lit)
            run = ""

    for op, av in seq:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if op in _ZERO_WIDTH:
            continue  # \b, ^, lookarounds take no characters: a run goes on across them
        close_run()
        found = _item(op, av)
        if found is not None:
            best = found if best is None else _better(best, found)
    close_run()
    return best


def literals(pattern: re.Pattern[str]) -> Literals | None:
    """Strings one of which every match of `pattern` contains; None when there are none."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _sequence(P.parse(pattern.pattern, pattern.flags))
    except Exception:  # the parser is CPython's own: if its shape changes, scan always
        return None
    if not found or "" in found:
        return None
    return found


def screen(sets: Iterable[Literals | None]) -> re.Pattern[str] | None:
    """One pattern that finds any of the strings of all `sets` (None when a set is None:
    something in it matches without a particular string, so nothing can be skipped)."""
    union: set[str] = set()
    for lits in sets:
        if lits is None:
            return None
        union |= lits
    if not union:
        return None
    # longest first, so a short string never hides a longer one; sorted for determinism
    ordered = sorted(union, key=lambda lit: (-len(lit), lit))
    return re.compile("|".join(map(re.escape, ordered)))
