"""The Textual app; `factory.make_app(...)` builds it for the CLI, Pilot tests, snapshots and
benchmarks.

The app owns navigation (screens post messages up, the app decides what comes next), the
interface language and theme, the command palette, and the offer to resume an unfinished
session. What happens in a session is the core's business, reached through `Practice`.

Keys (all shown in the footer of the screen where they apply):
  everywhere     Ctrl+L interface language · Ctrl+T light/dark · Ctrl+P commands · Ctrl+Q quit
                 (the palette also sets the customer's typing pace: off, fast, natural)
  library        Enter open · / search · Esc clear filters · H history · E broken files
  briefing       Enter start · C coach mode · X exam mode · G relay names · Esc back
  conversation   Enter send · Ctrl+J new line · Ctrl+G hint (coach) · Ctrl+B side panel · Esc end
                 any key while the customer is "typing" skips the pause
  feedback       1/2/3 tabs (M missed; 4 or G group, in a relay) · R try again · E export
                 · H history · Esc library
  history        Enter reopen · Esc back
  progress       1/2/3 tabs (trends, best, retry list) · Enter retry that moment · N name · Esc back
                 (P opens it from the library and the feedback; the palette also sets the name)
  preview        as the conversation, plus F2 undo the last reply · Ctrl+R start over;
                 Ctrl+B shows the debug panel (`simulator preview`, screens/preview.py)
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import Screen

from simulator.core.errors import Problem, SimulatorError
from simulator.core.scenario.library import Library, resolve
from simulator.core.text import other, t
from simulator.tui import pace as pace_mod
from simulator.tui import palette, progress_nav, resume
from simulator.tui.screens.base import Translated, translate_bindings
from simulator.tui.screens.library import LibraryScreen

if TYPE_CHECKING:  # the screens past the library, and the grader, load when first needed
    from simulator.core.grading import Grader
    from simulator.core.practice import Practice
    from simulator.core.results.progress import Moment
    from simulator.core.scenario.model import Scenario
    from simulator.tui.factory import AppConfig
    from simulator.tui.screens.briefing import BriefingScreen
    from simulator.tui.screens.conversation import ConversationScreen
    from simulator.tui.screens.feedback import FeedbackScreen
    from simulator.tui.screens.history import HistoryScreen
    from simulator.tui.screens.progress import ProgressScreen

DARK, LIGHT = "textual-dark", "textual-light"


class SimulatorApp(App[int]):
    """Customer-manager conversation practice."""

    CSS_PATH = [
        "styles/base.tcss",
        "styles/library.tcss",
        "styles/conversation.tcss",
        "styles/feedback.tcss",
        "styles/relay.tcss",
        "styles/progress.tcss",
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding(
            "ctrl+l", "switch_language", "中文", key_display="^L", tooltip="Language", id="language"
        ),
        Binding(
            "ctrl+t",
            "toggle_theme",
            "Theme",
            key_display="^T",
            tooltip="Theme",
            show=False,
            id="theme",
        ),
        Binding(
            "ctrl+q", "quit", "Quit", key_display="^Q", tooltip="Quit", priority=True, id="quit"
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            key_display="^P",
            tooltip="Commands",
            show=False,
            priority=True,
            id="palette",
        ),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    ui_lang: reactive[str] = reactive("en", init=False)
    """Interface language: zh or en."""
    pace: reactive[str] = reactive(pace_mod.DEFAULT, init=False)
    """The customer's typing pause: off, fast or natural; read at each pause."""

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config
        """How the app was started."""
        self.library: Library | None = None
        """The last library scan (set by the library screen)."""
        self._grader: Grader | None = None
        self._grader_lock = threading.Lock()
        self._resume_offered = False
        self._warming = False
        prefs = config.store.prefs()
        self.trainee = progress_nav.saved_name(prefs)
        """The trainee's name, stamped on each session that finishes ("" when not given)."""
        self.name_asked = progress_nav.name_asked(prefs)
        """The name was saved or skipped once (it is asked at the first start only)."""
        self.set_reactive(SimulatorApp.ui_lang, config.ui_lang)
        self.set_reactive(SimulatorApp.pace, config.pace)
        self.theme = config.theme

    # ---- start and language --------------------------------------------------------------
    def on_mount(self) -> None:
        translate_bindings(self, self.ui_lang)
        self.title = t("app.title", self.ui_lang)
        if self.config.start is not None and self.config.preview:
            from simulator.tui.screens.preview import preview_screen

            self.warm_up()
            self.push_screen(preview_screen(self, self.config.start))
        elif self.config.start is not None:
            self.warm_up()
            self.start_practice(
                self.config.start, self.config.mode, replace=False, relay=self.config.relay
            )
        else:
            self.push_screen(LibraryScreen())  # it calls warm_up once the library is listed

    def warm_up(self) -> None:
        """Once: load the learned layer and open the results store in the background, so the
        first reply does not wait for them. Started after the first screen is drawn: the
        threads share one interpreter, and the library scan comes first."""
        if self._warming:
            return
        self._warming = True
        self.run_worker(self._load_grader, thread=True, group="grader", exclusive=True)
        if self.config.recorder is not None:
            self.run_worker(self.config.recorder.prepare, thread=True, group="results")

    @property
    def grader(self) -> Grader:
        """One grader for every session, made when first needed (the warm-up thread makes
        it, unless a session asks first)."""
        with self._grader_lock:
            if self._grader is None:
                from simulator.core.grading import Grader

                self._grader = Grader(self.config.catalogue)
            return self._grader

    def _load_grader(self) -> None:
        self.grader.warm()

    def watch_ui_lang(self, lang: str) -> None:
        translate_bindings(self, lang)
        self.title = t("app.title", lang)
        self._save_prefs(ui_lang=lang)
        self._retranslate()

    @work(exclusive=True, group="language")
    async def _retranslate(self) -> None:
        """Rebuild every screen in the new language (a worker, so tests can wait for it)."""
        for screen in list(self.screen_stack):
            if isinstance(screen, Translated):
                await screen.retranslate()
        self.refresh_bindings()

    def action_switch_language(self) -> None:
        self.ui_lang = other(self.ui_lang)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK
        self._save_prefs(theme=self.theme)

    def set_pace(self, chosen: str) -> None:
        """Choose the typing pause (from the palette) and remember it for the next run."""
        self.pace = chosen
        self._save_prefs(pace=chosen)
        self.notify(t("pace.set", self.ui_lang, pace=t(f"pace.{chosen}", self.ui_lang)))

    async def on_event(self, event: events.Event) -> None:
        # Any key ends the customer's "typing" pause. The key does nothing else (Enter must
        # not also send the box), except the app's priority keys: Ctrl+Q still quits.
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and _skips_typing(self.screen)
            and not any(b.priority for b in self._bindings.key_to_bindings.get(event.key, []))
        ):
            return
        await super().on_event(event)

    def action_help_quit(self) -> None:
        self.notify(t("quit.help", self.ui_lang))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(
                    id="--command-palette", placeholder=t("palette.placeholder", self.ui_lang)
                )
            )

    def _save_prefs(self, **values: str) -> None:
        try:
            self.config.store.save_prefs(**values)
        except SimulatorError:
            pass  # preferences are a convenience; the app works without them

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return palette.system_commands(self, screen)

    def results_warning(self, practice: Practice) -> None:
        """One line when the results store could not be written (the session is safe)."""
        warning = practice.results_warning()
        if warning:
            text = t("results.warning", self.ui_lang, error=warning)
            self.notify(text, severity="warning", timeout=8)

    def error(self, error: SimulatorError) -> None:
        """Show a core error the way every screen does."""
        self.notify(str(error), title=error.title_in(self.ui_lang), severity="error", timeout=10)

    # ---- scenarios ---------------------------------------------------------------------------
    def scenario_by_id(self, scenario_id: str) -> Scenario | None:
        """A scenario already loaded (library or the one started with)."""
        entry = self.library.get(scenario_id) if self.library else None
        if entry is not None:
            try:
                return entry.scenario
            except SimulatorError:  # changed since it was listed: load it again below
                pass
        start = self.config.start
        return start if start is not None and start.id == scenario_id else None

    def find_scenario(self, scenario_id: str, source: str = "") -> Scenario:
        """A loaded scenario, else load it from its file or the library; raises SimulatorError."""
        from simulator.core.scenario.loader import load_scenario

        found = self.scenario_by_id(scenario_id)
        if found is not None:
            return found
        if source and Path(source).exists():
            scenario = load_scenario(source, self.config.catalogue)
            if scenario.id == scenario_id:
                return scenario
        return load_scenario(resolve(scenario_id, self.config.library), self.config.catalogue)

    def show_problems(self, broken: dict[str, list[Problem]]) -> None:
        from simulator.tui.screens.dialogs import ProblemsDialog

        self.push_screen(ProblemsDialog(broken))

    # ---- navigation ----------------------------------------------------------------------------
    def start_practice(
        self,
        scenario: Scenario,
        mode: str,
        *,
        replace: bool = True,
        relay: tuple[str, ...] = (),
        at: Moment | None = None,
    ) -> bool:
        """Open a conversation (at a past moment with `at`); False when it cannot start."""
        from simulator.core.practice import Practice
        from simulator.tui.screens.conversation import ConversationScreen

        self.warm_up()
        try:
            practice = Practice.new(
                scenario,
                mode,
                self.config.store,
                self.config.clock,
                seed=self.config.seed,
                grader=self.grader,
                ui_lang=self.ui_lang,
                recorder=self.config.recorder,
                relay=relay,
                trainee=self.trainee,
                at=at,
            )
        except SimulatorError as error:
            self.error(error)
            return False
        if practice.save_error is not None:
            self.error(practice.save_error)
        self.results_warning(practice)
        screen = ConversationScreen(practice)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return True

    def go_library(self) -> None:
        while len(self.screen_stack) > 2 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()
        if not isinstance(self.screen, LibraryScreen):
            self.switch_screen(LibraryScreen())

    def show_history(self) -> None:
        """Back to the history when it is already open underneath (a feedback reopened from it),
        else open it: the stack never holds two histories, so feedback -> history -> feedback
        -> history can go round without growing."""
        from simulator.tui.screens.history import HistoryScreen

        if any(isinstance(s, HistoryScreen) for s in self.screen_stack):
            while not isinstance(self.screen, HistoryScreen):
                self.pop_screen()
        else:
            self.push_screen(HistoryScreen())

    def show_progress(self) -> None:
        progress_nav.show(self)

    def on_library_screen_progress_requested(self) -> None:
        self.show_progress()

    def on_feedback_screen_progress_requested(self) -> None:
        self.show_progress()

    def on_progress_screen_retry_requested(self, message: ProgressScreen.RetryRequested) -> None:
        progress_nav.retry(self, message.moment)

    def on_progress_screen_name_requested(self) -> None:
        progress_nav.ask_name(self)

    def on_progress_screen_closed(self) -> None:
        self.pop_screen()

    def show_feedback(self, practice: Practice) -> None:
        if practice.save_error is not None:
            self.error(practice.save_error)
        from simulator.tui.screens.feedback import FeedbackScreen

        report = practice.finish()
        self.results_warning(practice)
        self.switch_screen(FeedbackScreen(report, mode=practice.mode, can_retry=True))

    def on_library_screen_chosen(self, message: LibraryScreen.Chosen) -> None:
        from simulator.tui.screens.briefing import BriefingScreen

        try:
            scenario = message.entry.scenario  # loaded now when the list came from the index
        except SimulatorError as error:  # the file changed since it was listed
            self.error(error)
            return
        self.push_screen(BriefingScreen(scenario))

    def on_library_screen_history_requested(self) -> None:
        self.show_history()

    def on_briefing_screen_started(self, message: BriefingScreen.Started) -> None:
        self.start_practice(message.scenario, message.mode, relay=message.relay)

    def on_briefing_screen_closed(self) -> None:
        self.pop_screen()

    def on_conversation_screen_finished(self, message: ConversationScreen.Finished) -> None:
        self.show_feedback(message.practice)

    def on_feedback_screen_retry_requested(self, message: FeedbackScreen.RetryRequested) -> None:
        try:
            scenario = self.find_scenario(message.scenario_id)
        except SimulatorError as error:
            self.error(error)
            return
        self.start_practice(scenario, message.mode, relay=message.relay)

    def on_feedback_screen_library_requested(self) -> None:
        self.go_library()

    def on_feedback_screen_history_requested(self) -> None:
        self.show_history()

    def on_history_screen_opened(self, message: HistoryScreen.Opened) -> None:
        try:
            report = self.config.store.report(message.item.id)
        except SimulatorError as error:
            self.error(error)
            return
        can_retry = self.scenario_by_id(report.scenario) is not None or self.config.start is None
        from simulator.tui.screens.feedback import FeedbackScreen

        self.push_screen(FeedbackScreen(report, mode=message.item.mode, can_retry=can_retry))

    def on_history_screen_closed(self) -> None:
        self.pop_screen()

    # ---- resuming ----------------------------------------------------------------------------------
    def offer_resume(self) -> None:
        """Once per run: ask about each unfinished session, newest first."""
        if not self._resume_offered:
            self._resume_offered = True
            if self.name_asked or self.config.store.resumable():
                resume.offer(self)  # a session to resume comes first; the name can wait
            else:  # the first start: the trainee's name (once, skippable)
                progress_nav.ask_name(self, then=lambda: resume.offer(self))


def _skips_typing(screen: Screen) -> bool:
    """The screen is a conversation whose customer is "typing", and the pause ends now."""
    skip = getattr(screen, "skip_typing", None)
    return bool(callable(skip) and skip())
