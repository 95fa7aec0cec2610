"""Load YAML that a person wrote, safely, remembering where every value came from.

PyYAML's safe loader already refuses to build Python objects, but it forgets line
numbers, silently keeps the last of two duplicate keys will expand an alias bomb
until memory runs out, recurses once per nesting level and turns a 5,000-digit number
into a ValueError. This module checks the nesting depth on the event stream first
(iteratively), composes the node tree and builds plain data from it, with limits on
size, depth, alias expansion and number length, and reports every problem as a
`Problem` with file, line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from simulator.core.errors import Problem, ScenarioError
from simulator.core.yamltext import fold_cjk, mid_line_slips

MAX_FILE_BYTES = 1_000_000
"""A scenario file larger than this is refused (the biggest real one is ~60 kB)."""
MAX_NODES = 200_000
"""Values built from one file, aliases counted each time they are used."""
MAX_DEPTH = 50
"""Lists and mappings nested deeper than this are refused (real scenarios nest ~10).

Composing and building a document are recursive; without a cap a file nested a few
hundred levels deep raised RecursionError instead of a problem with its position.
"""

Path_ = tuple[str | int, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


@dataclass(frozen=True)
class Document:
    """Plain data from a YAML file, with the position of every value in it."""

    data: Any
    """Dicts, lists, str, int, float, bool and None only."""
    marks: dict[Path_, tuple[int, int]]
    """(line, col), 1-based, of the value at each path, e.g. ("beats", 0, "id")."""
    file: str
    """The file name to report."""
    slips: tuple[Problem, ...] = ()
    """Typing slips found and repaired before parsing (see `typing_slips`); still errors."""

    def where(self, path: Path_) -> tuple[int, int]:
        """Position of `path`, or of its nearest parent that has one."""
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, path: Path_, code: str, message: str, hint: str = "") -> Problem:
        line, col = self.where(path)
        return Problem(self.file, line, col, code, message, hint)


class _Builder:
    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.lines = text.split("\n")
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.slips: list[Problem] = []
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, code: str, message: str, hint: str = "") -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, code, message, hint)
        )

    def slip(self, node: yaml.Node | _CommaAt, code: str, message: str, hint: str) -> None:
        """A mistake that still leaves readable data: reported, not blocking the checks."""
        mark = node.start_mark
        self.slips.append(Problem(self.file, mark.line + 1, mark.column + 1, code, message, hint))

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(node)
        self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _STANDARD_TAGS:
            self.fail(
                node,
                "E005",
                f"tag {node.tag!r} is not allowed",
                "scenario files hold plain data only; remove the tag",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.fail(
                        key_node, "E005", "merge keys (<<) are not supported", "write the keys out"
                    )
                    continue
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                    self.fail(key_node, "E011", "mapping keys must be plain text")
                    continue
                try:
                    key = self.constructor.construct_object(key_node)
                except (ValueError, OverflowError, LookupError, TypeError, yaml.YAMLError):
                    key = None
                if key is None:
                    self.fail(key_node, "E011", "mapping keys must be plain text")
                    continue
                key = str(key)
                self.marks.setdefault(
                    path + (key,), (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                )
                if key in result:
                    self.fail(key_node, "E007", f"duplicate key {key!r}", "keep one of the two")
                    continue
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.flow_style:
                for item in node.value:
                    if isinstance(item, yaml.ScalarNode) and not item.style and "，" in item.value:
                        self.slip(
                            _CommaAt(self.lines, item),
                            "E018",
                            f"a full-width comma 「，」 inside the list keeps {item.value!r} as one item",
                            "separate items with an ASCII comma ', ', or quote the item "
                            "if the comma belongs to the text",
                        )
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, LookupError, TypeError, yaml.YAMLError) as error:
            # past Python's int digit limit, a bad date, an explicit tag on the wrong text
            kind = node.tag.rsplit(":", 1)[-1]
            reason = "too many digits" if "digits" in str(error) else f"not a valid {kind}"
            text = str(node.value)
            shown = text if len(text) <= 20 else text[:20] + "…"
            self.fail(
                node,
                "E009",
                f"cannot read the value {shown!r}: {reason}",
                "write a short number, or quote the value to keep it as text",
            )
            return None
        if not isinstance(value, str | int | float | bool) and value is not None:
            value = str(value)  # timestamps: keep the text
        if isinstance(value, str) and isinstance(node, yaml.ScalarNode):
            value = fold_cjk(node, value, self.lines)
        return value


class _CommaAt:
    """Where the first 「，」 of a scalar is: an item of a flow list may span lines."""

    def __init__(self, lines: list[str], node: yaml.ScalarNode) -> None:
        start, end = node.start_mark, node.end_mark
        self.start_mark = start
        for line in range(start.line, min(end.line + 1, len(lines))):
            first = start.column if line == start.line else 0
            col = lines[line].find("，", first)
            if col >= 0 and (line < end.line or col < end.column):
                self.start_mark = _Mark(line, col)
                return


@dataclass(frozen=True)
class _Mark:
    line: int
    column: int


class _TooBig(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def _too_deep(text: str, file: str) -> Problem | None:
    """The first place nested deeper than MAX_DEPTH, found without recursion."""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                return Problem(
                    file,
                    line,
                    col,
                    "E008",
                    f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                    "flatten the structure; real scenarios nest about 10 levels",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


_KEY_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*)[ \u3000]*：")
_BLOCK_START = re.compile(r"[:-]\s*[|>][0-9+-]*\s*(#.*)?$")


def typing_slips(text: str, file: str) -> tuple[str, list[Problem]]:
    """Mistakes a Chinese keyboard makes, each named on its line, and the text repaired.

    A tab or a full-width space U+3000 in the indentation and a full-width colon 「：」
    after a key give YAML's generic messages, often on a later line. Each is reported
    here with its fix, and repaired in the returned text so that the rest of the file is
    still checked in the same run. Block scalar contents (after `|` or `>`) are text and
    are left alone.
    """
    problems: list[Problem] = []
    lines = text.split("\n")
    block_indent: int | None = None
    flow: list[str] = []  # the flow collections open at the end of the line so far
    for number, line in enumerate(lines, 1):
        stripped = line.lstrip(" \t\u3000")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        lead = line[:indent]
        if "\t" in lead:
            problems.append(
                Problem(
                    file,
                    number,
                    lead.index("\t") + 1,
                    "E015",
                    "a tab in the indentation (YAML indents with spaces only)",
                    "replace the tab with spaces; set your editor to insert spaces for Tab",
                )
            )
        if "\u3000" in lead:
            problems.append(
                Problem(
                    file,
                    number,
                    lead.index("\u3000") + 1,
                    "E017",
                    "a full-width space (U+3000) in the indentation",
                    "indent with ordinary half-width spaces; switch the input method to "
                    "half-width (半角) for indentation",
                )
            )
        found, stripped = mid_line_slips(stripped, file, number, indent, flow)
        problems += found
        body = lead.replace("\t", "  ").replace("\u3000", "  ") + stripped
        match = _KEY_COLON.match(body)
        if match:
            key = match.group(2)
            problems.append(
                Problem(
                    file,
                    number,
                    match.end(),
                    "E016",
                    f"a full-width colon 「：」 after the key '{key}'",
                    f"write an ASCII colon and a space: '{key}: '",
                )
            )
            body = body[: match.end() - 1] + ": " + body[match.end() :].lstrip(" ")
        lines[number - 1] = body
        if not flow and _BLOCK_START.search(body):
            block_indent = len(body) - len(body.lstrip(" "))
    return "\n".join(lines), problems


def load_text(text: str, file: str) -> Document:
    """Parse YAML text; raise ScenarioError with every problem found."""
    text, slips = typing_slips(text, file)
    try:
        return _load_repaired(text, file, slips)
    except ScenarioError as error:
        if not slips:
            raise
        # a YAML syntax error after a repair is most likely the slip's own consequence
        rest = [p for p in error.problems if p.code != "E001"]
        raise ScenarioError(slips + rest) from None


def _load_repaired(text: str, file: str, slips: list[Problem]) -> Document:
    if not text.strip():
        raise ScenarioError(
            [Problem(file, 1, 1, "E003", "the file is empty", "start from docs/scenario-format.md")]
        )
    try:
        too_deep = _too_deep(text, file)
        if too_deep is not None:
            raise ScenarioError([too_deep])
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax: {error.problem or error.context}"
        raise ScenarioError(
            [
                Problem(
                    file, line, col, "E001", message, "check indentation and quoting on this line"
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise ScenarioError([Problem(file, 1, 1, "E001", f"YAML syntax: {error}")]) from None
    if node is None:
        raise ScenarioError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "E003",
                    "the file holds no data",
                    "start from docs/scenario-format.md",
                )
            ]
        )
    builder = _Builder(file, text)
    try:
        data = builder.build(node, ())
    except _TooBig as too_big:
        mark = too_big.node.start_mark
        raise ScenarioError(
            [
                Problem(
                    file,
                    mark.line + 1,
                    mark.column + 1,
                    "E006",
                    f"the file expands to more than {MAX_NODES} values (an alias bomb?)",
                    "avoid nested aliases (*name); write values out",
                )
            ]
        ) from None
    if builder.problems:
        raise ScenarioError(slips + builder.slips + builder.problems)
    return Document(data, builder.marks, file, tuple(slips + builder.slips))


def load_file(path: Path | str) -> Document:
    """Read and parse a YAML file with size and encoding checks."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioError(
                [
                    Problem(
                        name,
                        0,
                        0,
                        "E004",
                        f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                        "split it or remove what it does not need",
                    )
                ]
            )
        raw = path.read_bytes()
    except OSError as error:
        raise ScenarioError(
            [Problem(name, 0, 0, "E000", f"cannot read the file: {error.strerror}")]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ScenarioError(
            [
                Problem(
                    name,
                    line,
                    0,
                    "E002",
                    f"not UTF-8 text (byte {error.start})",
                    "save the file as UTF-8",
                )
            ]
        ) from None
    return load_text(text, name)
