"""The trainer's dashboard with a class of results written straight through the store."""

from __future__ import annotations

import asyncio
import json
import re

import pytest

from simulator.core.results import Identity, open_results
from simulator.serve import dash
from tests.serve.classdata import TRAINEES, fill_class, grader_and_scenario, play_one
from tests.serve.conftest import CLASS, as_trainer, make_config


@pytest.fixture(scope="module")
def class_db(tmp_path_factory):
    """One store filled once for the module (grading six trainees takes a while)."""
    root = tmp_path_factory.mktemp("class")
    config = make_config(root)
    store = open_results(config.results_url)
    fill_class(store, CLASS)
    yield config, store
    store.close()


@pytest.fixture
def trainer(class_db):
    from starlette.testclient import TestClient

    from simulator.serve.web import make_app

    config, store = class_db
    return as_trainer(TestClient(make_app(config, store), follow_redirects=False))


def test_playing_now_shows_who_plays_what_and_where(trainer):
    page = trainer.get("/dash/part/live").text
    assert "周九" in page and "社区超市刘老板" in page
    row = re.search(r"<tr><td class=\"name\">周九</td>.*?</tr>", page, re.S).group(0)
    assert ">3<" in row  # three replies so far
    assert "张三" not in page  # finished sessions are not 'playing'


def test_finished_sessions_link_to_their_transcripts(trainer):
    page = trainer.get("/dash/part/finished").text
    for _, name, _ in TRAINEES:
        assert name in page
    assert 'href="/dash/session/s-t01-2"' in page
    assert trainer.get("/dash/session/s-t01-2").status_code == 200


def test_the_leaderboard_ranks_by_best_and_shows_first_versus_best(trainer):
    page = trainer.get("/dash/part/board").text
    rows = re.findall(r'<tr><td>(\d+)</td><td class="name">([^<]+)</td>(.*?)</tr>', page, re.S)
    names = [name for _, name, _ in rows]
    assert len(names) == 6 and set(names) == {name for _, name, _ in TRAINEES}
    best = [int(re.findall(r'score">(\d+)<', cells)[0]) for _, _, cells in rows]
    assert best == sorted(best, reverse=True)
    zhang = dict((name, cells) for _, name, cells in rows)["张三"]
    assert 'class="num up">+' in zhang  # the second try beat the first


def test_the_heatmap_holds_every_trainee_and_technique_with_counts(trainer, class_db):
    _, store = class_db
    page = trainer.get("/dash/part/heat").text
    data = json.loads(re.search(r'data-heat="([^"]+)"', page).group(1).replace("&#34;", '"'))
    matrix = store.technique_matrix(CLASS)
    assert len(data["trainees"]) == len(matrix)
    assert "张三" in data["trainees"]
    techniques = {t for row in matrix.values() for t in row}
    assert len(data["techniques"]) == len(techniques)
    assert "称赞" in data["techniques"]  # names in the page's language, not ids
    for x, y, rate, shown, missed in data["cells"]:
        assert 0 <= x < len(data["techniques"]) and 0 <= y < len(data["trainees"])
        assert 0 <= rate <= 1 and shown + missed > 0
        assert rate == round(shown / (shown + missed), 2)


def test_the_most_common_mistakes_quote_the_trainees_and_the_model(trainer, class_db):
    _, store = class_db
    page = trainer.get("/dash/part/mistakes").text
    top = store.common_mistakes(CLASS, limit=8)[0]
    trainee, words, model, _, _ = top.examples[0]
    assert words in page and model in page
    assert "错过的机会" in page or "失误" in page
    english = trainer.get("/dash/part/mistakes?lang=en").text
    assert "Missed opportunity" in english or "Pitfall" in english


def test_an_unknown_part_is_404(trainer):
    assert trainer.get("/dash/part/secrets").status_code == 404


class _Request:
    """Enough of a request for the event stream: disconnects after `polls` checks."""

    def __init__(self, polls: int) -> None:
        self.polls = polls

    async def is_disconnected(self) -> bool:
        self.polls -= 1
        return self.polls < 0


def test_the_event_stream_says_update_when_a_score_is_written(class_db, app):
    config, store = class_db
    room = app.state.classroom
    room.results = store
    _, scenario = grader_and_scenario()

    async def collect() -> list[str]:
        events: list[str] = []
        stream = dash._changes(_Request(polls=40), room, CLASS)
        events.append(await anext(stream))  # the opening event
        quiet = asyncio.create_task(anext(stream))
        await asyncio.sleep(dash.POLL_SECONDS * 3)
        assert not quiet.done()  # nothing written: nothing sent
        await asyncio.to_thread(
            play_one,
            store,
            Identity("t99", CLASS, "新人"),
            list(scenario.tests[0].replies[:1]),
            "s-t99",
            50,
            finish=True,
        )
        events.append(await asyncio.wait_for(quiet, 5))
        return events

    first, update = asyncio.run(collect())
    before = int(first.removeprefix("event: update\ndata: ").strip())
    assert update.startswith("event: update\ndata: ") and update.endswith("\n\n")
    after = int(update.removeprefix("event: update\ndata: ").strip())
    assert before < after <= store.version(CLASS)  # the start, a turn or the finish
