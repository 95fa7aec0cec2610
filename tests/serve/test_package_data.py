"""Every template and asset of the classroom server is declared as package data, so an
installed copy (pip, pipx, the wheel) serves the same pages as the repository."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from simulator.serve.web import ASSETS, HERE

ROOT = Path(__file__).resolve().parents[2]


def test_the_serve_package_and_all_its_files_are_declared():
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "simulator.serve" in setup["packages"]
    patterns = setup["package-data"]["simulator.serve"]
    files = [
        p.relative_to(HERE).as_posix()
        for folder in ("templates", "static")
        for p in (HERE / folder).rglob("*")
        if p.is_file()
    ]
    assert len(files) > 15
    undeclared = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert undeclared == []


def test_every_served_asset_exists():
    missing = [name for name, (path, _) in ASSETS.items() if not path.is_file()]
    assert missing == []
