"""The classroom server as one Starlette app: login, /play, the dashboard, the assets.

Offline by construction: every page and script comes from this package (or, for the
terminal, from textual-serve-asgi's own files), only named files are served (no folder
can be listed), and a Content-Security-Policy tells the browser to fetch nothing from
any other host.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
import textual_serve_asgi
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette.websockets import WebSocket

from simulator.core import text
from simulator.core.results import Results, open_results
from simulator.serve.auth import TRAINEE_COOKIE, Keys, Trainee
from simulator.serve.config import ServeConfig, check_trainee, same_class
from simulator.serve.forms import form
from simulator.serve.play import Seats, serve_app

HERE = Path(__file__).parent
STATIC = HERE / "static"
_TEXTUAL = Path(textual_serve_asgi.__file__).parent / "static"
ASSETS: dict[str, tuple[Path, str]] = {
    "css/classroom.css": (STATIC / "css/classroom.css", "text/css"),
    "js/play.js": (STATIC / "js/play.js", "text/javascript"),
    "js/dash.js": (STATIC / "js/dash.js", "text/javascript"),
    "js/htmx.min.js": (STATIC / "js/htmx.min.js", "text/javascript"),
    "js/htmx-ext-sse.min.js": (STATIC / "js/htmx-ext-sse.min.js", "text/javascript"),
    "js/echarts.min.js": (STATIC / "js/echarts.min.js", "text/javascript"),
    "fonts/NotoSansSC-GB2312.woff2": (STATIC / "fonts/NotoSansSC-GB2312.woff2", "font/woff2"),
    "textual/textual.js": (_TEXTUAL / "js/textual.js", "text/javascript"),
    "textual/xterm.css": (_TEXTUAL / "css/xterm.css", "text/css"),
}
"""Every file the server hands out, by URL under /static/ (nothing else is reachable)."""
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
"""The browser may load from this server only (ECharts and xterm set inline styles)."""
LANG_COOKIE = "classroom_lang"
FORM_PAGES = {"/login": "/", "/dash/key": "/dash"}
"""The page each form is on (what a language link on its answer opens)."""


@dataclass
class Classroom:
    """What every request handler shares."""

    config: ServeConfig
    keys: Keys
    seats: Seats
    results: Results
    templates: jinja2.Environment

    def lang(self, request: Request) -> str:
        who = self.keys.trainee(request)
        chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
        return text.pick_lang(chosen, who.lang if who else self.config.lang)

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = context.pop("lang", None) or self.lang(request)

        def tr(key: str, **values: object) -> str:
            return text.t(key, lang, **values)

        path = request.url.path
        if request.method != "GET":  # a form's answer: the language links go to its page
            path = FORM_PAGES.get(path, "/")
        html = self.templates.get_template(name).render(
            t=tr, lang=lang, config=self.config, path=path, **context
        )
        response = HTMLResponse(html, status_code=status)
        if request.query_params.get("lang") in text.LANGS:
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
        return response


def clock(iso: str) -> str:
    """An ISO time as HH:MM:SS on this machine's clock (the trainer's room)."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%H:%M:%S")


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["clock"] = clock
    return env


class SecurityHeaders:
    """CSP and friends on every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def make_app(config: ServeConfig, results: Results | None = None) -> Starlette:
    """The whole classroom server (results: an open store, else config.results_url)."""
    from simulator.serve import dash

    owned = results is None
    room = Classroom(
        config,
        Keys(config),
        Seats(config.max_sessions),
        results if results is not None else open_results(config.results_url),
        _templates(),
    )

    async def home(request: Request) -> Response:
        if room.keys.trainee(request) is not None:
            return RedirectResponse("/play", status_code=303)
        return room.page(request, "login.html", values={}, problems=[])

    async def login(request: Request) -> Response:
        values = await form(request)
        lang = text.pick_lang(values.get("lang"), room.config.lang)
        problems: list[tuple[str, dict[str, object]]] = []
        if not same_class(values.get("class", ""), config.class_code):
            problems.append(("web.err_class", {}))
        problems += check_trainee(values.get("trainee", ""), values.get("name", ""))
        if problems:
            return room.page(
                request, "login.html", 400, lang=lang, values=values, problems=problems
            )
        trainee = values["trainee"]
        who = Trainee(trainee, values.get("name") or trainee, config.class_code, lang)
        response = RedirectResponse("/play", status_code=303)
        room.keys.sign_in(response, who)
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
        return response

    async def logout(request: Request) -> Response:
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(TRAINEE_COOKIE)
        return response

    async def play(request: Request) -> Response:
        who = room.keys.trainee(request)
        if who is None:
            return RedirectResponse("/", status_code=303)
        if room.seats.full:
            return room.page(request, "full.html", 503)
        return room.page(request, "play.html", lang=who.lang, who=who)

    async def play_ws(websocket: WebSocket) -> None:
        await serve_app(websocket, config, room.keys.trainee(websocket), room.seats)

    async def asset(request: Request) -> Response:
        found = ASSETS.get(request.path_params["name"])
        if found is None:
            return room.page(request, "message.html", 404, title_key="web.not_found", body_key="")
        path, media = found
        return FileResponse(path, media_type=media, headers={"cache-control": "max-age=3600"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if owned:
            room.results.close()

    routes = [
        Route("/", home),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout),
        Route("/play", play),
        WebSocketRoute("/play/ws", play_ws),
        Route("/static/{name:path}", asset),
        *dash.routes(room),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.add_middleware(SecurityHeaders)
    app.state.classroom = room
    return app
