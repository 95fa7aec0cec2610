"""Getting to the progress screen, retrying a moment from it, and the trainee's name.

Kept out of app.py (which owns navigation) so the feature reads in one place; the app's
message handlers call these.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from simulator.core.errors import SimulatorError
from simulator.core.results.recorder import ENV_NAME, ENV_TRAINEE
from simulator.core.text import t
from simulator.tui.screens.name import NameDialog

if TYPE_CHECKING:
    from simulator.core.results.progress import Moment
    from simulator.tui.app import SimulatorApp

PREF = "trainee"
"""The preference that holds the name ("" once skipped, so it is asked only once)."""


def _given_name() -> str:
    """The name a classroom server gave this app (it knows who logged in), else ""."""
    return (os.environ.get(ENV_NAME) or os.environ.get(ENV_TRAINEE) or "").strip()


def saved_name(prefs: dict[str, object]) -> str:
    value = prefs.get(PREF)
    return _given_name() or (value if isinstance(value, str) else "")


def name_asked(prefs: dict[str, object]) -> bool:
    """True once the trainee saved or skipped a name, or a classroom server gave it."""
    return bool(_given_name()) or isinstance(prefs.get(PREF), str)


def show(app: SimulatorApp) -> None:
    """Back to the progress screen when it is underneath (rebuilt: a session may have finished
    meanwhile), else open it: the stack never holds two."""
    from simulator.tui.screens.progress import ProgressScreen

    if any(isinstance(s, ProgressScreen) for s in app.screen_stack):
        while not isinstance(app.screen, ProgressScreen):
            app.pop_screen()
        app.call_later(app.screen.reload)
    else:
        app.push_screen(ProgressScreen())


def ask_name(app: SimulatorApp, then: Callable[[], object] | None = None) -> None:
    """Ask for the name (saved, or "" when skipped the first time); `then` runs afterwards."""

    def done(name: str | None) -> None:
        if name is not None:
            set_name(app, name)
        elif not app.name_asked:
            set_name(app, "", quiet=True)  # skipped at the first start: not asked again
        if then is not None:
            then()

    app.push_screen(NameDialog(app.trainee), done)


def set_name(app: SimulatorApp, name: str, *, quiet: bool = False) -> None:
    app.trainee, app.name_asked = name, True
    try:
        app.config.store.save_prefs(**{PREF: name})
    except SimulatorError as error:
        app.error(error)
    if not quiet:
        key = "name.saved" if name else "name.cleared"
        app.notify(t(key, app.ui_lang, name=name))
    from simulator.tui.screens.progress import ProgressScreen

    for screen in app.screen_stack:
        if isinstance(screen, ProgressScreen):  # it shows the name
            app.call_later(screen.reload)


def retry(app: SimulatorApp, moment: Moment) -> None:
    """Start the moment's scenario at its beat, as the trainee stood there."""
    try:
        scenario = app.find_scenario(moment.scenario_id)
    except SimulatorError:
        app.notify(t("progress.retry_missing", app.ui_lang), severity="warning")
        return
    if app.start_practice(scenario, "coach", at=moment):
        app.notify(
            t(
                "progress.retry_started",
                app.ui_lang,
                title=moment.title,
                beat=moment.beat,
                turn=moment.turn,
            )
        )
