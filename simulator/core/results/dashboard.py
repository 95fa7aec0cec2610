"""What a trainer's dashboard shows for one class, read from the results store in one go.

UI-free, so the terminal dashboard (tui/dashboard.py) and any other face read the same
figures: the live sessions, the leaderboard, the trainee x technique matrix with a heat
level per cell, and the most common mistakes. `Poller` reloads only when the store's
change counter (`Results.version`) moved, so polling every 2 s costs one small query.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.core.results import LeaderRow, LiveRow, Mistake, Results, TechniqueCell

HEAT_LEVELS = ("none", "low", "mid", "high")
"""Heat of a matrix cell: no chance yet, mostly missed, mixed, mostly shown."""
HIGH, MID = 0.75, 0.4
"""Share of chances taken (shown / (shown + missed)) from which a cell is high or mid."""


def heat(cell: TechniqueCell | None) -> str:
    """The heat level of one trainee x technique cell."""
    if cell is None or cell.shown + cell.missed == 0:
        return "none"
    share = cell.shown / (cell.shown + cell.missed)
    return "high" if share >= HIGH else "mid" if share >= MID else "low"


@dataclass(frozen=True)
class Snapshot:
    """One class as the store had it at `version`."""

    class_code: str
    """The class shown ("" for sessions recorded without a class)."""
    version: int
    """The store's change counter for the class when read."""
    live: tuple[LiveRow, ...] = ()
    """Started, not finished; most recently active first."""
    leaders: tuple[LeaderRow, ...] = ()
    """Best score first."""
    matrix: dict[str, dict[str, TechniqueCell]] = field(default_factory=dict)
    """trainee -> technique id -> shown / missed."""
    mistakes: tuple[Mistake, ...] = ()
    """Most frequent first."""
    names: dict[str, str] = field(default_factory=dict)
    """trainee id -> the name to show."""

    @property
    def techniques(self) -> list[str]:
        """Every technique in the matrix, the most practised (shown + missed) first."""
        totals: dict[str, int] = {}
        for cells in self.matrix.values():
            for technique, cell in cells.items():
                totals[technique] = totals.get(technique, 0) + cell.shown + cell.missed
        return sorted(totals, key=lambda t: (-totals[t], t))

    def name(self, trainee: str) -> str:
        return self.names.get(trainee) or trainee


def load(results: Results, class_code: str, mistakes: int = 10) -> Snapshot:
    """Read everything the dashboard shows (the version first, so a write in between is
    caught by the next poll rather than missed)."""
    version = results.version(class_code)
    live = tuple(results.live(class_code))
    leaders = tuple(results.leaderboard(class_code))
    names = {r.trainee: r.display_name for r in leaders if r.display_name}
    names.update({r.trainee: r.display_name for r in live if r.display_name})
    return Snapshot(
        class_code,
        version,
        live,
        leaders,
        results.technique_matrix(class_code),
        tuple(results.common_mistakes(class_code, mistakes)),
        names,
    )


class Poller:
    """Reloads a class's Snapshot when the store changed since the last one."""

    def __init__(self, results: Results, class_code: str) -> None:
        self.results = results
        """The store read."""
        self.class_code = class_code
        """The class watched."""
        self.last: Snapshot | None = None
        """The latest snapshot read."""

    def poll(self, force: bool = False) -> Snapshot | None:
        """A new snapshot when the store changed (or force), else None; raises ResultsError."""
        if (
            not force
            and self.last is not None
            and self.results.version(self.class_code) == self.last.version
        ):
            return None
        self.last = load(self.results, self.class_code)
        return self.last
