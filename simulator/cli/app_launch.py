"""Start the Textual app, or a headless demo where the interface is unavailable."""

from __future__ import annotations

import argparse


def launch(args: argparse.Namespace, scenario: str | None) -> int:
    try:
        from simulator.tui.app import run_app
    except ImportError:
        return _headless_demo(args, scenario)
    return run_app(args, scenario)


def _headless_demo(args: argparse.Namespace, scenario: str | None) -> int:
    from simulator.core.feedback import build_report
    from simulator.core.library import DEFAULT_SCENARIO, resolve
    from simulator.core.render import to_text, transcript_text
    from simulator.core.scenario import load_scenario
    from simulator.core.testing import play

    loaded = load_scenario(resolve(scenario or DEFAULT_SCENARIO, args.library))
    test = loaded.tests[0] if loaded.tests else None
    session = play(loaded, list(test.replies) if test else [], 0)
    report = build_report(session)
    print(transcript_text(report))
    print(to_text(report))
    return 0
