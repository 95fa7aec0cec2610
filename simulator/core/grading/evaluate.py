"""Measure the grader on labelled replies: precision, recall and F1 per id."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from simulator.core.errors import SimulatorError
from simulator.core.grading import Grader


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    counts: dict[str, Counts] = field(default_factory=dict)
    total: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)

    def micro(self, ids: Iterable[str] | None = None) -> Counts:
        out = Counts()
        for key, c in self.counts.items():
            if ids is None or key in ids:
                out.tp, out.fp, out.fn = out.tp + c.tp, out.fp + c.fp, out.fn + c.fn
        return out

    def macro_f1(self, ids: Iterable[str]) -> float:
        values = [self.counts[i].f1 for i in ids if i in self.counts]
        return sum(values) / len(values) if values else 0.0


def read_jsonl(path: str | Path) -> list[dict[str, object]]:
    rows = []
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SimulatorError(f"cannot read {path}: {error}", "error.eval_file") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise SimulatorError(
                f"{path}:{number}: not JSON: {error.msg}", "error.eval_file"
            ) from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise SimulatorError(
                f'{path}:{number}: each line needs a "text" string', "error.eval_file"
            )
        rows.append(row)
    return rows


def _ids(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def evaluate(rows: list[dict[str, object]], grader: Grader | None = None) -> Evaluation:
    grader = grader or Grader()
    ids = grader.catalogue.techniques + grader.catalogue.pitfalls
    result = Evaluation({i: Counts() for i in ids})
    for row in rows:
        lang = row.get("lang") if row.get("lang") in ("zh", "en") else None
        grade = grader.grade(str(row["text"]), str(row.get("context") or ""), lang)  # type: ignore[arg-type]
        got = set(grade.techniques) | set(grade.pitfalls)
        want = {str(i) for key in ("techniques", "pitfalls") for i in _ids(row.get(key))}
        result.total += 1
        for i in ids:
            c = result.counts[i]
            if i in got and i in want:
                c.tp += 1
            elif i in got:
                c.fp += 1
            elif i in want:
                c.fn += 1
        if got != want:
            result.errors.append(
                {
                    "text": row["text"],
                    "context": row.get("context", ""),
                    "want": sorted(want),
                    "got": sorted(got),
                    "lang": grade.lang,
                }
            )
    return result


def table(result: Evaluation, ids: list[str]) -> str:
    lines = [f"{'id':<20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for i in ids:
        c = result.counts[i]
        lines.append(
            f"{i:<20}{c.precision:>7.2f}{c.recall:>7.2f}{c.f1:>7.2f}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
        )
    m = result.micro()
    lines.append(
        f"{'micro (all)':<20}{m.precision:>7.2f}{m.recall:>7.2f}{m.f1:>7.2f}{m.tp:>6}{m.fp:>6}{m.fn:>6}"
    )
    lines.append(f"{'macro F1':<20}{'':>14}{result.macro_f1(ids):>7.2f}")
    lines.append(f"{result.total} replies")
    return "\n".join(lines)
