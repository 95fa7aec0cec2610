"""The command palette (Ctrl+P): the app's commands, and the screen's own where it has some.

Every command has a name and a line of help in the interface language; the pace commands
mark the current pace. A screen's commands (hint and end in a conversation; retry and
export on the feedback) are offered only on that screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from simulator.core.text import t
from simulator.tui import pace as pace_mod
from simulator.tui import progress_nav

if TYPE_CHECKING:
    from simulator.tui.app import SimulatorApp


def system_commands(app: SimulatorApp, screen: Screen) -> Iterable[SystemCommand]:
    """The palette's commands for `screen`, in the order they are listed."""
    from simulator.tui.screens.conversation import ConversationScreen
    from simulator.tui.screens.feedback import FeedbackScreen

    def cmd(key: str, callback: Callable[[], object]) -> SystemCommand:
        return SystemCommand(t(key, app.ui_lang), t(f"{key}.help", app.ui_lang), callback)

    yield cmd("cmd.language", app.action_switch_language)
    yield cmd("cmd.theme", app.action_toggle_theme)
    yield cmd("cmd.themes", app.action_change_theme)
    for choice in pace_mod.PACES:
        current = t("pace.current", app.ui_lang) if choice == app.pace else ""
        yield SystemCommand(
            t("cmd.pace", app.ui_lang, pace=t(f"pace.{choice}", app.ui_lang)),
            t(f"pace.{choice}.help", app.ui_lang) + current,
            lambda choice=choice: app.set_pace(choice),
        )
    yield cmd("cmd.library", app.go_library)
    yield cmd("cmd.history", app.show_history)
    yield cmd("cmd.progress", app.show_progress)
    yield cmd("cmd.name", lambda: progress_nav.ask_name(app))
    if isinstance(screen, ConversationScreen):
        if screen.practice.coach and not screen.practice.finished:
            yield cmd("cmd.hint", screen.action_hint)
        yield cmd("cmd.end", screen.action_end)
    if isinstance(screen, FeedbackScreen):
        if screen.can_retry:
            yield cmd("cmd.retry", screen.action_retry)
        yield cmd("cmd.export", screen.action_export)
    yield cmd(
        "cmd.keys",
        app.action_hide_help_panel if screen.query("HelpPanel") else app.action_show_help_panel,
    )
    yield cmd("cmd.quit", app.action_quit)
