"""Live preview: the conversation screen with a debug panel, following the file as it is saved.

A trainer writes a scenario in one window and talks to it in this one. Every half second
the file's modification time is looked at; on a save the file is validated again. With
no errors the conversation starts over in the new version with the replies so far played
again (replies past a new, earlier ending are dropped); with errors the problems appear in
the panel, each with its code, line and fix, and the conversation stays on the last good
version. The panel is `simulator trace` for the last reply plus where the session is now.

Keys, beyond the conversation's: Ctrl+B shows or hides the panel (hidden below 100
columns), F2 takes back the last reply (Ctrl+Z stays the reply box's own undo), Ctrl+R
starts over. Ending a session (Esc)
shows its score here instead of leaving for the feedback screen, so the file can still be
edited and the session replayed.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding
from textual.timer import Timer

from simulator.core.errors import SimulatorError
from simulator.core.practice import Practice
from simulator.core.scenario.loader import Scenario
from simulator.tui.live import POLL_SECONDS, Loaded, Watched, debug_view, replay, replies_of
from simulator.tui.screens.base import translate_tree
from simulator.tui.screens.conversation import ConversationScreen
from simulator.tui.widgets.debug_panel import DebugPanel, PanelState

if TYPE_CHECKING:
    from simulator.tui.app import SimulatorApp

CSS_FILE = Path(__file__).resolve().parents[1] / "styles" / "preview.tcss"


class PreviewScreen(ConversationScreen):
    """A conversation with a scenario file that is being written."""

    CSS_PATH = str(CSS_FILE)
    BINDINGS = [
        Binding(
            "f2",
            "undo",
            "Undo",
            key_display="F2",
            tooltip="Take back the last reply",
            id="undo",
        ),
        Binding(
            "ctrl+r", "restart", "Restart", key_display="^R", tooltip="Start over", id="restart"
        ),
    ]

    def __init__(self, practice: Practice, watched: Watched, loaded: Loaded) -> None:
        super().__init__(practice)
        self.watched = watched
        """The file followed."""
        self.version = 1
        """The version the conversation plays; counts good saves."""
        self.problems = loaded.problems
        """Problems of the file as last saved."""
        self.kept = False
        """True when the last save had errors (the conversation kept the last good version)."""
        self._poll: Timer | None = None
        self._reloading = False
        self._generation = 0

    # ---- layout ------------------------------------------------------------------------
    def compose(self):  # type: ignore[no-untyped-def]
        yield from super().compose()
        yield DebugPanel(id="debug")

    def populate(self) -> None:
        super().populate()
        if self._poll is None:
            self._poll = self.set_interval(POLL_SECONDS, self.check_file)

    def refresh_debug(self) -> None:
        """Recompute the panel (a trace of the replies so far) in a thread."""
        self._generation += 1
        self._trace(self.practice, self._generation)

    @work(exclusive=True, group="debug", thread=True)
    def _trace(self, practice: Practice, generation: int) -> None:
        view = debug_view(practice.session, self.sim.grader, self.lang)
        state = PanelState(self.watched.path.name, self.version, self.problems, self.kept, view)
        self.app.call_from_thread(self._show_debug, state, generation)

    def _show_debug(self, state: PanelState, generation: int) -> None:
        panel = self.query(DebugPanel)
        if panel and generation == self._generation:  # a slower, older trace is not shown
            panel.first().show(state, self.lang)

    def _refresh_panel(self) -> None:
        super()._refresh_panel()  # on mount and after every reply
        self.refresh_debug()

    # ---- following the file ------------------------------------------------------------
    def check_file(self) -> None:
        """Reload when the file was saved (the timer calls this every POLL_SECONDS)."""
        if not self._reloading and not self._busy and self.watched.changed():
            self._reloading = True
            self.reload()

    @work(exclusive=True, group="reload")
    async def reload(self) -> None:
        """Read the file again; on success replay the replies into the new version."""
        try:
            self._busy = True  # no reply is graded while the replay uses the grader
            loaded = await asyncio.to_thread(self.watched.load)
            self.problems = loaded.problems
            if loaded.scenario is None:
                self.kept = True
                self.notify(
                    self.t("preview.broken", n=len(loaded.errors)), severity="error", timeout=6
                )
                self.refresh_debug()
                return
            self.kept = False
            replies = replies_of(self.practice.session)
            practice = await asyncio.to_thread(self._replay, loaded.scenario, replies)
            self.version += 1
            played = len(practice.session.turns)
            await self._switch(practice)
            dropped = len(replies) - played
            key = "preview.reloaded.dropped" if dropped else "preview.reloaded"
            self.notify(self.t(key, n=self.version, k=played, m=dropped))
        finally:
            self._busy = False
            self._reloading = False

    def _replay(self, scenario: Scenario, replies: list[str]) -> Practice:
        old = self.practice
        return replay(
            scenario,
            replies,
            lambda s: Practice.new(
                s,
                old.mode,
                old.store,
                old.clock,
                seed=old.session.seed,
                grader=self.sim.grader,
                ui_lang=self.lang,
            ),
        )

    async def _switch(self, practice: Practice) -> None:
        """Show another practice of the file (a reload, an undo, a restart)."""
        old, self.practice = self.practice, practice
        with contextlib.suppress(SimulatorError):
            old.discard()  # a draft session: nothing to keep
        self.hint_shown = False
        if self._ticker is not None:
            self._ticker.pause()  # the clock must not tick while its widgets are rebuilt
        try:
            await self.recompose()
            translate_tree(self, self.lang)
            self.populate()
        finally:
            if self._ticker is not None:
                self._ticker.resume()
        for target in ("#reply", "#see-feedback"):
            found = self.query(target)
            if found:
                found.first().focus()
                break
        self.refresh_bindings()

    # ---- actions -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("undo", "restart"):
            return True
        return super().check_action(action, parameters)

    @work(exclusive=True, group="reload")
    async def _again(self, replies: list[str], message: str) -> None:
        if self._busy:
            self.notify(self.t("chat.wait"), severity="warning")
            return
        self._busy = True
        try:
            practice = await asyncio.to_thread(self._replay, self.practice.scenario, replies)
            await self._switch(practice)
            self.notify(self.t(message))
        finally:
            self._busy = False

    def action_undo(self) -> None:
        replies = replies_of(self.practice.session)
        if not replies:
            self.notify(self.t("preview.nothing_to_undo"), severity="warning")
            return
        self._again(replies[:-1], "preview.undone")

    def action_restart(self) -> None:
        self._again([], "preview.restarted")

    def on_conversation_screen_finished(self, message: ConversationScreen.Finished) -> None:
        """Stay here: the score is shown, the file can still change."""
        message.stop()
        report = message.practice.finish()
        passed = self.t("preview.passed" if report.passed else "preview.not_passed")
        self.notify(
            self.t("preview.finished", ending=report.ending, score=report.score, passed=passed),
            timeout=8,
        )
        self.refresh_debug()


def preview_screen(app: SimulatorApp, scenario: Scenario) -> PreviewScreen:
    """The preview of the file `scenario` was loaded from, in coach mode, from the start."""
    watched = Watched(scenario.source, app.config.catalogue)
    loaded = watched.load()
    practice = Practice.new(
        loaded.scenario or scenario,
        "coach",
        app.config.store,
        app.config.clock,
        seed=app.config.seed,
        grader=app.grader,
        ui_lang=app.ui_lang,
    )
    screen = PreviewScreen(practice, watched, loaded)
    screen.kept = loaded.scenario is None
    return screen
