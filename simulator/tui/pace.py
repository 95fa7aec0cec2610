"""How long the customer seems to type before each line: off, fast or natural.

A pause makes the customer feel like a person, but on the third run of a scenario it is
only a wait, so the trainee chooses (`--pace`, the command palette; remembered in the
preferences) and any key cuts the current pause short.
"""

from __future__ import annotations

PACES = ("off", "fast", "natural")
"""Every pace, fastest first."""
DEFAULT = "fast"
"""The pace when none was chosen."""
FAST_MAX = 0.6
"""The longest "typing" pause at the fast pace, in seconds."""
NATURAL_MAX = 2.5
"""The longest pause at the natural pace, in seconds."""


def typing_delay(text: str, pace: str = DEFAULT) -> float:
    """How long the customer seems to type this line at this pace, in seconds."""
    if pace == "off":
        return 0.0
    if pace == "fast":
        return min(FAST_MAX, 0.2 + 0.01 * len(text))
    return min(NATURAL_MAX, 0.5 + 0.03 * len(text))


def chosen(value: object) -> str | None:
    """value when it names a pace (a saved preference may be anything), else None."""
    return value if isinstance(value, str) and value in PACES else None
