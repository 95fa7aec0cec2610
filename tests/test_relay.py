"""Hot-seat relay in the core: reading names, rotating turns, crediting authors, the per-person split."""

from __future__ import annotations

import json

import pytest

from simulator.core.results.files import Store, report_from_dict
from simulator.core.scenario import scoring
from simulator.core.scenario.loader import load_scenario
from simulator.core.session import relay
from simulator.core.session.engine import Session
from simulator.core.session.feedback import build_report
from simulator.core.session.relay import RelayError, parse_names
from simulator.core.session.render import to_json, to_text, transcript_text
from tests.conftest import DATA

MINI = DATA / "scenarios" / "mini_zh.yaml"
NAMES = ("张三", "李四", "王五")
RELAY_REPLIES = [
    "你好,我是小李。",
    "八年可不容易,街坊都认您,说明您做人实在。",
    "您这儿一个月流水大概多少?",
    "除了我们,最近有没有在别的小贷公司借过款?",
]
"""Four replies: an idle greeting, praise, probing, then the question that uncovers the loan."""


def relay_session(replies=RELAY_REPLIES, names=NAMES) -> Session:
    session = Session.start(load_scenario(MINI))
    session.relay = names
    for reply in replies:
        session.reply(reply)
    return session


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张三,李四,王五", ("张三", "李四", "王五")),
        ("张三、李四，王五", ("张三", "李四", "王五")),
        (" Ann Lee ; Bo ", ("Ann Lee", "Bo")),
        ("张三,李四,", ("张三", "李四")),
        (",".join(f"p{n}" for n in range(12)), tuple(f"p{n}" for n in range(12))),
    ],
)
def test_names_are_read_with_every_separator(text, names):
    assert parse_names(text) == names


@pytest.mark.parametrize(
    ("text", "key", "zh", "en"),
    [
        ("", "empty_list", "用逗号或顿号隔开", "comma separated"),
        ("张三", "too_few", "至少需要 2 个人(现在 1 个)", "at least 2 people (1 given)"),
        (",".join(f"p{n}" for n in range(13)), "too_many", "最多 12 个人", "at most 12"),
        ("张三,,李四", "empty_name", "第 2 个名字是空的", "Name 2 is empty"),
        ("张三,张三", "duplicate", "「张三」重复了", '"张三" appears twice'),
        ("Ann,ANN", "duplicate", "「ANN」重复了", "appears twice"),
        ("张三,Ａｎｎ,Ann", "duplicate", "重复", "twice"),
        ("张三," + "长" * 17, "long_name", "太长", "too long"),
    ],
)
def test_bad_names_are_refused_with_a_message_in_both_languages(text, key, zh, en):
    with pytest.raises(RelayError) as caught:
        parse_names(text)
    assert caught.value.key == f"relay.error.{key}"
    assert zh in caught.value.text("zh") and en in caught.value.text("en")
    assert str(caught.value) == caught.value.text("en")


def test_turns_rotate_and_each_reply_carries_its_author():
    session = relay_session()
    assert [t.author for t in session.turns] == ["张三", "李四", "王五", "张三"]
    assert session.next_author == "李四"
    data = session.to_dict()
    assert data["relay"] == list(NAMES) and data["authors"] == ["张三", "李四", "王五", "张三"]


def test_one_trainee_has_no_authors_and_no_relay_keys():
    session = Session.start(load_scenario(MINI))
    session.reply(RELAY_REPLIES[0])
    assert session.turns[0].author == "" and session.next_author == ""
    assert "relay" not in session.to_dict() and "authors" not in session.to_dict()
    assert "author" not in build_report(session).transcript[1].to_dict()


def test_a_relay_session_resumes_with_its_authors_and_rotation():
    session = relay_session(RELAY_REPLIES[:2])
    again = Session.from_dict(json.loads(json.dumps(session.to_dict())), session.scenario)
    assert again.relay == NAMES
    assert [t.author for t in again.turns] == ["张三", "李四"]
    assert again.next_author == "王五"
    assert again.reply(RELAY_REPLIES[2]).author == "王五"


def test_saved_authors_win_over_the_rotation_when_replayed():
    data = relay_session(RELAY_REPLIES[:2]).to_dict()
    data["authors"] = ["李四", "张三"]
    again = Session.from_dict(data, load_scenario(MINI))
    assert [t.author for t in again.turns] == ["李四", "张三"]


@pytest.mark.parametrize("bad", [None, "张三", [1, 2], {"a": 1}])
def test_an_old_or_odd_record_without_usable_names_still_loads(bad):
    data = relay_session(RELAY_REPLIES[:2]).to_dict()
    del data["relay"], data["authors"]
    old = Session.from_dict(data, load_scenario(MINI))
    assert old.relay == () and [t.author for t in old.turns] == ["", ""]
    data["relay"] = data["authors"] = bad
    odd = Session.from_dict(data, load_scenario(MINI))
    assert odd.relay == () and len(odd.turns) == 2


def test_group_splits_the_report_by_person_and_adds_up_to_the_score():
    report = build_report(relay_session())
    group = relay.group(report)
    assert group is not None and report.ending_kind == "success"
    by_name = {p.name: p for p in group.people}
    assert [p.name for p in group.people] == list(NAMES)
    assert by_name["张三"].turns == (1, 4) and by_name["李四"].turns == (2,)
    assert by_name["李四"].shown == {"praise": 1} and by_name["李四"].taken == ("praise",)
    assert by_name["王五"].taken == ("probing",)
    assert by_name["张三"].facts == ("在小贷公司还有十万贷款",)
    assert by_name["张三"].missed == ("rapport",)  # the opening visit began with 张三's reply
    offered = len(report.opportunities)
    assert by_name["李四"].points == round(scoring.W_OPP / offered, 1)
    assert group.ending_points == scoring.W_END * scoring.ENDING_VALUE["success"]
    total = sum(p.points for p in group.people) + group.ending_points
    assert round(total) == report.score


def test_pitfalls_cost_the_person_who_made_them():
    replies = ["你好,我是小李。", "你今天必须签字,不然就别贷了!"]
    report = build_report(relay_session(replies))
    group = relay.group(report)
    assert group is not None and report.pitfalls
    first, second = group.people[0], group.people[1]
    assert first.pitfalls == () and second.pitfalls == tuple(p.id for p in report.pitfalls)
    assert second.points < 0 <= first.points


def test_no_group_for_one_trainee():
    session = Session.start(load_scenario(MINI))
    session.reply(RELAY_REPLIES[1])
    assert relay.group(build_report(session)) is None
    assert relay.person_lines(build_report(session)) == []


def test_exports_name_the_authors_and_each_person():
    report = build_report(relay_session())
    data = json.loads(to_json(report))
    assert data["relay"] == list(NAMES)
    trainee = [e for e in data["transcript"] if e["speaker"] == "trainee"]
    assert [e["author"] for e in trainee] == ["张三", "李四", "王五", "张三"]
    markdown = to_text(report, "zh", markdown=True)
    assert "## 小组接力(3 人)" in markdown
    assert "- 李四: 1 句 · 得分 +12.5 · 用上 称赞×1" in markdown
    english = to_text(report, "en")
    assert "Relay group (3 people)" in english and "Ending (shared by the group): +30" in english
    transcript = transcript_text(report, "zh")
    assert "李四: 八年可不容易" in transcript and "王五: 您这儿一个月流水" in transcript


def test_the_history_keeps_the_relay_and_reads_old_reports(tmp_path):
    session = relay_session()
    report = build_report(session)
    store = Store(tmp_path)
    item = store.finish("s1", session.to_dict(), report, title="t", mode="coach", elapsed=1.0)
    again = store.report(item.id)
    assert again.relay == list(NAMES) and relay.group(again) == relay.group(report)
    old = report.to_dict()
    del old["relay"]
    assert report_from_dict(old).relay == [] and relay.group(report_from_dict(old)) is None


def test_play_refuses_bad_relay_names_before_opening_the_app():
    from tests.test_cli import sim

    result = sim("--ui-lang", "zh", "play", str(MINI), "--relay", "张三")
    assert result.returncode == 1
    assert "接力至少需要 2 个人(现在 1 个)" in result.stderr and "Traceback" not in result.stderr
    english = sim("--ui-lang", "en", "play", str(MINI), "--relay", "Ann,,Bo")
    assert english.returncode == 1 and "Name 2 is empty" in english.stderr
    assert "--relay" in sim("play", "--help").stdout


def test_run_relay_prints_the_authors_and_each_person(tmp_path):
    from tests.test_cli import sim

    replies = tmp_path / "r.txt"
    replies.write_text("\n".join(RELAY_REPLIES) + "\n", "utf-8")
    result = sim(
        "--ui-lang", "zh", "run", str(MINI), "--replies", str(replies), "--relay", "张三,李四,王五"
    )
    assert result.returncode == 0, result.stderr
    assert "李四: 八年可不容易" in result.stdout and "小组接力(3 人)" in result.stdout
    data = json.loads(
        sim("run", str(MINI), "--replies", str(replies), "--relay", "Ann,Bo", "--json").stdout
    )
    trainee = [e for e in data["transcript"] if e["speaker"] == "trainee"]
    assert [e["author"] for e in trainee] == ["Ann", "Bo", "Ann", "Bo"]
    assert data["report"]["relay"] == ["Ann", "Bo"]
