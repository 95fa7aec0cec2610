"""Resuming after a crash, a closed terminal or Ctrl+C: the next start offers the session back."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

from textual.widgets import TextArea

from simulator.core.results.files import Store, StoreError
from simulator.core.results.items import Unfinished
from simulator.core.scenario.loader import load_scenario
from simulator.core.session.engine import Session
from simulator.tui.app import SimulatorApp
from simulator.tui.screens.conversation import ConversationScreen
from simulator.tui.screens.dialogs import ChoiceDialog
from simulator.tui.screens.library import LibraryScreen
from tests.test_ownership import HOLDER, ROOT
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, send, settle


async def leave_unfinished(make, draft: str = "还没说完的话") -> None:
    """Play one reply, type a draft, and close the app (as a closed terminal would)."""
    app = make(scenario=MINI, exam=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await send(pilot, MODEL_REPLIES[0])
        await pilot.press(*draft)
        await pilot.pause()


def saved_session(source, draft: str = "还没说完的话") -> None:
    """What an interrupted session leaves behind (faster than playing one)."""
    scenario = load_scenario(source)
    session = Session.start(scenario)
    session.reply(MODEL_REPLIES[0])
    Store().autosave(
        Unfinished(
            "s1",
            scenario.id,
            scenario.title,
            str(source),
            "exam",
            "zh",
            draft,
            20.0,
            "",
            session.to_dict(),
        )
    )


async def test_offers_and_resumes_with_the_draft(make, data_dir):
    await leave_unfinished(make)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        text = screen_text(app)
        assert (
            "有一场练习还没做完" in text
            and "考试模式" in text
            and "已回复 1 句" in text
            and "还没说完的话" in text
        )
        await pilot.press("enter")  # Resume is focused
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        assert screen.practice.mode == "exam"
        assert [t.reply for t in screen.practice.session.turns] == [MODEL_REPLIES[0]]
        assert screen.query_one("#reply", TextArea).text == "还没说完的话"
        assert MODEL_REPLIES[0] in screen_text(app)
        await send(pilot, MODEL_REPLIES[1])
        assert len(screen.practice.session.turns) == 2


async def test_discard_forgets_it(make, data_dir):
    saved_session(MINI)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.click("#choice-discard")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
    assert not list((data_dir / "unfinished").glob("*.json"))


async def test_later_keeps_it_for_next_time(make, data_dir):
    saved_session(MINI)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
    assert len(list((data_dir / "unfinished").glob("*.json"))) == 1


async def test_changed_scenario_explains_and_offers_discard(make, data_dir, library):
    saved_session(library / "mini_zh.yaml")
    path = library / "mini_zh.yaml"
    path.write_text(path.read_text("utf-8").replace("version: 1", "version: 2"), "utf-8")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # resume
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        text = screen_text(app)
        assert "无法继续这场练习" in text and "changed since the session was saved" in text
        await pilot.click("#choice-discard")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
    assert not list((data_dir / "unfinished").glob("*.json"))


async def test_play_does_not_overwrite_an_unfinished_session(make, data_dir):
    saved_session(MINI)
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await send(pilot, "您好")
    assert len(list((data_dir / "unfinished").glob("*.json"))) == 2


async def test_damaged_records_are_set_aside_with_a_notice(make, data_dir):
    saved_session(MINI)
    (data_dir / "history").mkdir()
    (data_dir / "history" / "h1.json").write_text('{"schema": 1, "item": {"score": "x"}}', "utf-8")
    (data_dir / "unfinished" / "u2.json").write_text("{not json", "utf-8")
    (data_dir / "prefs.json").write_text('{"ui_lang": ' + "9" * 5000 + "}", "utf-8")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)  # the good autosave is still offered
        notes = [n.message for n in app._notifications]
        assert len(notes) == 1 and "3 份" in notes[0] and "damaged" in notes[0]
    assert sorted(p.name for p in (data_dir / "damaged").iterdir()) == [
        "history-h1.json",
        "prefs.json",
        "unfinished-u2.json",
    ]


async def test_discard_in_a_read_only_folder_says_so(make, data_dir, monkeypatch):
    """The store turns the OSError into a StoreError (tests/test_store.py); the app says it."""
    saved_session(MINI)

    def refuse(session_id: str) -> None:
        raise StoreError(f"cannot remove {session_id}.json: Permission denied")

    app = make()
    monkeypatch.setattr(app.config.store, "discard", refuse)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.click("#choice-discard")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert any("cannot remove" in n.message for n in app._notifications)


async def test_resume_with_a_bad_seed_explains(make, data_dir):
    saved_session(MINI)
    path = data_dir / "unfinished" / "s1.json"
    data = json.loads(path.read_text("utf-8"))
    data["session"]["seed"] = "seven"
    path.write_text(json.dumps(data), "utf-8")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # resume
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog) and "unusable seed" in screen_text(app)


async def test_another_running_instance_s_session_is_not_offered(make, data_dir):
    """Two processes on one data folder: the live one's session is left alone until it dies."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir), str(MINI)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip()
        app: SimulatorApp = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, LibraryScreen)  # no resume dialog
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        app = make()
        notes: list[str] = []
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ChoiceDialog)
            app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
            await pilot.press("enter")  # resume
            await settle(pilot)
            assert isinstance(app.screen, ConversationScreen)
        assert any(str(proc.pid) in n and "接管" in n for n in notes), notes
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


async def test_a_reply_is_on_disk_before_it_is_graded(make, data_dir, monkeypatch):
    """A kill within ms of Enter loses nothing: the reply is saved before grading starts,
    and the next start puts it back in the reply box."""
    at_grading: dict[str, str] = {}
    real_reply = Session.reply

    def reply_seen_on_disk(self: Session, text: str, *args: object, **kwargs: object):
        [path] = (data_dir / "unfinished").glob("*.json")
        at_grading[path.name] = path.read_text("utf-8")  # what a kill now would leave
        return real_reply(self, text, *args, **kwargs)

    monkeypatch.setattr(Session, "reply", reply_seen_on_disk)
    app = make(scenario=MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reply = app.screen.query_one("#reply", TextArea)
        reply.text = MODEL_REPLIES[0]  # pasted, then Enter at once: no draft timer ran
        await pilot.press("enter")
        await settle(pilot)
    monkeypatch.setattr(Session, "reply", real_reply)
    [(name, text)] = at_grading.items()
    saved = json.loads(text)
    assert saved["draft"] == MODEL_REPLIES[0] and not saved["session"]["replies"]

    (data_dir / "unfinished" / name).write_text(text, "utf-8")  # the state the kill left
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert MODEL_REPLIES[0] in screen_text(app)  # the dialog shows the unsent reply
        await pilot.press("enter")  # resume
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        assert screen.practice.session.turns == []
        assert screen.query_one("#reply", TextArea).text == MODEL_REPLIES[0]
        await pilot.press("enter")
        await settle(pilot)
        assert [t.reply for t in screen.practice.session.turns] == [MODEL_REPLIES[0]]
