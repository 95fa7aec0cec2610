"""The learned layer: proposes techniques and pitfalls the named cues did not see.

A logistic model per label and language over the n-grams of `features`, trained from
the exemplar bank by `simulator train` (see `train.py`) and shipped as
`data/model.json.gz`. It only proposes: a label is credited from it when its score
clears that label's threshold, chosen on the development split so that its
proposals stay precise. Every proposal carries evidence a trainer can read: the
clause of the reply that scores highest and the nearest labelled example of the bank
("like: 「…」").

An organisation's own `examples:` join as a memory: a reply very close to one of
their positive examples is proposed that label; one very close to a negative example
vetoes the model's proposal of it.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from simulator.core.grading.bank import Example, load_bank
from simulator.core.grading.features import context_flags, key_grams, reply_features
from simulator.core.grading.normalise import normalise

MODEL_FILE = "data/model.json.gz"
MEMORY_SIMILARITY = 0.72
"""A reply this close (cosine of n-gram sets) to an organisation's example takes its labels."""
MAX_POSTING = 60
SEARCH_GRAMS = 16
"""Only the rarest n-grams of a reply are looked up when searching for its neighbour."""
"""N-grams shared by more examples than this are too common to find a neighbour by."""


@dataclass(frozen=True)
class Proposal:
    """One label the learned layer proposes for a reply."""

    id: str
    """Technique or pitfall id."""
    score: float
    """Model probability (or memory similarity), 0..1."""
    span: tuple[int, int]
    """[start, end) in the folded reply: the clause that carries it."""
    like: str
    """The nearest labelled example with this label, or "" when none is close."""
    source: str
    """"model" or "examples" (an organisation's own)."""


class _Index:
    """Nearest-neighbour search over examples' n-gram sets (cosine, inverted index)."""

    def __init__(self, examples: Iterable[Example]) -> None:
        self.items: list[tuple[Example, int]] = []
        postings: dict[str, defaultdict[str, list[int]]] = {}
        for ex in examples:
            grams = key_grams(normalise(ex.text).text, ex.lang)
            index = len(self.items)
            self.items.append((ex, len(grams)))
            own = postings.setdefault(ex.lang, defaultdict(list))
            for gram in grams:
                own[gram].append(index)
        self.postings: dict[str, dict[str, list[int]]] = {
            lang: dict(table) for lang, table in postings.items()
        }

    def _overlap(self, keys: Sequence[str], lang: str) -> dict[int, int]:
        table = self.postings.get(lang, {})
        postings = [p for p in map(table.get, keys) if p is not None and len(p) <= MAX_POSTING]
        postings.sort(key=len)  # the rarest n-grams say the most about a neighbour
        overlap: dict[int, int] = {}
        for posting in postings[:SEARCH_GRAMS]:
            for index in posting:
                overlap[index] = overlap.get(index, 0) + 1
        return overlap

    def nearest(
        self, keys: Sequence[str], lang: str, labels: Sequence[str | None] = (None,)
    ) -> dict[str | None, tuple[Example, float]]:
        """The closest example for each label (None: any example), from `key_grams`."""
        overlap = self._overlap(keys, lang)
        best: dict[str | None, tuple[float, int]] = {}
        for index, shared in sorted(overlap.items()):
            ex, size = self.items[index]
            score = shared / math.sqrt(max(1, size) * max(1, len(keys)))
            for label in labels:
                if label is not None and label not in ex.labels:
                    continue
                if label not in best or score > best[label][0]:
                    best[label] = (score, index)
        return {label: (self.items[i][0], score) for label, (score, i) in best.items()}


class LearnedLayer:
    """Scores replies with the shipped model; safe to share between graders."""

    def __init__(self, model: dict[str, object], bank: Sequence[Example]) -> None:
        self.labels: list[str] = list(model["labels"])  # type: ignore[call-overload]
        self.thresholds: dict[str, dict[str, float]] = model["thresholds"]  # type: ignore[assignment]
        self._tables: dict[
            str, tuple[dict[str, tuple[tuple[int, float], ...]], list[float], list[int]]
        ] = {}
        langs: dict[str, dict[str, object]] = model["langs"]  # type: ignore[assignment]
        for lang, table in langs.items():
            raw: dict[str, list[Any]] = table["weights"]  # type: ignore[assignment]
            rows = {gram: tuple(zip(v[::2], v[1::2], strict=True)) for gram, v in raw.items()}
            limits = self.thresholds.get(lang, {})
            wanted = [k for k, label in enumerate(self.labels) if label in limits]
            self._tables[lang] = (rows, list(table["bias"]), wanted)  # type: ignore[call-overload]
        self.bank = _Index(bank)
        self.memory: _Index | None = None
        self.memory_labels: dict[str, set[str]] = {}

    def with_examples(self, examples: Sequence[tuple[Example, frozenset[str]]]) -> LearnedLayer:
        """A copy that also knows an organisation's (example, negative labels) pairs."""
        copy = LearnedLayer.__new__(LearnedLayer)
        copy.__dict__.update(self.__dict__)
        copy.memory = _Index(ex for ex, _ in examples)
        copy.memory_labels = {ex.id: set(negative) for ex, negative in examples}
        return copy

    def probabilities(self, grams: Sequence[str], lang: str) -> dict[str, float]:
        """Model probability per label for a feature list."""
        table = self._tables.get(lang)
        if table is None or not grams:
            return {}
        weights, bias, wanted = table
        totals = [0.0] * len(bias)
        for row in filter(None, map(weights.get, grams)):
            for k, w in row:
                totals[k] += w
        scale = 1.0 / math.sqrt(len(grams))
        sums = [b + t * scale for b, t in zip(bias, totals, strict=True)]
        return {
            self.labels[k]: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sums[k])))) for k in wanted
        }

    def propose(
        self,
        folded: str,
        folded_context: str,
        lang: str,
        clause_spans: Sequence[tuple[int, int]],
    ) -> list[Proposal]:
        """Labels the layer proposes for one folded reply, each with its evidence."""
        flags = context_flags(folded, folded_context, lang)
        probs = self.probabilities(reply_features(folded, lang) + flags, lang)
        limits = self.thresholds.get(lang, {})
        chosen = {label: p for label, p in probs.items() if p >= limits[label]}
        by_clause: list[tuple[tuple[int, int], list[str]]] = []
        if chosen and len(clause_spans) > 1:
            by_clause = [
                ((a, b), reply_features(folded[a:b], lang) + flags) for a, b in clause_spans
            ]
        proposals = self._explain(chosen, folded, lang, by_clause)
        if self.memory is not None:
            proposals = self._apply_memory(proposals, folded, lang)
        return [p for p in proposals if p.like]

    def _explain(
        self,
        chosen: dict[str, float],
        folded: str,
        lang: str,
        by_clause: Sequence[tuple[tuple[int, int], list[str]]],
    ) -> list[Proposal]:
        """Each chosen label's clause (the one it scores highest) and nearest example."""
        whole = (0, len(folded))
        span_of = {
            label: max(
                by_clause, key=lambda item: self._weight(item[1], lang, self.labels.index(label))
            )[0]
            if by_clause
            else whole
            for label in chosen
        }
        near: dict[tuple[int, int], dict[str | None, tuple[Example, float]]] = {}
        for span in dict.fromkeys(span_of.values()):  # one search per clause, for all its labels
            labels = [label for label, s in span_of.items() if s == span]
            near[span] = self.bank.nearest(key_grams(folded[span[0] : span[1]], lang), lang, labels)
        proposals = []
        for label, score in chosen.items():
            found = near[span_of[label]].get(label)
            like = found[0].text if found else ""
            proposals.append(Proposal(label, round(score, 3), span_of[label], like, "model"))
        return proposals

    def _weight(self, grams: Sequence[str], lang: str, k: int) -> float:
        """Label k's summed weight over grams, scaled as in `probabilities`."""
        rows = self._tables[lang][0]
        total = 0.0
        for row in filter(None, map(rows.get, grams)):
            for label, w in row:
                if label == k:
                    total += w
        return total / math.sqrt(max(1, len(grams)))

    def _apply_memory(self, proposals: list[Proposal], folded: str, lang: str) -> list[Proposal]:
        assert self.memory is not None
        near = self.memory.nearest(key_grams(folded, lang), lang)
        if None not in near or near[None][1] < MEMORY_SIMILARITY:
            return proposals
        example, similarity = near[None]
        vetoed = self.memory_labels.get(example.id, set())
        kept = [p for p in proposals if p.id not in vetoed and p.id not in example.labels]
        for label in sorted(example.labels):
            kept.append(
                Proposal(label, round(similarity, 3), (0, len(folded)), example.text, "examples")
            )
        return kept


@cache
def shipped_model() -> dict[str, object] | None:
    """The model shipped in the package, or None when it has not been trained yet."""
    path = resources.files("simulator.core.grading").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))  # type: ignore[no-any-return]


@cache
def builtin_layer() -> LearnedLayer | None:
    """The shipped layer, loaded on first use (off the app's start-up path)."""
    model = shipped_model()
    return LearnedLayer(model, load_bank()) if model is not None else None
