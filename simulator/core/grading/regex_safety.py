"""Refusing regular expressions that can take exponential time.

Python's `re` backtracks: a repetition inside another repetition (`(a+)+`, `(\\w*\\s*)*`)
can take seconds on a short reply and cannot be interrupted. Every cue of the
catalogue and of an organisation's file is checked here when it is loaded; a risky
one is reported as a problem, never run. `adversarial` builds the inputs the test
suite uses to time every pattern against strings made of its own pieces.
"""

from __future__ import annotations

from typing import Any

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons are not supported
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)} - {None}
_UNBOUNDED = 20
"""A repetition allowing more than this many rounds counts as unbounded."""


def _unbounded(node: Any) -> bool:
    op, av = node
    return op in _REPEATS and (av[1] is _c.MAXREPEAT or av[1] > _UNBOUNDED)


def _has_literal(items: Any) -> bool:
    """Does every match of `items` contain a fixed character (which anchors each round)?"""
    for op, av in items:
        if op is _c.LITERAL:
            return True
        if op is _c.SUBPATTERN and _has_literal(av[-1]):
            return True
        if op is _c.BRANCH and all(_has_literal(b) for b in av[1]):
            return True
        if op in _REPEATS and av[0] >= 1 and not _unbounded((op, av)) and _has_literal(av[2]):
            return True
    return False


def _walk(items: Any, outer: bool | None) -> str | None:
    """`outer` is None outside any unbounded repetition, else whether its body is
    anchored by a fixed character (which stops rounds from splitting text two ways)."""
    for node in items:
        op, av = node
        if op in _REPEATS:
            body = av[2]
            if outer is False and _unbounded(node) and _can_repeat_text(body):
                return "a repetition inside another repetition ((a+)+)"
            inner = outer if not _unbounded(node) else (bool(outer) or _has_literal(body))
            found = _walk(body, inner)
            if found:
                return found
        elif op is _c.SUBPATTERN:
            found = _walk(av[-1], outer)
            if found:
                return found
        elif op is _c.BRANCH:
            if outer is not None and _overlapping(av[1]):
                return "alternatives inside a repetition where one starts another (and|and so)"
            for branch in av[1]:
                found = _walk(branch, outer)
                if found:
                    return found
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found = _walk(av[1], None)
            if found:
                return found
    return None


def _literal(items: Any) -> str | None:
    chars = []
    for op, av in items:
        if op is not _c.LITERAL:
            return None
        chars.append(chr(av))
    return "".join(chars)


def _overlapping(branches: Any) -> bool:
    words = [w for w in (_literal(b) for b in branches) if w]
    return any(a != b and b.startswith(a) for a in words for b in words)


def _can_repeat_text(body: Any) -> bool:
    return any(op not in (_c.AT,) for op, _ in body)


def risk(pattern: str) -> str | None:
    """Why `pattern` may backtrack exponentially, or None when it is bounded."""
    try:
        parsed = _p.parse(pattern)
    except Exception as error:  # noqa: BLE001 - the caller reports compile errors
        return f"cannot be parsed: {error}"
    return _walk(list(parsed), None)


def pieces(pattern: str) -> list[str]:
    """Literal pieces of a pattern (the words of its alternatives), for adversarial inputs."""
    out: list[str] = []

    def walk(items: Any) -> None:
        word: list[str] = []
        for op, av in items:
            if op is _c.LITERAL:
                word.append(chr(av))
                continue
            if word:
                out.append("".join(word))
                word = []
            if op is _c.SUBPATTERN:
                walk(av[-1])
            elif op is _c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in _REPEATS:
                walk(av[2])
        if word:
            out.append("".join(word))

    try:
        walk(list(_p.parse(pattern)))
    except Exception:  # noqa: BLE001
        return []
    return [p for p in dict.fromkeys(out) if p.strip()][:40]


def adversarial(pattern: str, size: int = 600) -> list[str]:
    """Inputs built from the pattern's own pieces, repeated with and without separators."""
    parts = pieces(pattern) or ["a"]
    joined = " ".join(parts)
    out = []
    for sep in ("", " ", ",", " and "):
        text = sep.join(parts)
        out.append((text * (size // max(1, len(text)) + 1))[:size] + "!")
    for part in parts[:10]:
        out.append((part + " ") * (size // (len(part) + 1)) + "?")
    out.append((joined + " ") * 3)
    return out
