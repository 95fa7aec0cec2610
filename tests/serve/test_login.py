"""A trainee joins the class: the class code, their id, a signed cookie, /play."""

from __future__ import annotations

from simulator.serve.auth import TRAINEE_COOKIE
from tests.serve.conftest import CLASS, client_for, login


def test_the_login_page_speaks_the_server_language_and_switches(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "课堂代码" in page.text and 'lang="zh-CN"' in page.text
    english = client.get("/?lang=en")
    assert "Class code" in english.text and 'lang="en"' in english.text


def test_a_trainee_with_the_class_code_reaches_play_under_their_name(client):
    response = login(client, "zhang.san", "张三")
    assert response.status_code == 303 and response.headers["location"] == "/play"
    play = client.get("/play")
    assert play.status_code == 200
    assert "张三" in play.text and "zhang.san" in play.text and CLASS in play.text
    assert 'data-path="/play/ws"' in play.text
    assert client.get("/").headers["location"] == "/play"  # signed in: straight to play


def test_the_class_code_is_forgiving_about_case_and_spaces(client):
    response = client.post("/login", data={"class": f"  {CLASS.lower()} ", "trainee": "li"})
    assert response.status_code == 303


def test_a_wrong_class_code_is_refused_with_a_reason_and_the_typed_values_kept(client):
    response = client.post("/login", data={"class": "9999", "trainee": "li", "name": "李四"})
    assert response.status_code == 400
    assert "课堂代码不对" in response.text
    assert 'value="li"' in response.text and 'value="李四"' in response.text
    assert TRAINEE_COOKIE not in response.cookies
    assert client.get("/play").status_code == 303
    assert 'href="/?lang=en"' in response.text  # the language link opens the login page


def test_bad_trainee_ids_are_refused_each_with_its_reason_in_the_chosen_language(client):
    empty = client.post("/login", data={"class": CLASS, "trainee": " ", "lang": "en"})
    assert empty.status_code == 400 and "Please type your staff number" in empty.text
    long = login(client, "x" * 41)
    assert long.status_code == 400 and "最多 40 个字符" in long.text
    slash = login(client, "../other")
    assert slash.status_code == 400 and "不能包含" in slash.text


def test_play_without_signing_in_goes_to_the_login_page(client):
    assert client.get("/play").headers["location"] == "/"


def test_a_tampered_cookie_is_not_a_login(client, app):
    import base64
    import json

    login(client, "zhang")
    payload, signature = client.cookies[TRAINEE_COOKIE].rsplit(".", 1)
    claim = json.dumps(["wang", "王", CLASS, "zh"]).encode()
    forged = base64.urlsafe_b64encode(claim).rstrip(b"=").decode() + "." + signature
    assert forged != client.cookies[TRAINEE_COOKIE]
    other = client_for(app)
    other.cookies.set(TRAINEE_COOKIE, forged)
    assert other.get("/play").status_code == 303


def test_a_cookie_from_another_server_start_is_not_a_login(client, tmp_path):
    from simulator.serve.web import make_app
    from tests.serve.conftest import make_config

    login(client, "zhang")
    restarted = client_for(make_app(make_config(tmp_path / "again")))
    restarted.cookies.set(TRAINEE_COOKIE, client.cookies[TRAINEE_COOKIE])
    assert restarted.get("/play").status_code == 303


def test_signing_out_forgets_the_trainee(client):
    login(client, "zhang")
    assert client.get("/logout").headers["location"] == "/"
    assert client.get("/play").status_code == 303
