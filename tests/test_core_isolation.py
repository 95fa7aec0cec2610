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
