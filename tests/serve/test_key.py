"""The dashboard opens only with the trainer key."""

from __future__ import annotations

from simulator.serve.auth import TRAINER_COOKIE
from tests.serve.conftest import KEY, client_for


def test_without_the_key_the_dashboard_is_403_with_a_key_form(client):
    response = client.get("/dash")
    assert response.status_code == 403
    assert 'action="/dash/key"' in response.text and "讲师密钥" in response.text
    assert client.get("/dash/part/board").status_code == 403
    assert client.get("/dash/events").status_code == 403


def test_a_wrong_key_is_refused_either_way(client):
    assert client.get("/dash?key=nope").status_code == 403
    response = client.post("/dash/key", data={"key": "nope"})
    assert response.status_code == 403 and "讲师密钥不对" in response.text
    assert TRAINER_COOKIE not in client.cookies


def test_the_key_in_the_url_opens_the_dashboard_and_leaves_the_address(client):
    response = client.get(f"/dash?key={KEY}")
    assert response.status_code == 303 and response.headers["location"] == "/dash"
    page = client.get("/dash")
    assert page.status_code == 200 and "课堂看板 · 2026A" in page.text
    assert 'sse-connect="/dash/events"' in page.text


def test_the_key_typed_in_the_form_opens_the_dashboard(app):
    client = client_for(app)
    response = client.post("/dash/key", data={"key": f" {KEY} "})
    assert response.status_code == 303
    assert client.get("/dash").status_code == 200


def test_the_trainer_cookie_does_not_survive_a_new_key(app, tmp_path):
    from simulator.serve.web import make_app
    from tests.serve.conftest import make_config

    client = client_for(app)
    client.get(f"/dash?key={KEY}")
    same_secret = app.state.classroom.config.secret  # only the key differs
    other = client_for(
        make_app(make_config(tmp_path / "b", trainer_key="another-key", secret=same_secret))
    )
    other.cookies.set(TRAINER_COOKIE, client.cookies[TRAINER_COOKIE])
    assert other.get("/dash").status_code == 403


def test_the_dashboard_shows_where_trainees_go(client):
    client.get(f"/dash?key={KEY}")
    assert "http://192.0.2.10:8000/" in client.get("/dash").text
