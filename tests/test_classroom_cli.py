"""`simulator classroom ...` on the command line: help with examples, clear errors."""

from __future__ import annotations

from tests.test_cli import sim


def test_classroom_and_dashboard_have_help_with_an_example():
    group = sim("classroom", "--help")
    assert group.returncode == 0 and "example" in group.stdout and "dashboard" in group.stdout
    dash = sim("classroom", "dashboard", "--help")
    assert dash.returncode == 0 and "example" in dash.stdout
    assert "--db URL" in dash.stdout and "--class CODE" in dash.stdout


def test_classroom_needs_an_action():
    result = sim("classroom")
    assert result.returncode == 2 and "ACTION" in result.stderr


def test_a_bad_database_url_is_one_readable_error(tmp_path):
    result = sim("classroom", "dashboard", "--db", "mysql://nobody@nowhere/db")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.strip()
