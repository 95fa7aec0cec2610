"""Malformed or hostile scenario files: a clear message with file and line, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.core.errors import ScenarioError
from simulator.core.scenario.library import scan
from simulator.core.scenario.loader import load_scenario, load_scenario_text
from tests.conftest import DATA

MINI = (DATA / "scenarios" / "mini_zh.yaml").read_text("utf-8")

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True)
)

PASS_LINE = MINI.splitlines().index("pass_score: 60") + 1
TAGS_LINE = MINI.splitlines().index("tags: [测试]") + 1
GOAL = "  goal: 了解经营情况和其他负债"
GOAL_LINE = MINI.splitlines().index(GOAL) + 1
DEEP_MAP = "".join(f"\n{'  ' * (level + 2)}k{level}:" for level in range(600)) + " v"

HOSTILE = {
    "syntax.yaml": ("id: [unclosed\n", "E001", 2),
    "python_tag.yaml": (
        "x: !!python/object/apply:os.system ['echo pwned > /tmp/pwned']\n",
        "E005",
        1,
    ),
    "bomb.yaml": (BOMB, "E006", None),
    "empty.yaml": ("", "E003", 1),
    "only_comments.yaml": ("# nothing\n", "E003", 1),
    "list.yaml": ("- a\n- b\n", "E011", 1),
    "wrong_type.yaml": (MINI.replace("pass_score: 60", "pass_score: sixty"), "E011", PASS_LINE),
    "unknown_beat.yaml": (MINI.replace("to: good_end", "to: good_ending"), "E021", None),
    "unknown_technique.yaml": (
        MINI.replace("opportunities: [praise, rapport]", "opportunities: [prasie, rapport]"),
        "E020",
        None,
    ),
    "duplicate_key.yaml": (
        MINI.replace("title: 测试用:小超市老板", "title: a\ntitle: b"),
        "E007",
        6,
    ),
    "duplicate_beat.yaml": (MINI.replace("  - id: business", "  - id: opening"), "E024", None),
    "typo_key.yaml": (MINI.replace("pass_score: 60", "pass_scor: 60"), "E012", PASS_LINE),
    "deep_list.yaml": (
        MINI.replace("tags: [测试]", "tags: " + "[" * 600 + "]" * 600),
        "E008",
        TAGS_LINE,
    ),
    "deep_mapping.yaml": (MINI.replace(GOAL, "  goal:" + DEEP_MAP), "E008", None),
    "huge_integer.yaml": (
        MINI.replace("pass_score: 60", "pass_score: " + "7" * 5000),
        "E009",
        PASS_LINE,
    ),
    "bad_date.yaml": (MINI.replace("version: 1", "version: 2024-13-45"), "E009", 4),
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_reported_with_position(tmp_path, name):
    text, code, line = HOSTILE[name]
    path = _write(tmp_path, name, text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    codes = [p.code for p in caught.value.problems]
    assert code in codes, caught.value
    problem = next(p for p in caught.value.problems if p.code == code)
    assert problem.file == str(path)
    if line is not None:
        assert problem.line == line
    assert not Path("/tmp/pwned").exists()


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: café\nid: x\n".encode("latin-1"))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems[0].code == "E002"
    assert caught.value.problems[0].line == 1


def test_huge_file(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("a: " + "x" * 3_000_000, "utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems[0].code == "E004"


def test_every_problem_is_reported_at_once(tmp_path):
    text = MINI.replace("pass_score: 60", "pass_score: sixty").replace(
        "difficulty: easy", "difficulty: trivial"
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario(_write(tmp_path, "two.yaml", text))
    assert {"E011", "E013"} <= {p.code for p in caught.value.problems}


def test_cli_reports_without_traceback(tmp_path):
    for name, (text, code, _) in HOSTILE.items():
        path = _write(tmp_path, name, text)
        result = subprocess.run(
            [sys.executable, "-m", "simulator", "validate", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1, name
        assert "Traceback" not in result.stderr + result.stdout
        assert f"{path}:" in result.stdout and code in result.stdout, (name, result.stdout)


def test_unknown_fact_in_condition_names_the_line(tmp_path):
    text = MINI.replace("- when: {fact: other_loan}", "- when: {fact: other_laon}")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(_write(tmp_path, "fact.yaml", text))
    problem = caught.value.problems[0]
    assert problem.code == "E022" and "other_loan" in problem.hint
    assert text.splitlines()[problem.line - 1].strip().startswith("- when: {fact: other_laon}")


def test_type_errors_say_what_to_write(tmp_path):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(
            _write(tmp_path, "type.yaml", MINI.replace("pass_score: 60", "pass_score: sixty"))
        )
    problem = next(p for p in caught.value.problems if p.code == "E011")
    assert "whole number" in problem.hint and "(hint:" in problem.format()


def test_library_lists_good_files_beside_bad_ones(tmp_path):
    _write(tmp_path, "good.yaml", MINI)
    for name in ("deep_list.yaml", "deep_mapping.yaml", "huge_integer.yaml"):
        _write(tmp_path, name, HOSTILE[name][0])
    library = scan(tmp_path)
    assert [e.id for e in library.entries] == ["test-mini"]
    assert {Path(p).name for p in library.broken} == {
        "deep_list.yaml",
        "deep_mapping.yaml",
        "huge_integer.yaml",
    }
    result = _sim("--library", str(tmp_path), "list")
    assert result.returncode == 0 and "test-mini" in result.stdout
    assert "Traceback" not in result.stderr and result.stderr.count("broken:") == 3
    result = _sim("--library", str(tmp_path), "run", "test-mini", "--replies", "-")
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_a_missing_library_folder_is_reported(tmp_path):
    missing = str(tmp_path / "nowhere")
    result = _sim("--library", missing, "list")
    assert result.returncode == 1 and missing in result.stderr and "does not exist" in result.stderr
    result = _sim("--library", missing, "run", "test-mini", "--replies", "-")
    assert result.returncode == 1 and "Library not found" in result.stderr
    assert scan(missing).missing == missing


def _sim(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )


YAML_BITS = st.sampled_from(
    ["a:", " ", "\n", "- ", "[", "]", "{", "}", ",", "&x ", "*x", "9" * 5000, "!!int ", "'", '"']
)


@pytest.mark.timeout(120)
@settings(max_examples=200, deadline=None)
@given(st.lists(YAML_BITS | st.text(max_size=8), max_size=40), st.integers(0, 700))
def test_any_text_is_a_scenario_or_coded_problems(bits, depth):
    text = "[" * depth + "".join(bits) + "]" * depth
    try:
        load_scenario_text(text, "fuzz.yaml")
    except ScenarioError as error:
        assert error.problems and all(p.code[0] in "EW" for p in error.problems)
