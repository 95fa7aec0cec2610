"""Asking the trainee's name: once at the first start (skippable), and again on request.

The name is kept in the preferences and stamped on every finished session and export;
the dialog dismisses with the cleaned name ("" clears it) or None when left with Esc.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from simulator.tui.screens.base import Translated, translate_tree


class NameDialog(Translated, ModalScreen[str | None]):
    """One line for the name, Save (Enter) or Skip (Esc)."""

    BINDINGS = [Binding("escape", "skip", "Skip", key_display="Esc", id="back")]
    AUTO_FOCUS = "#name-input"

    def __init__(self, current: str = "") -> None:
        super().__init__(id="name-dialog", classes="dialog")
        self.current = current
        """The name now saved, shown for editing."""

    def compose(self) -> ComposeResult:
        from simulator.core.practice import MAX_NAME_CHARS  # (the dialog is rare; keep start light)

        with Vertical(id="dialog-box"):
            yield Static(self.t("name.title"), id="dialog-title")
            yield Static(Content(self.t("name.body")), id="dialog-intro")
            yield Input(
                self.current,
                placeholder=self.t("name.placeholder"),
                max_length=MAX_NAME_CHARS,
                id="name-input",
            )
            with Horizontal(id="dialog-buttons"):
                yield Button(self.t("name.save"), id="name-save", variant="primary", compact=True)
                yield Button(self.t("name.skip"), id="name-skip", compact=True)

    def on_mount(self) -> None:
        translate_tree(self, self.lang)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from simulator.core.practice import clean_name

        self.dismiss(clean_name(event.value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "name-save":
            from simulator.core.practice import clean_name

            self.dismiss(clean_name(self.query_one("#name-input", Input).value))
        else:
            self.action_skip()

    def action_skip(self) -> None:
        self.dismiss(None)
