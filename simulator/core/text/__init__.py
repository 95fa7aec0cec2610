"""Every string a person reads, in Chinese and English, behind one `t(key, lang, **values)`.

The app, the classroom's web pages, the command line and the core's own reports and
error titles all read this one table, so it lives at the bottom of the core (it imports
nothing) where every face and every core module may use it. It is split into one module
per area only to keep each file short; the areas merge into one lookup and a key
defined twice is refused at import.

The table is Python, not YAML package data: each entry holds its Chinese and English
side by side, a typo is a syntax error caught by the tests and the linters rather than
at the first lookup, and nothing has to be read from disk or shipped beside the code.

The interface language is independent of a scenario's language: labels, headings and
keys come from here in the language the person chose; what the customer says, the
briefing and the grader's reasons come from the scenario. A value that is itself a key
(`Key`) is translated before it is put into the text.

One kind of message is translated elsewhere: a scenario file's problems are written in
English where they are found and put into Chinese by the shape of their sentence
(core/scenario/diagnostics.py, which says why).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from simulator.core.text import (
    authoring,
    classroom,
    cli,
    conversation,
    dashboard,
    errors,
    feedback,
    library,
    progress,
    reports,
    shell,
)

LANGS = ("zh", "en")

AREAS = (
    shell,
    library,
    conversation,
    feedback,
    progress,
    dashboard,
    classroom,
    reports,
    authoring,
    errors,
    cli,
)
"""Every module of the table, in the order a reader meets them."""


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in AREAS:
        for key, pair in area.STRINGS.items():
            if key in merged:
                raise ValueError(f"text key {key!r} is defined twice (again in {area.__name__})")
            merged[key] = pair
    return merged


_STRINGS = _merge()


class Key(str):
    """A value that is itself a key, translated when the text is formatted."""


def t(key: str, lang: str | None, /, **values: object) -> str:
    """The string for key in lang (zh, else English), formatted with `str.format` and values;
    the key itself when the table has no such key."""
    pair = _STRINGS.get(key)
    if pair is None:
        return key
    text = pair[0] if lang == "zh" else pair[1]
    if not values:
        return text
    return text.format(**{k: t(v, lang) if isinstance(v, Key) else v for k, v in values.items()})


def has(key: str) -> bool:
    return key in _STRINGS


def keys() -> list[str]:
    return list(_STRINGS)


def pick_lang(value: str | None, default: str) -> str:
    """value when it is a language of the table, else default."""
    return value if value in LANGS else default


def detect(environ: Mapping[str, str] | None = None) -> str:
    """zh when the locale (LC_ALL, then LC_MESSAGES, then LANG) starts with zh, else en."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"
