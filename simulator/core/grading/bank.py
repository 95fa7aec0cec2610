"""The exemplar bank: labelled replies the company owns, shipped with the package.

Rows live in `data/bank/*.jsonl` (one file per author; format in
docs/labelling-guide.md). The bank trains the learned layer and supplies the
"like: …" example shown as evidence. A row's split (train or dev) follows from its
id alone, so it never changes when rows are added.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from simulator.core.errors import SimulatorError

DEV_SHARE = 5
"""One row in DEV_SHARE goes to the development split (by a hash of its id)."""


@dataclass(frozen=True)
class Example:
    """One labelled reply."""

    id: str
    """Unique id, e.g. "zh-a-0042"."""
    text: str
    """The manager's reply."""
    context: str
    """The customer's line before it ("" when the manager speaks first)."""
    lang: str
    """"zh" or "en"."""
    labels: frozenset[str]
    """Technique and pitfall ids the reply shows."""
    register: str = ""
    """shop, office, phone, complaint or other."""

    @property
    def split(self) -> str:
        """ "dev" or "train", fixed by the id."""
        digest = hashlib.sha1(self.id.encode("utf-8")).digest()
        return "dev" if digest[0] % DEV_SHARE == 0 else "train"


def as_rows(examples: Iterable[Example], pitfalls: Iterable[str]) -> list[dict[str, object]]:
    """Examples as evaluation rows ({text, context, lang, techniques, pitfalls, domain})."""
    bad = set(pitfalls)
    return [
        {
            "text": ex.text,
            "context": ex.context,
            "lang": ex.lang,
            "techniques": sorted(ex.labels - bad),
            "pitfalls": sorted(ex.labels & bad),
            "domain": "other" if ex.register == "other" else "banking",
        }
        for ex in examples
    ]


def parse_row(row: dict[str, object], where: str) -> Example:
    """An Example from one JSON object; SimulatorError naming `where` when malformed."""
    try:
        text, context, lang = row["text"], row.get("context", ""), row["lang"]
        labels = [*row.get("techniques", []), *row.get("pitfalls", [])]  # type: ignore[misc]
    except (KeyError, TypeError) as exc:
        raise SimulatorError(f"{where}: missing field {exc}", "error.bad_example") from None
    if not isinstance(text, str) or not isinstance(context, str) or lang not in ("zh", "en"):
        raise SimulatorError(
            f"{where}: text, context and lang (zh|en) are required", "error.bad_example"
        )
    return Example(
        str(row.get("id") or where),
        text,
        context,
        str(lang),
        frozenset(str(label) for label in labels),
        str(row.get("register", "")),
    )


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[Example]:
    """Examples from JSON Lines; blank lines skipped."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise SimulatorError(
                f"{name}:{number}: not JSON ({exc})", "error.bad_example"
            ) from None
        if not isinstance(row, dict):
            raise SimulatorError(f"{name}:{number}: not a JSON object", "error.bad_example")
        yield parse_row(row, f"{name}:{number}")


def bank_files() -> list[tuple[str, str]]:
    """(name, text) of every shipped bank file, sorted by name."""
    folder = resources.files("simulator.core.grading").joinpath("data/bank")
    found = [(entry.name, entry.read_text("utf-8")) for entry in folder.iterdir()]
    return sorted((name, text) for name, text in found if name.endswith(".jsonl"))


def load_bank() -> list[Example]:
    """Every example in the shipped bank, in file then line order."""
    return [ex for name, text in bank_files() for ex in read_jsonl(text.splitlines(), name)]


def load_paths(paths: Iterable[Path]) -> list[Example]:
    """Examples from JSON Lines files on disk."""
    out: list[Example] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            out.extend(read_jsonl(handle, str(path)))
    return out


def fingerprint() -> str:
    """SHA-256 over the shipped bank files: the model records the bank it was trained on."""
    digest = hashlib.sha256()
    for name, text in bank_files():
        digest.update(name.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()
