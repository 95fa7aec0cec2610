"""Trainer tools: `trace` (why a session went where it went), `graph` (the map), `new`.

Thin callers of `simulator.core.session.trace` and `simulator.core.scenario.graph`; kept apart from
commands.py so each face of the CLI stays a readable size.
"""

from __future__ import annotations

import argparse
import json

from simulator.cli.commands import Spec, catalogue_arg, read_replies, scenario_arg, ui_lang
from simulator.core.grading import Grader


# ---- trace ----------------------------------------------------------------------------
def _conf_trace(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="library id or path to a .yaml file")
    p.add_argument(
        "--replies", required=True, metavar="FILE", help="one reply per line ('-' for stdin)"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("--seed", type=int, default=0, help="variant seed (default 0)")


def cmd_trace(args: argparse.Namespace) -> int:
    from simulator.core.session.trace import to_text, trace

    scenario = scenario_arg(args, args.scenario)
    replies = read_replies(args.replies)
    result = trace(scenario, replies, args.seed, Grader(catalogue_arg(args)), ui_lang(args))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(to_text(result).lstrip("\n"))
    return 0


# ---- graph ----------------------------------------------------------------------------
def _conf_graph(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="library id or path to a .yaml file")
    p.add_argument(
        "--format", choices=("dot", "mermaid"), default="dot", help="output format (default dot)"
    )
    p.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="language of the labels (default: --ui-lang, else the scenario's language)",
    )


def cmd_graph(args: argparse.Namespace) -> int:
    from simulator.core.scenario.graph import to_dot, to_mermaid

    scenario = scenario_arg(args, args.scenario)
    render = to_mermaid if args.format == "mermaid" else to_dot
    print(render(scenario, args.lang or args.ui_lang), end="")


# ---- new --------------------------------------------------------------------------------
def _conf_new(p: argparse.ArgumentParser) -> None:
    from simulator.core.grading.catalogue import builtin

    p.add_argument("file", metavar="FILE", help="the scenario file to write (must not exist)")
    p.add_argument(
        "--situation",
        required=True,
        choices=sorted(builtin().situations),
        metavar="ID",
        help="the situation it trains: " + ", ".join(builtin().situations),
    )
    p.add_argument(
        "--language", required=True, choices=("zh", "en"), help="the language of the dialogue"
    )


def cmd_new(args: argparse.Namespace) -> int:
    from pathlib import Path

    from simulator.core.errors import SimulatorError
    from simulator.core.scenario.skeleton import skeleton

    path = Path(args.file)
    text = skeleton(args.situation, args.language, path.name, catalogue_arg(args))
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise SimulatorError(
            f"{path} already exists; not overwritten (choose another name or remove it)",
            "error.file_exists",
        ) from None
    except OSError as error:
        raise SimulatorError(
            f"cannot write {path}: {error.strerror}", "error.cannot_write"
        ) from None
    print(f"wrote {path}; next: simulator validate --strict {path} && simulator test {path}")
    return 0


SPECS = [
    Spec(
        "trace",
        "play replies and explain every turn: grade, effects, hidden facts, transitions",
        "example:\n  simulator trace tests/data/scenarios/mini_zh.yaml --replies replies.txt\n"
        "  simulator --ui-lang zh trace preloan-supermarket --replies - --json < replies.txt\n\n"
        "For each reply: the beat, what the grader credited (with evidence), every effect,\n"
        "every fact still hidden and every transition with whether it held and why, with\n"
        'the values looked at ("trust 48 < 55"), the meter changes and where it led.\n'
        'JSON: {"turns": [{"beat", "reply", "grade", "effects", "facts": [{"id", "revealed",\n'
        '"why"}], "transitions": [{"to", "fired", "why"}], "changes", "meters", "outcome"}]}.\n'
        "Explanations follow --ui-lang (default: the locale).",
        _conf_trace,
        cmd_trace,
    ),
    Spec(
        "graph",
        "draw a scenario: beats, endings, transitions with their conditions, hidden facts",
        "example:\n  simulator graph my_scenario.zh.yaml | dot -Tsvg > map.svg\n"
        "  simulator graph preloan-supermarket --format mermaid --lang en > map.mmd\n\n"
        "Endings are coloured by kind (success green, partial yellow, failure red, walkout\n"
        "grey); the start beat is bold, bottom-line beats dashed. Transitions out of a beat\n"
        "are numbered: the first whose condition holds is followed. A fact limited to some\n"
        "beats is joined to them by a dashed line; otherwise it says 'any beat'.",
        _conf_graph,
        cmd_graph,
    ),
    Spec(
        "new",
        "write a commented, working skeleton scenario for a situation",
        "example:\n  simulator new kiwi_farmer.zh.yaml --situation preloan_visit --language zh\n\n"
        "The skeleton has a persona with two hidden facts, three beats (the last one a\n"
        "bottom line), all four ending kinds and three embedded tests; it passes\n"
        "`simulator validate --strict` and `simulator test` as written. Replace the TODOs.\n"
        "An existing file is never overwritten.",
        _conf_new,
        cmd_new,
    ),
]
