"""The `simulator` command: play, run, grade, eval, validate, test, list, schema.

Every subcommand is a thin caller of `simulator.core`; errors from the core are
printed as one readable message on stderr with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from simulator import __version__
from simulator.cli import authoring, classroom, commands, grader_cmds, preview, results_cmd
from simulator.core.errors import ScenarioError, SimulatorError

EPILOG = """examples:
  simulator                                 open the app on the scenario library
  simulator play preloan-supermarket        start straight in the conversation
  simulator play preloan-supermarket --relay 张三,李四,王五   a group takes turns on one screen
  simulator --pace off                      the customer answers at once (this run)
  simulator run preloan-supermarket --replies my_replies.txt
  simulator validate --strict scenarios/
  simulator test                            run every scenario's embedded tests
  simulator trace my.zh.yaml --replies r.txt   why each turn went where it went
  simulator new my.zh.yaml --situation preloan_visit --language zh   a working skeleton
  simulator preview my.zh.yaml              talk to it while you write it (reloads on save)
  echo '{"text": "您每月流水大概多少"}' | simulator grade
  simulator --db postgresql://trainer@db.bank/training   record sessions centrally
  simulator results push --to postgresql://trainer@db.bank/training
  simulator classroom dashboard --class 2026-A   the trainer's live dashboard in the terminal
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="simulator",
        description="Practise customer conversations with scripted personas; graded offline and explained.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"simulator {__version__}")
    parser.add_argument(
        "--techniques",
        metavar="FILE",
        help="an organisation's technique catalogue file to add or override cues",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        action="append",
        help="add a scenario folder to the library (repeatable); the library is the bundled "
        "scenarios, the folders in $SIMULATOR_LIBRARY (os.pathsep-separated), then these",
    )
    parser.add_argument(
        "--no-bundled",
        action="store_true",
        help="leave the bundled scenarios out of the library",
    )
    parser.add_argument(
        "--ui-lang", choices=("zh", "en"), help="interface language (default: from the locale)"
    )
    parser.add_argument("--pace", choices=commands.PACES, help=commands.PACE_HELP)
    parser.add_argument(
        "--db",
        metavar="URL",
        help="results database the app records sessions in (sqlite:///PATH or "
        "postgresql://USER@HOST/DB; default: $SIMULATOR_RESULTS_DB, else the data folder's)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for spec in (
        commands.SPECS
        + grader_cmds.SPECS
        + authoring.SPECS
        + preview.SPECS
        + results_cmd.SPECS
        + classroom.SPECS
    ):
        child = sub.add_parser(
            spec.name,
            help=spec.help,
            description=spec.help,
            epilog=spec.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        spec.configure(child)
        child.set_defaults(handler=spec.handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None) or commands.cmd_app
    try:
        return int(handler(args) or 0)
    except ScenarioError as error:
        from simulator.core.scenario.diagnostics import format_problem

        print(f"{error.title_in(args.ui_lang or 'en')}:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {format_problem(problem, commands.ui_lang(args))}", file=sys.stderr)
        return 1
    except SimulatorError as error:
        # the title in English unless --ui-lang asks otherwise (scripts match on it)
        print(f"{error.title_in(args.ui_lang or 'en')}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
