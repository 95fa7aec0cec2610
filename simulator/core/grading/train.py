"""Training the learned layer from the exemplar bank (`simulator train`, `make model`).

Deterministic: the same bank gives the same weights, byte for byte (liblinear with a
fixed seed, sorted vocabularies, rounded weights, a gzip stream without a time
stamp). scikit-learn is needed here only; grading reads the weights with plain
Python.

Thresholds: for each label and language, the lowest score at which the layer's own
additions (replies it credits that the named rules did not) stay at or above a
precision floor on the development split, choosing the one that gives the best F1
for rules and layer together. A label whose additions never reach the floor is not
proposed by the layer at all.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from simulator.core.grading.bank import Example
from simulator.core.grading.catalogue import Catalogue
from simulator.core.grading.features import features
from simulator.core.grading.normalise import normalise

FORMAT = 1
MIN_DF = 2
"""An n-gram must occur in this many training replies to get a weight."""
MIN_POSITIVES = 8
"""Labels with fewer positives in a language are left to the rules."""
C = 10.0
"""Inverse regularisation strength."""
PRUNE = 0.15
"""Weights smaller than this are dropped from the shipped table."""
FLOOR = {"technique": 0.75, "pitfall": 0.9}
"""Precision the layer's additions must keep on the development split."""
CANDIDATES = [round(0.3 + 0.025 * i, 3) for i in range(28)]


@dataclass(frozen=True)
class Trained:
    """A model ready to be written, with what it was measured to do."""

    model: dict[str, object]
    """The JSON-able model (format, labels, per-language weights and thresholds)."""
    report: list[str]
    """One line per language and label: positives, threshold, precision of additions."""


def _vector(ex: Example) -> list[str]:
    return features(normalise(ex.text).text, normalise(ex.context).text, ex.lang)


def fit(
    examples: Sequence[Example],
    labels: Sequence[str],
    kinds: dict[str, str],
    rules: Callable[[Example], frozenset[str]],
    fingerprint: str = "",
    progress: Callable[[str], None] | None = None,
) -> Trained:
    """Train on the train split, choose thresholds on the dev split."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    say = progress or (lambda _line: None)
    train = [ex for ex in examples if ex.split == "train"]
    dev = [ex for ex in examples if ex.split == "dev"]
    langs: dict[str, object] = {}
    thresholds: dict[str, dict[str, float]] = {}
    report: list[str] = []
    for lang in ("zh", "en"):
        rows = [ex for ex in train if ex.lang == lang]
        if not rows:
            continue
        vectors = [_vector(ex) for ex in rows]
        counts: dict[str, int] = {}
        for vec in vectors:
            for gram in vec:
                counts[gram] = counts.get(gram, 0) + 1
        vocab = sorted(g for g, n in counts.items() if n >= MIN_DF or g.startswith("x:"))
        column = {g: i for i, g in enumerate(vocab)}
        data, indices, indptr = [], [], [0]
        for vec in vectors:
            scale = 1.0 / (len(vec) ** 0.5) if vec else 0.0
            cols = sorted(column[g] for g in vec if g in column)
            indices.extend(cols)
            data.extend([scale] * len(cols))
            indptr.append(len(indices))
        matrix = csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))
        bias = [-30.0] * len(labels)
        weights: dict[str, list[float]] = {}
        trained: list[str] = []
        for k, label in enumerate(labels):
            y = np.array([1 if label in ex.labels else 0 for ex in rows])
            if int(y.sum()) < MIN_POSITIVES:
                report.append(f"{lang} {label:<20} {int(y.sum()):>4} positives: left to the rules")
                continue
            say(f"training {lang} {label} ({int(y.sum())} positives of {len(rows)})")
            model = LogisticRegression(
                C=C, solver="liblinear", random_state=0, max_iter=1000, class_weight="balanced"
            )
            model.fit(matrix, y)
            bias[k] = round(float(model.intercept_[0]), 4)
            for j, w in enumerate(model.coef_[0]):
                if abs(w) >= PRUNE:
                    weights.setdefault(vocab[j], []).extend([k, round(float(w), 4)])
            trained.append(label)
        langs[lang] = {"bias": bias, "weights": weights}
        thresholds[lang] = {label: 1.01 for label in trained}
    model_out: dict[str, object] = {
        "format": FORMAT,
        "bank": fingerprint,
        "labels": list(labels),
        "langs": langs,
        "thresholds": thresholds,
        "params": {"C": C, "min_df": MIN_DF, "prune": PRUNE, "floor": FLOOR},
    }
    _choose_thresholds(model_out, dev, kinds, rules, report, say)
    return Trained(model_out, report)


def from_catalogue(
    examples: Sequence[Example],
    catalogue: Catalogue,
    fingerprint: str = "",
    progress: Callable[[str], None] | None = None,
) -> Trained:
    """`fit` with the catalogue's labels and its named rules (no learned layer) as the rules."""
    from simulator.core.grading.grader import Grader

    rules = Grader(catalogue, learned=None)

    def fired(ex: Example) -> frozenset[str]:
        grade = rules.grade(ex.text, ex.context, ex.lang)
        return frozenset(grade.techniques + grade.pitfalls)

    kinds = {t: "technique" for t in catalogue.techniques}
    kinds |= {p: "pitfall" for p in catalogue.pitfalls}
    labels = catalogue.techniques + catalogue.pitfalls
    return fit(examples, labels, kinds, fired, fingerprint, progress)


def _choose_thresholds(
    model: dict[str, object],
    dev: Sequence[Example],
    kinds: dict[str, str],
    rules: Callable[[Example], frozenset[str]],
    report: list[str],
    say: Callable[[str], None],
) -> None:
    from simulator.core.grading.learned import LearnedLayer

    layer = LearnedLayer(model, [])
    thresholds: dict[str, dict[str, float]] = model["thresholds"]  # type: ignore[assignment]
    for lang, limits in thresholds.items():
        rows = [ex for ex in dev if ex.lang == lang]
        say(f"choosing thresholds for {lang} on {len(rows)} development replies")
        probs = [layer.probabilities(_vector(ex), lang) for ex in rows]
        fired = [rules(ex) for ex in rows]
        for label in sorted(limits):
            gold = [label in ex.labels for ex in rows]
            by_rule = [label in f for f in fired]
            best: tuple[float, float, float] | None = None  # (f1, -threshold, precision)
            for t in CANDIDATES:
                added = [
                    p.get(label, 0.0) >= t and not r for p, r in zip(probs, by_rule, strict=True)
                ]
                n_added = sum(added)
                hit_added = sum(1 for a, g in zip(added, gold, strict=True) if a and g)
                if n_added and hit_added / n_added < FLOOR[kinds[label]]:
                    continue
                pred = [a or r for a, r in zip(added, by_rule, strict=True)]
                tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
                npred, ngold = sum(pred), sum(gold)
                f1 = 2 * tp / (npred + ngold) if npred + ngold else 0.0
                precision = hit_added / n_added if n_added else 1.0
                if best is None or (f1, -t) > (best[0], best[1]):
                    best = (f1, -t, precision)
            if best is not None and best[1] > -1.0:
                limits[label] = -best[1]
            report.append(
                f"{lang} {label:<20} threshold {limits[label]:.3f}"
                + (f"  dev F1 {best[0]:.2f}, additions precision {best[2]:.2f}" if best else "")
            )


def dump(model: dict[str, object]) -> bytes:
    """The model as deterministic gzip'd JSON bytes."""
    text = json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
