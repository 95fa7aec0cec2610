"""The cue prefilters only ever save time: a pattern never matches where its filter says no."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from simulator.core.grading import prefilter as pf
from simulator.core.grading.bank import load_bank
from simulator.core.grading.catalogue import builtin
from simulator.core.grading.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\btook (real |a lot of )?(courage|guts)\b", {"took "}),
        (r"\b(courage|guts) to\b", {"courage", "guts"}),
        (r"不容易|辛苦", {"不容易", "辛苦"}),
        (r"\bwell done\b", {"well done"}),
        (r"[您你]真", {"真"}),
        (r"(ab)+c", {"ab"}),
        (r"x(?:yz|w)", {"x"}),
    ],
)
def test_required_strings(pattern: str, expected: set[str]) -> None:
    found = pf.literals(re.compile(pattern))
    assert found == expected
    screen = pf.screen([found])
    assert screen is not None
    for text in ("took real courage", "guts to", "真不容易", "well done", "您真棒", "ababc", "xw"):
        if re.search(pattern, text):
            assert screen.search(text)


@pytest.mark.parametrize("pattern", [r"(?i)well", r"(?i:well)", r"a?", r"\w+", r"[^x]y?", r".*"])
def test_no_filter_when_a_match_needs_no_particular_string(pattern: str) -> None:
    assert pf.literals(re.compile(pattern)) is None
    assert pf.screen([pf.literals(re.compile(pattern))]) is None


def _texts() -> list[str]:
    texts = []
    for ex in load_bank():
        texts += [normalise(ex.text).text, normalise(ex.context).text]
    for name in ("blind_set.jsonl", "blind_v2.jsonl"):
        for line in (ROOT / "benchmarks" / "data" / name).read_text("utf-8").splitlines():
            texts.append(normalise(json.loads(line)["text"]).text)
    return texts


def test_every_catalogue_cue_has_a_filter_that_never_hides_a_match() -> None:
    texts = _texts()
    checked = 0
    for entry in builtin().entries.values():
        for cues in entry.cues.values():
            for cue in cues:
                screen = pf.screen([pf.literals(cue.pattern)])
                assert screen is not None, f"{cue.name} has no prefilter: it is always scanned"
                for text in texts:
                    if cue.pattern.search(text):
                        checked += 1
                        assert screen.search(text), (cue.name, text)
    assert checked > 5000
