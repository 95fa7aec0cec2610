"""The library index: an unchanged file is listed without being read again, anything that
could change its meaning makes it read again, and a bad index only costs time."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from simulator.core.errors import ScenarioError
from simulator.core.scenario import loader
from simulator.core.scenario.index import FORMAT, catalogue_key
from simulator.core.scenario.library import bundled_root, from_index, scan
from tests.conftest import DATA

MINI = DATA / "scenarios" / "mini_zh.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A library folder with two good files and a broken one."""
    path = tmp_path / "lib"
    path.mkdir()
    shutil.copy(MINI, path / "a.zh.yaml")
    text = MINI.read_text("utf-8").replace("id: test-mini", "id: test-other")
    (path / "b.zh.yaml").write_text(text, "utf-8")
    (path / "broken.zh.yaml").write_text("id: [unclosed\n", "utf-8")
    return path


def listed(library) -> list[dict]:
    return [e.to_dict() for e in library.entries]


def test_an_unchanged_library_is_listed_from_the_index(folder, tmp_path, monkeypatch):
    index = tmp_path / "cache" / "index.json"
    first = scan(folder, index=index)
    assert index.is_file() and [e.id for e in first.entries] == ["test-mini", "test-other"]

    read: list[Path] = []
    monkeypatch.setattr(loader, "load_scenario", lambda p, c=None: read.append(p))
    again = scan(folder, index=index)
    assert read == []
    assert listed(again) == listed(first)
    assert again.broken == first.broken  # the broken file's problems come back as well
    assert (
        again.broken[str(folder / "broken.zh.yaml")][0].code
        == first.broken[str(folder / "broken.zh.yaml")][0].code
    )


def test_a_listed_entry_loads_its_scenario_when_opened(folder, tmp_path):
    index = tmp_path / "index.json"
    scan(folder, index=index)
    entry = scan(folder, index=index).get("test-mini")
    assert entry is not None
    scenario = entry.scenario
    assert scenario.id == "test-mini" and scenario.title == entry.title
    assert entry.scenario is scenario  # loaded once


def test_a_changed_file_is_read_again(folder, tmp_path):
    index = tmp_path / "index.json"
    scan(folder, index=index)
    path = folder / "a.zh.yaml"
    text = path.read_text("utf-8").replace("id: test-mini", "id: test-renamed")
    path.write_text(text, "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert {e.id for e in scan(folder, index=index).entries} == {"test-renamed", "test-other"}


def test_a_new_and_a_removed_file_are_seen(folder, tmp_path):
    index = tmp_path / "index.json"
    scan(folder, index=index)
    (folder / "b.zh.yaml").unlink()
    text = MINI.read_text("utf-8").replace("id: test-mini", "id: test-new")
    (folder / "c.zh.yaml").write_text(text, "utf-8")
    assert [e.id for e in scan(folder, index=index).entries] == ["test-mini", "test-new"]


def test_duplicate_ids_name_both_files_with_and_without_the_index(folder, tmp_path):
    shutil.copy(folder / "a.zh.yaml", folder / "z.zh.yaml")
    index = tmp_path / "index.json"
    fresh = scan(folder, index=index).broken[str(folder / "z.zh.yaml")]
    cached = scan(folder, index=index).broken[str(folder / "z.zh.yaml")]
    assert fresh == cached
    assert fresh[0].code == "E024" and str(folder / "a.zh.yaml") in fresh[0].message
    id_line = 1 + MINI.read_text("utf-8").split("\nid:")[0].count("\n") + 1
    assert (fresh[0].line, fresh[0].col) == (id_line, 1)  # the id line of the second file


@pytest.mark.parametrize(
    "damage",
    [
        "",
        "{not json",
        '{"format": 999, "key": "x", "files": {}}',
        '{"format": 1, "files": 3}',
        "[]",
    ],
)
def test_a_damaged_index_is_an_empty_one(folder, tmp_path, damage):
    index = tmp_path / "index.json"
    index.write_text(damage, "utf-8")
    assert [e.id for e in scan(folder, index=index).entries] == ["test-mini", "test-other"]
    assert json.loads(index.read_text("utf-8"))["format"] == FORMAT  # rewritten whole


def test_another_catalogue_does_not_reuse_the_index(folder, tmp_path, monkeypatch):
    index = tmp_path / "index.json"
    scan(folder, index=index)
    org = tmp_path / "techniques.yaml"
    org.write_text("techniques: {}\n", "utf-8")
    read: list[Path] = []
    real = loader.load_scenario

    def counting(path, catalogue=None):
        read.append(Path(path))
        return real(path, catalogue)

    monkeypatch.setattr(loader, "load_scenario", counting)
    scan(folder, index=index, catalogue_key=catalogue_key(org))
    assert len(read) == 3  # every file read again under the organisation's catalogue
    assert catalogue_key(None) == "builtin" and str(org.resolve()) in catalogue_key(org)


def test_an_unwritable_index_costs_only_speed(folder, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    library = scan(folder, index=blocker / "cache" / "index.json")  # its folder cannot exist
    assert [e.id for e in library.entries] == ["test-mini", "test-other"]


def test_a_file_broken_after_listing_raises_when_opened(folder, tmp_path):
    index = tmp_path / "index.json"
    scan(folder, index=index)
    entry = scan(folder, index=index).get("test-mini")
    assert entry is not None
    (folder / "a.zh.yaml").write_text("id: [unclosed\n", "utf-8")
    with pytest.raises(ScenarioError):
        _ = entry.scenario


def test_the_bundled_library_lists_the_same_with_and_without_the_index(tmp_path):
    index = tmp_path / "index.json"
    plain = scan(bundled_root())
    scan(bundled_root(), index=index)
    cached = scan(bundled_root(), index=index)
    assert listed(cached) == listed(plain) and len(plain.entries) >= 22
    assert cached.broken == plain.broken == {}


def test_from_index_lists_without_reading_or_gives_up(folder, tmp_path, monkeypatch):
    index = tmp_path / "index.json"
    assert from_index(folder, None, index=index) is None  # no index yet
    first = scan(folder, index=index)
    read: list[Path] = []
    monkeypatch.setattr(loader, "load_scenario", lambda p, c=None: read.append(p))
    known = from_index(folder, None, index=index)
    assert known is not None and listed(known) == listed(first) and read == []
    assert known.broken == first.broken
    (folder / "new.zh.yaml").write_text(MINI.read_text("utf-8"), "utf-8")
    assert from_index(folder, None, index=index) is None and read == []  # a new file: scan it
