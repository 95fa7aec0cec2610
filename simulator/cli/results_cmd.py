"""`simulator results push | import-history | export`: the classroom's results store.

Thin callers of `simulator.core.results`; messages in the interface language (zh/en).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from simulator.cli.commands import Spec, catalogue_arg, ui_lang
from simulator.core.errors import SimulatorError
from simulator.core.text import t

EPILOG = """examples:
  simulator results import-history
  simulator results push --to postgresql://trainer@db.bank.example/training
  simulator results push --from sqlite:///shared/laptop.db --to postgresql://db/training
  simulator results export --class 2026-A --csv out/ --report out/ --lang zh
  SIMULATOR_RESULTS_DB=postgresql://db/training simulator results export --class 2026-A --report out/

Database URLs: sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DB (psycopg 3).
Without --from (or --db): $SIMULATOR_RESULTS_DB, else results.db in the data folder.
"""


def _conf(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    push = sub.add_parser(
        "push",
        help="upload finished sessions to a central database (safe to re-run)",
        description="Upload finished sessions, by id, from the local results store (or --from) "
        "to a central database. Sessions already there are left alone; nothing is deleted.",
        epilog="example:\n  simulator results push --to postgresql://trainer@db.bank.example/training",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    push.add_argument("--to", required=True, metavar="URL", help="the central database")
    push.add_argument(
        "--from",
        dest="source",
        metavar="URL",
        help="the store to read (default: the local one, after importing the JSON history)",
    )
    push.set_defaults(results_handler=cmd_push)
    imp = sub.add_parser(
        "import-history",
        help="copy sessions finished before the results store existed into it",
        description="Add every session of the JSON history in the data folder to the results "
        "store (by id; safe to re-run).",
        epilog="example:\n  simulator results import-history --db sqlite:///results.db",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument(
        "--db", dest="db_here", metavar="URL", help="target store (default: the local one)"
    )
    imp.set_defaults(results_handler=cmd_import)
    exp = sub.add_parser(
        "export",
        help="CSV tables and printable HTML reports of a class",
        description="Write CSV (one row per session, one per session x technique; UTF-8 with "
        "BOM for Excel) and printable HTML reports (one per trainee, one for the class).",
        epilog="example:\n  simulator results export --class 2026-A --csv out/ --report out/ --lang zh",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    exp.add_argument("--class", dest="class_code", required=True, metavar="CODE", help="class code")
    exp.add_argument("--csv", metavar="DIR", help="folder for the CSV files")
    exp.add_argument("--report", metavar="DIR", help="folder for the HTML reports")
    exp.add_argument("--lang", choices=("zh", "en"), help="report language (default: --ui-lang)")
    exp.add_argument("--from", dest="source", metavar="URL", help="store to read (default: local)")
    exp.set_defaults(results_handler=cmd_export)


def cmd_results(args: argparse.Namespace) -> int:
    return int(args.results_handler(args) or 0)


def _local_url(args: argparse.Namespace) -> str | None:
    return getattr(args, "db_here", None) or getattr(args, "db", None) or None


def _import(args: argparse.Namespace, url: str | None) -> None:
    from simulator.core.results import open_results
    from simulator.core.results.files import Store
    from simulator.core.results.recorder import identity
    from simulator.core.results.sync import import_history

    store = Store()
    with open_results(url) as local:
        counts = import_history(store, local, identity(store.prefs()))
    print(t("cli.results.imported", ui_lang(args), new=counts.new, already=counts.already))
    if counts.unreadable:
        print(t("cli.results.unreadable", ui_lang(args), n=counts.unreadable))


def cmd_import(args: argparse.Namespace) -> int:
    _import(args, _local_url(args))
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from simulator.core.results import open_results
    from simulator.core.results.database import safe_url
    from simulator.core.results.sync import push

    if not args.source:
        _import(args, _local_url(args))
    with open_results(args.source or _local_url(args)) as source:
        with open_results(args.to) as target:
            counts = push(source, target)
            where = safe_url(target.url)
    print(t("cli.results.pushed", ui_lang(args), to=where, new=counts.new, already=counts.already))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from simulator.core.results import open_results
    from simulator.core.results.csvout import write_csv
    from simulator.core.results.report import file_stem, write_reports

    if not args.csv and not args.report:
        raise SimulatorError(t("cli.results.no_output", ui_lang(args)), "error.results_export")
    lang = args.lang or ui_lang(args)
    catalogue = catalogue_arg(args)

    def label(entry_id: str) -> str:
        return catalogue.label(entry_id, lang)

    with open_results(args.source or _local_url(args)) as results:
        found = list(results.results(class_code=args.class_code))
        leaders = results.leaderboard(args.class_code)
        mistakes = results.common_mistakes(args.class_code)
    if not found:
        print(t("cli.results.none", ui_lang(args), code=args.class_code))
    if args.csv:
        a, b = write_csv(Path(args.csv), f"class-{file_stem(args.class_code)}", found, label)
        print(t("cli.results.csv", ui_lang(args), a=a, b=b))
    if args.report:
        generated = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
        paths = write_reports(
            Path(args.report), args.class_code, found, leaders, mistakes, lang, label, generated
        )
        print(t("cli.results.reports", ui_lang(args), n=len(paths), dir=args.report))
    return 0


SPECS = [
    Spec(
        "results",
        "the classroom's results store: push to a central database, import the history, export",
        EPILOG,
        _conf,
        cmd_results,
    )
]
