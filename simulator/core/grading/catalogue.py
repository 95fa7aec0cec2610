"""The technique catalogue: ids, names, explanations and cues, shipped as data.

`data/techniques.yaml` is the built-in catalogue. An organisation can add cues to it
or override names and explanations with its own file (`--techniques FILE`), which is
checked like a scenario: every problem reported with file, line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from simulator.core.errors import Problem, ScenarioError
from simulator.core.grading.bank import Example
from simulator.core.grading.regex_safety import risk
from simulator.core.yamlsafe import Document, load_file, load_text

LANGS = ("zh", "en")
CORE_TECHNIQUES = ("praise", "probing", "pressure", "empathy")


@dataclass(frozen=True)
class Cue:
    """One pattern that is evidence for a technique or pitfall.

    Patterns are kept as text and compiled when first used: compiling the catalogue's
    377 cues took a third of a second, and the library needs none of them to be listed.
    (Every pattern is known to compile: an organisation's when its file is loaded, the
    shipped ones by a test.)
    """

    source: str
    """The pattern, matched against folded text."""
    weight: float
    """How strongly one match alone counts, 0..1."""
    name: str
    """Rule name reported as evidence, e.g. "praise/zh/3"."""
    where: str = "any"
    """Clause kind it must sit in: question, statement or any."""
    ctx_source: str | None = None
    """The customer's previous line must match this, when set."""
    not_ctx_source: str | None = None
    """The customer's previous line must not match this, when set."""
    negatable: bool = True
    """A negation just before the match cancels it."""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.source)

    @cached_property
    def ctx(self) -> re.Pattern[str] | None:
        return None if self.ctx_source is None else re.compile(self.ctx_source)

    @cached_property
    def not_ctx(self) -> re.Pattern[str] | None:
        return None if self.not_ctx_source is None else re.compile(self.not_ctx_source)


@dataclass(frozen=True)
class Entry:
    """A technique or a pitfall."""

    id: str
    """Stable id used by scenarios, the grader and feedback."""
    kind: str
    """"technique" or "pitfall"."""
    core: bool
    """Graded in every scenario (the four core techniques)."""
    name: dict[str, str]
    """Display name per language."""
    explain: dict[str, str]
    """One line for the trainee, per language."""
    cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    """Cues per language."""

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.id


@dataclass(frozen=True)
class Catalogue:
    """Every technique and pitfall, plus the seed situations scenarios may train."""

    entries: dict[str, Entry]
    """By id."""
    situations: dict[str, dict[str, str]]
    """Situation id to display name per language."""
    examples: tuple[tuple[Example, frozenset[str]], ...] = ()
    """An organisation's own examples: (example with its positive labels, negative labels)."""

    @property
    def techniques(self) -> list[str]:
        return [e.id for e in self.entries.values() if e.kind == "technique"]

    @property
    def pitfalls(self) -> list[str]:
        return [e.id for e in self.entries.values() if e.kind == "pitfall"]

    def label(self, entry_id: str, lang: str) -> str:
        entry = self.entries.get(entry_id)
        return entry.label(lang) if entry else entry_id


def _compile(
    doc: Document,
    path: tuple[Any, ...],
    pattern: Any,
    problems: list[Problem],
    trusted: bool = False,
) -> str | None:
    """A cue's pattern once checked: an organisation's must compile and not take exponential
    time; the shipped catalogue's are checked once, by a test, not at every start (`Cue`
    compiles each when first used)."""
    if not isinstance(pattern, str) or not pattern:
        problems.append(doc.problem(path, "E011", "a cue pattern must be non-empty text"))
        return None
    if trusted:
        return pattern
    danger = risk(pattern)
    if danger is not None:
        problems.append(
            doc.problem(
                path,
                "E014",
                f"this pattern can take exponential time: {danger}",
                "write each repetition once, e.g. (ab)+ rather than (a+b*)+, and never list "
                "'and' and 'and so' as alternatives inside a repetition",
            )
        )
        return None
    try:
        re.compile(pattern)
        return pattern
    except re.error as error:
        problems.append(
            doc.problem(
                path,
                "E013",
                f"bad regular expression: {error}",
                "escape special characters with \\",
            )
        )
        return None


def _cues(
    doc: Document,
    path: tuple[Any, ...],
    raw: Any,
    entry_id: str,
    lang: str,
    negatable: bool,
    start: int,
    problems: list[Problem],
    trusted: bool = False,
) -> list[Cue]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(doc.problem(path, "E011", "cues for a language must be a list"))
        return []
    cues: list[Cue] = []
    for index, item in enumerate(raw):
        where = path + (index,)
        spec = {"re": item} if isinstance(item, str) else item
        if not isinstance(spec, dict):
            problems.append(doc.problem(where, "E011", "a cue is a pattern or a mapping with 're'"))
            continue
        unknown = set(spec) - {"re", "w", "where", "ctx", "not_ctx", "negatable", "name"}
        for key in sorted(unknown):
            problems.append(
                doc.problem(
                    where + (key,),
                    "E012",
                    f"unknown cue field {key!r}",
                    "use re, w, where, ctx, not_ctx, negatable",
                )
            )
        pattern = _compile(doc, where + ("re",), spec.get("re"), problems, trusted)
        weight = spec.get("w", 0.7)
        if not isinstance(weight, int | float) or isinstance(weight, bool) or not 0 < weight <= 1:
            problems.append(
                doc.problem(where + ("w",), "E013", "weight w must be a number in (0, 1]")
            )
            weight = 0.7
        clause = spec.get("where", "any")
        if clause not in ("any", "question", "statement"):
            problems.append(
                doc.problem(where + ("where",), "E013", "where must be any, question or statement")
            )
            clause = "any"
        ctx = (
            _compile(doc, where + ("ctx",), spec["ctx"], problems, trusted)
            if "ctx" in spec
            else None
        )
        not_ctx = (
            _compile(doc, where + ("not_ctx",), spec["not_ctx"], problems, trusted)
            if "not_ctx" in spec
            else None
        )
        if pattern is None:
            continue
        name = str(spec.get("name") or f"{entry_id}/{lang}/{start + index + 1}")
        cues.append(
            Cue(
                pattern,
                float(weight),
                name,
                clause,
                ctx,
                not_ctx,
                bool(spec.get("negatable", negatable)),
            )
        )
    return cues


def _texts(
    doc: Document, path: tuple[Any, ...], raw: Any, problems: list[Problem]
) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        problems.append(
            doc.problem(
                path, "E011", "expected a mapping of language to text, e.g. {zh: 称赞, en: Praise}"
            )
        )
        return {}
    return dict(raw)


def _examples(
    doc: Document, path: tuple[Any, ...], raw: Any, entry_id: str, problems: list[Problem]
) -> list[tuple[Example, frozenset[str]]]:
    """`examples: {zh: {positive: [...], negative: [...]}, en: ...}` of one entry."""
    if raw is None:
        return []
    hint = "e.g. examples: {zh: {positive: [您这账记得真清楚], negative: [好的]}}"
    if not isinstance(raw, dict):
        problems.append(doc.problem(path, "E011", "examples is a mapping of language", hint))
        return []
    out: list[tuple[Example, frozenset[str]]] = []
    for lang, sides in raw.items():
        if lang not in LANGS or not isinstance(sides, dict):
            problems.append(
                doc.problem(
                    path + (lang,), "E011", "examples are given per language: zh or en", hint
                )
            )
            continue
        for side, texts in sides.items():
            where = path + (lang, side)
            if side not in ("positive", "negative"):
                problems.append(doc.problem(where, "E012", f"unknown key {side!r}", hint))
                continue
            if not isinstance(texts, list) or not all(isinstance(t, str) and t for t in texts):
                problems.append(doc.problem(where, "E011", "a list of replies (text)", hint))
                continue
            for index, text in enumerate(texts):
                positive = side == "positive"
                example = Example(
                    f"{entry_id}/{lang}/{side}/{index + 1}",
                    text,
                    "",
                    lang,
                    frozenset({entry_id}) if positive else frozenset(),
                )
                out.append((example, frozenset() if positive else frozenset({entry_id})))
    return out


def _build(doc: Document, base: Catalogue | None, trusted: bool = False) -> Catalogue:
    problems: list[Problem] = []
    data = doc.data
    if not isinstance(data, dict):
        raise ScenarioError(
            [
                doc.problem(
                    (), "E011", "a catalogue file is a mapping with 'techniques' and/or 'pitfalls'"
                )
            ]
        )
    for key in sorted(set(data) - {"version", "techniques", "pitfalls", "situations"}):
        problems.append(
            doc.problem(
                (key,),
                "E012",
                f"unknown top-level key {key!r}",
                "use techniques, pitfalls or situations",
            )
        )
    entries = dict(base.entries) if base else {}
    examples: list[tuple[Example, frozenset[str]]] = list(base.examples) if base else []
    situations = dict(base.situations) if base else {}
    for kind, section in (("technique", "techniques"), ("pitfall", "pitfalls")):
        raw = data.get(section) or {}
        if not isinstance(raw, dict):
            problems.append(
                doc.problem((section,), "E011", f"{section} must be a mapping of id to entry")
            )
            continue
        for entry_id, spec in raw.items():
            path: tuple[Any, ...] = (section, entry_id)
            if not isinstance(spec, dict):
                problems.append(doc.problem(path, "E011", "an entry is a mapping"))
                continue
            old = entries.get(entry_id)
            if base is not None and old is None:
                known = ", ".join(sorted(entries))
                problems.append(
                    doc.problem(path, "E020", f"unknown {kind} {entry_id!r}", f"known ids: {known}")
                )
                continue
            negatable = bool(spec.get("negatable", True))
            replace = bool(spec.get("replace_cues", False))
            cues: dict[str, tuple[Cue, ...]] = {}
            raw_cues = spec.get("cues") or {}
            if not isinstance(raw_cues, dict):
                problems.append(
                    doc.problem(path + ("cues",), "E011", "cues is a mapping of language to a list")
                )
                raw_cues = {}
            for lang in LANGS:
                kept = [] if (old is None or replace) else list(old.cues.get(lang, ()))
                kept += _cues(
                    doc,
                    path + ("cues", lang),
                    raw_cues.get(lang),
                    entry_id,
                    lang,
                    negatable,
                    len(kept),
                    problems,
                    trusted,
                )
                cues[lang] = tuple(kept)
            name = {
                **(old.name if old else {}),
                **_texts(doc, path + ("name",), spec.get("name"), problems),
            }
            explain = {
                **(old.explain if old else {}),
                **_texts(doc, path + ("explain",), spec.get("explain"), problems),
            }
            examples.extend(
                _examples(doc, path + ("examples",), spec.get("examples"), entry_id, problems)
            )
            entries[entry_id] = Entry(
                entry_id,
                kind,
                bool(spec.get("core", old.core if old else False)),
                name,
                explain,
                cues,
            )
    raw_situations = data.get("situations") or {}
    if isinstance(raw_situations, dict):
        for sid, names in raw_situations.items():
            situations[sid] = _texts(doc, ("situations", sid), names, problems)
    if problems:
        raise ScenarioError(problems)
    return Catalogue(entries, situations, tuple(examples))


@cache
def builtin() -> Catalogue:
    """The catalogue shipped inside the package."""
    text = (
        resources.files("simulator.core.grading")
        .joinpath("data/techniques.yaml")
        .read_text("utf-8")
    )
    return _build(
        load_text(text, "simulator/core/grading/data/techniques.yaml"), None, trusted=True
    )


def load(override: str | Path | None = None) -> Catalogue:
    """The built-in catalogue, extended by an organisation's file when given."""
    if override is None:
        return builtin()
    return _build(load_file(override), builtin())
