"""The grader's word lists live in data/lexicon.yaml: all used, all checked, errors named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.core.grading import lexicon

GRADING = Path(lexicon.__file__).parent
DATA = yaml.safe_load((GRADING / lexicon.LEXICON_FILE).read_text("utf-8"))
SOURCE = "\n".join(p.read_text("utf-8") for p in GRADING.glob("*.py"))


@pytest.mark.parametrize(
    ("section", "key"), [(s, k) for s, entries in DATA.items() for k in entries]
)
def test_every_entry_is_read_by_the_grader(section: str, key: str) -> None:
    assert f'"{section}", "{key}"' in SOURCE or f'"{section}", "{key}")' in SOURCE, (
        f"{section}.{key} is in lexicon.yaml but no stage reads it"
    )


def test_no_word_list_is_left_in_the_code() -> None:
    """Tokenising patterns stay in code; word lists (Chinese words, English phrases) do not."""
    for path in GRADING.glob("*.py"):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if "re.compile(" in line and any("\u4e00" <= ch <= "\u9fff" for ch in line):
                pytest.fail(f"{path.name}:{number} compiles Chinese words in code: {line.strip()}")


def test_a_broken_or_missing_entry_names_the_file_and_the_entry(monkeypatch) -> None:
    monkeypatch.setattr(
        lexicon, "_data", lambda: {"context": {"hedge": "(a+)+$", "bad": "(", "empty": ""}}
    )
    with pytest.raises(lexicon.LexiconError, match=r"lexicon.yaml: context.hedge: .*unbounded"):
        lexicon.pattern("context", "hedge")
    with pytest.raises(lexicon.LexiconError, match=r"context.bad: not a valid pattern"):
        lexicon.pattern("context", "bad")
    with pytest.raises(lexicon.LexiconError, match=r"context.empty: expected a non-empty"):
        lexicon.pattern("context", "empty")
    with pytest.raises(lexicon.LexiconError, match=r"context.gone is missing"):
        lexicon.pattern("context", "gone")
    with pytest.raises(lexicon.LexiconError, match=r"needs a zh and an en pattern"):
        lexicon.by_language("context", "hedge")
