"""One error family for the whole core, each with a title a person can read."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.text import t


class SimulatorError(Exception):
    """Base class: the title names the area (a key of the text table, so the app shows it in
    the interface language), the message says what went wrong."""

    title_key = "error.simulator"

    def __init__(self, message: str, title_key: str | None = None) -> None:
        super().__init__(message)
        if title_key is not None:
            self.title_key = title_key

    @property
    def title(self) -> str:
        """The title in English, as the command line prints it unless asked otherwise."""
        return t(self.title_key, "en")

    def title_in(self, lang: str) -> str:
        """The title in lang (zh or en)."""
        return t(self.title_key, lang)


@dataclass(frozen=True)
class Problem:
    """One finding about a file, printed as `file:line:col: CODE: message`."""

    file: str
    """Path of the file as the user gave it."""
    line: int
    """1-based line, 0 when the problem has no position."""
    col: int
    """1-based column, 0 when unknown."""
    code: str
    """Stable code: E… for errors, W… for warnings."""
    message: str
    """What is wrong."""
    hint: str = ""
    """What to do about it."""

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        text = f"{where}: {self.code}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class ScenarioError(SimulatorError):
    """A scenario (or catalogue) file could not be loaded; carries every problem."""

    title_key = "error.scenario_file"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


class SessionError(SimulatorError):
    """A session was used wrongly or its saved form cannot be resumed."""

    title_key = "error.session"
