"""Building the app from what it is started with: `make_app(...)`, used by the CLI, the
Pilot tests, the snapshots and the benchmarks (one factory for all of them).

It settles, once, everything the app needs before its first screen: the catalogue (an
organisation's file is read here, so a broken one stops the start with its problems),
the data folder and the saved preferences (language, theme, pace), the library's folders,
the scenario to open straight away, and the results recorder.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.core.grading import catalogue as catalogue_mod
from simulator.core.grading.catalogue import Catalogue
from simulator.core.results.files import Store
from simulator.core.results.recorder import Recorder
from simulator.core.scenario.index import catalogue_key
from simulator.core.scenario.library import Roots, library_roots, resolve
from simulator.core.text import LANGS, detect
from simulator.tui import pace as pace_mod
from simulator.tui.app import DARK, LIGHT, SimulatorApp

if TYPE_CHECKING:
    from simulator.core.scenario.model import Scenario


@dataclass(frozen=True)
class AppConfig:
    """Everything the app is started with."""

    library: tuple[Path, ...]
    """The library's folders: bundled, $SIMULATOR_LIBRARY's, then those given (library_roots)."""
    catalogue: Catalogue
    """Technique catalogue (with an organisation's overrides)."""
    store: Store
    """Where sessions, history and exports are kept."""
    ui_lang: str
    """Interface language at start."""
    start: Scenario | None
    """Open straight in a conversation with this scenario (None: the library)."""
    mode: str
    """coach or exam, for `start`."""
    seed: int
    """Variant seed for new sessions."""
    pace: str
    """The customer's typing pause at start: off, fast or natural (tui/pace.py)."""
    clock: Callable[[], float]
    """Monotonic seconds for the elapsed time (tests freeze it)."""
    theme: str
    """Theme at start."""
    recorder: Recorder | None = None
    """Copies sessions to the results store (None: not recorded)."""
    relay: tuple[str, ...] = ()
    """Names taking turns in a hot-seat relay for `start` (empty: one trainee)."""
    preview: bool = False
    """Open `start` in the live preview (`simulator preview`): a debug panel, reloads on save."""
    catalogue_key: str = "builtin"
    """Which catalogue this is (the organisation's file and its stamp), for the library index."""


def make_app(
    *,
    library: Roots = None,
    techniques: str | Path | None = None,
    ui_lang: str | None = None,
    scenario: Scenario | str | Path | None = None,
    exam: bool = False,
    seed: int = 0,
    pace: str | None = None,
    clock: Callable[[], float] | None = None,
    store: Store | None = None,
    theme: str | None = None,
    results_db: str | None = None,
    record: bool = True,
    relay: Sequence[str] = (),
    preview: bool = False,
    bundled: bool = True,
) -> SimulatorApp:
    """Build the app; raises SimulatorError when the catalogue or the named scenario cannot be loaded.

    pace None: the one saved in the preferences, else the default (fast); a pace given here
    is for this run only, the one chosen in the app is remembered. Sessions are also recorded
    in the results store at results_db (else $SIMULATOR_RESULTS_DB, else results.db in the
    store's folder) unless record is False. relay: the names of a hot-seat
    relay for `scenario` (already checked with core/relay.parse_names).
    """
    catalogue = catalogue_mod.load(techniques)
    store = store or Store()
    prefs = store.prefs()
    lang = ui_lang or (prefs.get("ui_lang") if prefs.get("ui_lang") in LANGS else None) or detect()
    root = tuple(library_roots(library, bundled=bundled))
    start = None
    if scenario is not None:
        from simulator.core.scenario.loader import load_scenario

        start = (
            load_scenario(resolve(str(scenario), root), catalogue)
            if isinstance(scenario, str | Path)
            else scenario
        )
    chosen_theme = (
        theme or (prefs.get("theme") if prefs.get("theme") in (DARK, LIGHT) else None) or DARK
    )
    config = AppConfig(
        root,
        catalogue,
        store,
        lang,
        start,
        "exam" if exam else "coach",
        seed,
        pace_mod.chosen(pace) or pace_mod.chosen(prefs.get("pace")) or pace_mod.DEFAULT,
        clock or time.monotonic,
        chosen_theme,
        recorder=Recorder.for_data_folder(store.root, results_db, prefs) if record else None,
        relay=tuple(relay),
        preview=preview and start is not None,
        catalogue_key=catalogue_key(techniques),
    )
    return SimulatorApp(config)


def run_app(args: argparse.Namespace, scenario: str | None) -> int:
    """Entry point used by the CLI (`simulator`, `simulator play`)."""
    app = make_app(
        library=getattr(args, "library", None),
        bundled=not getattr(args, "no_bundled", False),
        techniques=getattr(args, "techniques", None),
        ui_lang=getattr(args, "ui_lang", None),
        scenario=scenario,
        exam=bool(getattr(args, "exam", False)),
        seed=int(getattr(args, "seed", 0) or 0),
        pace=getattr(args, "pace", None),
        results_db=getattr(args, "db", None),
        relay=getattr(args, "relay_names", ()),
    )
    app.run()
    return int(app.return_code or 0)
