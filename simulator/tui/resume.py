"""Offering an unfinished session back, and reopening it.

After a crash, a closed terminal or Ctrl+C, the autosave is still in the store; on the
next start the library asks about each one, newest first, except those another running
instance plays (store.resumable: their lock is live). A session whose scenario
changed cannot be replayed: the dialog shows the engine's reason and offers to discard it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.core.errors import SimulatorError
from simulator.core.results.files import SessionInUse, StoreError
from simulator.core.results.items import Unfinished
from simulator.core.text import Key, t
from simulator.tui.screens.dialogs import ChoiceDialog
from simulator.tui.screens.history import when_text

if TYPE_CHECKING:
    from simulator.tui.app import SimulatorApp


def discard(app: SimulatorApp, session_id: str) -> None:
    """Drop an autosave; a folder that cannot be written is said, not a crash."""
    try:
        app.config.store.discard(session_id)
    except StoreError as error:
        app.notify(str(error), title=error.title_in(app.ui_lang), severity="error")


def report_damaged(app: SimulatorApp) -> None:
    """Say which saved records were set aside since the last notice (once each)."""
    store = app.config.store
    if store.damaged:
        names = ", ".join(f"{path.name} ({why})" for path, why in store.damaged[:5])
        app.notify(
            t(
                "store.damaged",
                app.ui_lang,
                n=len(store.damaged),
                names=names,
                folder=str(store.damaged_dir),
            ),
            severity="warning",
            timeout=20,
        )
        store.damaged.clear()


def offer(app: SimulatorApp, skipped: frozenset[str] = frozenset()) -> None:
    """Ask about the newest unfinished session not yet skipped."""
    pending = [u for u in app.config.store.resumable() if u.id not in skipped]
    report_damaged(app)
    if not pending:
        return
    saved = pending[0]
    values: dict[str, object] = {
        "title": saved.title,
        "mode": Key(f"mode.{saved.mode}"),
        "n": saved.replies,
        "when": when_text(saved.saved_at),
        "draft": saved.draft[:200],
    }

    def answered(choice: str | None) -> None:
        if choice == "resume":
            reopen(app, saved)
        elif choice == "discard":
            discard(app, saved.id)
            offer(app, skipped | {saved.id})

    app.push_screen(
        ChoiceDialog(
            "resume.title",
            "resume.body_draft" if saved.draft.strip() else "resume.body",
            [
                ("resume", "resume.resume", "primary"),
                ("discard", "resume.discard", "error"),
                ("later", "resume.later", "default"),
            ],
            values=values,
            dialog_id="resume-dialog",
        ),
        answered,
    )


def reopen(app: SimulatorApp, saved: Unfinished) -> None:
    """Replay a saved session into a conversation; if it cannot be, say why and offer to discard it."""
    try:
        scenario = app.find_scenario(saved.scenario_id, saved.source)
        from simulator.core.practice import Practice

        practice = Practice.resume(
            saved,
            scenario,
            app.config.store,
            app.config.clock,
            grader=app.grader,
            recorder=app.config.recorder,
        )
    except SessionInUse as error:  # taken by another instance since the offer: not ours
        app.notify(str(error), title=error.title_in(app.ui_lang), severity="error")
        return
    except SimulatorError as error:

        def answered(choice: str | None) -> None:
            if choice == "discard":
                discard(app, saved.id)

        app.push_screen(
            ChoiceDialog(
                "resume.failed",
                "resume.failed.body",
                [("keep", "resume.keep", "primary"), ("discard", "resume.discard", "error")],
                values={"message": str(error)},
                cancel="keep",
                dialog_id="resume-failed",
            ),
            answered,
        )
        return
    from simulator.tui.screens.conversation import ConversationScreen

    app.push_screen(ConversationScreen(practice))
    app.notify(t("chat.resumed", app.ui_lang))
    if practice.took_over is not None:
        owner = practice.took_over
        app.notify(
            t("resume.took_over", app.ui_lang, pid=owner.pid, host=owner.host or "?"),
            severity="warning",
            timeout=10,
        )
