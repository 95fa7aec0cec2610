"""Trainees never see each other's sessions: own data folders, and only the trainer
reads the class's results."""

from __future__ import annotations

import pytest

from simulator.core.results import Identity
from simulator.serve.auth import Trainee
from simulator.serve.config import safe_id
from simulator.serve.play import app_command, trainee_environment
from tests.serve.classdata import grader_and_scenario, model_replies, play_one
from tests.serve.conftest import CLASS, as_trainer, client_for, login


def test_each_trainee_gets_their_own_data_folder_and_identity(config):
    zhang = trainee_environment(config, Trainee("zhang", "张三", CLASS, "zh"))
    li = trainee_environment(config, Trainee("li", "李四", CLASS, "en"))
    assert zhang["SIMULATOR_DATA_DIR"] != li["SIMULATOR_DATA_DIR"]
    for env, trainee in ((zhang, "zhang"), (li, "li")):
        folder = config.data_root / "trainees" / safe_id(trainee)
        assert env["SIMULATOR_DATA_DIR"] == str(folder) and folder.is_dir()
        assert env["SIMULATOR_TRAINEE"] == trainee
        assert env["SIMULATOR_CLASS"] == CLASS
        assert env["SIMULATOR_RESULTS_DB"] == config.results_url
    assert zhang["SIMULATOR_TRAINEE_NAME"] == "张三"
    assert zhang["LANG"].startswith("zh") and li["LANG"].startswith("en")


@pytest.mark.parametrize(
    "a, b",
    [
        ("zhang.san", "zhang_san"),
        ("张三", "李四"),
        ("Ab", "ab"),
        ("..", "."),
        ("a/b", "a_b"),
    ],
)
def test_different_ids_never_share_a_folder_and_every_folder_name_is_plain(a, b):
    assert safe_id(a) != safe_id(b)
    for name in (safe_id(a), safe_id(b)):
        assert name.isascii() and "/" not in name and "\\" not in name and name[0] != "."
        assert name == name.lower()


def test_the_app_command_names_the_language_and_library(config):
    from dataclasses import replace

    changed = replace(config, library="/srv/my scenarios", pace="off", techniques="/srv/ours.yaml")
    command = app_command(changed, "en")
    assert "-m simulator --ui-lang en --library" in command
    assert "'/srv/my scenarios' --techniques /srv/ours.yaml --pace off" in command
    assert "--pace" not in app_command(config, "zh")


@pytest.fixture
def finished(results):
    _, scenario = grader_and_scenario()
    play_one(results, Identity("zhang", CLASS, "张三"), model_replies(scenario)[:4], "s-zhang")
    return "s-zhang"


def test_a_trainee_cannot_read_a_session_or_any_dashboard_part(app, finished):
    trainee = client_for(app)
    login(trainee, "li", "李四")
    assert trainee.get(f"/dash/session/{finished}").status_code == 403
    for path in ("/dash", "/dash/part/live", "/dash/part/mistakes", "/dash/events"):
        response = trainee.get(path)
        assert response.status_code == 403, path
        assert "张三" not in response.text


def test_the_trainer_reads_the_transcript_with_evidence(client, finished):
    page = as_trainer(client).get(f"/dash/session/{finished}")
    assert page.status_code == 200
    assert "张三" in page.text and "刘老板您太客气了" in page.text
    assert "依据 · " in page.text  # the grader's evidence under the replies
    assert "用上 · " in page.text
    assert '<span class="who">张三</span>' in page.text  # the name, not the id
    assert "结局：中途结束" in page.text  # four replies, then the session was left


def test_a_session_of_another_class_is_not_shown(client, results):
    play_one(results, Identity("x", "OTHER", "外班"), ["您好"], "s-other")
    page = as_trainer(client).get("/dash/session/s-other")
    assert page.status_code == 404 and "外班" not in page.text
