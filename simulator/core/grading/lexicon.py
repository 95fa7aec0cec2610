"""Word lists the stages read besides the techniques' cues, loaded from data/lexicon.yaml.

They separate a technique from its pitfall, which the reply alone cannot show (pressure
after a refusal is a technique, pressure at the first words is premature; thanks after
an offer of a gift accepts it), and tell the clause and structure stages what a
question, a negation or a restatement looks like. The words live in the data file,
where a reader can see them all in one place; this module loads them once and checks
each: it must compile, and it must be bounded (no repetition inside a repetition, as
for an organisation's cues). A missing or broken entry stops the grader with a message
naming the file, the entry and the problem, instead of grading with a hole.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from simulator.core.errors import SimulatorError
from simulator.core.grading.regex_safety import risk

LEXICON_FILE = "data/lexicon.yaml"


class LexiconError(SimulatorError):
    title_key = "error.lexicon"


@cache
def _data() -> dict[str, Any]:
    path = resources.files("simulator.core.grading").joinpath(LEXICON_FILE)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{LEXICON_FILE}: cannot be read: {error}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{LEXICON_FILE}: expected sections of named patterns")
    return data


def _compile(name: str, source: Any) -> re.Pattern[str]:
    if not isinstance(source, str) or not source:
        raise LexiconError(f"{LEXICON_FILE}: {name}: expected a non-empty pattern")
    try:
        compiled = re.compile(source)
    except re.error as error:
        raise LexiconError(f"{LEXICON_FILE}: {name}: not a valid pattern: {error}") from None
    danger = risk(source)
    if danger is not None:
        raise LexiconError(f"{LEXICON_FILE}: {name}: the pattern is unbounded ({danger})")
    return compiled


def pattern(section: str, key: str) -> re.Pattern[str]:
    """The compiled pattern `section.key` (e.g. "clauses", "zh_final")."""
    entries = _data().get(section)
    if not isinstance(entries, dict) or key not in entries:
        raise LexiconError(f"{LEXICON_FILE}: {section}.{key} is missing")
    return _compile(f"{section}.{key}", entries[key])


def by_language(section: str, key: str) -> dict[str, re.Pattern[str]]:
    """A pattern per language (`section.key.zh`, `section.key.en`)."""
    entries = _data().get(section)
    value = entries.get(key) if isinstance(entries, dict) else None
    if not isinstance(value, dict) or set(value) != {"zh", "en"}:
        raise LexiconError(f"{LEXICON_FILE}: {section}.{key} needs a zh and an en pattern")
    return {lang: _compile(f"{section}.{key}.{lang}", value[lang]) for lang in ("zh", "en")}


def words(section: str, lang: str) -> frozenset[str]:
    """A plain word list (`stop_words.en`)."""
    entries = _data().get(section)
    value = entries.get(lang) if isinstance(entries, dict) else None
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"{LEXICON_FILE}: {section}.{lang} must be a list of words")
    return frozenset(value)


RESISTANCE = pattern("context", "resistance")
"""The customer refuses, objects or threatens to leave."""
HEDGE = pattern("context", "hedge")
"""The reply admits not knowing or promises to check."""
PRODUCT_QUESTION = pattern("context", "product_question")
"""The customer asks about a product, rule or policy (where a confident guess bluffs)."""
GIFT_OFFER = pattern("context", "gift_offer")
"""The customer offers a gift, a meal or a favour."""
GIFT_ACCEPT = by_language("context", "gift_accept")
"""Words that accept an offer."""
GIFT_DECLINED = pattern("context", "gift_declined")
"""Words that decline one."""
PROMISE_DENIED = pattern("context", "promise_denied")
"""The reply says it cannot guarantee."""
ULTIMATUM = pattern("context", "ultimatum")
"""Sign now or else."""
OPENER = pattern("context", "opener")
"""Terms announced up front ("先说好…")."""
NEUTRAL = pattern("context", "neutral")
"""A customer's neutral question or news (nothing refused yet)."""
OPENING = pattern("context", "opening")
"""Greetings and a first welcome."""
WEAK_RAPPORT = {"rapport/zh/2", "rapport/zh/7", "rapport/en/1"}
"""Weather, traffic and seasons: warm-up at an opening, mere chatter elsewhere."""
