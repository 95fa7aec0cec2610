"""The scenario map: every beat, ending, transition and fact, in DOT and in Mermaid."""

from __future__ import annotations

import re

import pytest

from simulator.core.scenario.graph import KIND_COLOURS, to_dot, to_mermaid
from simulator.core.scenario.library import scan
from simulator.core.scenario.loader import load_scenario_text
from tests.conftest import DATA

MINI_TEXT = (DATA / "scenarios" / "mini_zh.yaml").read_text("utf-8")


def test_dot_has_every_node_and_labelled_edge(mini):
    dot = to_dot(mini, "en")
    assert dot.startswith("digraph scenario {") and dot.rstrip().endswith("}")
    assert 'n1 [shape=box, style="rounded,bold", label="▶ opening (start)\\n' in dot
    assert 'n1 -> n2 [label="1. technique praise / rapport"];' in dot
    assert 'n1 -> n2 [label="2. turns in beat ≥ 2"];' in dot
    assert 'n2 -> n3 [label="1. fact other_loan revealed"];' in dot
    fill, border = KIND_COLOURS["success"]
    assert f'n3 [shape=doubleoctagon, style=filled, fillcolor="{fill}", color="{border}"' in dot
    assert "fact: other_loan" in dot and "trust ≥ 50" in dot and "any beat" in dot


def test_labels_follow_the_language(mini):
    assert 'label="1. 技巧 praise / rapport"' in to_dot(mini, "zh")
    assert "结局: 成功" in to_mermaid(mini, "zh")
    assert "ending: success" in to_mermaid(mini, "en")
    assert "结局: 成功" in to_dot(mini)  # default: the scenario's language


def test_mermaid_edges_classes_and_escapes(mini):
    text = (
        MINI_TEXT.replace("王老板被夸得很受用", '王老板说"好"')
        .replace(
            "      hint: 信任够了以后,试探问一下其他贷款",
            "      hint: 信任够了以后,试探问一下其他贷款\n      beats: [business]",
        )
        .replace("{meter: {trust: {gte: 50}}}", "{meter: {trust: {lt: 50}}}", 1)
    )
    scenario = load_scenario_text(
        text.replace("meter: {trust: {gte: 50}}", "meter: {trust: {gt: 49}}")
    )
    mm = to_mermaid(scenario, "en")
    lines = mm.splitlines()
    assert lines[0] == "flowchart TD"
    assert '  n1 -->|"1. technique praise / rapport"| n2' in lines
    assert '  n2 -.->|"reveals"| n6' in lines
    assert "trust #gt; 49" in mm and "any beat" not in mm
    assert "  class n3 success" in lines and "  class n5 walkout" in lines
    assert "  class n1 start" in lines


@pytest.mark.parametrize("ending_id", ["end", "node", "graph"])
def test_ids_that_are_keywords_never_become_node_names(ending_id):
    scenario = load_scenario_text(MINI_TEXT.replace("good_end", ending_id))
    for text in (to_dot(scenario, "en"), to_mermaid(scenario, "en")):
        names = set(re.findall(r"^\s+(\w+)\s*[\[(]", text, re.M)) - {"node", "edge"}
        assert names and all(re.fullmatch(r"n\d+", name) for name in names), names


def test_dot_quotes_are_escaped():
    scenario = load_scenario_text(
        MINI_TEXT.replace("title: 测试用:小超市老板", 'title: 王老板的"小"超市')
    )
    assert 'label="王老板的\\"小\\"超市 (test-mini)";' in to_dot(scenario)


@pytest.mark.parametrize("entry", scan(None).entries, ids=lambda e: e.id)
def test_every_library_scenario_draws_completely(entry):
    scenario = entry.scenario
    dot, mm = to_dot(scenario, "en"), to_mermaid(scenario, "en")
    edges = sum(len(b.next) for b in scenario.beats.values())
    assert dot.count(" -> ") == edges + sum(len(f.beats) for f in scenario.persona.facts)
    assert mm.count(" -->|") == edges
    for item in [*scenario.beats, *scenario.endings, *(f.id for f in scenario.persona.facts)]:
        assert item in dot and item in mm
    assert dot.count("{") == dot.count("}") and dot.count('"') % 2 == 0
    for line in mm.splitlines()[1:]:
        assert line.count('"') % 2 == 0, line  # every label closed
