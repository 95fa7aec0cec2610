"""Checking an organisation's `--techniques` file against the bank and its own examples.

A trainer who adds cues and examples wants to know three things before sharing the
file: which of their examples the grader now gets right or wrong, which of their
cues match almost anything (they would credit every reply), and which match mostly
replies labelled with another technique (they overlap it).
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.grading.bank import load_bank
from simulator.core.grading.catalogue import Catalogue, builtin
from simulator.core.grading.grader import Grader
from simulator.core.grading.normalise import normalise

BROAD_SHARE = 0.15
"""A cue matching more than this share of the bank's replies in its language is too broad."""
OVERLAP_SHARE = 0.6
"""A cue whose matches are mostly labelled with one other id overlaps that id."""
MIN_MATCHES = 5


@dataclass(frozen=True)
class ExampleResult:
    """How the grader reads one of the organisation's examples."""

    entry: str
    """The technique or pitfall the example is under."""
    text: str
    """The example reply."""
    positive: bool
    """True for a positive example (must be credited), False for a negative one."""
    right: bool
    """The grader agrees with the example."""


@dataclass(frozen=True)
class CueFinding:
    """A cue of the organisation's file that needs a second look."""

    name: str
    """The cue's rule name."""
    problem: str
    """"broad" or "overlap"."""
    detail: str
    """What was measured, e.g. "matches 31% of English replies"."""


def check(catalogue: Catalogue) -> tuple[list[ExampleResult], list[CueFinding]]:
    """Results for every example and findings for the cues the organisation added."""
    grader = Grader(catalogue)
    results = []
    for example, negative in catalogue.examples:
        grade = grader.grade(example.text, example.context, example.lang)
        got = set(grade.techniques + grade.pitfalls)
        for label in sorted(example.labels):
            results.append(ExampleResult(label, example.text, True, label in got))
        for label in sorted(negative):
            results.append(ExampleResult(label, example.text, False, label not in got))
    base = {
        cue.name for e in builtin().entries.values() for cues in e.cues.values() for cue in cues
    }
    bank = load_bank()
    folded = [(ex, normalise(ex.text).text) for ex in bank]
    findings = []
    for entry in catalogue.entries.values():
        for lang, cues in entry.cues.items():
            rows = [(ex, text) for ex, text in folded if ex.lang == lang]
            for cue in cues:
                if cue.name in base or not rows:
                    continue
                matched = [ex for ex, text in rows if cue.pattern.search(text)]
                share = len(matched) / len(rows)
                if share > BROAD_SHARE:
                    findings.append(
                        CueFinding(cue.name, "broad", f"matches {share:.0%} of {lang} replies")
                    )
                    continue
                if len(matched) < MIN_MATCHES:
                    continue
                counts: dict[str, int] = {}
                for ex in matched:
                    for label in ex.labels:
                        counts[label] = counts.get(label, 0) + 1
                own = counts.get(entry.id, 0)
                for other, n in sorted(counts.items()):
                    if other != entry.id and n / len(matched) >= OVERLAP_SHARE and n > own:
                        findings.append(
                            CueFinding(
                                cue.name,
                                "overlap",
                                f"{n} of its {len(matched)} matches are labelled {other}, "
                                f"{own} {entry.id}",
                            )
                        )
    return results, findings
