"""One practice session as every face runs it: the engine's Session plus its mode, clock and autosave.

The app's screens and `simulator run` call this instead of the engine and the store
directly, so the rules a face adds (what a sendable reply is, when to autosave, how elapsed
time counts, who the trainee is, which moment a retry started at) live in one UI-free place
that tests can drive without a terminal. Without a store (`simulator run`) nothing is saved.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from simulator.core.grading import Grader
from simulator.core.results.files import Store, StoreError
from simulator.core.results.items import HistoryItem, Unfinished
from simulator.core.results.ownership import Owner
from simulator.core.results.progress import Moment
from simulator.core.results.recorder import Recorder
from simulator.core.scenario.loader import Scenario
from simulator.core.session.engine import MAX_REPLY_CHARS, Session
from simulator.core.session.feedback import Report, build_report
from simulator.core.session.turns import Turn

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")


def clean_reply(text: str) -> str:
    """The reply as it will be sent: control characters removed, tabs as spaces, trimmed."""
    text = unicodedata.normalize(
        "NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    )
    return _CONTROL.sub("", text).strip()


MAX_NAME_CHARS = 40
"""A trainee's name longer than this is refused."""


def clean_name(text: str) -> str:
    """A trainee's name as it is stored: control characters removed, spaces collapsed."""
    return " ".join(clean_reply(text).split())


@dataclass(frozen=True)
class Refusal:
    """Why a reply cannot be sent."""

    key: str
    """i18n key of the message."""
    length: int = 0
    """Length of the reply, for the message."""


def check_reply(text: str) -> Refusal | None:
    """None when the cleaned reply can be sent."""
    cleaned = clean_reply(text)
    if not cleaned:
        return Refusal("chat.empty")
    if len(cleaned) > MAX_REPLY_CHARS:
        return Refusal("chat.too_long", len(cleaned))
    return None


@dataclass
class Practice:
    """A session being played, saved after every change."""

    scenario: Scenario
    """The scenario played."""
    session: Session
    """The engine session."""
    mode: str
    """coach or exam."""
    store: Store | None
    """Where autosaves and the history go (None: nothing is saved, as in `simulator run`)."""
    clock: Callable[[], float]
    """Monotonic seconds (frozen in tests)."""
    id: str
    """Session id in the store."""
    ui_lang: str = "zh"
    """Interface language, saved with the session."""
    draft: str = ""
    """Unsent text."""
    pending: str | None = None
    """A reply sent (Enter pressed) but not yet answered; autosaved as the draft."""
    elapsed_before: float = 0.0
    """Seconds played before this run of the app (resumed sessions)."""
    started: float = field(default=0.0)
    """Clock reading when this run started."""
    report: Report | None = None
    """Set when finished."""
    history: HistoryItem | None = None
    """Set when finished."""
    final_elapsed: float | None = None
    """Seconds played, fixed when the session finished."""
    save_error: StoreError | None = None
    """The last autosave failure, if the last save failed (the session itself goes on)."""
    took_over: Owner | None = None
    """The stale owner (a dead or other-host instance) this run took the session from."""
    trainee: str = ""
    """The trainee's name, stamped on the report and the history when the session finishes."""
    retry_of: str = ""
    """For a retried moment (错题集): the id of the session it came from."""
    recorder: Recorder | None = None
    """Copies start, turns and finish to the results store (None: not recorded)."""

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        mode: str,
        store: Store | None,
        clock: Callable[[], float],
        *,
        seed: int = 0,
        grader: Grader | None = None,
        ui_lang: str = "zh",
        trainee: str = "",
        at: Moment | None = None,
        recorder: Recorder | None = None,
        relay: tuple[str, ...] = (),
    ) -> Practice:
        """A new session; with `at`, one that starts at a moment of a past session (a retry).

        relay: the names taking turns (core/relay.parse_names); empty for one trainee.

        Raises SessionError when the moment's beat is no longer in the scenario.
        """
        if at is None:
            session = Session.start(scenario, seed, grader)
        else:
            session = Session.start_at(
                scenario,
                at.beat,
                at.meters,
                facts=at.facts,
                opening=at.cue,
                seed=seed,
                grader=grader,
            )
        session.relay = tuple(relay)
        practice = cls(
            scenario,
            session,
            mode,
            store,
            clock,
            store.new_id(scenario.id) if store else "",
            ui_lang,
            started=clock(),
            trainee=trainee,
            retry_of=at.session_id if at else "",
            recorder=recorder,
        )
        try:
            if store is not None:
                store.claim(practice.id)
        except StoreError as error:
            practice.save_error = error  # a read-only folder: play on, unsaved, and say so
        practice.save()
        practice.record_start()
        return practice

    @classmethod
    def resume(
        cls,
        saved: Unfinished,
        scenario: Scenario,
        store: Store,
        clock: Callable[[], float],
        *,
        grader: Grader | None = None,
        recorder: Recorder | None = None,
    ) -> Practice:
        """Replay a saved session and own it.

        Raises SessionError when the scenario changed, SessionInUse when another running
        instance plays it; `took_over` names a stale owner whose lock was taken.
        """
        session = Session.from_dict(saved.session, scenario, grader)
        mode = saved.mode if saved.mode in ("coach", "exam") else "coach"
        took_over = store.claim(saved.id)
        extra = saved.session.get("practice") if isinstance(saved.session, dict) else None
        extra = extra if isinstance(extra, dict) else {}
        practice = cls(
            scenario,
            session,
            mode,
            store,
            clock,
            saved.id,
            saved.ui_lang,
            saved.draft,
            elapsed_before=float(saved.elapsed or 0),
            started=clock(),
            took_over=took_over,
            trainee=str(extra.get("trainee") or ""),
            retry_of=str(extra.get("retry_of") or ""),
            recorder=recorder,
        )
        practice.record_start()
        return practice

    def record_start(self) -> None:
        """Tell the results store the session (re)started."""
        if self.recorder is not None:
            s = self.scenario
            self.recorder.start(self.id, s.id, s.title, s.language, self.mode)

    def results_warning(self) -> str | None:
        """A failed results-store write to show once (the session itself is safe)."""
        return self.recorder.warning() if self.recorder is not None else None

    @property
    def coach(self) -> bool:
        return self.mode == "coach"

    @property
    def relay(self) -> tuple[str, ...]:
        """The names taking turns; empty for one trainee."""
        return self.session.relay

    @property
    def finished(self) -> bool:
        return self.session.finished

    def elapsed(self) -> float:
        if self.final_elapsed is not None:
            return self.final_elapsed
        return self.elapsed_before + max(0.0, self.clock() - self.started)

    def save(self) -> None:
        """Autosave (not once finished: then the history holds it; never without a store)."""
        if self.report is not None or self.store is None:
            return
        record = self.session.to_dict()
        if self.trainee or self.retry_of:
            record["practice"] = {"trainee": self.trainee, "retry_of": self.retry_of}
        try:
            self.store.autosave(
                Unfinished(
                    self.id,
                    self.scenario.id,
                    self.scenario.title,
                    self.scenario.source,
                    self.mode,
                    self.ui_lang,
                    self.draft if self.pending is None else self.pending,
                    round(self.elapsed(), 1),
                    "",
                    record,
                )
            )
            self.save_error = None
        except StoreError as error:
            self.save_error = error

    def hold(self, text: str) -> None:
        """Save a reply the moment it is sent, before grading: a kill while it is graded
        loses nothing, the next start offers it back in the reply box."""
        self.pending = text
        self.save()

    def reply(self, text: str) -> Turn:
        """Send a reply (checked with check_reply first); saves the session.

        A failed save does not lose the turn: it is kept in `save_error` for the screen to show.
        """
        self.pending = text  # saved as the draft until the turn itself is saved
        try:
            turn = self.session.reply(clean_reply(text))
        finally:
            self.pending = None
        self.draft = ""
        if self.recorder is not None:
            self.recorder.turn(self.id, turn, self.session)
        if self.session.finished:
            self.finish()
        else:
            self.save()
        return turn

    def abandon(self) -> Report:
        self.session.abandon()
        return self.finish()

    def finish(self) -> Report:
        """Grade and record in the history (once)."""
        if self.report is None:
            elapsed = self.final_elapsed = self.elapsed()
            self.report = replace(
                build_report(self.session), trainee=self.trainee, retry_of=self.retry_of
            )
            try:
                if self.store is not None:
                    self.history = self.store.finish(
                        self.id,
                        self.session.to_dict(),
                        self.report,
                        title=self.scenario.title,
                        mode=self.mode,
                        elapsed=elapsed,
                    )
            except StoreError as error:
                self.save_error = error
            if self.recorder is not None:
                self.recorder.finish(
                    self.id, self.report, mode=self.mode, title=self.scenario.title, elapsed=elapsed
                )
        return self.report

    def discard(self) -> None:
        if self.store is not None:
            self.store.discard(self.id)

    def release(self) -> None:
        """Let another instance offer this session (when this one closes without finishing)."""
        if self.store is not None:
            self.store.release(self.id)
