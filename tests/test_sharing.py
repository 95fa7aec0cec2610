"""Sharing: the library is the bundled scenarios plus $SIMULATOR_LIBRARY's folders plus
--library's, and one id names one scenario across all of them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.core.scenario.diagnostics import localise
from simulator.core.scenario.library import bundled_root, library_roots, scan
from tests.conftest import DATA

MINI = (DATA / "scenarios" / "mini_zh.yaml").read_text("utf-8")


def folder(root: Path, name: str, scenario_id: str) -> Path:
    """A shared folder holding one copy of the mini scenario under `scenario_id`."""
    path = root / name
    path.mkdir()
    (path / f"{scenario_id}.zh.yaml").write_text(
        MINI.replace("id: test-mini", f"id: {scenario_id}"), "utf-8"
    )
    return path


def test_folders_are_added_in_order_never_replacing(tmp_path):
    a, b, c = (folder(tmp_path, n, f"team-{n}") for n in "abc")
    env = {"SIMULATOR_LIBRARY": os.pathsep.join([str(a), "", str(b), str(a)])}
    assert library_roots(c, environ=env) == [bundled_root(), a, b, c]
    assert library_roots([c], bundled=False, environ={}) == [c]
    assert library_roots(None, environ={}) == [bundled_root()]


def test_the_library_holds_every_folder(tmp_path, monkeypatch):
    a, b = folder(tmp_path, "a", "team-a"), folder(tmp_path, "b", "team-b")
    monkeypatch.setenv("SIMULATOR_LIBRARY", str(a))
    library = scan(library_roots(b))
    ids = {e.id for e in library.entries}
    assert {"team-a", "team-b", "preloan-supermarket"} <= ids
    assert not library.broken and not library.missing


def test_a_duplicate_id_names_both_files(tmp_path):
    a = folder(tmp_path, "a", "preloan-supermarket")
    library = scan(library_roots(a, environ={}))
    copy = str(a / "preloan-supermarket.zh.yaml")
    assert library.get("preloan-supermarket").path != copy  # the first file keeps the id
    [problem] = library.broken[copy]
    bundled = library.get("preloan-supermarket").path
    line = Path(bundled).read_text("utf-8").splitlines().index("id: preloan-supermarket") + 1
    assert problem.code == "E024" and problem.line == 3
    assert problem.message == f"scenario id 'preloan-supermarket' is also used by {bundled}:{line}"
    assert localise(problem, "zh").message == (
        f"场景 id 'preloan-supermarket' 已被 {bundled}:{line} 使用"
    )


def test_a_missing_shared_folder_is_named(tmp_path):
    gone = tmp_path / "gone"
    library = scan(library_roots(gone, environ={}))
    assert library.missing == str(gone) and library.broken[str(gone)][0].code == "E000"
    assert library.get("preloan-supermarket") is not None  # the rest still loads


def sim(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SIMULATOR_LIBRARY": "", **(env or {})},
    )


def test_cli_lists_bundled_env_and_library_folders(tmp_path):
    a, b, c = (folder(tmp_path, n, f"team-{n}") for n in "abc")
    env = {"SIMULATOR_LIBRARY": os.pathsep.join([str(a), str(b)])}
    result = sim("--library", str(c), "list", "--json", env=env)
    ids = {e["id"] for e in json.loads(result.stdout)}
    assert {"team-a", "team-b", "team-c", "preloan-supermarket"} <= ids
    only = sim("--no-bundled", "--library", str(c), "list", "--json", env=env)
    assert {e["id"] for e in json.loads(only.stdout)} == {"team-a", "team-b", "team-c"}
    run = sim("--library", str(c), "run", "team-a", "--replies", "-", stdin="", env=env)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_validate_names_the_other_file_of_the_library(tmp_path, lang):
    a = folder(tmp_path, "a", "team-a")
    b = folder(tmp_path, "b", "team-a")
    mine = b / "team-a.zh.yaml"
    env = {"SIMULATOR_LIBRARY": str(a)}
    result = sim("--ui-lang", lang, "validate", str(mine), env=env)
    assert result.returncode == 1
    other = f"{a / 'team-a.zh.yaml'}:3"
    expected = {
        "en": f"{mine}:3:1: E024: scenario id 'team-a' is also used by {other}",
        "zh": f"{mine}:3:1: E024: 场景 id 'team-a' 已被 {other} 使用",
    }[lang]
    assert expected in result.stdout
    assert sim("validate", str(a / "team-a.zh.yaml"), env=env).returncode == 0  # itself: fine
    assert sim("validate", str(mine)).returncode == 0  # outside the library: no clash
