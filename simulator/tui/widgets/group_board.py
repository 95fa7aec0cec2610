"""The feedback's Group tab: one card per person of a hot-seat relay, then the shared ending.

The figures come from core/relay.group (UI-free); this only lays them out.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from simulator.core.session.relay import Group, Person


class GroupBoard(VerticalScroll):
    """Each person's replies, points, techniques shown, moments missed and pitfalls."""

    can_focus = True

    def __init__(
        self,
        group: Group,
        *,
        label: Callable[[str], str],
        t: Callable[..., str],
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.group = group
        """The breakdown shown."""
        self._label = label
        self._t = t

    def compose(self) -> ComposeResult:
        g, t = self.group, self._t
        yield Static(
            Content(
                t("group.total", n=len(g.people), score=g.score, ending=f"{g.ending_points:+g}")
            ),
            id="group-ending",
        )
        for n, person in enumerate(g.people, 1):
            yield self._card(person, n)

    def _card(self, p: Person, n: int) -> Static:
        t, label = self._t, self._label
        none = t("none")

        def part(key: str, items: list[str], colour: str) -> Content:
            return Content.from_markup(
                f"[$text-muted]$k[/] [{colour}]$v[/]", k=t(key), v=", ".join(items) or none
            )

        sep = Content.from_markup("[$text-muted] · [/]")
        lines = [
            sep.join(
                [
                    part(
                        "group.shown",
                        [f"{label(i)}×{c}" for i, c in p.shown.items()],
                        "$text-success",
                    ),
                    part("group.taken", [label(i) for i in p.taken], "$text-success"),
                ]
            ),
            sep.join(
                [
                    part("group.missed", [label(i) for i in p.missed], "$text-warning"),
                    part(
                        "group.pitfalls",
                        [label(i) for i in p.pitfalls]
                        + [t("chat.tag.misplaced", name=label(i)) for i in p.misplaced],
                        "$text-error",
                    ),
                ]
            ),
        ]
        if p.facts:
            lines.append(part("group.facts", list(p.facts), "$text"))
        card = Static(Content("\n").join(lines), classes="person", id=f"person-{n}")
        card.border_title = Content(
            f"{p.name} · {t('group.head', n=p.replies, points=f'{p.points:+g}')}"
        )
        if p.turns:
            card.border_subtitle = Content(
                t("group.turns", turns=", ".join(str(x) for x in p.turns))
            )
        return card
