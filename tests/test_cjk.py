"""Chinese display text: no folding spaces between Chinese and digits or Latin letters."""

from __future__ import annotations

import re

import pytest

from simulator.core.cjk import tidy
from simulator.core.scenario.loader import load_scenario
from tests.conftest import LIBRARY


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("在恒信小贷有一笔 15 万贷款", "在恒信小贷有一笔15万贷款"),
        ("两年期, 每个月还七千七百五", "两年期,每个月还七千七百五"),
        ("收银 系统", "收银系统"),
        ("审批已通过, 11月6日退回", "审批已通过,11月6日退回"),
        ("POS 机的数据", "POS机的数据"),
        ("Mr Lim said 30 days", "Mr Lim said 30 days"),
        ("", ""),
    ],
)
def test_tidy(raw, shown):
    assert tidy(raw) == shown


SPACED = re.compile(
    r"[\u4e00-\u9fff。!?] +[0-9A-Za-z\u4e00-\u9fff]|[\u4e00-\u9fff][,;:] +[0-9\u4e00-\u9fff]"
    r"|[0-9A-Za-z] +[\u4e00-\u9fff]"
)


@pytest.mark.parametrize("path", sorted(LIBRARY.glob("*.zh.yaml")), ids=lambda p: p.name)
def test_library_text_is_shown_without_folding_spaces(path):
    scenario = load_scenario(path)
    shown = [*scenario.briefing.values(), *scenario.persona.background]
    for beat in scenario.beats.values():
        shown += [line.text for line in (*beat.say, *beat.stay)]
        shown += [beat.model_reply, beat.hint, *beat.model_replies.values()]
    for fact in scenario.persona.facts:
        shown += [fact.says, fact.label, fact.hint]
    for ending in scenario.endings.values():
        shown += [ending.message, ending.say]
    assert [s for s in shown if SPACED.search(s)] == []


def test_the_content_hash_is_of_the_file_as_written():
    from simulator.core.scenario.loader import load_scenario_text

    a = load_scenario_text(_MINI.replace("说明", "说明"), "a.yaml")
    b = load_scenario_text(_MINI.replace("街坊都认识我。", "街坊 都认识我。"), "b.yaml")
    assert a.beats["opening"].say == b.beats["opening"].say
    assert a.content_hash != b.content_hash


_MINI = (LIBRARY.parent / "tests" / "data" / "scenarios" / "mini_zh.yaml").read_text("utf-8")
