"""Agreement between the bank's authors and a second, blind annotator.

Run: .venv/bin/python benchmarks/agreement.py
The second annotator saw only the reply and the customer's line of a 20 % sample of the
bank (chosen by a hash of the id), plus the labelling guide; never the first labels.
Prints, per label, how often each side used it, Cohen's kappa and the F1 of one
annotator against the other.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.grading.bank import load_bank  # noqa: E402
from simulator.core.grading.catalogue import builtin  # noqa: E402


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    first = {ex.id: ex for ex in load_bank()}
    second: dict[str, frozenset[str]] = {}
    for path in sorted((ROOT / "benchmarks/data").glob("second_labels_*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                second[row["id"]] = frozenset(row["techniques"] + row["pitfalls"])
    ids = [i for i in second if i in first]
    cat = builtin()
    print(f"{len(ids)} replies labelled twice")
    print(f"{'label':<20} {'first':>5} {'second':>6} {'kappa':>6} {'F1':>5}")
    for lang in ("zh", "en", None):
        rows = [i for i in ids if lang is None or first[i].lang == lang]
        if not rows:
            continue
        print(f"-- {lang or 'both'} ({len(rows)})")
        for label in cat.techniques + cat.pitfalls:
            a = [label in first[i].labels for i in rows]
            b = [label in second[i] for i in rows]
            both = sum(x and y for x, y in zip(a, b, strict=True))
            f1 = 2 * both / (sum(a) + sum(b)) if sum(a) + sum(b) else 1.0
            print(f"{label:<20} {sum(a):>5} {sum(b):>6} {kappa(a, b):6.2f} {f1:5.2f}")


if __name__ == "__main__":
    main()
