"""One practice in full, from the log: every field of the worksheet row, nothing cut.

e edits it (screens/practice_edit.py), d deletes it after asking, escape goes back. Returns
a DetailOutcome so the log knows whether to read the practices again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..domain.bands import band_word
from ..domain.clock import parse_iso
from ..domain.history import local_start, signed
from ..domain.models import Practice, completion_label
from ..domain.reflect import spent_text
from .confirm import ConfirmScreen
from .practice.adjust import OBSTACLE_LABELS


@dataclass(frozen=True)
class DetailOutcome:
    """The practice as it is now; ``changed`` when it was edited or deleted."""

    practice: Practice
    changed: bool = False
    deleted: bool = False


def _pair(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return "not rated"
    if after is None:
        return f"{before} before · not rated after"
    if before is None:
        return f"not rated before · {after} after"
    return f"{before} → {after} ({signed(after - before)})"


def detail_rows(practice: Practice, area_name: str, tz: tzinfo | None) -> list[tuple[str, str]]:
    """(label, text) for every field a person wrote or the timer measured."""
    p = practice
    start = local_start(p, tz)
    when = f"{start:%A %-d %B %Y}, {start:%H:%M}"
    if p.ended is not None:
        end = parse_iso(p.ended).astimezone(tz)
        when += f"–{end:%H:%M}" if end.date() == start.date() else f" to {end:%a %-d %b %H:%M}"
    felt = "not rated" if p.difficulty is None else (
        f"{p.difficulty} · {band_word(p.difficulty, 'difficulty')}"
    )
    obstacles = " · ".join(OBSTACLE_LABELS.get(o, o.value) for o in p.obstacles)
    return [
        ("Task", p.task_title),
        ("Life area", area_name or ("a quick task" if p.area_id is None else "a removed area")),
        ("When", when),
        ("Time spent", f"{spent_text(p.seconds_spent)} (planned {p.planned_minutes} min)"),
        ("Did it", completion_label(p.completion)),
        ("Felt", felt),
        ("Mood", _pair(p.mood_before, p.mood_after)),
        ("Confidence", _pair(p.confidence_before, p.confidence_after)),
        ("In the way", obstacles or "nothing noted"),
        ("Reflection", p.reflection or "nothing written"),
        ("Note", p.note or "nothing written"),
    ]


class PracticeDetailScreen(Screen[DetailOutcome]):
    SUB_TITLE = "A practice"

    BINDINGS = [
        Binding("e", "edit", "Edit", id="practice_detail.edit"),
        Binding("d,delete", "delete", "Delete", id="practice_detail.delete"),
        Binding("escape", "back", "Back", id="practice_detail.back"),
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
    ]

    DEFAULT_CSS = """
    PracticeDetailScreen #detail-body { align-horizontal: center; }
    PracticeDetailScreen #detail { width: 100%; max-width: 78; height: auto; padding: 1 2 0 2; }
    PracticeDetailScreen .detail-row { height: auto; }
    PracticeDetailScreen .detail-label { width: 13; text-style: bold; }
    PracticeDetailScreen .detail-value { width: 1fr; }
    PracticeDetailScreen #detail-stamp { margin-top: 1; }
    """

    def __init__(self, practice: Practice, *, area_name: str) -> None:
        super().__init__()
        self.practice = practice
        self.area_name = area_name
        self.changed = False

    def compose(self) -> ComposeResult:
        tz = self.app.clock.now().tzinfo  # type: ignore[attr-defined]
        yield Header(icon="◆")
        with VerticalScroll(id="detail-body"):
            with Vertical(id="detail"):
                for label, text in detail_rows(self.practice, self.area_name, tz):
                    with Horizontal(classes="detail-row"):
                        yield Static(Content(label), classes="detail-label")
                        yield Static(Content(text), classes="detail-value")
                updated = parse_iso(self.practice.updated).astimezone(tz)
                yield Static(
                    Content(f"Last changed {updated:%a %-d %b %Y %H:%M} · e edits · d deletes"),
                    id="detail-stamp",
                    classes="muted",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body", VerticalScroll).focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#detail-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_edit(self) -> None:
        from .practice_edit import PracticeEditScreen

        def edited(practice: Practice | None) -> None:
            if practice is not None:
                self.practice = practice
                self.changed = True
                self.refresh(recompose=True)
                self.call_after_refresh(self._focus_body)

        self.app.push_screen(PracticeEditScreen(self.practice), edited)

    def _focus_body(self) -> None:
        self.query_one("#detail-body", VerticalScroll).focus()

    def action_delete(self) -> None:
        practice = self.practice
        message = Content.assemble("“", practice.task_title, "” will be gone for good.")

        def answer(yes: bool | None) -> None:
            store = self.app.store  # type: ignore[attr-defined]
            if yes and self.app.persist(lambda: store.delete_practice(practice), "practices"):  # type: ignore[attr-defined]
                self.app.notify("Deleted that practice.", title="Log")
                self.dismiss(DetailOutcome(practice, changed=True, deleted=True))

        self.app.push_screen(
            ConfirmScreen("Delete this practice?", message, yes="Delete", no="Keep it"), answer
        )

    def action_back(self) -> None:
        self.dismiss(DetailOutcome(self.practice, changed=self.changed))

    def system_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            ("Edit practice", "Change any field of this practice", self.action_edit),
            ("Delete practice", "Remove this practice for good (asks first)", self.action_delete),
        ]
