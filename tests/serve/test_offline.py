"""Nothing the classroom serves asks another host for anything, and nothing else is served.

Every page and every asset is scanned for http(s):// addresses. The only ones allowed are
names that are never fetched: XML namespace names the SVG DOM API needs (ECharts) and
licence addresses inside comments; each is listed with its reason.
"""

from __future__ import annotations

import re

import pytest

from simulator.serve.web import ASSETS, CSP, STATIC
from tests.serve.conftest import as_trainer, login

URL = re.compile(rb"""https?://[^\s"'<>)\\\x80-\xff]+""")
NEVER_FETCHED = {
    b"http://www.w3.org/2000/svg": "SVG namespace name (document.createElementNS)",
    b"http://www.w3.org/1999/xhtml": "XHTML namespace name (xterm.js createElementNS)",
    b"http://www.w3.org/1999/xlink": "XLink namespace name",
    b"http://www.w3.org/2000/xmlns/": "XMLNS namespace name",
    b"http://www.w3.org/XML/1998/namespace": "XML namespace name",
    b"http://www.apache.org/licenses/LICENSE-2.0": "ECharts licence comment",
    b"https://github.com/ecomfe/zrender/blob/master/LICENSE": "zrender licence comment",
    b"http://bellard.org/jslinux/": "xterm.js credits comment",
    b"https://github.com/chjj/term.js": "xterm.css credits comment",
}
LOCAL = re.compile(rb"https?://(127\.0\.0\.1|localhost|testserver|192\.0\.2\.10)(:\d+)?(/|$)")
"""This server: the test client's host, and the public URL the tests give it (shown as
text on the dashboard for trainees to type)."""


def external(body: bytes) -> set[bytes]:
    return {
        url.rstrip(b".,;")
        for url in URL.findall(body)
        if not LOCAL.match(url) and url.rstrip(b".,;") not in NEVER_FETCHED
    }


def pages(client):
    login(client, "zhang", "张三")
    yield "/play", client.get("/play")
    as_trainer(client)
    for path in ("/dash", "/dash/part/live", "/dash/part/heat", "/dash/part/mistakes"):
        yield path, client.get(path)
    client.cookies.clear()
    for path in ("/", "/?lang=en", "/dash"):
        yield path, client.get(path)


def test_no_page_names_another_host_and_every_page_carries_the_policy(client):
    seen = 0
    for path, response in pages(client):
        seen += 1
        assert external(response.content) == set(), path
        assert response.headers["content-security-policy"] == CSP, path
        assert "default-src 'self'" in CSP and "http" not in CSP
    assert seen == 8


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_no_asset_names_another_host(client, name):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(ASSETS[name][1])
    if not name.endswith(".woff2"):
        assert external(response.content) == set(), name


def test_every_asset_a_page_links_to_is_served(client):
    linked: set[str] = set()
    for _, response in pages(client):
        linked |= set(re.findall(r"""(?:src|href)="/static/([^"]+)\"""", response.text))
    linked |= set(re.findall(r'"/static/([^"]+)"', client.get("/static/js/play.js").text))
    assert linked and linked <= set(ASSETS)


@pytest.mark.parametrize(
    "path",
    [
        "/static/",
        "/static/js/",
        "/static/fonts/",
        "/static/NOTICE",
        "/static/../web.py",
        "/static/fonts/OFL.txt",
        "/static/js/%2e%2e/%2e%2e/web.py",
    ],
)
def test_nothing_but_the_named_assets_is_reachable(client, path):
    assert client.get(path).status_code == 404


def test_the_font_is_small_and_has_every_gb2312_character():
    from fontTools.ttLib import TTFont

    path = STATIC / "fonts" / "NotoSansSC-GB2312.woff2"
    assert path.stat().st_size <= 3 * 1024 * 1024
    cmap = TTFont(path).getBestCmap()
    missing = []
    for row in range(0xB0, 0xF8):  # the hanzi rows of GB2312
        for cell in range(0xA1, 0xFF):
            try:
                char = bytes((row, cell)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if ord(char) not in cmap:
                missing.append(char)
    assert missing == []
    for char in "，。？！：；“”（）客户经理ABCxyz019":
        assert ord(char) in cmap, char
    assert (STATIC / "fonts" / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE") >= 1


def test_every_vendored_file_has_its_licence_and_is_in_the_notice():
    notice = (STATIC / "NOTICE").read_text()
    for vendored, licence in (
        ("js/echarts.min.js", "licenses/echarts.LICENSE.txt"),
        ("js/htmx.min.js", "licenses/htmx.LICENSE.txt"),
        ("js/htmx-ext-sse.min.js", "licenses/htmx-ext-sse.LICENSE.txt"),
        ("fonts/NotoSansSC-GB2312.woff2", "fonts/OFL.txt"),
    ):
        assert (STATIC / vendored).is_file() and (STATIC / licence).is_file()
        assert vendored in notice and licence in notice
