"""CSV exports for spreadsheets: one row per session, one per session x technique.

Written as UTF-8 with a byte-order mark so Excel opens Chinese names and titles right;
the columns are stable ids (technique ids, ending kinds) plus a readable label.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

from simulator.core.results.files import StoreError
from simulator.core.results.records import SessionResult

SESSION_COLUMNS = (
    "session_id",
    "trainee",
    "display_name",
    "class_code",
    "scenario_id",
    "title",
    "lang",
    "mode",
    "started_at",
    "finished_at",
    "score",
    "pass_score",
    "passed",
    "ending",
    "ending_kind",
    "turns",
    "elapsed_s",
    "techniques_shown",
    "opportunities_missed",
    "pitfalls",
)
TECHNIQUE_COLUMNS = (
    "session_id",
    "trainee",
    "class_code",
    "scenario_id",
    "finished_at",
    "technique",
    "label",
    "shown",
    "missed",
)


def session_rows(results: Iterable[SessionResult]) -> list[list[str | int | float]]:
    rows: list[list[str | int | float]] = []
    for r in results:
        who = r.identity
        rows.append(
            [
                r.id,
                who.trainee,
                who.display_name or who.trainee,
                who.class_code,
                r.scenario_id,
                r.title,
                r.lang,
                r.mode,
                r.started_at,
                r.finished_at,
                r.score,
                r.pass_score,
                "yes" if r.passed else "no",
                r.ending,
                r.ending_kind,
                len(r.turns),
                r.elapsed,
                sum(r.techniques.values()),
                len(r.missed),
                len(r.pitfalls),
            ]
        )
    return rows


def technique_rows(
    results: Iterable[SessionResult], label: Callable[[str], str]
) -> list[list[str | int | float]]:
    rows: list[list[str | int | float]] = []
    for r in results:
        missed: dict[str, int] = {}
        for m in r.missed:
            missed[m.technique] = missed.get(m.technique, 0) + 1
        for technique in sorted(set(r.techniques) | set(missed)):
            rows.append(
                [
                    r.id,
                    r.identity.trainee,
                    r.identity.class_code,
                    r.scenario_id,
                    r.finished_at,
                    technique,
                    label(technique),
                    r.techniques.get(technique, 0),
                    missed.get(technique, 0),
                ]
            )
    return rows


def _write(path: Path, header: tuple[str, ...], rows: list[list[str | int | float]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
    except OSError as error:
        raise StoreError(
            f"cannot write {path}: {error.strerror or error} / 无法写入 {path}"
        ) from None


def write_csv(
    folder: Path, stem: str, results: list[SessionResult], label: Callable[[str], str]
) -> tuple[Path, Path]:
    """Write <stem>-sessions.csv and <stem>-techniques.csv in folder; returns both paths."""
    sessions_path = folder / f"{stem}-sessions.csv"
    techniques_path = folder / f"{stem}-techniques.csv"
    _write(sessions_path, SESSION_COLUMNS, session_rows(results))
    _write(techniques_path, TECHNIQUE_COLUMNS, technique_rows(results, label))
    return sessions_path, techniques_path
