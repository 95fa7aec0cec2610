"""The command line's own messages in the interface language (--ui-lang, else the
locale). argparse help stays English: it is read before any language is chosen."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # ---- simulator results push | import-history | export ------------------------------------
    "cli.results.imported": (
        "从本机历史导入:新增 {new} 条,已有 {already} 条",
        "from the local history: {new} new, {already} already there",
    ),
    "cli.results.unreadable": (
        "{n} 条历史记录无法读取,已跳过",
        "{n} history record(s) could not be read and were skipped",
    ),
    "cli.results.pushed": (
        "上传到 {to}:新增 {new} 条,已有 {already} 条",
        "pushed to {to}: {new} new, {already} already there",
    ),
    "cli.results.csv": ("已写出 CSV:{a} 和 {b}", "CSV written: {a} and {b}"),
    "cli.results.reports": ("已写出 {n} 份报告到 {dir}", "{n} report(s) written to {dir}"),
    "cli.results.no_output": (
        "请至少给出 --csv 目录或 --report 目录",
        "give at least --csv DIR or --report DIR",
    ),
    "cli.results.none": (
        "班级 {code} 还没有完成的练习",
        "class {code} has no finished sessions yet",
    ),
}
