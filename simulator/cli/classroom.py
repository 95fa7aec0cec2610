"""`simulator classroom ...`: tools for a trainer running a class.

A subcommand group, so that `classroom serve` (the browser classroom) can sit beside
`classroom dashboard` (the terminal dashboard): add an action with `add_action`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from simulator.cli.commands import Spec, catalogue_arg, ui_lang

EPILOG = """examples:
  simulator classroom serve --host 0.0.0.0 --class 2026A
  simulator classroom dashboard --db sqlite:///shared/results.db --class 2026-A
  simulator classroom dashboard --db postgresql://trainer@db.bank.example/training --class 2026-A

Database URLs: sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DB.
Without --db: $SIMULATOR_RESULTS_DB, else results.db in the data folder.
"""

ENV_CLASS = "SIMULATOR_CLASS"
"""The class shown when --class is not given (the same variable the app records with)."""

Configure = Callable[[argparse.ArgumentParser], None]
Handler = Callable[[argparse.Namespace], int]
ACTIONS: list[tuple[str, str, str, Configure, Handler]] = []
"""(name, help, epilog, configure, handler) of each `classroom` action."""


def add_action(name: str, help: str, epilog: str, configure: Configure, handler: Handler) -> None:
    """Register a `simulator classroom NAME` action (used by this module and by others)."""
    ACTIONS.append((name, help, epilog, configure, handler))


def _conf(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="classroom_command", metavar="ACTION", required=True)
    for name, help_text, epilog, configure, handler in ACTIONS:
        child = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        configure(child)
        child.set_defaults(classroom_handler=handler)


def cmd_classroom(args: argparse.Namespace) -> int:
    return int(args.classroom_handler(args) or 0)


# ---- dashboard ------------------------------------------------------------------------
def _conf_dashboard(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: `simulator --db URL classroom dashboard` must not be undone by a default here.
    p.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="the results database (default: $SIMULATOR_RESULTS_DB, else the data folder's)",
    )
    p.add_argument(
        "--class",
        dest="class_code",
        metavar="CODE",
        default=None,
        help=f"the class to show (default: ${ENV_CLASS}, else sessions recorded without a class)",
    )


def cmd_dashboard(args: argparse.Namespace) -> int:
    from simulator.core.results import open_results
    from simulator.tui.dashboard import DashboardApp

    code = args.class_code if args.class_code is not None else os.environ.get(ENV_CLASS, "")
    catalogue = catalogue_arg(args)
    results = open_results(getattr(args, "db", None))
    try:
        app = DashboardApp(results, code.strip(), catalogue, ui_lang(args))
        app.run()
        return int(app.return_code or 0)
    finally:
        results.close()


add_action(
    "dashboard",
    "the trainer's live dashboard in the terminal: who is practising, leaderboard, "
    "techniques per trainee, common mistakes (refreshes every 2 s)",
    "example:\n  simulator classroom dashboard --db sqlite:///shared/results.db --class 2026-A\n\n"
    "Keys: 1-4 tabs, R refresh now, Ctrl+L language, Q quit.",
    _conf_dashboard,
    cmd_dashboard,
)

SPECS = [
    Spec(
        "classroom",
        "run a class: serve the app to browsers (classroom serve) and watch it (classroom dashboard)",
        EPILOG,
        _conf,
        cmd_classroom,
    )
]

from simulator.cli import classroom_serve  # noqa: E402,F401  (registers `serve`)
