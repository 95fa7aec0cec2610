"""The trainer's docs: a worked example that is a real library file, no files a trainer
lacks, and Chinese text folded without stray spaces (the loader's rule, held for the library)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.core import yamlsafe
from simulator.core.scenario.library import bundled_root

DOCS = Path(__file__).resolve().parents[1] / "docs"
AUTHORING = (DOCS / "authoring.md").read_text("utf-8")
EXAMPLE = bundled_root() / "gift_offer.zh.yaml"


def test_the_worked_example_is_the_library_file_whole_and_in_order():
    section = AUTHORING.split("## A complete worked example: `gift_offer.zh.yaml`")[1]
    section = section.split("### Chinese text over several lines")[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    assert len(blocks) >= 10, "walked through section by section"
    assert "".join(blocks) == EXAMPLE.read_text("utf-8")


@pytest.mark.parametrize("name", ["authoring.md", "scenario-format.md"])
def test_trainer_docs_name_no_file_a_trainer_does_not_have(name):
    text = (DOCS / name).read_text("utf-8")
    for gone in ("seeds/", "the seeds", "种子", "techniques.md", "techniques.yaml", "tests/"):
        assert gone not in text, f"{name} mentions {gone!r}"
    assert "simulator/core" not in text


CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"
)


def strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize("path", sorted(bundled_root().glob("*.yaml")), ids=lambda p: p.name)
def test_no_library_string_has_a_folding_space_between_chinese_characters(path):
    source = path.read_text("utf-8")
    folded = [s for s in strings(yamlsafe.load_text(source, str(path)).data) if CJK_SPACE.search(s)]
    written = [s for s in folded if not any(m in source for m in _spaced(s))]
    assert not written, written[:3]


def _spaced(text: str) -> list[str]:
    """Each 'X Y' around a space between two Chinese characters, as it would appear written
    on one line (a space the author typed is kept; only a line break's is not)."""
    return [text[m.start() - 1 : m.end() + 1] for m in CJK_SPACE.finditer(text)]


FOLDS = {
    "plain": ("a: 第一行\n  第二行\n", "第一行第二行"),
    "folded block": ("a: >-\n  第一行\n  第二行\n\n  新段落\n", "第一行第二行\n新段落"),
    "folded block keeps its final break": ("a: >\n  第一\n  第二\nb: 1\n", "第一第二\n"),
    "double quoted": ('a: "引号里\n  的话"\n', "引号里的话"),
    "single quoted": ("a: '他''说\n  好'\n", "他'说好"),
    "punctuation": ("a: 你好,\n  王总。\n  请坐\n", "你好, 王总。请坐"),
    "English keeps its spaces": ("a: over several\n  lines here\n", "over several lines here"),
    "Chinese then Latin keeps the space": ("a: 年化4%\n  到5%\n", "年化4% 到5%"),
    "a space written on one line stays": ("a: 中文 有空格\n", "中文 有空格"),
    "literal block keeps its breaks": ("a: |\n  第一行\n  第二行\n", "第一行\n第二行\n"),
    "an escape is left as YAML reads it": ('a: "转义\\t\n  的"\n', "转义\t 的"),
    "more-indented lines are left alone": (
        "a: >\n  第一\n    缩进\n  第二\n",
        "第一\n  缩进\n第二\n",
    ),
}


@pytest.mark.parametrize("name", sorted(FOLDS))
def test_folding_rule(name):
    text, expected = FOLDS[name]
    assert yamlsafe.load_text(text, "f.yaml").data["a"] == expected
