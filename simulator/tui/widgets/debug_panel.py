"""The preview's debug panel: the file's problems, where the session is, why it went there.

`debug_content` turns what the preview knows (a `DebugView`, the problems of the last
reading, the version shown) into one block of text; the widget only scrolls it. The
explanations are `simulator trace`'s own (core/session/trace.py), in the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from simulator.core.errors import Problem
from simulator.core.scenario.diagnostics import localise
from simulator.core.text import t
from simulator.tui.live import DebugView

OK, NO = "✓", "✗"


@dataclass(frozen=True)
class PanelState:
    """Everything the panel shows, handed down by the screen."""

    file: str
    """The file's name."""
    version: int
    """The version the conversation plays (1 = as first opened)."""
    problems: tuple[Problem, ...]
    """Problems of the file as last saved (errors first)."""
    kept: bool
    """True when the last save had errors and the conversation stayed on `version`."""
    view: DebugView
    """The session."""


def _heading(text: str) -> Content:
    return Content.assemble((f"── {text} ", "bold $text-accent"), "\n")


def _mark(ok: bool) -> tuple[str, str]:
    return (OK, "bold $text-success") if ok else (NO, "$text-error")


def _problems(state: PanelState, lang: str) -> list[Content | str]:
    errors = sum(p.is_error for p in state.problems)
    out: list[Content | str] = [_heading(t("preview.problems", lang, n=len(state.problems)))]
    if state.kept:
        out.append(
            Content.assemble((t("preview.kept", lang, n=state.version), "bold $text-error"), "\n")
        )
    for problem in state.problems:
        shown = localise(problem, lang)
        style = "bold $text-error" if problem.is_error else "bold $text-warning"
        where = t("preview.line", lang, line=shown.line, col=shown.col)
        out.append(Content.assemble((shown.code, style), f" {where} {shown.message}\n"))
        if shown.hint:
            out.append(Content.assemble(("  → ", "$text-muted"), (shown.hint, "italic"), "\n"))
    if not errors and not state.kept:
        out.append(t("preview.warnings_only", lang) + "\n")
    return out


def _now(view: DebugView, lang: str) -> list[Content | str]:
    out: list[Content | str] = [_heading(t("preview.now", lang))]
    if view.ending is not None:
        out.append(Content.assemble((t("preview.ended", lang, ending=view.ending), "bold"), "\n"))
    out.append(t("preview.beat", lang, beat=view.beat, n=view.turn) + "\n")
    out.append(" · ".join(f"{name} {value:g}" for name, value in view.meters) + "\n")
    revealed = ", ".join(view.facts) or t("trace.none", lang)
    out.append(t("preview.facts", lang, ids=revealed) + "\n")
    if view.ending is None and view.exits:
        out.append(Content.assemble((t("preview.exits", lang), "$text-muted"), "\n"))
        for number, exit_ in enumerate(view.exits, 1):
            out.append(f" {number}. → {exit_.to}: {exit_.when}\n")
    return out


def _last(view: DebugView, lang: str) -> list[Content | str]:
    last = view.last
    if last is None:
        return [_heading(t("preview.last.none", lang)), t("preview.none_yet", lang) + "\n"]
    turn = last.turn
    out: list[Content | str] = [
        _heading(t("preview.last", lang, n=turn.index, beat=turn.beat)),
        Content.assemble((f"{t('trace.reply', lang)}: ", "$text-muted"), turn.reply, "\n"),
    ]
    grade = ", ".join(turn.credited) or t("trace.none", lang)
    out.append(f"{t('trace.grade', lang)}: {t('trace.techniques', lang, ids=grade)}")
    if turn.pitfalls:
        out.append("; " + t("trace.pitfalls", lang, ids=", ".join(turn.pitfalls)))
    if turn.repeat or turn.stuffing:
        out.append("; " + (t("trace.repeat", lang) if turn.repeat else t("trace.stuffing", lang)))
    out.append("\n")
    for title, checks, arrow in (
        (t("trace.effects", lang), last.effects, "#"),
        (t("trace.facts", lang), last.facts, ""),
        (t("trace.transitions", lang), last.transitions, "→ "),
    ):
        if not checks:
            continue
        out.append(Content.assemble((f"{title}:", "bold"), "\n"))
        for check in checks:
            out.append(Content.assemble(" ", _mark(check.ok), f" {arrow}{check.id}: {check.why}\n"))
    out.append(Content.assemble((f"{t('trace.outcome', lang)}: ", "bold"), last.outcome, "\n"))
    return out


def debug_content(state: PanelState, lang: str) -> Content:
    """The whole panel as text."""
    head = t("preview.title", lang, file=state.file, n=state.version)
    parts: list[Content | str] = [Content.assemble((head, "bold"), "\n")]
    if state.problems:
        parts += _problems(state, lang)
    parts += _now(state.view, lang)
    parts += _last(state.view, lang)
    return Content.assemble(*parts).rstrip()


class DebugPanel(VerticalScroll):
    """A scrolling block of debug text (keyboard: focus it with Tab, scroll with the arrows)."""

    def compose(self) -> ComposeResult:
        yield Static(id="debug-body")

    def show(self, state: PanelState, lang: str) -> None:
        self.query_one("#debug-body", Static).update(debug_content(state, lang))
