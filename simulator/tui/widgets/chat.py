"""The transcript as chat bubbles: the customer on the left, the trainee on the right.

After elia's Chatbox: a bordered box whose title names the speaker and whose width follows
its text up to most of the column. Text is always shown literally (never as markup), so
brackets, emoji and mixed scripts in a reply cannot change how it is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Static


@dataclass(frozen=True)
class Note:
    """One tag line under a message."""

    text: str
    """What it says."""
    tone: str
    """good, bad, info or fact."""


_TONE = {
    "good": "$text-success",
    "bad": "$text-error",
    "info": "$text-muted",
    "fact": "$text-warning",
}


def bubble_content(text: str, notes: tuple[Note, ...] = ()) -> Content:
    """The text literally, then each note on its own line in its colour."""
    content = Content(text)
    if notes:
        line = Content(" ").join(
            Content.from_markup(f"[{_TONE[n.tone]}]$text[/]", text=n.text) for n in notes
        )
        content = Content("\n").join([content, line])
    return content


class Bubble(Static):
    """One message: speaker in the border title, text and notes inside."""

    def __init__(
        self,
        text: str,
        *,
        speaker: str,
        title: str,
        notes: tuple[Note, ...] = (),
        subtitle: str = "",
    ) -> None:
        super().__init__(bubble_content(text, notes), classes=f"bubble -{speaker}", markup=False)
        self.speaker = speaker
        """customer, trainee or system."""
        self.border_title = Content(title)
        if subtitle:
            self.border_subtitle = Content(subtitle)


class BubbleRow(Horizontal):
    """Holds one bubble and aligns it to its speaker's side."""

    def __init__(self, bubble: Bubble) -> None:
        super().__init__(classes=f"bubble-row -{bubble.speaker}")
        self.bubble = bubble

    def compose(self) -> ComposeResult:
        yield self.bubble


class TypingIndicator(Static):
    """ "… is typing" with dots that move, shown while the pace delays the customer's line."""

    def __init__(self, text: str) -> None:
        super().__init__(Content(text), classes="typing", markup=False)
        self.text = text
        self._dots = 0

    def on_mount(self) -> None:
        self.set_interval(0.4, self._tick)

    def _tick(self) -> None:
        self._dots = (self._dots + 1) % 4
        self.update(Content(self.text + "." * self._dots))


class ChatLog(VerticalScroll):
    """The scrolling transcript."""

    can_focus = True

    def on_mount(self) -> None:
        self.anchor()  # stay at the newest line, as a chat does, until the trainee scrolls up

    async def add(self, bubble: Bubble) -> None:
        await self.mount(BubbleRow(bubble), before=self._typing())
        self.scroll_end(animate=False)

    def add_many(self, bubbles: list[Bubble]) -> AwaitMount:
        """Mount many bubbles at once (await the result to wait for them)."""
        return self.mount_all([BubbleRow(b) for b in bubbles])

    def _typing(self) -> TypingIndicator | None:
        found = self.query(TypingIndicator)
        return found.first() if found else None

    async def show_typing(self, text: str) -> None:
        if self._typing() is None:
            await self.mount(TypingIndicator(text))

    async def hide_typing(self) -> None:
        await self.query(TypingIndicator).remove()
