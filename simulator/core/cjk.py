"""Chinese text for display: no stray spaces between Chinese and digits or Latin letters.

A folded YAML scalar (`>-`) turns each line break into a space, so a Chinese line broken
after 「欠了」 reads 「欠了 30 万」, and a terminal then wraps at that space, splitting the
amount from its unit. `tidy` removes spaces that touch a Chinese character or Chinese
punctuation on one side and a Chinese character, digit or Latin letter on the other;
spaces between two Latin words are kept. `tidy_tree` applies it to every display string
of a scenario's data, leaving conditions, evidence phrases and tests as written.
"""

from __future__ import annotations

import re
from typing import Any

_CJK = (
    r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
)
_OTHER = r"0-9A-Za-z%$¥€£+\-/.,:;!?()\[\]\"'“”‘’…—"
_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}{_OTHER}])")
_BEFORE_CJK = re.compile(rf"(?<=[{_CJK}{_OTHER}])[ \t]+(?=[{_CJK}])")
_AFTER_MARK = re.compile(rf"(?<=[{_CJK}][,;:!?)])[ \t]+(?=[{_CJK}0-9])")
"""Chinese written with ASCII marks: 「已通过, 11月6日」."""

SKIP_KEYS = frozenset({"when", "evidence", "tests", "id", "phrase"})
"""Keys whose values are matched against replies or are ids: never changed."""


def tidy(text: str) -> str:
    """The text without spaces between Chinese and Chinese, digits or Latin letters."""
    if not text or not any("\u2e80" <= ch <= "\uffef" for ch in text):
        return text
    return _AFTER_MARK.sub("", _BEFORE_CJK.sub("", _AFTER_CJK.sub("", text)))


def tidy_tree(value: Any, skip: frozenset[str] = SKIP_KEYS) -> Any:
    """A copy of parsed YAML data with every display string tidied (skip: keys left alone)."""
    if isinstance(value, str):
        return tidy(value)
    if isinstance(value, list):
        return [tidy_tree(item, skip) for item in value]
    if isinstance(value, dict):
        return {k: v if k in skip else tidy_tree(v, skip) for k, v in value.items()}
    return value
