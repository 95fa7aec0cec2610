"""Start the Textual app; imported lazily so the other commands never load Textual."""

from __future__ import annotations

import argparse


def launch(args: argparse.Namespace, scenario: str | None) -> int:
    from simulator.tui.factory import run_app

    return run_app(args, scenario)
