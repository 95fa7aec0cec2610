"""Grader quality on every labelled set, rules alone and rules + learned layer.

Run: .venv/bin/python benchmarks/bench_grader_quality.py [--per-label]
Sets: the exemplar bank's train and development splits (the layer is trained on the
first and its thresholds chosen on the second), the earlier hand-written sets the
rules were tuned on, and two blind sets written by authors who never saw the rules or
the bank, never used for tuning: benchmarks/data/blind_set.jsonl (300) and
benchmarks/data/blind_v2.jsonl (a separate author, banking and other fields).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.grading import Grader  # noqa: E402
from simulator.core.grading.bank import as_rows, load_bank  # noqa: E402
from simulator.core.grading.evaluate import evaluate, read_jsonl  # noqa: E402

FILES = {
    "earlier dev zh (rules tuned on)": ROOT / "tests/data/devset_zh.jsonl",
    "earlier dev en (rules tuned on)": ROOT / "tests/data/devset_en.jsonl",
    "earlier mixed (rules tuned on)": ROOT / "tests/data/devset_mixed.jsonl",
    "earlier en2 (rules tuned on)": ROOT / "tests/data/devset_en2.jsonl",
    "earlier other fields (looked at)": ROOT / "tests/data/holdout_other_fields.jsonl",
    "blind v1 (never tuned on)": ROOT / "benchmarks/data/blind_set.jsonl",
    "blind v2 (never tuned on)": ROOT / "benchmarks/data/blind_v2.jsonl",
}


def bank_rows(split: str) -> list[dict[str, object]]:
    pitfalls = Grader(learned=None).catalogue.pitfalls
    return as_rows((ex for ex in load_bank() if ex.split == split), pitfalls)


def line(
    name: str, rows: list[dict[str, object]], graders: dict[str, Grader], ids: list[str]
) -> None:
    parts = []
    for label, grader in graders.items():
        result = evaluate(rows, grader)
        m = result.micro()
        parts.append(
            f"{label} P {m.precision:.2f} R {m.recall:.2f} F1 {m.f1:.2f} macro {result.macro_f1(ids):.2f}"
        )
    print(f"{name:<40} {len(rows):>5}  " + " | ".join(parts))


def per_label(name: str, rows: list[dict[str, object]], grader: Grader, ids: list[str]) -> None:
    result = evaluate(rows, grader)
    print(f"\n{name}: per label (rules + learned)")
    print(f"{'id':<20} {'n':>4} {'P':>5} {'R':>5} {'F1':>5}")
    for i in ids:
        c = result.counts.get(i)
        if c is None or c.tp + c.fn == 0:
            continue
        print(f"{i:<20} {c.tp + c.fn:>4} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f}")


def main() -> None:
    graders = {"rules": Grader(learned=None), "rules+learned": Grader()}
    ids = graders["rules"].catalogue.techniques + graders["rules"].catalogue.pitfalls
    sets = {"bank train split": bank_rows("train"), "bank development split": bank_rows("dev")}
    sets |= {name: read_jsonl(path) for name, path in FILES.items() if path.exists()}
    for name, rows in sets.items():
        line(name, rows, graders, ids)
    for name in (
        "blind v1 (never tuned on)",
        "blind v2 (never tuned on)",
        "bank development split",
    ):
        rows = sets.get(name, [])
        for lang in ("zh", "en"):
            for domain in ("banking", "other"):
                part = [r for r in rows if r.get("lang") == lang and r.get("domain") == domain]
                if part:
                    line(f"  {name.split(' (')[0]} {lang} {domain}", part, graders, ids)
    if "--per-label" in sys.argv:
        for name in ("bank development split", "blind v2 (never tuned on)"):
            for lang in ("zh", "en"):
                rows = [r for r in sets.get(name, []) if r.get("lang") == lang]
                per_label(f"{name} {lang}", rows, graders["rules+learned"], ids)


if __name__ == "__main__":
    main()
