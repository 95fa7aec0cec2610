"""Exports: CSV for Excel (BOM, one row per session and per session x technique) and the
printable HTML reports (per trainee and per class, zh and en, inline SVG, no scripts)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.core.results import MissedOpportunity, PitfallRecord, open_results
from simulator.core.results.csvout import SESSION_COLUMNS, TECHNIQUE_COLUMNS


@pytest.fixture
def filled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_result) -> str:
    monkeypatch.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path / 'class.db'}"
    miss = MissedOpportunity("empathy", "b2", "我理解您的担心", 2, "那您签吧")
    pit = PitfallRecord("pressure", "今天必须", 1, "b1", "今天必须签", "")
    with open_results(url) as results:
        results.finish(
            make_result(
                "s1",
                "li",
                "2026-A",
                48,
                name="李四",
                finished_at="2026-03-01T09:00:00+08:00",
                missed=(miss,),
                pitfalls=(pit,),
            )
        )
        results.finish(
            make_result(
                "s2", "li", "2026-A", 83, name="李四", finished_at="2026-03-02T09:00:00+08:00"
            )
        )
        results.finish(
            make_result(
                "s3", "zhao", "2026-A", 67, finished_at="2026-03-02T10:00:00+08:00", missed=(miss,)
            )
        )
        results.finish(make_result("s4", "other", "2026-B", 99))
    return url


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_one_row_per_session_and_per_technique(filled, tmp_path, capsys):
    out = tmp_path / "csv"
    code = main(
        [
            "--ui-lang",
            "en",
            "results",
            "export",
            "--class",
            "2026-A",
            "--csv",
            str(out),
            "--from",
            filled,
        ]
    )
    assert code == 0
    assert "CSV written" in capsys.readouterr().out
    sessions = read_csv(out / "class-2026-A-sessions.csv")
    assert list(sessions[0]) == list(SESSION_COLUMNS)
    by_id = {r["session_id"]: r for r in sessions}
    assert set(by_id) == {"s1", "s2", "s3"}
    assert (by_id["s1"]["display_name"], by_id["s1"]["score"], by_id["s1"]["passed"]) == (
        "李四",
        "48",
        "no",
    )
    assert (by_id["s2"]["score"], by_id["s2"]["passed"], by_id["s2"]["title"]) == (
        "83",
        "yes",
        "小超市老板",
    )
    assert (by_id["s1"]["opportunities_missed"], by_id["s1"]["pitfalls"]) == ("1", "1")
    techniques = read_csv(out / "class-2026-A-techniques.csv")
    assert list(techniques[0]) == list(TECHNIQUE_COLUMNS)
    rows = {(r["session_id"], r["technique"]): (r["shown"], r["missed"]) for r in techniques}
    assert rows == {
        ("s1", "empathy"): ("0", "1"),
        ("s1", "probing"): ("2", "0"),
        ("s2", "probing"): ("2", "0"),
        ("s3", "empathy"): ("0", "1"),
        ("s3", "probing"): ("2", "0"),
    }
    assert all(r["label"] for r in techniques)


@pytest.mark.parametrize(("lang", "heading"), [("zh", "学员成绩报告"), ("en", "Trainee report")])
def test_html_reports_show_each_trainees_scores(filled, tmp_path, lang, heading):
    out = tmp_path / "reports"
    code = main(
        [
            "results",
            "export",
            "--class",
            "2026-A",
            "--report",
            str(out),
            "--lang",
            lang,
            "--from",
            filled,
        ]
    )
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["class-2026-A.html", "trainee-li.html", "trainee-zhao.html"]
    li = (out / "trainee-li.html").read_text(encoding="utf-8")
    assert heading in li and "李四" in li
    assert re.search(r">48</text>", li) and re.search(r">83</text>", li)  # both bars labelled
    assert "83 / 60" in li and "48 / 60" in li  # the session table
    assert ">03-01</text>" in li and ">03-02</text>" in li  # each bar dated
    assert "<script" not in li and "http://" not in li.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert "@media print" in li and "<svg" in li
    klass = (out / "class-2026-A.html").read_text(encoding="utf-8")
    assert "李四" in klass and "zhao" in klass and "other" not in klass
    assert ">李四</text>" in klass  # the best-score bars are named
    assert "今天必须签" in klass or "那您签吧" in klass  # a common mistake with their words


def test_export_needs_an_output_and_says_so(filled, capsys):
    code = main(["--ui-lang", "zh", "results", "export", "--class", "2026-A", "--from", filled])
    assert code == 1
    assert "--csv" in capsys.readouterr().err


def test_export_of_an_empty_class_says_so(filled, tmp_path, capsys):
    out = tmp_path / "r"
    assert (
        main(
            [
                "--ui-lang",
                "en",
                "results",
                "export",
                "--class",
                "none",
                "--report",
                str(out),
                "--from",
                filled,
            ]
        )
        == 0
    )
    assert "no finished sessions" in capsys.readouterr().out
    assert "No finished sessions yet." in (out / "class-none.html").read_text(encoding="utf-8")
