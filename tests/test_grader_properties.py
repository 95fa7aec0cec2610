"""The grader never crashes, stays deterministic and bounds its work, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.core.grading import Grader
from simulator.core.grading.normalise import MAX_ANALYSED_CHARS

GRADER = Grader()
texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)


@settings(max_examples=300, deadline=None)
@given(texts, texts, st.sampled_from(["zh", "en", None]))
def test_never_crashes_and_spans_are_valid(text, context, lang):
    grade = GRADER.grade(text, context, lang)
    assert set(grade.confidence) == set(grade.techniques) | set(grade.pitfalls)
    for ev in grade.evidence:
        start, end = ev.span
        assert 0 <= start <= end <= len(text)
        assert 0 < ev.weight <= 1


@settings(max_examples=100, deadline=None)
@given(texts)
def test_deterministic(text):
    assert GRADER.grade(text, "", None).to_dict() == GRADER.grade(text, "", None).to_dict()


def test_huge_input_is_bounded():
    text = ("您每月流水大概多少?真了不起!" * 200_000) + "你懂什么"
    grade = GRADER.grade(text)
    assert "probing" in grade.techniques
    assert all(ev.span[1] <= MAX_ANALYSED_CHARS for ev in grade.evidence)
    assert "disrespect" not in grade.pitfalls  # past the analysed prefix


def test_emoji_control_and_mixed_scripts():
    grade = GRADER.grade("王总👍\x00\x1b[31m您这生意做得真好!\u200b how many stores do you have?")
    assert "praise" in grade.techniques
