"""A real browser (Debian's Chromium through Playwright) in the classroom.

A trainee signs in, plays three turns in Chinese in the served app, and the trainer's
dashboard shows their session; every request either page makes goes to the classroom
server and nowhere else. Then the dashboard of a class of six draws its heatmap and
picks up a new score by itself.
"""

from __future__ import annotations

import re
import sys
import time
from urllib.parse import urlsplit

import pytest

from simulator.core.results import Identity, open_results
from simulator.serve.config import safe_id
from tests.serve.classdata import fill_class, grader_and_scenario, play_one
from tests.serve.conftest import CHROMIUM_ARGS, CLASS, KEY, make_config
from tests.serve.live import LiveServer

# One worker runs both, one after the other: each starts Chromium and a classroom that
# spawns an app process per trainee, too much at once for a two-core CI machine.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b[()][AB0-2]|\x1b\][^\x07]*\x07")
REPLIES = [
    "陈姐您好，我是银行的客户经理小王，耽误您三十秒。",
    "听说您批发部生意很好，年前备货的资金周转紧不紧张？",
    "那我不耽误您卸货，您看明天上午我上门跟您细聊十分钟，可以吗？",
]


class Screen:
    """What the app has drawn so far, as text (the terminal's WebSocket frames)."""

    def __init__(self, page) -> None:
        self.page = page
        self.parts: list[str] = []
        page.on("websocket", self._watch)

    def _watch(self, socket) -> None:
        def got(payload) -> None:
            if isinstance(payload, bytes):
                self.parts.append(ANSI.sub("", payload.decode("utf-8", "replace")))

        socket.on("framereceived", got)

    def clear(self) -> None:
        """Forget what was drawn, to wait for what the next key brings."""
        self.parts.clear()

    def wait_for(self, text: str, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while text not in "".join(self.parts):
            assert time.monotonic() < deadline, (
                f"{text!r} never drawn: {''.join(self.parts)[-600:]!r}"
            )
            self.page.wait_for_timeout(200)


def wait_until(page, check, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while not (value := check()):
        assert time.monotonic() < deadline, what
        page.wait_for_timeout(250)
    return value


@pytest.fixture
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def record_requests(context, hosts: set[str], complaints: list[str]) -> None:
    """Every host the pages ask, and every console error (a CSP refusal would be one)."""
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))

    def watch(page) -> None:
        page.on("websocket", lambda ws: hosts.add(urlsplit(ws.url).netloc))
        page.on(
            "console",
            lambda message: message.type == "error" and complaints.append(message.text),
        )

    context.on("page", watch)


def test_a_trainee_plays_three_turns_in_chinese_and_the_dashboard_shows_it(browser, tmp_path):
    config = make_config(tmp_path, public_url="", pace="off", python=sys.executable)
    store = open_results(config.results_url)
    hosts: set[str] = set()
    complaints: list[str] = []
    with LiveServer(config) as server:
        trainee_context = browser.new_context(viewport={"width": 1100, "height": 720})
        record_requests(trainee_context, hosts, complaints)
        page = trainee_context.new_page()
        screen = Screen(page)
        page.goto(server.url + "/")
        page.fill("input[name=class]", CLASS)
        page.fill("input[name=trainee]", "zhao6")
        page.fill("input[name=name]", "赵六")
        page.click("button[type=submit]")
        page.wait_for_url("**/play")
        page.wait_for_selector("body.-first-byte", timeout=60_000)
        screen.wait_for("个场景")  # the library, in Chinese
        fonts = page.evaluate(
            "() => [...document.fonts].filter(f => f.family.includes('Roboto Mono'))"
            ".map(f => f.status)"
        )
        assert "loaded" in fonts  # the bundled CJK face, not the machine's own
        screen.clear()
        page.keyboard.press("Enter")  # the first scenario: its briefing
        screen.wait_for("你的角色")
        screen.clear()
        page.keyboard.press("Enter")  # start
        screen.wait_for("输入你的回复")
        live = wait_until(page, lambda: store.live(CLASS), "the session never started")
        assert live[0].trainee == "zhao6" and live[0].display_name == "赵六"
        for number, reply in enumerate(REPLIES, 1):
            page.keyboard.type(reply)
            screen.clear()  # the reply as typed in the box: not what is waited for below
            page.keyboard.press("Enter")
            wait_until(
                page,
                lambda n=number: store.live(CLASS) and store.live(CLASS)[0].turns >= n,
                f"reply {number} was not recorded",
            )
            # In its bubble: the app is done with this reply. Until then it refuses the next
            # one ("please wait"), and on a loaded machine that lasts past the store's write.
            screen.wait_for(reply[-6:])
        page.screenshot(path=str(tmp_path / "play.png"))

        trainer_context = browser.new_context(viewport={"width": 1280, "height": 900})
        record_requests(trainer_context, hosts, complaints)
        dash = trainer_context.new_page()
        dash.goto(f"{server.url}/dash?key={KEY}")
        assert urlsplit(dash.url).path == "/dash"
        row = dash.locator("#panel-live tr", has_text="赵六")
        row.wait_for(timeout=30_000)
        assert "三十秒的机会" in row.inner_text() and "3" in row.inner_text().split()
        trainee_context.close()
        trainer_context.close()
    store.close()
    own = config.trainee_dir("zhao6")
    assert own.name == safe_id("zhao6") and any(own.rglob("*.json"))
    assert hosts == {f"127.0.0.1:{server.port}"}
    assert complaints == []


def test_the_dashboard_of_a_class_draws_and_updates_itself(browser, tmp_path):
    config = make_config(tmp_path, public_url="http://127.0.0.1:8000/")
    store = open_results(config.results_url)
    fill_class(store, CLASS)
    hosts: set[str] = set()
    complaints: list[str] = []
    with LiveServer(config) as server:
        context = browser.new_context(viewport={"width": 1600, "height": 1300})
        record_requests(context, hosts, complaints)
        dash = context.new_page()
        dash.goto(f"{server.url}/dash?key={KEY}")
        dash.locator(".heat svg").wait_for(timeout=30_000)
        assert dash.locator("#panel-board tbody tr").count() == 6
        assert dash.locator("#panel-mistakes li").count() >= 3
        dash.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
        _, scenario = grader_and_scenario()
        play_one(store, Identity("t42", CLASS, "新同学"), list(scenario.tests[0].replies), "s-new")
        dash.locator("#panel-finished tr", has_text="新同学").wait_for(timeout=10_000)
        dash.locator("#panel-board tr", has_text="新同学").wait_for(timeout=10_000)
        context.close()
    store.close()
    assert hosts == {f"127.0.0.1:{server.port}"}
    assert complaints == []
