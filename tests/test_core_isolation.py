"""The core must be usable without any UI library loaded."""

import subprocess
import sys


def test_core_imports_without_textual_or_rich():
    code = (
        "import sys, simulator.core.session.engine, simulator.core.session.feedback, simulator.core.session.render, "
        "simulator.core.scenario.library, simulator.core.session.testing, simulator.core.grading.evaluate, simulator.cli.commands\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "print(','.join(bad))\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, (
        f"UI modules imported by the core: {result.stdout} {result.stderr}"
    )


def test_the_app_starts_without_loading_the_grader_or_the_engine():
    """The library is the first screen; the grader, the engine and the screens past the
    library load when first needed (or in the warm-up after the library is listed), which
    keeps a start close to a bare Textual app's (benchmarks/bench_tui.py)."""
    code = (
        "import sys, simulator.tui.factory\n"
        "heavy = ['simulator.core.grading.grader', 'simulator.core.session.engine',\n"
        "         'simulator.core.practice', 'simulator.tui.screens.conversation', 'sqlalchemy']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"loaded at start: {result.stdout}"
