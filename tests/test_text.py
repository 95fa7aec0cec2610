"""The one table of strings (simulator.core.text): complete in both languages, and in step
with the code: every key is used somewhere, every key the code asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from simulator.core import text
from simulator.core.errors import SimulatorError

SOURCE_ROOT = Path(text.__file__).resolve().parents[2]
"""simulator/: the code and the classroom's templates that read the table."""

DYNAMIC_PREFIXES = {
    "key.": "screens/base.py: each binding's label, by the binding's id",
    "tip.": "screens/base.py: each binding's tooltip, by the binding's id",
    "pace.": "app.py: the typing pace's name and help",
    "lang.": "library and briefing: the scenario's language",
    "difficulty.": "library and briefing: the scenario's level",
    "mode.": "coach or exam, with .short and .help",
    "meter.": "views.py, feedback: a meter with no label of its own",
    "ending.": "views.py: an ending's kind",
    "briefing.": "briefing: the brief's fields",
    "library.col.": "library: the table's columns",
    "history.col.": "history: the table's columns",
    "progress.col.": "progress: the best-results table's columns",
    "progress.trend.": "progress: a technique's trend",
    "dash.tab.": "dashboard: the tabs",
    "dash.heat.": "dashboard: the heat map's legend",
    "dash.col.": "dashboard: the tables' columns",
    "dash.kind.": "dashboard: a mistake's kind",
    "explain.op.": "explain.py: what a condition of each kind asks",
    "explain.held.": "explain.py: why a condition of each kind held",
    "explain.not_held.": "explain.py: why it did not",
    "graph.kind.": "graph.py: an ending's kind on the map",
    "printout.kind.": "results/report.py: a mistake's kind",
    "web.kind_": "templates: a mistake's kind ('web.kind_' ~ m.kind)",
    "web.ending_": "templates: an ending's kind",
}
"""Keys built at run time (f"ending.{kind}", or 'web.ending_' ~ kind in a template), by their
fixed start and where they are built; every other key is written out in full."""

DYNAMIC_SUFFIXES = {".help": "app.py: the command palette's help beside each cmd.* title"}
"""Keys built from another key: f"{key}.help"."""


def _built(prefix: str) -> bool:
    return f"{prefix}{{" in ALL or f"'{prefix}' ~" in ALL


def _sources() -> dict[Path, str]:
    files = [*SOURCE_ROOT.rglob("*.py"), *SOURCE_ROOT.rglob("*.html")]
    table = Path(text.__file__).parent
    return {p: p.read_text("utf-8") for p in files if table not in p.parents}


SOURCES = _sources()
ALL = "\n".join(SOURCES.values())


def test_every_key_has_both_languages():
    for key in text.keys():
        zh, en = text.t(key, "zh"), text.t(key, "en")
        assert zh.strip() and en.strip(), key


@pytest.mark.parametrize("key", text.keys())
def test_placeholders_match_between_languages(key):
    fields = [
        {f for _, f, _, _ in string.Formatter().parse(text.t(key, lang)) if f is not None}
        for lang in text.LANGS
    ]
    assert fields[0] == fields[1]


def test_a_key_defined_in_two_areas_is_refused(monkeypatch):
    monkeypatch.setattr(text.errors, "STRINGS", {**text.errors.STRINGS, "app.title": ("x", "x")})
    with pytest.raises(ValueError, match="app.title"):
        text._merge()


def test_unknown_key_falls_back_to_the_key():
    assert text.t("no.such.key", "zh") == "no.such.key"


def test_a_key_as_a_value_is_translated():
    assert text.t("pace.set", "zh", pace=text.Key("pace.fast")).startswith("客户打字节奏:快速")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW", "LANG": "en_US"}, "zh"),
        ({"LC_ALL": "C", "LANG": "zh_CN"}, "en"),
        ({}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_locale_detection(env, lang):
    assert text.detect(env) == lang


def test_every_dynamic_prefix_is_still_built_somewhere():
    """A declared prefix nobody builds any more would hide unused keys under it."""
    stale = [p for p in DYNAMIC_PREFIXES if not _built(p)]
    stale += [s for s in DYNAMIC_SUFFIXES if f"}}{s}" not in ALL]
    assert stale == []


def test_every_key_is_used_somewhere():
    """A key nobody reads is a translation someone maintains for nothing (or a typo'd use)."""

    def used(key: str) -> bool:
        if f'"{key}"' in ALL or f"'{key}'" in ALL:
            return True
        if any(key.startswith(prefix) for prefix in DYNAMIC_PREFIXES):
            return True
        return any(
            key.endswith(suffix) and used(key.removesuffix(suffix)) for suffix in DYNAMIC_SUFFIXES
        )

    assert [key for key in text.keys() if not used(key)] == []


LITERAL_CALL = re.compile(r"\bt\(\s*(['\"])([^'\"{}\s]+)\1")
"""t("key", …), self.t("key"), text.t('key') and the templates' t('key')."""
NAMED_KEY = re.compile(r"""(['"])((?:error\.|relay\.error\.|web\.err_)[\w.]+)\1""")
"""Keys handed to code that looks them up later: a SimulatorError's title key (a class's
title_key or the second argument at a raise), RelayError's, the login form's problems."""


def test_no_key_used_in_the_code_is_missing_from_the_table():
    missing = sorted(
        f"{path.relative_to(SOURCE_ROOT.parent)}: {match.group(2)}"
        for path, source in SOURCES.items()
        for pattern in (LITERAL_CALL, NAMED_KEY)
        for match in pattern.finditer(source)
        if not text.has(match.group(2)) and match.group(2) not in DYNAMIC_PREFIXES
    )
    assert missing == []


def test_the_scan_finds_the_calls_it_checks():
    found = {m.group(2) for m in LITERAL_CALL.finditer(ALL)}
    assert {"app.title", "export.score", "web.login_title", "trace.grade"} <= found
    named = {m.group(2) for m in NAMED_KEY.finditer(ALL)}
    assert {"error.scenario_file", "relay.error.too_few", "web.err_class"} <= named


def test_an_error_title_is_english_by_default_and_chinese_on_request():
    error = SimulatorError("no such file: x.yaml", "error.scenario_not_found")
    assert error.title == "Scenario not found" == error.title_in("en")
    assert error.title_in("zh") == "找不到场景"
    assert SimulatorError("x").title_in("zh") == text.t("error.simulator", "zh")
