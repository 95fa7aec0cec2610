"""The conversation: chat bubbles, the reply box and the side panel with the customer's mood.

Every reply goes through `Practice` (the engine plus autosave); this screen only shows what
came back. Unless the pace is off, the customer "types" for a moment before the line
appears (tui/pace.py); any key cuts that moment short.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Footer, Static, TextArea
from textual.worker import Worker

from simulator.core.errors import SimulatorError
from simulator.core.practice import Practice, check_reply
from simulator.core.session.engine import MAX_REPLY_CHARS
from simulator.core.session.turns import Turn
from simulator.tui import views
from simulator.tui.pace import typing_delay
from simulator.tui.screens.base import SimScreen
from simulator.tui.screens.dialogs import ChoiceDialog
from simulator.tui.widgets.chat import Bubble, ChatLog, Note
from simulator.tui.widgets.reply_input import ReplyInput
from simulator.tui.widgets.side_panel import SidePanel


class ConversationScreen(SimScreen):
    """One session being played."""

    AUTO_FOCUS = "#reply, #see-feedback"
    BINDINGS = [
        Binding("ctrl+g", "hint", "Hint", key_display="^G", tooltip="Show the hint", id="hint"),
        Binding(
            "ctrl+b", "toggle_panel", "Panel", key_display="^B", tooltip="Side panel", id="panel"
        ),
        Binding("escape", "end", "End", key_display="Esc", tooltip="End the session", id="end"),
        Binding(
            "escape",
            "feedback",
            "Feedback",
            key_display="Esc",
            tooltip="See the feedback",
            id="feedback",
        ),
    ]

    @dataclass
    class Finished(Message):
        """The session ended and was recorded; show its feedback."""

        practice: Practice
        """The finished practice (its report is set)."""

    def __init__(self, practice: Practice) -> None:
        super().__init__()
        self.practice = practice
        """The session played."""
        self._skip = asyncio.Event()
        self._typing = False
        self.hint_shown = False
        self._busy = False
        self._draft_timer: Timer | None = None
        self._ticker: Timer | None = None
        self._reply_worker: Worker[None] | None = None

    # ---- layout ----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        p = self.practice
        yield Static(id="topbar")
        with Horizontal(id="conv-body"):
            with Vertical(id="chat-column"):
                yield ChatLog(id="chat")
                yield Static(id="hint-box", classes="-visible" if self.hint_shown else "")
                yield Static(id="meter-strip")
                if p.finished:
                    yield Button(
                        self.t("chat.see_feedback"),
                        id="see-feedback",
                        variant="primary",
                        compact=True,
                    )
                else:
                    if p.relay:
                        yield Static(id="relay-turn")
                    yield ReplyInput(p.draft, placeholder=self.t("chat.placeholder"), id="reply")
                yield Static(id="input-status")
            yield SidePanel(
                views.persona_view(p.scenario),
                views.meter_views(p, self.lang),
                id="side",
                headings={"persona": self.t("side.persona"), "meters": self.t("side.meters")},
            )
        yield Footer(compact=True)

    def populate(self) -> None:
        chat = self.query_one(ChatLog)
        chat.add_many(self._history_bubbles())
        self._refresh_panel()
        self._refresh_status()
        self._refresh_turn()
        if self.hint_shown:
            self._show_hint()
        if self._ticker is None:
            self._ticker = self.set_interval(1.0, self._tick)
        self._tick()
        reply = self.query(ReplyInput)
        if reply:
            reply.first().move_cursor(reply.first().document.end)

    def _history_bubbles(self) -> list[Bubble]:
        p = self.practice
        bubbles = [self._customer(p.session.opening, ())]
        for turn in p.session.turns:
            bubbles.append(self._trainee(turn))
            if turn.customer:
                bubbles.append(self._customer(turn.customer, turn.revealed))
        if p.finished:
            bubbles.append(self._ending())
        return bubbles

    def _customer(self, text: str, revealed: tuple[str, ...]) -> Bubble:
        scenario = self.practice.scenario
        return Bubble(
            text,
            speaker="customer",
            title=scenario.persona.name,
            notes=views.customer_notes(scenario, revealed, self.lang),
        )

    def _trainee(self, turn: Turn) -> Bubble:
        notes: tuple[Note, ...] = ()
        if self.practice.coach:
            notes = views.trainee_notes(turn, self.sim.config.catalogue, self.lang)
        title = turn.author or self.t("chat.you")  # a relay names who replied
        return Bubble(turn.reply, speaker="trainee", title=title, notes=notes)

    def _ending(self) -> Bubble:
        session = self.practice.session
        ending = self.practice.scenario.endings.get(session.ending or "")
        kind = views.ending_kind(session.ending_kind(), self.lang)
        message = ending.message if ending else ""
        return Bubble(
            self.t("chat.ending", kind=kind, message=message).rstrip(" —"),
            speaker="system",
            title="",
        )

    def _refresh_panel(self) -> None:
        p, lang = self.practice, self.lang
        side = self.query_one(SidePanel)
        side.show_meters(views.meter_views(p, lang))
        facts = p.scenario.persona.facts
        side.show_facts(
            self.t("side.facts", n=len(p.session.facts), total=len(facts)),
            views.fact_labels(p.scenario, p.session.facts),
            self.t("side.facts.none"),
        )
        self.query_one("#meter-strip", Static).update(Content(views.strip_text(p, lang)))

    def _refresh_turn(self) -> None:
        """In a relay: whose turn it is, which of how many, and who follows."""
        found = self.query("#relay-turn")
        names, session = self.practice.relay, self.practice.session
        if not found or not names:
            return
        now = session.next_author
        after = names[(len(session.turns) + 1) % len(names)]
        found.first(Static).update(
            Content(
                self.t(
                    "relay.turn",
                    name=now,
                    n=names.index(now) + 1 if now in names else 1,
                    total=len(names),
                    next=after,
                )
            )
        )

    def _refresh_status(self, text: str | None = None) -> None:
        status = self.query_one("#input-status", Static)
        if self.practice.finished:
            status.update("")
            return
        if text is None:
            reply = self.query(ReplyInput)
            text = reply.first().text if reply else ""
        count = len(text.strip())
        status.update(Content(self.t("chat.counter", n=count, max=MAX_REPLY_CHARS)))
        status.set_class(count > MAX_REPLY_CHARS, "-over")

    def _tick(self) -> None:
        p = self.practice
        elapsed = views.clock_text(p.elapsed())
        mode = self.t(f"mode.{p.mode}") + (self.t("chat.retry_mark") if p.retry_of else "")
        self.query_one("#topbar", Static).update(
            Content(f"{p.scenario.title} · {mode} · {elapsed}")
        )
        self.query_one(SidePanel).show_elapsed(self.t("side.elapsed", time=elapsed))

    def _show_hint(self) -> None:
        box = self.query_one("#hint-box", Static)
        text = views.hint_text(self.practice, self.sim.config.catalogue, self.lang)
        title = self.t("hint.title")
        box.update(Content(views.labelled(title, text, self.lang)).stylize("b", 0, len(title) + 1))
        box.set_class(self.hint_shown, "-visible")

    async def retranslate(self) -> None:
        if self._reply_worker is not None and not self._reply_worker.is_finished:
            await self._reply_worker.wait()  # let the customer finish before the screen is rebuilt
        # The clock must not tick while the widgets it updates are being rebuilt;
        # populate() ticks once itself when the new widgets are in place.
        if self._ticker is not None:
            self._ticker.pause()
        try:
            await super().retranslate()
        finally:
            if self._ticker is not None:
                self._ticker.resume()

    # ---- replies -----------------------------------------------------------------------
    @on(ReplyInput.Submitted)
    def _submitted(self, event: ReplyInput.Submitted) -> None:
        event.stop()
        if self._busy:
            self.notify(self.t("chat.wait"), severity="warning")
            return
        if self.practice.finished:
            self.notify(self.t("chat.finished"), severity="warning")
            return
        refusal = check_reply(event.text)
        if refusal is not None:
            self.notify(
                self.t(refusal.key, n=refusal.length, max=MAX_REPLY_CHARS), severity="warning"
            )
            return
        self.practice.hold(event.text)  # on disk before grading starts
        event.reply_input.clear()
        self._busy = True
        self._reply_worker = self.play(event.text)

    @work(exclusive=True, group="reply")
    async def play(self, text: str) -> None:
        """Send one reply and show what the customer says back."""
        chat = self.query_one(ChatLog)
        try:
            try:
                turn = self.practice.reply(text)
            except SimulatorError as error:
                self.notify(str(error), title=error.title_in(self.lang), severity="error")
                self.query_one(ReplyInput).text = self.practice.draft = text
                self.practice.save()
                return
            problem = self.practice.save_error
            if problem is not None:
                self.notify(str(problem), title=problem.title_in(self.lang), severity="error")
            self.sim.results_warning(self.practice)
            mine = self._trainee(turn)
            theirs = self._customer(turn.customer, turn.revealed) if turn.customer else None
            delay = typing_delay(turn.customer, self.sim.pace)
            if delay and theirs is not None:
                await chat.add(mine)
                await chat.show_typing(
                    self.t("chat.typing", name=self.practice.scenario.persona.name)
                )
                self._skip.clear()
                self._typing = True
                try:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._skip.wait(), delay)
                finally:
                    self._typing = False
                await chat.hide_typing()
                await chat.add(theirs)
            else:
                await chat.add_many([mine, *([theirs] if theirs else [])])
            self._refresh_panel()
            self._refresh_turn()
            if self.hint_shown:
                self._show_hint()
            if turn.ending:
                await self._finish_view()
        finally:
            self._busy = False

    def skip_typing(self) -> bool:
        """End the customer's "typing" pause now; False when there is none to end."""
        if not self._typing:
            return False
        self._skip.set()
        return True

    async def _finish_view(self) -> None:
        """Show the ending and swap the reply box for a button to the feedback."""
        self.hint_shown = False
        self.query_one("#hint-box").set_class(False, "-visible")
        await self.query_one(ChatLog).add(self._ending())
        await self.query(ReplyInput).remove()
        await self.query("#relay-turn").remove()
        button = Button(
            self.t("chat.see_feedback"), id="see-feedback", variant="primary", compact=True
        )
        await self.query_one("#chat-column").mount(button, before="#input-status")
        button.focus()
        self._refresh_status()
        self._tick()
        self.refresh_bindings()

    @on(Button.Pressed, "#see-feedback")
    def _see_feedback(self) -> None:
        self.post_message(self.Finished(self.practice))

    # ---- draft autosave ------------------------------------------------------------------
    @on(TextArea.Changed, "#reply")
    def _draft_changed(self, event: TextArea.Changed) -> None:
        self.practice.draft = event.text_area.text
        self._refresh_status(event.text_area.text)
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(0.3, self.practice.save)

    def on_unmount(self) -> None:
        if not self.practice.finished:
            self.practice.save()
            self.practice.release()

    # ---- actions ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hint":
            return self.practice.coach and not self.practice.finished
        if action == "end":
            return not self.practice.finished
        if action == "feedback":
            return self.practice.finished
        return True

    def action_feedback(self) -> None:
        self.post_message(self.Finished(self.practice))

    def action_hint(self) -> None:
        if not self.practice.coach:
            self.notify(self.t("hint.exam"))
            return
        self.hint_shown = not self.hint_shown
        self._show_hint()

    def action_toggle_panel(self) -> None:
        self.toggle_class("-toggled")

    def action_end(self) -> None:
        if self._busy:
            self.notify(self.t("chat.wait"), severity="warning")
            return
        if self.practice.finished:
            self.post_message(self.Finished(self.practice))
            return

        def answered(choice: str | None) -> None:
            if choice == "end" and not self.practice.finished:
                self.practice.abandon()
                self.post_message(self.Finished(self.practice))

        self.app.push_screen(
            ChoiceDialog(
                "end.title",
                "end.body",
                [("stay", "end.no", "primary"), ("end", "end.yes", "error")],
                cancel="stay",
                dialog_id="end-dialog",
            ),
            answered,
        )
