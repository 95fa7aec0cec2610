"""SVG snapshots at 80x24 of the relay (whose turn it is, the Group tab) and the dashboard.

Update after a deliberate visual change with:
pytest tests/ui/test_relay_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import datetime

from simulator.core.grading import catalogue as catalogue_mod
from simulator.tui.dashboard import DashboardApp
from tests.test_relay import NAMES, RELAY_REPLIES
from tests.ui.helpers import MINI, MODEL_REPLIES
from tests.ui.test_dashboard import CLASS, LI, ZHANG, finished, live, results  # noqa: F401
from tests.ui.test_snapshots import SMALL, steps


def test_relay_conversation(snap_compare, make):
    app = make(scenario=MINI, relay=NAMES)
    assert snap_compare(app, terminal_size=SMALL, run_before=steps(*RELAY_REPLIES[:2]))


def test_relay_group_tab(snap_compare, make):
    app = make(scenario=MINI, relay=NAMES)
    assert snap_compare(
        app, terminal_size=SMALL, run_before=steps(*RELAY_REPLIES, keys=("enter", "4"))
    )


def test_dashboard_techniques(snap_compare, results):  # noqa: F811
    finished(results, "s1", LI, MODEL_REPLIES)
    finished(results, "s2", ZHANG, ["你好", "你今天必须签字,不然就别贷了!"])
    live(results, "s3", ZHANG, RELAY_REPLIES[:2])
    app = DashboardApp(
        results,
        CLASS,
        catalogue_mod.load(None),
        "zh",
        poll_seconds=3600,
        now=lambda: datetime(2026, 12, 2, 9, 30),
    )
    assert snap_compare(app, terminal_size=SMALL, run_before=steps(keys=("3",)))
