"""Sessions kept on this machine: autosaves of unfinished sessions, the history, exports.

Pure Python (no UI import) so the app, the CLI and tests share one store. Every file is
written atomically (a temporary file, then `os.replace`), so a crash, a closed terminal
or Ctrl+C never leaves a half-written record; every record carries `schema` so a later
version can read or migrate it. The folder is the platform's user data folder, or
`$SIMULATOR_DATA_DIR` when set (tests point it at a temporary folder).

Layout under the data folder::

    unfinished/<id>.json   one per session in progress (autosaved after every turn)
    unfinished/<id>.lock   the instance playing it (see ownership: never offered elsewhere)
    history/<id>.json      one per finished session: the session record and its report
    exports/               reports exported as Markdown and JSON
    damaged/               records that could not be read, set aside (listed in `damaged`)
    prefs.json             interface preferences (language, theme)

Reading is defensive (see saferead): a damaged record is moved to damaged/ and named
in `Store.damaged` for the app to show, never a crash at start.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.core.atomic import staged
from simulator.core.errors import SimulatorError
from simulator.core.results import ownership
from simulator.core.results.items import Best, HistoryItem, Unfinished
from simulator.core.results.saferead import Damaged, check_fields, read_record
from simulator.core.scenario import scoring

if TYPE_CHECKING:  # a session's records load when a report is read or written, not at start
    from simulator.core.session.feedback import Report

SCHEMA = 1
"""Version of every record written here."""
ENV_DATA_DIR = "SIMULATOR_DATA_DIR"
"""Environment variable that overrides the data folder."""
MODES = ("coach", "exam")
STALE_TMP_SECONDS = 600
"""A temporary file this old was left by a write that was killed; it is removed."""


class StoreError(SimulatorError):
    """The data folder cannot be read or written."""

    title_key = "error.saved_data"


class SessionInUse(StoreError):
    """Another app instance, still running, is playing this session."""

    title_key = "error.session_in_use"


def data_dir() -> Path:
    """$SIMULATOR_DATA_DIR, else the platform's user data folder for the simulator."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("simulator", appauthor=False))


def atomic_write(path: Path, text: str, *, exclusive: bool = False) -> bool:
    """Write text so that readers see the old file or the new one, never a mix.

    With exclusive, an existing file is left alone and False returned (a hard link
    creates the file only if the name is free, in one step).
    """
    try:
        with staged(path, text) as temp:
            if not exclusive:
                os.replace(temp, path)
                return True
            try:
                os.link(temp, path)
            except FileExistsError:
                return False
            return True
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error.strerror or error}") from None


def _read(path: Path) -> dict[str, Any] | None:
    try:
        return read_record(path)
    except (OSError, Damaged):
        return None


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def report_from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a Report from `Report.to_dict()` (ignores keys it does not know)."""
    from simulator.core.session.feedback import Opportunity, PitfallHit, Report, TechniqueResult
    from simulator.core.session.transcript import TranscriptTurn

    def pick(cls: type, raw: dict[str, Any]) -> dict[str, Any]:
        names = {f.name for f in fields(cls)}
        return {k: v for k, v in raw.items() if k in names}

    try:
        values = pick(Report, data)
        values["techniques"] = [
            TechniqueResult(**pick(TechniqueResult, t)) for t in data.get("techniques", [])
        ]
        values["opportunities"] = [
            Opportunity(**pick(Opportunity, o)) for o in data.get("opportunities", [])
        ]
        values["pitfalls"] = [PitfallHit(**pick(PitfallHit, p)) for p in data.get("pitfalls", [])]
        values["transcript"] = [TranscriptTurn.from_dict(e) for e in data.get("transcript", [])]
        report = Report(**values)
        # Decided again by the one rule, whatever the file says (an older build, an edit).
        return replace(
            report, passed=scoring.passed(report.score, report.pass_score, report.ending_kind)
        )
    except (TypeError, AttributeError, ValueError) as error:
        raise StoreError(f"the saved report cannot be read: {error}") from None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40] or "session"


class Store:
    """The data folder: one object per app, cheap to create."""

    def __init__(
        self, root: str | Path | None = None, now: Callable[[], datetime] | None = None
    ) -> None:
        self.root = Path(root) if root else data_dir()
        """The data folder."""
        self.now = now or (lambda: datetime.now().astimezone())
        """Clock for timestamps (tests pass a fixed one)."""
        self.damaged: list[tuple[Path, str]] = []
        """Records set aside and not yet shown to the user: (where they are now, why)."""
        self._tidied = False

    @property
    def unfinished_dir(self) -> Path:
        return self.root / "unfinished"

    @property
    def history_dir(self) -> Path:
        return self.root / "history"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def damaged_dir(self) -> Path:
        return self.root / "damaged"

    def _set_aside(self, path: Path, reason: str) -> None:
        """Move a damaged record to damaged/ (or leave it if it cannot move) and note it."""
        prefix = "" if path.parent == self.root else f"{path.parent.name}-"
        target = self.damaged_dir / f"{prefix}{path.name}"
        for n in range(2, 1000):
            if not target.exists() and not target.is_symlink():
                break
            target = self.damaged_dir / f"{prefix}{path.stem}-{n}{path.suffix}"
        try:
            self.damaged_dir.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError:
            target = path  # a read-only folder: skip it, still say so
        self.damaged.append((target, reason))

    def _records(self, folder: Path) -> list[tuple[Path, dict[str, Any]]]:
        """Readable records in folder; damaged ones are set aside, newer schemas left alone."""
        self._tidy()
        out = []
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                data = read_record(path)
                schema = data.get("schema")
                if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA:
                    continue  # written by a later version: not ours to judge
                if schema != SCHEMA:
                    raise Damaged(f"unknown schema {schema!r}")
            except OSError:
                continue
            except Damaged as error:
                self._set_aside(path, str(error))
                continue
            out.append((path, data))
        return out

    def _tidy(self) -> None:
        """Once per store: remove temporary files left by writes that were killed."""
        if self._tidied:
            return
        self._tidied = True
        cutoff = time.time() - STALE_TMP_SECONDS
        for folder in (self.root, self.unfinished_dir, self.history_dir, self.exports_dir):
            for tmp in folder.glob(".*.tmp") if folder.is_dir() else []:
                try:
                    if tmp.lstat().st_mtime < cutoff:
                        tmp.unlink()
                except OSError:
                    continue

    def new_id(self, scenario_id: str) -> str:
        """A unique, sortable session id."""
        return f"{self.now():%Y%m%d-%H%M%S}-{_slug(scenario_id)}-{secrets.token_hex(4)}"

    # ---- sessions in progress ------------------------------------------------------
    def autosave(self, item: Unfinished) -> None:
        """Save (or replace) a session in progress."""
        data = {"schema": SCHEMA, **{f.name: getattr(item, f.name) for f in fields(Unfinished)}}
        data["saved_at"] = self.now().isoformat(timespec="seconds")
        atomic_write(self.unfinished_dir / f"{item.id}.json", _dump(data))

    def unfinished(self) -> list[Unfinished]:
        """Sessions in progress, newest first; damaged files are set aside."""
        out = []
        for path, data in self._records(self.unfinished_dir):
            try:
                values = check_fields(Unfinished, {**data, "id": path.stem})
            except Damaged as error:
                self._set_aside(path, str(error))
                continue
            out.append(Unfinished(**values))
        out.sort(key=lambda u: (u.saved_at, u.id), reverse=True)
        return out

    def resumable(self) -> list[Unfinished]:
        """Sessions in progress that no other running instance is playing, newest first."""
        return [u for u in self.unfinished() if not self._held_elsewhere(u.id)]

    def _lock(self, session_id: str) -> Path:
        return self.unfinished_dir / f"{session_id}.lock"

    def _held_elsewhere(self, session_id: str) -> ownership.Owner | None:
        owner = ownership.read_owner(self._lock(session_id))
        if owner is None or ownership.is_mine(owner) or not ownership.is_live(owner):
            return None
        return owner

    def claim(self, session_id: str) -> ownership.Owner | None:
        """Own a session in progress; returns the stale owner it was taken from, if any.

        Raises SessionInUse when another running instance owns it.
        """
        try:
            return ownership.acquire(self._lock(session_id))
        except ownership.Held as held:
            raise SessionInUse(
                f"session {session_id} is open in another running instance "
                f"({held.owner.describe()}); finish or close it there first"
            ) from None
        except OSError as error:
            raise StoreError(f"cannot lock {session_id}: {error.strerror or error}") from None

    def release(self, session_id: str) -> None:
        """Stop owning a session (its autosave stays for the next start to offer)."""
        with contextlib.suppress(OSError):
            ownership.release(self._lock(session_id))

    def discard(self, session_id: str) -> None:
        """Forget a session in progress; StoreError when the folder is read-only or
        SessionInUse when another running instance plays it."""
        owner = self._held_elsewhere(session_id)
        if owner is not None:
            raise SessionInUse(f"session {session_id} is open in another running instance")
        path = self.unfinished_dir / f"{session_id}.json"
        try:
            path.unlink(missing_ok=True)
            self._lock(session_id).unlink(missing_ok=True)
        except OSError as error:
            raise StoreError(f"cannot remove {path}: {error.strerror or error}") from None

    # ---- history --------------------------------------------------------------------
    def finish(
        self,
        session_id: str,
        session: dict[str, Any],
        report: Report,
        *,
        title: str,
        mode: str,
        elapsed: float,
    ) -> HistoryItem:
        """Record a finished session in the history and drop its autosave.

        The item carries the report's trainee name and, for a retried moment, retry_of.

        A finished record is never replaced: if the id is already in the history (another
        instance finished it), this one is saved under a new id, given in the item.
        """
        item = HistoryItem(
            session_id,
            report.scenario,
            title,
            self.now().isoformat(timespec="seconds"),
            mode,
            report.score,
            report.pass_score,
            scoring.passed(report.score, report.pass_score, report.ending_kind),
            report.ending_kind,
            len(session.get("replies") or []),
            round(elapsed, 1),
            report.trainee,
            report.retry_of,
        )
        for _ in range(100):
            data = {
                "schema": SCHEMA,
                "item": {f.name: getattr(item, f.name) for f in fields(HistoryItem)},
                "session": session,
                "report": report.to_dict(),
            }
            if atomic_write(self.history_dir / f"{item.id}.json", _dump(data), exclusive=True):
                break
            item = replace(item, id=self.new_id(report.scenario))
        else:
            raise StoreError(f"no free id for {session_id} in {self.history_dir}")
        self.discard(session_id)
        return item

    def history(self) -> list[HistoryItem]:
        """Finished sessions, newest first; damaged files are set aside."""
        out = []
        for path, data in self._records(self.history_dir):
            try:
                item = HistoryItem(**check_fields(HistoryItem, data.get("item")))
                passed = scoring.passed(item.score, item.pass_score, item.ending_kind)
                out.append(replace(item, passed=passed))
            except Damaged as error:
                self._set_aside(path, str(error))
        out.sort(key=lambda h: (h.finished_at, h.id), reverse=True)
        return out

    def report(self, session_id: str) -> Report:
        """The report of a finished session."""
        data = _read(self.history_dir / f"{session_id}.json")
        if not data or not isinstance(data.get("report"), dict):
            raise StoreError(f"the saved session {session_id} is missing or damaged")
        return report_from_dict(data["report"])

    def best(self) -> dict[str, Best]:
        """Best result per scenario id: a passed session beats a failed one, then the score
        (retried moments left out)."""
        best: dict[str, Best] = {}
        for item in self.history():
            if item.retry_of:
                continue  # a retried moment is not a whole session: its score is not comparable
            mine, theirs = Best(item.score, item.passed), best.get(item.scenario_id)
            if theirs is None or (mine.passed, mine.score) > (theirs.passed, theirs.score):
                best[item.scenario_id] = mine
        return best

    # ---- exports and preferences ------------------------------------------------------
    def export(
        self, report: Report, lang: str | None = None, folder: str | Path | None = None
    ) -> tuple[Path, Path]:
        """Write the report as Markdown and JSON; returns both paths."""
        from simulator.core.session.render import to_json, to_text, transcript_text

        target = Path(folder) if folder else self.exports_dir
        stem = base = f"{_slug(report.scenario)}-{self.now():%Y%m%d-%H%M%S}"
        for n in range(2, 10_000):  # two exports in the same second must not overwrite
            if not (target / f"{stem}.md").exists() and not (target / f"{stem}.json").exists():
                break
            stem = f"{base}-{n}"
        markdown = to_text(report, lang, markdown=True)
        heading = "对话记录" if (lang or report.language) == "zh" else "Transcript"
        markdown += f"\n## {heading}\n\n```text\n{transcript_text(report, lang)}```\n"
        md_path, json_path = target / f"{stem}.md", target / f"{stem}.json"
        atomic_write(md_path, markdown)
        atomic_write(json_path, to_json(report) + "\n")
        return md_path, json_path

    def prefs(self) -> dict[str, Any]:
        """Saved interface preferences (empty when none)."""
        path = self.root / "prefs.json"
        try:
            data = read_record(path)
        except OSError:
            return {}
        except Damaged as error:
            self._set_aside(path, str(error))
            return {}
        return {k: v for k, v in data.items() if k != "schema"}

    def save_prefs(self, **values: Any) -> None:
        """Merge and save interface preferences."""
        atomic_write(self.root / "prefs.json", _dump({"schema": SCHEMA, **self.prefs(), **values}))
