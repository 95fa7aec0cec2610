"""How the customer answers a pitfall, and why the meters move.

A reply that commits a pitfall gets an answer from the customer: the beat's own line
for that pitfall when the scenario wrote one, else the persona's, else a default from
the built-in catalogue (data/reactions.yaml). The line is picked deterministically
from the session seed, the turn and the reply, so a replayed session says the same.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from simulator.core.scenario import conditions as c
from simulator.core.scenario.model import Beat, Persona
from simulator.core.yamlsafe import load_text

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Default:
    """The built-in answer to one pitfall."""

    reason: dict[str, str]
    """Why the meters move, per language."""
    lines: dict[str, tuple[str, ...]]
    """What the customer may say, per language."""


@cache
def catalogue() -> dict[str, Default]:
    """The built-in reactions, per pitfall id."""
    name = "simulator/core/session/data/reactions.yaml"
    text = (
        resources.files("simulator.core.session").joinpath("data/reactions.yaml").read_text("utf-8")
    )
    data = load_text(text, name).data
    if not isinstance(data, dict) or not isinstance(data.get("reactions"), dict):
        raise ValueError(f"{name}: expected a 'reactions' mapping")
    out: dict[str, Default] = {}
    for pitfall, entry in data["reactions"].items():
        reason = {lang: str(entry["reason"][lang]) for lang in LANGUAGES}
        lines = {lang: tuple(str(s) for s in entry["lines"][lang]) for lang in LANGUAGES}
        if not all(lines.values()):
            raise ValueError(f"{name}: pitfall '{pitfall}' needs lines in zh and en")
        out[str(pitfall)] = Default(reason, lines)
    return out


def choose(lines: tuple[str, ...], *key: object) -> str:
    """One of the lines, the same one for the same key."""
    if not lines:
        return ""
    digest = zlib.crc32(":".join(str(k) for k in key).encode())
    return lines[digest % len(lines)]


def answer(
    pitfall: str,
    lang: str,
    beat_lines: Mapping[str, tuple[str, ...]],
    persona_lines: Mapping[str, tuple[str, ...]],
    *key: object,
) -> str:
    """The customer's answer to a pitfall: beat line, else persona line, else the default."""
    lines = beat_lines.get(pitfall) or persona_lines.get(pitfall)
    if not lines:
        default = catalogue().get(pitfall)
        lines = default.lines.get(lang, ()) if default else ()
    return choose(tuple(lines), pitfall, *key)


def reason(pitfall: str, lang: str, name: str) -> str:
    """Why the meters move for this pitfall, e.g. "overpromise: the customer will hold…"."""
    default = catalogue().get(pitfall)
    why = default.reason.get(lang, "") if default else ""
    if not why:
        return name
    return f"{name}:{why}" if lang == "zh" else f"{name}: {why}"


def react(
    persona: Persona,
    beat: Beat,
    state: c.State,
    pitfalls: list[str],
    lang: str,
    *key: object,
) -> str:
    """The customer's answer to a reply's first pitfall, unless the scene answers it.

    The scene answers it when the transition taken is the one written for that pitfall
    (on to 'promise_fallout' after an overpromise): that beat's arrival line is the
    reaction, and a second one would only repeat it.
    """
    if not pitfalls:
        return ""
    pitfall = pitfalls[0]
    chosen = next((t for t in beat.next if t.when is None or c.holds(t.when, state)), None)
    if chosen is not None and chosen.when is not None:
        if any(n.op == "pitfall" and pitfall in n.args for n in c.walk(chosen.when)):
            return ""
    return answer(pitfall, lang, beat.reactions, persona.reactions, *key)
