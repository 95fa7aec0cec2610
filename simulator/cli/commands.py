"""The subcommands. Each has a configure(parser) and a handler(args) -> exit code."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from simulator.cli.bulk_grade import _conf_grade, cmd_grade
from simulator.core.errors import SimulatorError
from simulator.core.grading import Grader
from simulator.core.grading import catalogue as catalogue_mod
from simulator.core.practice import Practice
from simulator.core.scenario.format import json_schema
from simulator.core.scenario.library import (
    DEFAULT_SCENARIO,
    library_roots,
    resolve,
    scan,
    scenario_files,
)
from simulator.core.scenario.loader import load_scenario
from simulator.core.scenario.validate import validate_file, validate_files
from simulator.core.session.render import to_text, transcript_text
from simulator.core.session.testing import run_tests
from simulator.core.text import detect, t
from simulator.tui.pace import PACES


@dataclass(frozen=True)
class Spec:
    name: str
    help: str
    epilog: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: Callable[[argparse.Namespace], int]


def catalogue_arg(args: argparse.Namespace) -> catalogue_mod.Catalogue:
    return catalogue_mod.load(getattr(args, "techniques", None))


def library_arg(args: argparse.Namespace) -> list[Path]:
    """The library's folders: bundled (unless --no-bundled), $SIMULATOR_LIBRARY's, --library's."""
    return library_roots(
        getattr(args, "library", None), bundled=not getattr(args, "no_bundled", False)
    )


def scenario_arg(args: argparse.Namespace, name: str):
    return load_scenario(resolve(name, library_arg(args)), catalogue_arg(args))


PACE_HELP = (
    "the customer's typing pause before each line: off, fast (at most 0.6 s, the default) or "
    "natural (up to 2.5 s); any key skips it. For this run; the pace chosen in the app "
    "(command palette) is remembered"
)


# ---- app ------------------------------------------------------------------------------
def cmd_app(args: argparse.Namespace) -> int:
    from simulator.cli.app_launch import launch

    return launch(args, scenario=None)


def relay_arg(args: argparse.Namespace) -> tuple[str, ...]:
    """The names given with --relay (none without it); a SimulatorError in the interface
    language when they cannot be used."""
    from simulator.core.session.relay import RelayError, parse_names

    if getattr(args, "relay", None) is None:
        return ()
    try:
        return parse_names(args.relay)
    except RelayError as error:
        raise SimulatorError(error.text(ui_lang(args)), error.title_key) from None


RELAY_HELP = (
    "hot-seat relay: 2-12 names separated by , 、 or ，; they take turns, one reply each, "
    "and the feedback credits each person"
)


def cmd_play(args: argparse.Namespace) -> int:
    from simulator.cli.app_launch import launch

    args.relay_names = relay_arg(args)
    return launch(args, scenario=args.scenario)


def _conf_play(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "scenario", nargs="?", default=DEFAULT_SCENARIO, help="library id or path to a .yaml file"
    )
    p.add_argument(
        "--exam", action="store_true", help="exam mode: no technique tags or hints until the end"
    )
    p.add_argument("--seed", type=int, default=0, help="variant seed (default 0)")
    p.add_argument("--relay", metavar="NAMES", help=RELAY_HELP)
    # SUPPRESS: when only `simulator --pace X play` is given, the default must not undo it.
    p.add_argument("--pace", choices=PACES, default=argparse.SUPPRESS, help=PACE_HELP)


# ---- run ------------------------------------------------------------------------------
def _conf_run(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="library id or path to a .yaml file")
    p.add_argument(
        "--replies", required=True, metavar="FILE", help="one reply per line ('-' for stdin)"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("--markdown", action="store_true", help="print the feedback as Markdown")
    p.add_argument("--seed", type=int, default=0, help="variant seed (default 0)")
    p.add_argument("--relay", metavar="NAMES", help=RELAY_HELP)


def read_replies(name: str) -> list[str]:
    """One reply per non-blank line of a file ('-' for stdin)."""
    try:
        raw = sys.stdin.read() if name == "-" else Path(name).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SimulatorError(
            f"cannot read replies from {name}: {error}", "error.replies_file"
        ) from None
    return [line.strip() for line in raw.splitlines() if line.strip()]


def ui_lang(args: argparse.Namespace) -> str:
    """--ui-lang, else the locale."""
    return getattr(args, "ui_lang", None) or detect()


def cmd_run(args: argparse.Namespace) -> int:
    relay = relay_arg(args)
    scenario = scenario_arg(args, args.scenario)
    replies = read_replies(args.replies)
    # The session controller the app uses, without a store: nothing is saved.
    practice = Practice.new(
        scenario,
        "coach",
        None,
        lambda: 0.0,
        seed=args.seed,
        grader=Grader(catalogue_arg(args)),
        relay=relay,
    )
    for reply in replies:
        if practice.finished:
            break
        practice.reply(reply)
    report = practice.abandon()
    if args.json:
        data = report.to_dict()
        out = {
            "ending": report.ending,
            "ending_kind": report.ending_kind,
            "score": report.score,
            "passed": report.passed,
            "techniques": {
                t.id: {
                    "offered": t.offered,
                    "taken": t.taken,
                    "misplaced": t.misplaced,
                    "used": t.used,
                }
                for t in report.techniques
            },
            "pitfalls": [{"turn": p.turn, "id": p.id, "reply": p.reply} for p in report.pitfalls],
            "facts": {
                "found": [f["id"] for f in report.facts_found],
                "missed": [f["id"] for f in report.facts_missed],
            },
            "transcript": data["transcript"],
            "report": data,
        }
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(transcript_text(report, args.ui_lang))
        print(to_text(report, args.ui_lang, markdown=args.markdown))
    return 0


# ---- eval -----------------------------------------------------------------------------
# ---- validate / test / list / schema -----------------------------------------------
def _conf_validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
    p.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1) on warnings too; they still count as warnings",
    )


def cmd_validate(args: argparse.Namespace) -> int:
    from simulator.core.scenario.diagnostics import format_problem
    from simulator.core.scenario.library import clash, library_ids

    catalogue = catalogue_arg(args)
    lang = ui_lang(args)
    files = scenario_files(args.paths)
    if not files:
        raise SimulatorError(
            "no .yaml files found in " + ", ".join(args.paths), "error.nothing_to_validate"
        )
    errors = warnings = 0
    ids = library_ids(library_arg(args))
    for path, scenario, problems in validate_files(files, catalogue):
        elsewhere = clash(path, scenario, ids) if scenario is not None else None
        if elsewhere is not None and not any(p.code == "E024" for p in problems):
            problems = [elsewhere, *problems]
        for problem in problems:
            errors += problem.is_error
            warnings += not problem.is_error
            print(format_problem(problem, lang))
    summary = t("problem.summary", lang, files=len(files), errors=errors, warnings=warnings)
    print(summary, file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _conf_test(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="scenario files or folders (default: the library)"
    )
    p.add_argument(
        "--no-gaming",
        action="store_true",
        help="skip the anti-gaming checks (idle, agreeing, flattering, keyword-stuffed, rude)",
    )


def cmd_test(args: argparse.Namespace) -> int:
    from simulator.core.scenario.diagnostics import format_problem

    catalogue = catalogue_arg(args)
    grader = Grader(catalogue)
    files = scenario_files(args.paths or library_arg(args))
    passed = failed = 0
    for path in files:
        scenario, problems = validate_file(path, catalogue)
        if scenario is None:
            failed += 1
            print(f"ERROR {path}")
            for problem in problems:
                print(f"    {format_problem(problem, ui_lang(args))}")
            continue
        for test, result in zip(scenario.tests, run_tests(scenario, grader), strict=True):
            mark = "ok  " if result.passed else "FAIL"
            print(
                f"{mark} {path}:{result.line} {result.name}  [{result.report.ending}, score {result.report.score}]"
            )
            for failure in result.failures:
                print(f"       {failure}")
            if not result.passed:
                _print_trace_tail(scenario, test.replies, test.seed, grader, ui_lang(args))
            passed += result.passed
            failed += not result.passed
        if not args.no_gaming:
            ok, bad = _print_gaming(path, scenario, grader)
            passed, failed = passed + ok, failed + bad
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not (passed + failed) else 0


def _print_gaming(path: Path, scenario, grader: Grader) -> tuple[int, int]:
    """The anti-gaming checks, reported like embedded tests; (passed, failed)."""
    from simulator.core.session.gaming import check

    results = check(scenario, grader)
    for result in results:
        mark = "ok  " if result.passed else "FAIL"
        print(f"{mark} {path} gaming: {result.name}  [{result.ending}, score {result.score}]")
        if not result.passed:
            print(f"       {result.why}")
            print("       make the pass depend on what the beats ask for (opportunities, facts)")
    ok = sum(r.passed for r in results)
    return ok, len(results) - ok


TRACE_TAIL = 3
"""Turns of trace a failing embedded test prints: where it stalled is nearly always there."""


def _print_trace_tail(scenario, replies, seed: int, grader: Grader, lang: str) -> None:
    from simulator.core.session.trace import to_text, trace

    text = to_text(trace(scenario, replies, seed, grader, lang), last=TRACE_TAIL)
    print("\n".join("       " + line if line else "" for line in text.splitlines()))


def _conf_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON array")


def cmd_list(args: argparse.Namespace) -> int:
    library = scan(library_arg(args), catalogue_arg(args))
    if args.json:
        print(json.dumps([e.to_dict() for e in library.entries], ensure_ascii=False, indent=2))
    else:
        stages = library.stages()
        order = None
        for e in library.entries:
            if e.stage_order != order:
                order = e.stage_order
                print(f"\n[{order}] {' / '.join(stages.get(order, [])) or '-'}")
            print(
                f"  {e.id:<34} {e.language}  {e.difficulty:<6} {e.estimated_minutes:>3} min  {e.title}"
            )
    for path, problems in library.broken.items():
        print(f"broken: {path}: {problems[0].format()}", file=sys.stderr)
    return 1 if library.missing else 0


# ---- techniques ---------------------------------------------------------------------------
def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


SPECS = [
    Spec(
        "play",
        "open the app straight in a conversation",
        "examples:\n  simulator play preloan-supermarket --exam\n"
        "  simulator play preloan-supermarket --relay 张三,李四,王五   a group takes turns",
        _conf_play,
        cmd_play,
    ),
    Spec(
        "run",
        "play a whole session headless with replies from a file and print the feedback",
        "examples:\n  simulator run preloan-supermarket --replies replies.txt --json\n"
        "  simulator run preloan-supermarket --replies replies.txt --relay 张三,李四   authors and a per-person section\n\n"
        "One reply per line. If the replies run out first, the session ends as abandoned and is still graded.",
        _conf_run,
        cmd_run,
    ),
    Spec(
        "grade",
        'grade JSON Lines from stdin: one {"text", "context", "lang"} per line',
        'example:\n  echo \'{"text": "您每月流水大概多少", "lang": "zh"}\' | simulator grade\n\n'
        "Writes exactly one JSON line per input line, in order.",
        _conf_grade,
        cmd_grade,
    ),
    Spec(
        "validate",
        "check scenario files; every problem as file:line:col: CODE: message",
        "example:\n  simulator validate --strict scenarios/\n\n"
        "A scenario id used by another file of the library (bundled, $SIMULATOR_LIBRARY,\n"
        "--library) or by another file given is E024, naming that file and line.",
        _conf_validate,
        cmd_validate,
    ),
    Spec(
        "test",
        "run the embedded tests of scenarios, and check they cannot be gamed",
        "example:\n  simulator test scenarios/preloan_supermarket.zh.yaml\n"
        "  simulator test --no-gaming my_scenario.zh.yaml\n\n"
        "After a file's embedded tests come five anti-gaming checks, each a session of 40\n"
        "replies of one kind that must not pass: idle (嗯。), agreeing (好的。), flattering\n"
        "(您说得对。), a recited checklist of keywords, and rude replies. Each is reported\n"
        "like a test (ok/FAIL, the ending and score, and why it failed).",
        _conf_test,
        cmd_test,
    ),
    Spec(
        "list",
        "list the scenario library",
        "example:\n  simulator list --json",
        _conf_list,
        cmd_list,
    ),
    Spec(
        "schema",
        "print the JSON Schema of the scenario format",
        "example:\n  simulator schema > scenario.schema.json",
        lambda p: None,
        cmd_schema,
    ),
]
