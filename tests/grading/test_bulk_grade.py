"""`simulator grade` in batches: a file at full speed, a line typed alone answered at once."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _grade(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "simulator", "grade", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )


@pytest.mark.timeout(120)  # a grader waiting for a full batch would hang here
def test_a_program_that_waits_for_each_answer_gets_it() -> None:
    proc = _grade("--jobs", "2")
    assert proc.stdin is not None and proc.stdout is not None
    replies = ["您这店打理得真有章法", "What's your monthly turnover?", "你这人真烦"]
    answers = []
    for text in replies:
        proc.stdin.write(json.dumps({"text": text}, ensure_ascii=False).encode() + b"\n")
        proc.stdin.flush()
        answers.append(json.loads(proc.stdout.readline()))
    proc.stdin.close()
    assert proc.wait(60) == 0
    assert "praise" in answers[0]["techniques"]
    assert "probing" in answers[1]["techniques"]
    assert "disrespect" in answers[2]["pitfalls"]


def test_many_lines_in_order_with_errors_numbered_whatever_the_jobs() -> None:
    rows = [json.dumps({"text": f"第{i}句:您每月流水大概多少?"}) for i in range(300)]
    rows[150] = "not json"
    data = ("\n".join(rows) + "\n").encode()
    outputs = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "simulator", "grade", "--jobs", jobs],
            input=data,
            capture_output=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    lines = outputs[0].decode().splitlines()
    assert len(lines) == 300
    assert json.loads(lines[150]) == {"error": "line 151: not JSON: Expecting value"}
    assert all("probing" in json.loads(line)["techniques"] for line in lines[:150])
