"""`simulator classroom ...`: tools for a trainer running a class.

A subcommand group, so that `classroom serve` (the browser classroom) can sit beside
other classroom actions: add an action with `add_action`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from simulator.cli.commands import Spec

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


SPECS = [
    Spec(
        "classroom",
        "run a class: serve the app to browsers with a live dashboard (classroom serve)",
        "example:\n  simulator classroom serve --host 0.0.0.0 --class 2026A\n\n"
        "Run 'simulator classroom serve --help' for the trainer's three steps.",
        _conf,
        cmd_classroom,
    ),
]

from simulator.cli import classroom_serve  # noqa: E402,F401  (registers `serve`)
