"""docs/scenario-format.md lists every technique, pitfall and situation id with its meaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.core.grading.catalogue import builtin

DOC = (Path(__file__).parent.parent / "docs" / "scenario-format.md").read_text("utf-8")
ROWS = {
    line.split("|")[1].strip().strip("`"): line
    for line in DOC.splitlines()
    if line.startswith("| `")
}
CATALOGUE = builtin()


@pytest.mark.parametrize("entry_id", CATALOGUE.techniques + CATALOGUE.pitfalls)
def test_every_technique_and_pitfall_has_a_row_in_both_languages(entry_id):
    entry = CATALOGUE.entries[entry_id]
    row = ROWS.get(entry_id)
    assert row is not None, f"{entry_id} is missing from docs/scenario-format.md"
    zh, en = (entry.explain[lang].strip().replace("|", "\\|") for lang in ("zh", "en"))
    assert row == (
        f"| `{entry_id}` | **{entry.name['zh']}**:{zh} | **{entry.name['en']}**: {en} |"
    ), "regenerate the row from simulator/core/grading/data/techniques.yaml"


@pytest.mark.parametrize("situation", sorted(CATALOGUE.situations))
def test_every_situation_has_a_row_with_its_zh_and_en_meaning(situation):
    names = CATALOGUE.situations[situation]
    assert ROWS[situation] == f"| `{situation}` | {names['zh']} | {names['en']} |"
