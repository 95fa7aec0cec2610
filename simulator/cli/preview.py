"""`simulator preview FILE`: talk to a scenario while writing it (the live preview).

Loads Textual only when run; the screen is simulator/tui/screens/preview.py.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from simulator.cli.commands import Spec, catalogue_arg
from simulator.core.errors import SimulatorError


def _conf_preview(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the scenario file to follow")
    p.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="language of the interface and the explanations (default: --ui-lang, else the locale)",
    )
    p.add_argument("--seed", type=int, default=0, help="variant seed (default 0)")


def cmd_preview(args: argparse.Namespace) -> int:
    from simulator.core.results.files import Store
    from simulator.core.scenario.loader import load_scenario
    from simulator.tui.factory import make_app

    path = Path(args.file)
    if not path.is_file():
        raise SimulatorError(f"no such file: {path}", "error.scenario_not_found")
    scenario = load_scenario(path, catalogue_arg(args))  # errors: printed, exit 1
    # sessions played here are drafts: kept in a folder of their own, gone at the end
    with tempfile.TemporaryDirectory(prefix="simulator-preview-") as folder:
        app = make_app(
            techniques=getattr(args, "techniques", None),
            ui_lang=args.lang or getattr(args, "ui_lang", None),
            scenario=scenario,
            seed=args.seed,
            pace=getattr(args, "pace", None) or "off",
            store=Store(folder),
            preview=True,
            record=False,  # drafts stay out of the results store too
        )
        app.run()
    return int(app.return_code or 0)


SPECS = [
    Spec(
        "preview",
        "talk to a scenario while writing it: a debug panel, and a reload on every save",
        "example:\n  simulator preview my_scenario.zh.yaml --lang zh\n\n"
        "Opens the conversation with a debug panel beside it: the file's problems (code,\n"
        "line and fix), the beat the session is in, the transitions the next reply is checked\n"
        "against, and for the last reply every fact and transition with whether it held and\n"
        "why (as `simulator trace` says it). Save the file in your editor and the preview\n"
        "reloads within half a second, playing your replies so far into the new version; a\n"
        "save with errors shows them in the panel and keeps the last good version.\n"
        "Keys: Ctrl+B panel (hidden below 100 columns) · F2 undo the last reply ·\n"
        "Ctrl+R start over · Esc end (the score is shown; nothing goes in the history).\n"
        "The file must load to start; `simulator validate FILE` lists what to fix.",
        _conf_preview,
        cmd_preview,
    ),
]
