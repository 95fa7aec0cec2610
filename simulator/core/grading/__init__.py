"""Grading: which techniques a reply uses and which pitfalls it commits, with evidence.

Read the stages in this order: `normalise` (fold the text, keep offsets) ->
`clauses` (split and type each clause) -> `rules` (named cues from the catalogue and
the structural rules in `structure`) -> `learned` (the exemplar-trained layer that
proposes) -> `context` (the customer's line: refusals, offers, questions) ->
`decision` (what is credited, with which evidence). `grader` runs them in that order.

`from simulator.core.grading import Grader` imports the stages when first asked for, so
reading the catalogue (to list the library) does not load the whole grader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.core.grading.grader import Evidence, Grade, Grader, grade

__all__ = ["Evidence", "Grade", "Grader", "grade"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from simulator.core.grading import grader

        return getattr(grader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
