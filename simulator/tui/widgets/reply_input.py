"""The reply box: a multi-line TextArea where Enter sends and Ctrl+J starts a new line.

Ctrl+J is a plain line feed, so it reaches the app in every terminal; Shift+Enter also
works where the terminal reports it (kitty keyboard protocol) but is not advertised.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


class ReplyInput(TextArea):
    """Posts `Submitted` with the text on Enter; the screen decides whether it can be sent."""

    BINDINGS = [
        Binding(
            "enter", "submit", "Send", key_display="Enter", tooltip="Send this reply", id="send"
        ),
        Binding(
            "ctrl+j",
            "newline",
            "Newline",
            key_display="^J",
            tooltip="Insert a new line",
            id="newline",
        ),
        Binding("shift+enter", "newline", "Newline", show=False),
    ]

    @dataclass
    class Submitted(Message):
        """The trainee pressed Enter."""

        reply_input: ReplyInput
        """The box (so the screen can clear it)."""
        text: str
        """Everything in the box."""

        @property
        def control(self) -> ReplyInput:
            return self.reply_input

    def __init__(self, text: str = "", *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(
            text,
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=placeholder,
            compact=False,
            highlight_cursor_line=False,
        )

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_submit()
            return
        await super()._on_key(event)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.text))

    def action_newline(self) -> None:
        self.insert("\n")
