"""A wheel built from the repository carries the whole product: scenarios, catalogue, bank, model."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.timeout(300)
def test_the_wheel_ships_scenarios_and_the_grader_data(tmp_path):
    # Built from a clean copy: setuptools would otherwise reuse what an earlier build left in
    # build/lib, and a package missing from pyproject's list would still be shipped here.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "*.egg-info", "__pycache__", ".pg", ".*_cache", "exports"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("simulator-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    scenarios = {f"simulator/scenarios/{p.name}" for p in (ROOT / "scenarios").glob("*.yaml")}
    assert scenarios and scenarios <= names
    assert "simulator/core/grading/data/model.json.gz" in names
    assert "simulator/core/grading/data/techniques.yaml" in names
    bank = {
        f"simulator/core/grading/data/bank/{p.name}"
        for p in (ROOT / "simulator/core/grading/data/bank").glob("*.jsonl")
    }
    assert bank and bank <= names
    migrations = {
        f"simulator/core/results/migrations/{p.relative_to(ROOT / 'simulator/core/results/migrations')}"
        for p in (ROOT / "simulator/core/results/migrations").rglob("*.py")
    }
    assert "simulator/core/results/migrations/env.py" in migrations and migrations <= names
    # Every module and every data file the package reads ships: a sub-package missing from
    # pyproject's list would install an app that fails on its first import of it.
    shipped = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "simulator").rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.suffix in (".py", ".yaml", ".tcss", ".html", ".css", ".js", ".woff2")
    }
    assert "simulator/core/session/data/reactions.yaml" in shipped
    assert not shipped - names, sorted(shipped - names)
