"""/dash: the trainer's live view of the class, for the projector.

Every part of the page (playing now, just finished, leaderboard, trainee x technique
heatmap, the class's most common mistakes) is a small HTML fragment; the page asks for
a fragment again when the server-sent event stream says the results changed. The stream
polls `Results.version(class)`, a single cheap read, every POLL_SECONDS, so a new score
shows within a second of being written. Everything here needs the trainer's key.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from simulator.core.grading import catalogue as catalogue_mod
from simulator.serve.forms import form

if TYPE_CHECKING:
    from simulator.serve.web import Classroom

POLL_SECONDS = 0.25
"""How often the event stream reads the results version."""
KEEPALIVE_SECONDS = 15.0
"""A comment line this often keeps proxies and browsers from closing a quiet stream."""
FINISHED_ROWS = 12
PARTS = ("live", "finished", "board", "heat", "mistakes")


class Labels:
    """Technique and pitfall names in the page's language, from the catalogue the trainees'
    apps use (the built-in one, or the organisation's given with --techniques)."""

    def __init__(self, techniques: str | None) -> None:
        self.catalogue = catalogue_mod.load(techniques)

    def __call__(self, entry_id: str, lang: str) -> str:
        return self.catalogue.label(entry_id, lang) or entry_id


def heat_data(matrix: dict[str, dict[str, Any]], names: dict[str, str], label, lang: str) -> dict:
    """The heatmap as ECharts wants it: rows, columns, [col, row, rate, shown, missed]."""
    trainees = sorted(matrix, key=lambda t: names.get(t, t))
    techniques = sorted({tech for row in matrix.values() for tech in row})
    cells = []
    for y, trainee in enumerate(trainees):
        for x, tech in enumerate(techniques):
            cell = matrix[trainee].get(tech)
            if cell is None or not (cell.shown or cell.missed):
                continue
            rate = round(cell.shown / (cell.shown + cell.missed), 2)
            cells.append([x, y, rate, cell.shown, cell.missed])
    return {
        "trainees": [names.get(t) or t for t in trainees],
        "techniques": [label(t, lang) for t in techniques],
        "cells": cells,
    }


def evidence_by_entry(turn: Any, most: int = 4) -> list[tuple[str, list[str]]]:
    """A reply's evidence as (technique or pitfall id, its distinct words), in order."""
    found: dict[str, list[str]] = {}
    for item in turn.evidence:
        words = found.setdefault(str(item.get("id", "")), [])
        text = str(item.get("text", "")).strip()
        if text and text not in words and len(words) < most:
            words.append(text)
    return [(entry, words) for entry, words in found.items() if entry]


def routes(room: Classroom) -> list[BaseRoute]:
    label = Labels(room.config.techniques)
    class_code = room.config.class_code

    def denied(request: Request) -> Response:
        return room.page(request, "key.html", 403, wrong=False)

    async def dashboard(request: Request) -> Response:
        key = request.query_params.get("key")
        if key is not None:
            if not room.keys.key_ok(key):
                return room.page(request, "key.html", 403, wrong=True)
            response = RedirectResponse("/dash", status_code=303)  # the key leaves the URL
            room.keys.open_dashboard(response)
            return response
        if not room.keys.is_trainer(request):
            return denied(request)
        return room.page(request, "dash.html", parts=PARTS)

    async def enter_key(request: Request) -> Response:
        if not room.keys.key_ok((await form(request)).get("key")):
            return room.page(request, "key.html", 403, wrong=True)
        response = RedirectResponse("/dash", status_code=303)
        room.keys.open_dashboard(response)
        return response

    async def part(request: Request) -> Response:
        if not room.keys.is_trainer(request):
            return denied(request)
        name = request.path_params["name"]
        if name not in PARTS:
            return room.page(request, "message.html", 404, title_key="web.not_found", body_key="")
        lang = room.lang(request)
        context = await run_in_threadpool(_part_context, room, name, class_code, label, lang)
        return room.page(request, f"part_{name}.html", label=label, **context)

    async def session(request: Request) -> Response:
        if not room.keys.is_trainer(request):
            return room.page(request, "message.html", 403, title_key="web.forbidden", body_key="")
        detail = await run_in_threadpool(room.results.session, request.path_params["id"])
        if detail is None or detail.summary.class_code != class_code:
            return room.page(
                request, "message.html", 404, title_key="web.session_missing", body_key=""
            )
        missed_at: dict[int, list[Any]] = {}
        for item in detail.missed:
            missed_at.setdefault(item.turn, []).append(item)
        sm = detail.summary
        return room.page(
            request,
            "session.html",
            s=detail,
            missed_at=missed_at,
            label=label,
            evidence=evidence_by_entry,
            names={sm.trainee: sm.display_name or sm.trainee},
        )

    async def events(request: Request) -> Response:
        if not room.keys.is_trainer(request):
            return denied(request)
        return StreamingResponse(
            _changes(request, room, class_code),
            media_type="text/event-stream",
            headers={"cache-control": "no-cache", "x-accel-buffering": "no"},
        )

    return [
        Route("/dash", dashboard),
        Route("/dash/key", enter_key, methods=["POST"]),
        Route("/dash/part/{name}", part),
        Route("/dash/session/{id}", session),
        Route("/dash/events", events),
    ]


def _part_context(room: Classroom, name: str, class_code: str, label, lang: str) -> dict:
    results = room.results
    if name == "live":
        return {"rows": results.live(class_code), "seats": len(room.seats)}
    if name == "finished":
        return {"rows": results.sessions(class_code=class_code)[:FINISHED_ROWS]}
    if name == "board":
        rows = results.leaderboard(class_code)
        rows.sort(key=lambda r: (-r.best_score, -(r.best_score - r.first_score), r.trainee))
        return {"rows": rows}
    if name == "heat":
        board = results.leaderboard(class_code)
        names = {r.trainee: r.display_name or r.trainee for r in board}
        data = heat_data(results.technique_matrix(class_code), names, label, lang)
        return {"data": data, "data_json": json.dumps(data, ensure_ascii=False)}
    names = {r.trainee: r.display_name or r.trainee for r in results.leaderboard(class_code)}
    return {"rows": results.common_mistakes(class_code, limit=8), "names": names}


async def _changes(request: Request, room: Classroom, class_code: str) -> AsyncIterator[str]:
    """'update' whenever the class's results version moves; a comment now and then."""
    seen = await run_in_threadpool(room.results.version, class_code)
    seats = len(room.seats)
    yield f"event: update\ndata: {seen}\n\n"
    quiet = 0.0
    while not await request.is_disconnected():
        await asyncio.sleep(POLL_SECONDS)
        version = await run_in_threadpool(room.results.version, class_code)
        if version != seen or len(room.seats) != seats:
            seen, seats = version, len(room.seats)
            quiet = 0.0
            yield f"event: update\ndata: {version}\n\n"
            continue
        quiet += POLL_SECONDS
        if quiet >= KEEPALIVE_SECONDS:
            quiet = 0.0
            yield ": still here\n\n"
