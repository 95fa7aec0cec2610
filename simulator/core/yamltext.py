"""What a line of YAML text holds beyond its structure: slips inside a line, folded Chinese.

`yamlsafe` calls these two: `mid_line_slips` while it repairs a file's typing slips
line by line (a tab between words, a full-width comma between the entries of `{…}`),
and `fold_cjk` for each text value written over several lines, so that Chinese text
folds without the space YAML puts at every line break.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from simulator.core.errors import Problem

_VALUE_START = ":-[{,?"
"""After one of these (and spaces) a quote or a bracket opens a value; elsewhere it is text."""
_NEXT_ENTRY = re.compile(r"\s*(?:[A-Za-z_][A-Za-z0-9_-]*[ \t]*:|#|$)")
"""What follows a 「，」 that separates entries: a key, or the end of the line."""


def mid_line_slips(
    rest: str, file: str, number: int, indent: int, flow: list[str]
) -> tuple[list[Problem], str]:
    """Slips after the indentation: a tab between words, a 「，」 between the keys of {…}.

    A tab outside quotes and comments is reported and read as a space. A full-width
    comma inside a flow mapping followed by a key (`{start: 40，min: 0}`) or ending the line makes
    YAML fail on the key, with a message about a missing ',' or '}'; it is reported on
    its own line and read as ','. `flow` carries the open brackets from line to line.
    """
    problems: list[Problem] = []
    chars = list(rest)
    quote = ""
    previous = ""  # the last character that was not a space, on this line
    for i, ch in enumerate(rest):
        col = indent + i + 1
        if quote:
            if ch == quote and not (quote == '"' and i and rest[i - 1] == "\\"):
                quote = ""
            continue
        if ch == "#" and (i == 0 or rest[i - 1] in " \t"):
            break  # a comment
        at_value = previous == "" or previous in _VALUE_START
        if ch in "'\"" and at_value:
            quote = ch
        elif ch in "[{" and at_value:
            flow.append(ch)
        elif ch in "]}" and flow:
            flow.pop()
        elif ch == "\t":
            problems.append(
                Problem(
                    file,
                    number,
                    col,
                    "E015",
                    "a tab in the middle of the line (YAML separates words and values with spaces)",
                    "replace the tab with a space",
                )
            )
            chars[i] = " "
        elif ch == "，" and flow and flow[-1] == "{" and _NEXT_ENTRY.match(rest, i + 1):
            problems.append(
                Problem(
                    file,
                    number,
                    col,
                    "E018",
                    "a full-width comma 「，」 between the entries of {…}",
                    "separate the entries with an ASCII comma ', '",
                )
            )
            chars[i] = ","
        if ch not in " \t":
            previous = ch
    return problems, "".join(chars)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F", "H")


def _fold(pieces: list[str], cjk: bool) -> str:
    """YAML's folding of trimmed lines: a line break is a space, n blank lines n newlines.

    With `cjk`, a break between two wide (Chinese, Japanese, full-width) characters is
    no space at all, as CSS Text 3 treats a segment break in East Asian text.
    """
    out = ""
    blanks = 0
    for piece in pieces:
        if not piece:
            blanks += 1
            continue
        if out:
            if blanks:
                out += "\n" * blanks
            elif not (cjk and _wide(out[-1]) and _wide(piece[0])):
                out += " "
        blanks = 0
        out += piece
    return out


def fold_cjk(node: yaml.ScalarNode, value: str, lines: list[str]) -> str:
    """The value with no folding space between two Chinese characters.

    A plain, quoted or `>` scalar written over several lines is folded by YAML with a
    space at every line break: right for English, a stray space in Chinese. The source
    lines are folded again here; only when that gives exactly YAML's value (so escapes,
    comments and more-indented lines, which fold otherwise, are left as YAML read them)
    is the value replaced by the fold without those spaces. `|` blocks keep their breaks.
    """
    start, end = node.start_mark, node.end_mark
    tail = ""
    if node.style == "|" or " " not in value or start.line == end.line:
        return value
    if node.style == ">":
        body = lines[start.line + 1 : end.line + (1 if end.column else 0)]
        content = [line for line in body if line.strip(" \t")]
        indents = {len(line) - len(line.lstrip(" ")) for line in content}
        if len(indents) != 1 or not body or not body[0].strip(" \t"):
            return value  # more-indented lines and leading blank lines keep their breaks
        pieces = [line.strip(" \t") for line in body]
        while pieces and not pieces[-1]:
            pieces.pop()
        core = value.rstrip("\n")
        tail = value[len(core) :]
    else:
        segment = lines[start.line : end.line + 1]
        if len(segment) < 2:
            return value
        segment[-1] = segment[-1][: end.column]
        segment[0] = segment[0][start.column :]
        if node.style in ("'", '"'):
            segment[0], segment[-1] = segment[0][1:], segment[-1][:-1]
            if node.style == '"' and any("\\" in line for line in segment):
                return value
            if node.style == "'":
                segment = [line.replace("''", "'") for line in segment]
        pieces = [line.strip(" \t") for line in segment]
        core = value
    if _fold(pieces, cjk=False) != core:
        return value
    return _fold(pieces, cjk=True) + tail
