"""The scenario file format, version 1, as a spec (see docs/scenario-format.md)."""

from __future__ import annotations

from typing import Any

from simulator.core.scenario import conditions
from simulator.core.spec import F, to_schema

FORMAT_VERSION = 1
DIFFICULTIES = ("easy", "medium", "hard")
ENDING_KINDS = ("success", "partial", "failure", "walkout")
ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
MAX_TURNS_LIMIT = 500
"""Largest settings.max_turns: a session longer than this is never practice (and the
engine's per-session work grows with it)."""

TEXTS = F(
    "list|str",
    "A line, or variants as a list",
    items=F(
        "str|obj",
        fields={
            "text": F("str", "What the customer says", required=True),
            "when": F("cond", "Say this variant only when the condition holds"),
        },
    ),
)

METER = F(
    "obj",
    "A meter the trainee's replies move",
    fields={
        "start": F("number", "Value at the start", required=True),
        "min": F(
            "number", "Lowest value (trust or patience reaching it ends the session as a walkout)"
        ),
        "max": F("number", "Highest value"),
        "label": F("str", "Name shown to the trainee"),
    },
)

FACT = F(
    "obj",
    "Something the customer knows and reveals only when the condition holds",
    fields={
        "id": F("str", "Id used in tests and conditions", required=True, pattern=ID_PATTERN),
        "label": F("str", "What the feedback calls it", required=True),
        "says": F("str", "What the customer says when revealing it", required=True),
        "when": F("cond", "When it is revealed (checked after every reply)", required=True),
        "hint": F("str", "How a trainee could have uncovered it (shown when missed)"),
        "beats": F("list", "Beats where it can be revealed (default: any beat)", items=F("str")),
    },
)

REACTIONS = F(
    "map",
    "The customer's answer when a reply commits a pitfall, per pitfall id: a line or variants "
    "(default: a line from the built-in catalogue)",
    values=F("list|str", "A line, or variants as a list", items=F("str")),
)

PERSON = F(
    "obj",
    "Someone else in the scene the trainee may speak to or about",
    fields={
        "name": F("str", "How the scenario names them", required=True),
        "aliases": F(
            "list", "Other names for them; each counts as the name in phrases", items=F("str")
        ),
        "role": F("str", "Who they are to the customer, e.g. the owner's wife"),
    },
)

EFFECT = F(
    "obj",
    "A change to meters when the condition holds for a reply",
    fields={
        "when": F("cond", "Condition on this reply", required=True),
        "meters": F(
            "map",
            "Meter name to change, e.g. {trust: 10, patience: -5}",
            required=True,
            values=F("number"),
        ),
        "reason": F("str", "Shown to the trainee next to the change", required=True),
    },
)

TRANSITION = F(
    "obj",
    "Where the conversation goes after a reply; the first that holds wins",
    fields={
        "to": F("str", "A beat id or an ending id", required=True),
        "when": F("cond", "Condition; omit for 'otherwise'"),
    },
)

BEAT = F(
    "obj",
    "A moment of the conversation",
    fields={
        "id": F("str", "Beat id", required=True, pattern=ID_PATTERN),
        "say": F(
            "list|str",
            "What the customer says on arriving here (variants chosen by state and seed)",
            required=True,
            items=TEXTS.items,
        ),
        "stay": F(
            "list|str",
            "What the customer says when no transition holds and the beat continues",
            items=TEXTS.items,
        ),
        "opportunities": F("list", "Techniques this moment calls for", items=F("str")),
        "punishes": F("list", "Techniques this moment punishes", items=F("str")),
        "bottom_line": F(
            "bool", "This moment touches a credit bottom line: pressure here is legitimate"
        ),
        "evidence": F(
            "map",
            "Phrases specific to this scenario that count as evidence, per technique",
            values=F("list", items=F("str")),
        ),
        "model_reply": F("str", "A good reply, shown in feedback"),
        "model_replies": F(
            "map",
            "A good reply per technique, shown when that technique was missed",
            values=F("str"),
        ),
        "reactions": REACTIONS,
        "hint": F("str", "What the coach hint says at this moment"),
        "effects": F("list", "Meter changes with reasons", items=EFFECT),
        "next": F("list", "Transitions, checked in order", items=TRANSITION),
    },
)

ENDING = F(
    "obj",
    "How the session can end",
    fields={
        "id": F("str", "Ending id", required=True, pattern=ID_PATTERN),
        "kind": F("str", "success, partial, failure or walkout", required=True, enum=ENDING_KINDS),
        "message": F("str", "Shown to the trainee at the end", required=True),
        "say": F("str", "The customer's last line"),
    },
)

TEST = F(
    "obj",
    "A scripted playthrough with expectations",
    fields={
        "name": F("str", "Test name", required=True),
        "replies": F("list", "The trainee's replies, in order", required=True, items=F("str")),
        "seed": F("int", "Seed for variant choice (default 0)"),
        "expect": F(
            "obj",
            "What must be true at the end",
            required=True,
            fields={
                "ending": F("str", "Ending id, or 'abandoned'"),
                "kind": F("str", "Ending kind", enum=(*ENDING_KINDS, "abandoned")),
                "score": F("list", "[low, high] inclusive", items=F("number")),
                "passed": F("bool", "Pass or fail against pass_score"),
                "facts": F("list", "Facts that must be revealed", items=F("str")),
                "missed_facts": F("list", "Facts that must stay hidden", items=F("str")),
                "techniques": F(
                    "list", "Techniques that must be credited at least once", items=F("str")
                ),
                "pitfalls": F(
                    "list", "Pitfalls that must be recorded at least once", items=F("str")
                ),
                "no_pitfalls": F("bool", "No pitfall may be recorded"),
            },
        ),
    },
)

SETTINGS = F(
    "obj",
    "Tuning for this scenario's engine (all optional)",
    fields={
        "credit_trust": F("number", "Trust gained per opportunity taken (default 4)"),
        "pitfall_trust": F("number", "Trust change per pitfall (default -10)"),
        "pitfall_patience": F("number", "Patience change per pitfall (default -8)"),
        "misplaced_trust": F(
            "number", "Trust change when a punished technique is used (default -6)"
        ),
        "misplaced_patience": F(
            "number", "Patience change when a punished technique is used (default -4)"
        ),
        "idle_patience": F("number", "Patience change for a reply with no technique (default -4)"),
        "repeat_patience": F("number", "Patience change for a repeated reply (default -10)"),
        "max_turns": F(
            "int",
            f"Replies before the session ends as timed out (default 30, at most {MAX_TURNS_LIMIT})",
            minimum=1,
            maximum=MAX_TURNS_LIMIT,
            fix=f"use a number from 1 to {MAX_TURNS_LIMIT}; a longer conversation is better "
            "split into several scenarios",
        ),
        "repeat_line": F("str", "What the customer says to a repeated reply"),
    },
)

SCENARIO = F(
    "obj",
    "A training scenario",
    fields={
        "format": F(
            "int", "Scenario format version; this is 1", required=True, enum=(FORMAT_VERSION,)
        ),
        "id": F("str", "Library id, unique across the library", required=True, pattern=ID_PATTERN),
        "version": F(
            "str|int|number", "The scenario's own version; stamped on every session", required=True
        ),
        "title": F("str", "Title shown in the library", required=True),
        "language": F("str", "Language of the dialogue", required=True, enum=("zh", "en")),
        "difficulty": F("str", "easy, medium or hard", required=True, enum=DIFFICULTIES),
        "situation": F("str", "Seed situation it trains (techniques.md §5)", required=True),
        "tags": F("list", "Free tags", items=F("str")),
        "objectives": F("list", "Learning objectives", items=F("str")),
        "estimated_minutes": F("int", "Typical length", minimum=1),
        "pass_score": F(
            "int", "Score (0-100) needed to pass", required=True, minimum=0, maximum=100
        ),
        "path": F(
            "obj",
            "Place in the learning path",
            fields={
                "stage": F("str", "Stage name, e.g. 贷前调查", required=True),
                "order": F("int", "Order of the stage in the path", required=True),
            },
        ),
        "briefing": F(
            "obj",
            "What the trainee reads before starting",
            required=True,
            fields={
                "situation": F("str", "The situation", required=True),
                "role": F("str", "The trainee's role", required=True),
                "goal": F("str", "The trainee's goal", required=True),
            },
        ),
        "persona": F(
            "obj",
            "The customer",
            required=True,
            fields={
                "name": F("str", "Name", required=True),
                "role": F("str", "Role and business", required=True),
                "personality": F("str", "Temperament"),
                "background": F("list", "What the trainee may know", items=F("str")),
                "wants": F("str", "What they want from this meeting"),
                "meters": F(
                    "map", "Meters: trust and patience at least", required=True, values=METER
                ),
                "facts": F("list", "Hidden facts", items=FACT),
                "aliases": F(
                    "list",
                    "Other names for the customer; each counts as the name in phrases",
                    items=F("str"),
                ),
                "people": F("list", "Others in the scene, with their other names", items=PERSON),
                "reactions": REACTIONS,
            },
        ),
        "settings": SETTINGS,
        "start": F("str", "The first beat", required=True),
        "beats": F("list", "The moments of the conversation", required=True, items=BEAT),
        "endings": F("list", "The endings", required=True, items=ENDING),
        "tests": F("list", "Embedded tests", items=TEST),
    },
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema `simulator schema` prints."""
    defs: dict[str, Any] = {}
    schema = to_schema(SCENARIO, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/simulator/scenario-v1.json",
        "title": "Simulator scenario, format 1",
        **schema,
        "$defs": {"condition": conditions.schema()},
    }
