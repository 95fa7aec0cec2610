"""The session cap: one app process per browser tab, never more than --max-sessions."""

from __future__ import annotations

import pytest
from starlette.websockets import WebSocketDisconnect

from simulator.serve.auth import Trainee
from simulator.serve.play import CLOSE_BAD_ORIGIN, CLOSE_FULL, CLOSE_NO_LOGIN, Seats
from simulator.serve.web import make_app
from tests.serve.conftest import CLASS, client_for, login, make_config


def test_seats_fill_up_to_the_limit_and_free_again():
    seats = Seats(2)
    a = seats.take(Trainee("a", "A", CLASS, "zh"))
    b = seats.take(Trainee("b", "B", CLASS, "zh"))
    assert a is not None and b is not None and seats.full
    assert seats.take(Trainee("c", "C", CLASS, "zh")) is None
    seats.leave(a)
    assert not seats.full and seats.trainees() == ["b"]


@pytest.fixture
def full_app(tmp_path, results):
    app = make_app(make_config(tmp_path, max_sessions=1), results)
    app.state.classroom.seats.take(Trainee("someone", "某人", CLASS, "zh"))
    return app


def test_a_full_class_shows_a_clear_page_in_the_trainees_language(full_app):
    client = client_for(full_app)
    login(client, "li", "李四", lang="en")
    page = client.get("/play")
    assert page.status_code == 503
    assert "The class is full" in page.text and "1 people are practising" in page.text
    assert 'href="/play"' in page.text  # try again


def test_a_full_class_closes_the_app_socket_without_starting_an_app(full_app):
    client = client_for(full_app)
    login(client, "li")
    with pytest.raises(WebSocketDisconnect) as closed:
        with client.websocket_connect("/play/ws") as socket:
            socket.receive_bytes()
    assert closed.value.code == CLOSE_FULL
    assert len(full_app.state.classroom.seats) == 1


def test_the_app_socket_needs_a_login(app):
    with pytest.raises(WebSocketDisconnect) as closed:
        with client_for(app).websocket_connect("/play/ws") as socket:
            socket.receive_bytes()
    assert closed.value.code == CLOSE_NO_LOGIN


def test_a_page_from_another_site_cannot_open_a_trainees_app(app):
    client = client_for(app)
    login(client, "li")
    with pytest.raises(WebSocketDisconnect) as closed:
        with client.websocket_connect(
            "/play/ws", headers={"origin": "http://evil.example"}
        ) as socket:
            socket.receive_bytes()
    assert closed.value.code == CLOSE_BAD_ORIGIN
    assert len(app.state.classroom.seats) == 0
