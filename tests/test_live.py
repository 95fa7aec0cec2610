"""The live preview's UI-free part: noticing a save, reloading, replaying, the debug view."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from simulator.core.practice import Practice
from simulator.core.results.files import Store
from simulator.core.session.engine import Session
from simulator.tui.live import Watched, debug_view, replay, replies_of
from tests.conftest import DATA

MINI = DATA / "scenarios" / "mini_zh.yaml"
REPLIES = [
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]


def test_a_save_is_noticed_once(tmp_path):
    path = tmp_path / "s.yaml"
    shutil.copy(MINI, path)
    watched = Watched(path)
    assert watched.changed()  # never read
    loaded = watched.load()
    assert loaded.scenario is not None and loaded.errors == ()
    assert not watched.changed()
    path.write_text(MINI.read_text("utf-8").replace("pass_score: 60", "pass_score：60"), "utf-8")
    os.utime(path, ns=(1, 1))  # set, so the check does not hang on the clock's resolution
    assert watched.changed()
    broken = watched.load()
    assert broken.scenario is None and [p.code for p in broken.errors] == ["E016"]
    assert not watched.changed()
    path.unlink()
    assert not watched.changed(), "a file being replaced is looked at again next time"


def test_replay_plays_until_the_new_version_ends(tmp_path):
    store = Store(tmp_path)
    scenario = Watched(MINI).load().scenario
    assert scenario is not None
    practice = replay(
        scenario, REPLIES + ["还有吗?"], lambda s: Practice.new(s, "coach", store, lambda: 0.0)
    )
    assert replies_of(practice.session) == REPLIES
    assert practice.session.ending == "good_end"


def test_debug_view_is_the_trace_of_the_last_reply():
    scenario = Watched(MINI).load().scenario
    assert scenario is not None
    session = Session.start(scenario)
    fresh = debug_view(session, None, "en")
    assert fresh.last is None and fresh.beat == "opening" and fresh.turn == 0
    assert [(e.to, e.when) for e in fresh.exits] == [
        ("business", "technique praise / rapport"),
        ("business", "turns in beat ≥ 2"),
    ]
    session.reply(REPLIES[0])
    view = debug_view(session, None, "en")
    assert view.last is not None and view.last.turn.beat == "opening"
    assert [(t.id, t.ok) for t in view.last.transitions] == [
        ("business", True),
        ("business", False),
    ]
    assert view.beat == "business" and dict(view.meters)["trust"] == session.meters["trust"]


def sim(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args], capture_output=True, text=True, timeout=120
    )


def test_preview_command_help_and_refusals(tmp_path):
    helped = sim("preview", "--help")
    assert helped.returncode == 0 and "example" in helped.stdout and "F2" in helped.stdout
    missing = sim("preview", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    broken = tmp_path / "b.yaml"
    broken.write_text(MINI.read_text("utf-8").replace("pass_score: 60", "pass_score：60"), "utf-8")
    result = sim("--ui-lang", "en", "preview", str(broken))
    assert result.returncode == 1
    assert "E016: a full-width colon 「：」 after the key 'pass_score'" in result.stderr


def test_preview_command_opens_the_app_in_the_preview_with_a_scratch_store(tmp_path, monkeypatch):
    """What `simulator preview` starts: the preview, pace off, sessions in a folder that goes."""
    from simulator.cli import main
    from simulator.tui.app import SimulatorApp

    seen = {}

    def run(app):
        seen["config"] = app.config

    monkeypatch.setattr(SimulatorApp, "run", run)
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "s.yaml"
    shutil.copy(MINI, path)
    assert main(["preview", str(path), "--lang", "en"]) == 0
    config = seen["config"]
    assert config.preview and config.pace == "off" and config.ui_lang == "en"
    assert config.recorder is None, "a draft is not recorded in the results store"
    assert config.start is not None and config.start.source == str(path)
    assert tmp_path / "data" not in config.store.root.parents
    assert not config.store.root.exists(), "the scratch folder is removed at the end"
