"""`simulator classroom serve` from the command line: help, checks, what it prints."""

from __future__ import annotations

import socket

import pytest

from simulator.cli import main
from simulator.serve import server
from simulator.serve.config import ServeConfig


def test_help_shows_examples_and_the_trainers_three_steps(capsys):
    with pytest.raises(SystemExit):
        main(["classroom", "serve", "--help"])
    out = capsys.readouterr().out
    assert "simulator classroom serve --host 0.0.0.0 --class 2026A" in out
    assert "讲师三步" in out and "/dash" in out
    with pytest.raises(SystemExit):
        main(["classroom", "--help"])
    assert "serve" in capsys.readouterr().out


@pytest.fixture
def started(monkeypatch, tmp_path):
    """Run the command up to the point where it would listen; keep what it chose."""
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SIMULATOR_RESULTS_DB", raising=False)
    seen: dict = {}

    def fake_run(config: ServeConfig, listen: server.Listen, shared: bool) -> int:
        seen.update(config=config, listen=listen, shared=shared)
        return 0

    monkeypatch.setattr(server, "run", fake_run)
    return seen


def test_by_default_only_this_machine_can_connect(started, tmp_path):
    assert main(["classroom", "serve"]) == 0
    config, listen = started["config"], started["listen"]
    assert listen == server.Listen("127.0.0.1", 8000) and not started["shared"]
    assert config.public_url == ""
    assert config.data_root == (tmp_path / "classroom").resolve()
    assert config.results_url == f"sqlite:///{config.data_root / 'results.db'}"
    assert config.class_code.isdigit() and len(config.class_code) == 4
    assert len(config.trainer_key) >= 8


def test_opened_to_the_room_it_tells_an_address_browsers_can_use(started):
    argv = ["--pace", "off", "--techniques", "ours.yaml", "classroom", "serve"]
    argv += ["--host", "0.0.0.0", "--port", "8123"]
    assert main(argv + ["--class", "2026A", "--key", "abcd1234", "--lang", "en"]) == 0
    config = started["config"]
    assert started["shared"] and "0.0.0.0" not in config.public_url
    assert config.public_url.startswith("http://") and config.public_url.endswith(":8123/")
    assert (config.class_code, config.trainer_key, config.lang, config.pace) == (
        "2026A",
        "abcd1234",
        "en",
        "off",
    )
    assert config.techniques == "ours.yaml"  # the organisation's catalogue reaches the apps


def test_a_public_url_and_a_database_are_taken_as_given(started):
    url = "postgresql://trainer@db.bank/training"
    argv = ["classroom", "serve", "--host", "0.0.0.0", "--public-url", "http://pc.local:80"]
    assert main(argv + ["--db", url, "--max-sessions", "3"]) == 0
    config = started["config"]
    assert config.public_url == "http://pc.local:80/"
    assert config.results_url == url and config.max_sessions == 3
    assert main(["--db", "sqlite:////srv/class.db", "classroom", "serve"]) == 0
    assert started["config"].results_url == "sqlite:////srv/class.db"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--max-sessions", "0"], "--max-sessions must be at least 1"),
        (["--public-url", "pc.local:8000"], "must start with http://"),
        (["--key", "ab"], "--key must have at least 4 characters"),
        (["--port", "70000"], "--port must be 1-65535"),
        (["--class", " "], "--class must have 1-32 characters"),
    ],
)
def test_bad_options_are_refused_with_a_reason_in_both_languages(started, capsys, argv, message):
    assert main(["classroom", "serve", *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and "Classroom server problem" in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)  # and in Chinese
    assert "config" not in started


def test_a_port_in_use_is_a_clear_error_not_a_traceback():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(server.ServeError, match="cannot listen on 127.0.0.1"):
            server.check_port(server.Listen("127.0.0.1", port))


def test_the_banner_names_the_address_the_code_and_the_key(tmp_path):
    config = ServeConfig("2026A", "the-key", tmp_path, "sqlite:///x.db")
    lines = "\n".join(server.banner(config, server.Listen("0.0.0.0", 8000), shared=True))
    assert "2026A" in lines and "the-key" in lines and "http://127.0.0.1:8000/dash" in lines
    assert "学员打开 / trainees open" in lines and "0.0.0.0" not in lines
    local = "\n".join(server.banner(config, server.Listen("127.0.0.1", 8000), shared=False))
    assert "this machine only: http://127.0.0.1:8000/" in local


@pytest.mark.parametrize(
    "host, public, expected",
    [
        ("192.168.1.20", None, "http://192.168.1.20:8000/"),
        ("0.0.0.0", "https://train.bank/", "https://train.bank/"),
        ("::1", None, "http://[::1]:8000/"),
    ],
)
def test_trainee_url(host, public, expected):
    assert server.trainee_url(host, 8000, public) == expected


def test_a_wildcard_host_becomes_this_machines_lan_address(monkeypatch):
    monkeypatch.setattr(server, "lan_address", lambda: "10.1.2.3")
    assert server.trainee_url("0.0.0.0", 8000, None) == "http://10.1.2.3:8000/"
    monkeypatch.setattr(server, "lan_address", lambda: None)
    assert server.trainee_url("0.0.0.0", 8000, None) == "http://127.0.0.1:8000/"
