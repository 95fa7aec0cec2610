"""Turn core records into the small view models widgets draw, in the interface language.

Nothing here grades or decides: it only names and formats what the core returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.core.grading.catalogue import Catalogue
from simulator.core.text import has, t
from simulator.tui.widgets.chat import Note
from simulator.tui.widgets.side_panel import MeterView, PersonaView

if TYPE_CHECKING:  # annotations only: the library screen uses this module before any session
    from simulator.core.practice import Practice
    from simulator.core.scenario.model import Scenario
    from simulator.core.session.turns import Turn


def clock_text(seconds: float) -> str:
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    return (
        f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
        if hours
        else f"{rest // 60:02d}:{rest % 60:02d}"
    )


def meter_label(scenario: Scenario, name: str, lang: str) -> str:
    """The scenario's own label when it gave one, else the interface's name for the meter."""
    meter = scenario.persona.meters[name]
    if meter.label and meter.label != name:
        return meter.label
    return t(f"meter.{name}", lang) if has(f"meter.{name}") else name


def ending_kind(kind: str, lang: str) -> str:
    return t(f"ending.{kind}", lang) if has(f"ending.{kind}") else kind


def persona_view(scenario: Scenario) -> PersonaView:
    p = scenario.persona
    return PersonaView(p.name, p.role, p.personality, tuple(p.background))


def meter_views(practice: Practice, lang: str) -> list[MeterView]:
    """Current meters, each with the net change of the last turn and (coach mode) its reasons.

    An exam gives no ▲▼ until the session has ended: a change after each reply would tell
    the trainee which replies worked, which is the feedback the exam keeps for the end.
    """
    session, scenario = practice.session, practice.scenario
    show_changes = practice.coach or practice.finished
    last = session.turns[-1] if session.turns and show_changes else None
    views = []
    for name, meter in scenario.persona.meters.items():
        changes = [c for c in last.changes if c.meter == name] if last else []
        reasons = (
            "\n".join(dict.fromkeys(c.reason for c in changes if c.reason))
            if practice.coach
            else ""
        )
        views.append(
            MeterView(
                meter_label(scenario, name, lang),
                session.meters.get(name, meter.start),
                meter.min,
                meter.max,
                sum(c.delta for c in changes),
                reasons,
            )
        )
    return views


def strip_text(practice: Practice, lang: str) -> str:
    """One line of meters and facts for narrow terminals."""
    parts = []
    for view in meter_views(practice, lang):
        change = f" {'▲' if view.delta > 0 else '▼'}{abs(view.delta):g}" if view.delta else ""
        parts.append(f"{view.label} {view.value:g}{change}")
    facts = practice.scenario.persona.facts
    if facts:
        parts.append(t("side.facts", lang, n=len(practice.session.facts), total=len(facts)))
    return " · ".join(parts)


def fact_labels(scenario: Scenario, ids: list[str] | tuple[str, ...]) -> list[str]:
    labels = {f.id: f.label for f in scenario.persona.facts}
    return [labels.get(i, i) for i in ids]


def trainee_notes(turn: Turn, catalogue: Catalogue, lang: str) -> tuple[Note, ...]:
    """Coach-mode tags for one reply: techniques taken or merely used, misplaced ones, pitfalls."""
    name = lambda i: catalogue.label(i, lang)  # noqa: E731
    notes = [Note(t("chat.tag.taken", lang, name=name(i)), "good") for i in turn.taken]
    notes += [
        Note(t("chat.tag.credited", lang, name=name(i)), "info")
        for i in turn.credited
        if i not in turn.taken
    ]
    notes += [Note(t("chat.tag.misplaced", lang, name=name(i)), "bad") for i in turn.misplaced]
    notes += [Note(t("chat.tag.pitfall", lang, name=name(i)), "bad") for i in turn.pitfalls]
    if turn.repeat:
        notes.append(Note(t("chat.tag.repeat", lang), "bad"))
    elif turn.stuffing:
        notes.append(Note(t("chat.tag.stuffing", lang), "bad"))
    return tuple(notes) or (Note(t("chat.tag.none", lang), "info"),)


def customer_notes(scenario: Scenario, revealed: tuple[str, ...], lang: str) -> tuple[Note, ...]:
    return tuple(
        Note(t("chat.revealed", lang, label=label), "fact")
        for label in fact_labels(scenario, revealed)
    )


def hint_text(practice: Practice, catalogue: Catalogue, lang: str) -> str:
    beat = practice.session.current_beat
    lines = [beat.hint] if beat.hint else []
    if beat.opportunities:
        names = join_names([catalogue.label(i, lang) for i in beat.opportunities], lang)
        lines.append(t("hint.opportunities", lang, names=names))
    return "\n".join(lines) or t("hint.none", lang)


def bullet(text: str) -> str:
    """A list item that wraps well: CJK text takes no space after the dot (a space is where
    the terminal would break the line)."""
    return ("・" if text[:1] and ord(text[0]) >= 0x2E80 else "· ") + text


def labelled(label: str, text: str, lang: str) -> str:
    return (
        f"{label}:{text}"
        if lang == "zh" or (text[:1] and ord(text[0]) >= 0x2E80)
        else f"{label}: {text}"
    )


def join_names(names: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)
