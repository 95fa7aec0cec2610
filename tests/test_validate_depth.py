"""The validator's depth: mistakes a trainer really makes, each with its exact message and line.

Every row edits the small test scenario in one way and names the problem it must give:
the code, the line, and the message in English and in Chinese (codes never change).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from simulator.core.errors import Problem, ScenarioError
from simulator.core.scenario.diagnostics import localise
from simulator.core.scenario.loader import load_scenario_text
from simulator.core.yamlsafe import load_text
from tests.conftest import DATA

MINI = (DATA / "scenarios" / "mini_zh.yaml").read_text("utf-8")
LINES = MINI.splitlines()


def line_of(text: str) -> int:
    """1-based line of the first line of MINI that starts (after spaces) with `text`."""
    return next(i for i, line in enumerate(LINES, 1) if line.strip().startswith(text))


NO_WAY_IN = MINI.replace(
    "      - when: {technique: [praise, rapport]}\n        to: business\n"
    "      - when: {turns_in_beat: {gte: 2}}\n        to: business",
    "      - when: {fact: other_loan}\n        to: business",
).replace("      hint: 信任够了以后", "      beats: [business]\n      hint: 信任够了以后")

CASES = {
    "tab": (
        MINI.replace("  role: 小贷公司客户经理", "\trole: 小贷公司客户经理"),
        "E015",
        line_of("role: 小贷公司客户经理"),
        "a tab in the indentation (YAML indents with spaces only)",
        "缩进里有制表符(YAML 只能用空格缩进)",
    ),
    "full-width colon": (
        MINI.replace("pass_score: 60", "pass_score：60"),
        "E016",
        line_of("pass_score"),
        "a full-width colon 「：」 after the key 'pass_score'",
        "键 'pass_score' 后面用了全角冒号「：」",
    ),
    "full-width colon in a nested key": (
        MINI.replace("  name: 王老板", "  name： 王老板"),
        "E016",
        line_of("name: 王老板"),
        "a full-width colon 「：」 after the key 'name'",
        "键 'name' 后面用了全角冒号「：」",
    ),
    "full-width space indentation": (
        MINI.replace("  personality: 爽快", "\u3000personality: 爽快"),
        "E017",
        line_of("personality"),
        "a full-width space (U+3000) in the indentation",
        "缩进里有全角空格(U+3000)",
    ),
    "full-width comma in a flow list": (
        MINI.replace("[开店八年, 申请二十万经营贷]", "[开店八年，申请二十万经营贷]"),
        "E018",
        line_of("background"),
        "a full-width comma 「，」 inside the list keeps '开店八年，申请二十万经营贷' as one item",
        "列表里用了全角逗号「，」,'开店八年，申请二十万经营贷' 被当成了一项",
    ),
    "tab in the middle of a line": (
        MINI.replace("      - text: 嗯。你们是来干嘛的?", "      -\ttext: 嗯。你们是来干嘛的?"),
        "E015",
        line_of("- text: 嗯。你们是来干嘛的?"),
        "a tab in the middle of the line (YAML separates words and values with spaces)",
        "行中间有制表符(YAML 用空格分隔词和值)",
    ),
    "full-width comma in a flow mapping": (
        MINI.replace("trust: {start: 40, min: 0", "trust: {start: 40，min: 0"),
        "E018",
        line_of("trust: {start: 40"),
        "a full-width comma 「，」 between the entries of {…}",
        "{…} 的各项之间用了全角逗号「，」",
    ),
    "full-width comma ending a line of a flow mapping": (
        MINI.replace("trust: {start: 40, min: 0,", "trust: {start: 40,\n      min: 0，\n     "),
        "E018",
        line_of("trust: {start: 40") + 1,
        "a full-width comma 「，」 between the entries of {…}",
        "{…} 的各项之间用了全角逗号「，」",
    ),
    "full-width comma on the second line of a flow list": (
        MINI.replace("[开店八年, 申请二十万经营贷]", "[开店八年,\n    申请二十万，经营贷]"),
        "E018",
        line_of("background") + 1,
        "a full-width comma 「，」 inside the list keeps '申请二十万，经营贷' as one item",
        "列表里用了全角逗号「，」,'申请二十万，经营贷' 被当成了一项",
    ),
    "id against the rule": (
        MINI.replace("id: test-mini", "id: Kiwi Farmer 猕猴桃"),
        "E013",
        line_of("id: test-mini"),
        "id 'Kiwi Farmer 猕猴桃' breaks the id rule: lowercase letters, digits, '-', '_' and "
        "'.', starting with a letter or digit",
        "id 'Kiwi Farmer 猕猴桃' 不符合 id 规则:只能用小写字母、数字、'-'、'_' 和 '.',"
        "并以字母或数字开头",
    ),
    "beat id against the rule": (
        MINI.replace("  - id: business", "  - id: Business").replace(
            "to: business", "to: Business"
        ),
        "E013",
        line_of("- id: business"),
        "beats[1].id 'Business' breaks the id rule: lowercase letters, digits, '-', '_' and "
        "'.', starting with a letter or digit",
        "beats[1].id 'Business' 不符合 id 规则:只能用小写字母、数字、'-'、'_' 和 '.',"
        "并以字母或数字开头",
    ),
    "empty say": (
        MINI.replace(
            "    say:\n      - text: 来了?坐吧。这店开了八年了,街坊都认识我。", "    say: []"
        ),
        "E013",
        line_of("- id: opening") + 1,
        "beat 'opening' has an empty say: the customer would say nothing on arriving",
        "节点 'opening' 的 say 是空的:客户到这里一句话也不说",
    ),
    "no path can pass": (
        MINI.replace("kind: success", "kind: failure").replace("kind: partial", "kind: failure"),
        "E026",
        line_of("endings:"),
        "no path can pass: every ending a path can reach is a failure: good_end (failure), "
        "meh_end (failure), walk (walkout)",
        "没有任何路径能通过:能到达的结局都是失败:good_end (failure), meh_end (failure), "
        "walk (walkout)",
    ),
    "fact gated on itself": (
        MINI.replace("when: {technique: probing, phrase:", "when: {fact: other_loan, phrase:"),
        "E027",
        line_of("- id: other_loan"),
        "fact 'other_loan' can never be revealed: its condition needs fact 'other_loan' itself",
        "隐藏信息 'other_loan' 永远不会说出:它的条件需要它自己",
    ),
    "fact whose beat only the fact opens": (
        NO_WAY_IN,
        "E027",
        line_of("- id: other_loan"),
        "fact 'other_loan' can never be revealed: its beats (business) are reached only after "
        "fact(s) other_loan are revealed (a circle)",
        "隐藏信息 'other_loan' 永远不会说出:它的节点(business)要在 other_loan 说出之后才能到达(循环)",
    ),
}


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "s.yaml")
    return caught.value.problems


@pytest.mark.parametrize("name", sorted(CASES))
def test_mistake_is_named_on_its_line_in_both_languages(name):
    text, code, line, english, chinese = CASES[name]
    found = [p for p in problems_of(text) if p.code == code]
    assert [p.message for p in found] == [english], found
    assert found[0].line == line
    assert found[0].hint, "every named mistake says how to fix it"
    zh = localise(found[0], "zh")
    assert (zh.code, zh.line, zh.message) == (code, line, chinese)
    assert zh.hint != found[0].hint


def test_fixes_are_named():
    assert problems_of(CASES["full-width colon"][0])[0].hint == (
        "write an ASCII colon and a space: 'pass_score: '"
    )
    assert localise(problems_of(CASES["tab"][0])[0], "zh").hint == (
        "把制表符换成空格;把编辑器设置为按 Tab 键插入空格"
    )
    id_problem = next(p for p in problems_of(CASES["id against the rule"][0]) if p.code == "E013")
    assert id_problem.hint == "for example 'kiwi-farmer'"


def test_mid_line_slips_point_at_the_character_and_the_rest_still_loads():
    """The column is the tab or the comma itself; read as a space and ',' the file checks on."""
    tab = problems_of(CASES["tab in the middle of a line"][0])
    assert [(p.code, p.col) for p in tab] == [("E015", 8)]
    comma = problems_of(CASES["full-width comma in a flow mapping"][0])
    assert [(p.code, p.col) for p in comma] == [("E018", 22)]
    assert localise(comma[0], "zh").hint == "用半角逗号 ', ' 分隔各项"
    both = CASES["full-width comma in a flow mapping"][0].replace("id: test-mini", "id: Test")
    assert [p.code for p in problems_of(both)] == ["E018", "E013"]


def test_tabs_and_commas_that_are_text_are_fine():
    text = (
        MINI.replace("  personality: 爽快,但不喜欢被盘问", '  personality: "爽快\t不喜欢被盘问"')
        .replace("        reason: 王老板被夸得很受用", "        reason: 王老板被夸，很受用")
        .replace("      - text: 嗯。你们是来干嘛的?", "      - {text: 嗯，你们是来干嘛的?}")
        .replace("  goal: 了解经营情况和其他负债", "  goal: |\n    了解经营情况\t和其他负债")
    )
    scenario = load_scenario_text(text, "s.yaml")  # no slip reported
    assert scenario.beats["opening"].stay[0].text == "嗯，你们是来干嘛的?"
    raw = load_text(text, "s.yaml").data  # as read, before display text is tidied (cjk.py)
    assert raw["persona"]["personality"] == "爽快\t不喜欢被盘问"


def test_quoted_comma_and_colons_in_text_are_fine():
    text = (
        MINI.replace("[开店八年, 申请二十万经营贷]", "['开店八年，申请二十万经营贷']")
        .replace("title: 测试用:小超市老板", "title: 测试用：小超市老板")
        .replace(
            "  goal: 了解经营情况和其他负债",
            "  goal: |\n    注意：了解经营情况\n    note：其他负债",
        )
    )
    assert load_scenario_text(text, "s.yaml").persona.background == ("开店八年，申请二十万经营贷",)


def test_every_problem_in_one_run():
    text = (
        MINI.replace("pass_score: 60", "pass_score：60")
        .replace("difficulty: easy", "difficulty: trivial")
        .replace("id: test-mini", "id: Test Mini")
        .replace("opportunities: [praise, rapport]", "opportunities: [prasie, rapport]")
        .replace("kind: success", "kind: failure")
        .replace("kind: partial", "kind: failure")
    )
    codes = sorted(p.code for p in problems_of(text))
    assert codes == ["E013", "E013", "E016", "E020", "E026"]


def test_every_message_has_a_chinese_twin():
    for name, (text, *_rest) in CASES.items():
        for problem in problems_of(text):
            zh = localise(problem, "zh")
            assert zh.message != problem.message, (name, problem.message)
            assert zh.code == problem.code


def sim(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "LANG": "C.UTF-8"},
    )


def test_duplicate_ids_across_files_name_both(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(MINI, "utf-8")
    second.write_text(MINI, "utf-8")
    result = sim("validate", str(first), str(second))
    line = line_of("id: test-mini")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{second}:{line}:1: E024: scenario id 'test-mini' is also used by {first}:{line} "
        "(hint: give each scenario its own id; the library would show only one of them)"
    ]


def test_ui_lang_zh_and_strict_summary(tmp_path):
    path = tmp_path / "no_tests.yaml"
    path.write_text(MINI.split("tests:")[0], "utf-8")
    result = sim("--ui-lang", "zh", "validate", "--strict", str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        # a missing key is reported where the document starts (line 1 is a comment)
        f"{path}:2:1: W108: 没有内嵌测试"
        "(提示:加一条示范路径、一条较差路径和一条客户离开的路径) [警告]"
    ]
    assert result.stderr.strip() == "1 个文件:0 个错误,1 个警告"
    english = sim("validate", "--strict", str(path))
    assert english.stderr.strip() == "1 file(s): 0 error(s), 1 warning(s)"
    assert english.returncode == 1 and english.stdout.endswith("[warning]\n")
    assert sim("validate", str(path)).returncode == 0


def test_locale_picks_chinese(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(MINI.replace("pass_score: 60", "pass_score：60"), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "LANG": "zh_CN.UTF-8"},
    )
    assert "E016: 键 'pass_score' 后面用了全角冒号「：」" in result.stdout
