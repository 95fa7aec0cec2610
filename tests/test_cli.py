"""The command line, as a user runs it."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from tests.conftest import DATA

MINI = str(DATA / "scenarios" / "mini_zh.yaml")


def sim(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "command",
    ["play", "run", "grade", "eval", "validate", "test", "list", "schema", "trace", "graph", "new"],
)
def test_every_command_has_help_with_an_example(command):
    result = sim(command, "--help")
    assert result.returncode == 0 and "example" in result.stdout


def test_run_json(tmp_path):
    replies = tmp_path / "r.txt"
    replies.write_text(
        "八年可不容易,街坊都认您,说明您做人实在。\n您这儿一个月流水大概多少?\n除了我们,最近有没有在别的小贷公司借过款?\n",
        "utf-8",
    )
    result = sim("run", MINI, "--replies", str(replies), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"ending", "score", "passed", "techniques", "pitfalls", "facts", "transcript"} <= set(
        data
    )
    assert (
        data["ending"] == "good_end"
        and data["passed"] is True
        and data["facts"]["found"] == ["other_loan"]
    )


def test_run_text_and_abandoned(tmp_path):
    replies = tmp_path / "r.txt"
    replies.write_text("你好\n", "utf-8")
    result = sim("run", MINI, "--replies", str(replies))
    assert result.returncode == 0 and "得分" in result.stdout and "abandoned" in result.stdout


def test_run_unknown_scenario_is_a_clear_error():
    result = sim("run", "no-such-scenario", "--replies", "-", stdin="")
    assert (
        result.returncode == 1
        and "no scenario with id" in result.stderr
        and "Traceback" not in result.stderr
    )


@pytest.mark.parametrize(
    ("flags", "title"), [((), "Scenario not found:"), (("--ui-lang", "zh"), "找不到场景:")]
)
def test_an_error_title_is_english_unless_ui_lang_asks(flags, title, capsys, monkeypatch):
    from simulator.cli import main

    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")  # the locale alone keeps the English title
    assert main([*flags, "run", "no-such-scenario", "--replies", "-"]) == 1
    assert capsys.readouterr().err.startswith(f"{title} no scenario with id 'no-such-scenario'")


def test_grade_one_line_per_input_in_order():
    lines = [
        json.dumps({"text": "您每月流水大概多少", "lang": "zh", "extra": 1}, ensure_ascii=False),
        json.dumps({"text": "That must have been hard.", "context": "My shop flooded."}),
        "not json",
        json.dumps({"text": "太了不起了"}, ensure_ascii=False),
        json.dumps({"nothing": True}),
    ]
    result = sim("grade", stdin="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0 and len(out) == 5
    assert "probing" in out[0]["techniques"] and "empathy" in out[1]["techniques"]
    assert "error" in out[2] and "praise" in out[3]["techniques"] and "error" in out[4]
    assert set(out[0]) == {"techniques", "pitfalls", "confidence", "evidence"}
    assert {"id", "span", "rule"} <= set(out[0]["evidence"][0])


def test_eval_prints_precision_recall_f1():
    result = sim("eval", str(DATA / "devset_en.jsonl"))
    assert result.returncode == 0 and "F1" in result.stdout and "praise" in result.stdout


def test_validate_and_test_commands(tmp_path):
    assert sim("validate", "--strict", MINI).returncode == 0
    result = sim("test", MINI)
    assert result.returncode == 0 and "7 passed, 0 failed" in result.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        (DATA / "scenarios" / "mini_zh.yaml")
        .read_text("utf-8")
        .replace("ending: good_end", "ending: nowhere"),
        "utf-8",
    )
    result = sim("validate", str(broken))
    assert result.returncode == 1 and "E025" in result.stdout


def test_validate_strict_turns_warnings_into_errors(tmp_path):
    text = (DATA / "scenarios" / "mini_zh.yaml").read_text("utf-8").split("tests:")[0]
    path = tmp_path / "no_tests.yaml"
    path.write_text(text, "utf-8")
    assert sim("validate", str(path)).returncode == 0
    result = sim("validate", "--strict", str(path))
    assert result.returncode == 1 and "W108" in result.stdout


def test_list_json_and_schema(tmp_path):
    (tmp_path / "mini.yaml").write_text(
        (DATA / "scenarios" / "mini_zh.yaml").read_text("utf-8"), "utf-8"
    )
    result = sim("--library", str(tmp_path), "list", "--json")
    entries = {e["id"]: e for e in json.loads(result.stdout)}  # the bundled ones, and mini
    assert {"id", "title", "language", "difficulty", "path", "techniques", "tests"} <= set(
        entries["test-mini"]
    )
    assert entries["test-mini"]["tests"] == 2 and "preloan-supermarket" in entries
    schema = json.loads(sim("schema").stdout)
    assert schema["properties"]["persona"]["required"] and "condition" in schema["$defs"]


def test_techniques_override_file(tmp_path):
    extra = tmp_path / "org.yaml"
    extra.write_text("techniques:\n  praise:\n    cues:\n      zh: ['顶呱呱的']\n", "utf-8")
    result = sim(
        "--techniques",
        str(extra),
        "grade",
        stdin=json.dumps({"text": "顶呱呱的店", "lang": "zh"}, ensure_ascii=False),
    )
    assert "praise" in json.loads(result.stdout)["techniques"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("techniques:\n  prasie:\n    cues: {zh: ['(']}\n", "utf-8")
    result = sim("--techniques", str(bad), "grade", stdin="{}")
    assert result.returncode == 1 and f"{bad}:2" in result.stderr and "praise" in result.stderr


GOOD = json.dumps({"text": "您每月流水大概多少", "lang": "zh"}, ensure_ascii=False).encode()

HOSTILE_GRADE_LINES = {
    "invalid UTF-8": b'{"text": "\xff\xfe caf\xc3"}',
    "lone surrogate": b'{"text": "hello \\ud800 there"}',
    "lone surrogate in context": b'{"text": "ok", "context": "\\udfff"}',
    "nested JSON": b"[" * 100_000 + b"]" * 100_000,
    "nested object": b'{"text": "x", "a": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001,
    "huge integer": b'{"text": "x", "n": ' + b"9" * 50_000 + b"}",
    "not an object": b'["text"]',
    "text not a string": b'{"text": 12}',
    "blank line": b"   ",
    "empty line": b"",
    "not JSON": b"not json",
}


@pytest.mark.timeout(60)
def test_grade_answers_every_hostile_line_and_keeps_going():
    names = sorted(HOSTILE_GRADE_LINES)
    stdin = b"".join(HOSTILE_GRADE_LINES[name] + b"\n" + GOOD + b"\n" for name in names)
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "grade"],
        input=stdin + GOOD,  # the last line has no newline
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()  # output is always valid UTF-8
    assert len(lines) == 2 * len(names) + 1
    for index, name in enumerate(names):
        bad, good = json.loads(lines[2 * index]), json.loads(lines[2 * index + 1])
        assert set(bad) == {"error"} and bad["error"].startswith(f"line {2 * index + 1}:"), name
        assert good["techniques"][:1] == ["probing"], name
    assert json.loads(lines[-1])["techniques"][:1] == ["probing"]


@pytest.mark.timeout(60)
def test_grade_answers_each_line_before_reading_the_next():
    with subprocess.Popen(
        [sys.executable, "-m", "simulator", "grade"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(GOOD + b"\n")
        process.stdin.flush()
        first = process.stdout.readline()  # would block forever if answers were buffered
        process.stdin.close()
        process.wait(timeout=60)
    assert json.loads(first)["techniques"][:1] == ["probing"]


def test_trace_json_and_text(tmp_path):
    replies = tmp_path / "r.txt"
    replies.write_text("好的。\n八年可不容易,街坊都认您,说明您做人实在。\n", "utf-8")
    result = sim("--ui-lang", "en", "trace", MINI, "--replies", str(replies), "--json")
    assert result.returncode == 0, result.stderr
    turns = json.loads(result.stdout)["turns"]
    assert [t["beat"] for t in turns] == ["opening", "opening"]
    assert turns[1]["transitions"][0] == {
        "to": "business",
        "fired": True,
        "why": "technique praise credited",
    }
    text = sim("--ui-lang", "zh", "trace", MINI, "--replies", str(replies)).stdout
    assert "第1轮 · 节点 opening" in text and "本节轮数 1 < 2" in text


def test_a_failing_embedded_test_prints_its_last_turns(tmp_path):
    broken = tmp_path / "wrong.yaml"
    broken.write_text(
        open(MINI, encoding="utf-8")
        .read()
        .replace(
            "expect: {ending: good_end, passed: true", "expect: {ending: meh_end, passed: true"
        )
        .replace("expect: {kind: walkout, passed: false}", "expect: {kind: partial}"),
        "utf-8",
    )
    result = sim("--ui-lang", "en", "test", str(broken))
    assert result.returncode == 1
    out = result.stdout
    assert "ending: expected 'meh_end', got 'good_end' after 3 replies" in out
    assert "Turn 3 · beat business" in out
    assert "→ good_end: FIRED: fact other_loan revealed" in out
    walkout = out.split("repeating one line walks out")[1]
    assert "ending kind: expected partial, got walkout" in walkout
    assert "(the last 3 of " in walkout and "Turn 1 ·" not in walkout
    assert "reached its floor 0, a walkout" in walkout


@pytest.mark.timeout(60)
def test_the_longest_allowed_run_finishes_in_seconds(tmp_path):
    """No reply repeats another, the worst case for the repeat check, up to max_turns' limit
    (500); the engine test times 3,000 replies past that limit."""
    words = "shop rent stock supplier invoice bank loan cash month season price margin".split()
    replies = tmp_path / "r.txt"
    replies.write_text(
        "\n".join(" ".join(random.Random(n).choices(words, k=60)) for n in range(600)), "utf-8"
    )
    result = sim("run", str(DATA / "long_en.yaml"), "--replies", str(replies), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ending"] == "timeout" and len(data["transcript"]) > 500


def test_graph_formats():
    dot = sim("graph", MINI, "--lang", "en")
    assert dot.returncode == 0 and dot.stdout.startswith("digraph scenario {")
    mermaid = sim("graph", MINI, "--format", "mermaid", "--lang", "zh")
    assert mermaid.stdout.startswith("flowchart TD") and "技巧 praise / rapport" in mermaid.stdout
