"""Modal dialogs: a question with a few answers, and the list of broken scenario files."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from simulator.core.errors import Problem
from simulator.core.scenario.diagnostics import format_problem
from simulator.tui.screens.base import SimDialog


class ChoiceDialog(SimDialog):
    """A question with buttons; dismisses with the chosen id (the last choice on Escape)."""

    BINDINGS = [Binding("escape", "cancel", "Back", key_display="Esc", id="back")]
    AUTO_FOCUS = "Button"

    def __init__(
        self,
        title_key: str,
        body_key: str,
        choices: list[tuple[str, str, str]],
        *,
        values: dict[str, object] | None = None,
        cancel: str | None = None,
        dialog_id: str = "",
    ) -> None:
        """Texts are i18n keys (body formatted with values); choices are (id, label key, variant).

        The first choice is focused; Escape answers `cancel` (default: the last choice).
        """
        super().__init__(id=dialog_id or None, classes="dialog")
        self.title_key = title_key
        self.body_key = body_key
        self.values = values or {}
        self.choices = choices
        self.cancel = cancel or choices[-1][0]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(self.t(self.title_key), id="dialog-title")
            with VerticalScroll(id="dialog-body-scroll"):
                yield Static(Content(self.t(self.body_key, **self.values)), id="dialog-body")
            with Horizontal(id="dialog-buttons"):
                for choice_id, label_key, variant in self.choices:
                    yield Button(
                        self.t(label_key),
                        id=f"choice-{choice_id}",
                        variant=variant,  # type: ignore[arg-type]
                        compact=True,
                    )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel)


class ProblemsDialog(SimDialog):
    """Every problem the validator found in the files that could not be loaded."""

    BINDINGS = [Binding("escape", "close", "Back", key_display="Esc", id="back")]
    AUTO_FOCUS = "#problems-list"

    def __init__(self, broken: dict[str, list[Problem]]) -> None:
        super().__init__(id="problems", classes="dialog")
        self.broken = broken

    def compose(self) -> ComposeResult:
        lines = []
        for problems in self.broken.values():
            lines += [format_problem(p, self.lang) for p in problems]
        with Vertical(id="dialog-box"):
            yield Static(self.t("problems.title"), id="dialog-title")
            yield Static(self.t("problems.intro"), id="dialog-intro")
            with VerticalScroll(id="problems-list", can_focus=True):
                yield Static(Content("\n".join(lines)), id="problems-text")
            with Horizontal(id="dialog-buttons"):
                yield Button(
                    self.t("dialog.close"), id="choice-close", variant="primary", compact=True
                )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss("close")

    def action_close(self) -> None:
        self.dismiss("close")
