"""No pattern the grader runs can take exponential time (time limits enforced by pytest-timeout)."""

from __future__ import annotations

import re
import time

import pytest

from simulator.core.errors import ScenarioError
from simulator.core.grading import Grader, clauses, lexicon, structure
from simulator.core.grading.catalogue import builtin, load
from simulator.core.grading.regex_safety import adversarial, risk


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for module in (clauses, lexicon, structure):
        for name, value in vars(module).items():
            values = value.items() if isinstance(value, dict) else [(None, value)]
            for key, item in values:
                if isinstance(item, re.Pattern):
                    out.append((f"{module.__name__}.{name}{'/' + key if key else ''}", item))
    return out


PATTERNS = _module_patterns() + [
    (f"{cue.name}/{part}", pattern)
    for entry in builtin().entries.values()
    for cues in entry.cues.values()
    for cue in cues
    for part, pattern in (("re", cue.pattern), ("ctx", cue.ctx), ("not_ctx", cue.not_ctx))
    if pattern is not None
]
"""Every pattern shipped; the built-in catalogue skips the check at start-up because of this."""


@pytest.mark.parametrize("risky", [r"(a+)+$", r"(\w*\s*)*x", r"(?:(?:so|and|and so),?\s+)*x"])
def test_risk_finds_exponential_shapes(risky):
    assert risk(risky) is not None


@pytest.mark.parametrize(
    "safe", [r"(?:foo\s+)*bar", r"您(真|太)?(厉害|了不起)", r"^(?:(?:so|and so)\s+){0,4}x"]
)
def test_risk_passes_bounded_shapes(safe):
    assert risk(safe) is None


def test_every_shipped_pattern_is_bounded():
    assert [(name, risk(p.pattern)) for name, p in PATTERNS if risk(p.pattern)] == []


def _cpu_seconds(pattern: re.Pattern[str], text: str) -> float:
    """The CPU time of one full search, best of three: a wall clock would also count the
    moments this process waited for a core (tests run in parallel), and the best of three
    leaves out a collection or a cache miss; exponential backtracking is slow every time."""
    times = []
    for _ in range(3):
        start = time.thread_time()
        for _ in pattern.finditer(text):
            pass
        times.append(time.thread_time() - start)
    return min(times)


@pytest.mark.timeout(60)
def test_every_shipped_pattern_is_fast_on_its_own_pieces():
    slow = []
    for name, pattern in PATTERNS:
        for text in adversarial(pattern.pattern):
            if _cpu_seconds(pattern, text) > 0.05:
                slow.append(name)
                break
    assert slow == []


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    "reply",
    [
        "and so " * 40,
        "and so, " * 300,
        "换了是您，是不是也得这样?" * 150,
        "您觉得呢" * 500,
        "a" * 2000,
    ],
)
def test_hostile_replies_grade_quickly(reply):
    grade = Grader().grade(reply, "您好", None)
    assert grade.lang in ("zh", "en")


def test_an_organisation_cue_that_could_hang_is_refused(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text("techniques:\n  praise:\n    cues:\n      en: ['(a+)+$']\n", "utf-8")
    with pytest.raises(ScenarioError) as caught:
        load(path)
    text = "\n".join(p.format() for p in caught.value.problems)
    assert "E014" in text and ":4:" in text
