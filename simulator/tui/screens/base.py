"""What every screen shares: translated strings and key descriptions, and a rebuild on a language switch.

Each screen composes itself from its own state (the models it was handed plus a few
choices such as the selected tab), so switching the interface language is a recompose.

Screens carry no id: the same kind of screen can be on the stack twice (a session's
feedback, the history above it, an older feedback reopened above that), and two nodes
with one id make Textual raise DuplicateIds. Styles select screens by type instead.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from simulator.core.text import has, t

if TYPE_CHECKING:
    from simulator.tui.app import SimulatorApp


def translate_bindings(node: DOMNode, lang: str) -> None:
    """Give the node's bindings (those with an id) the description and tooltip for lang.

    Bindings are declared once per class; their descriptions are per language, so each
    node's own copy of its bindings map is rewritten in place (lists replaced, never
    mutated, because the copy shares them with the class).
    """
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [
            replace(
                b,
                description=t(f"key.{b.id}", lang),
                tooltip=t(f"tip.{b.id}", lang) if has(f"tip.{b.id}") else b.tooltip,
            )
            if b.id and has(f"key.{b.id}")
            else b
            for b in bindings
        ]


def translate_tree(root: DOMNode, lang: str) -> None:
    """translate_bindings for root and every node under it."""
    translate_bindings(root, lang)
    for node in root.walk_children(with_self=False):
        translate_bindings(node, lang)


class Translated:
    """Mixin for screens: `t()` in the app's interface language and a language-switch hook."""

    @property
    def sim(self) -> SimulatorApp:
        return cast("SimulatorApp", cast(Screen, self).app)

    @property
    def lang(self) -> str:
        return self.sim.ui_lang

    def t(self, key: str, /, **values: Any) -> str:
        return t(key, self.lang, **values)

    def populate(self) -> None:
        """Fill widgets that need data after compose (called on mount and after a language switch)."""

    async def retranslate(self) -> None:
        screen = cast(Screen, self)
        focused = screen.focused.id if screen.focused is not None else None
        await screen.recompose()
        translate_tree(screen, self.lang)
        self.populate()
        # The rebuilt widget with the same id gets the focus back, else the screen's default.
        targets = [f"#{focused}"] if focused else []
        targets += [t.strip() for t in (screen.AUTO_FOCUS or "").split(",") if t.strip()]
        for target in targets:
            found = screen.query(target)
            if found and found.first().focusable:
                found.first().focus()
                break
        screen.refresh_bindings()


class SimScreen(Translated, Screen[None]):
    """A full screen of the app."""

    def on_mount(self) -> None:
        translate_tree(self, self.lang)
        self.populate()
        self.refresh_bindings()


class SimDialog(Translated, ModalScreen[str]):
    """A modal dialog that dismisses with the id of the chosen button."""

    def on_mount(self) -> None:
        translate_tree(self, self.lang)
        self.populate()
        self.refresh_bindings()
