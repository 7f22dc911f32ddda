"""One practice in full, from the log: every field of the worksheet row, nothing cut.

e edits it (screens/practice_edit.py), d deletes it after asking, escape goes back. Returns
a DetailOutcome so the log knows whether to read the practices again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ..commands import bindings
from ..domain.bands import band_word
from ..domain.clock import parse_iso
from ..domain.history import local_start, signed
from ..domain.models import Practice, completion_label
from ..domain.reflect import spent_text
from ..messages import Change
from ..services import Services
from ..widgets.footer import Footer
from .base import Refreshes
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
        end = parse_iso(p.ended).astimezone(start.tzinfo)  # on the clock where it began
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


class PracticeDetailScreen(Refreshes, Screen[DetailOutcome]):
    SUB_TITLE = "A practice"

    COMMAND_TABLE = "practice_detail"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    PracticeDetailScreen #detail-body { align-horizontal: center; }
    PracticeDetailScreen #detail { width: 100%; max-width: 78; height: auto; padding: 1 2 0 2; }
    PracticeDetailScreen .detail-row { height: auto; }
    PracticeDetailScreen .detail-label { width: 13; text-style: bold; }
    PracticeDetailScreen .detail-value { width: 1fr; }
    PracticeDetailScreen #detail-stamp { margin-top: 1; }
    """

    def __init__(self, services: Services, practice: Practice, *, area_name: str) -> None:
        super().__init__()
        self.services = services
        self.practice = practice
        self.area_name = area_name
        self.changed = False

    def compose(self) -> ComposeResult:
        tz = self.services.now().tzinfo
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

    @work(exclusive=True, group="practice-detail")
    async def action_edit(self) -> None:
        from .practice_edit import PracticeEditScreen

        practice = await self.app.push_screen_wait(PracticeEditScreen(self.services, self.practice))
        if practice is not None:
            self.practice = practice
            self.changed = True
            await self.recompose()  # (then focus: a callback after the next refresh could
            self._focus_body()  # run before the new widgets are there, on a busy machine)

    def _focus_body(self) -> None:
        self.query_one("#detail-body", VerticalScroll).focus()

    @work(exclusive=True, group="practice-detail")
    async def action_delete(self) -> None:
        practice = self.practice
        message = Content.assemble("“", practice.task_title, "” will be gone for good.")
        ask = ConfirmScreen("Delete this practice?", message, yes="Delete", no="Keep it")
        if not await self.app.push_screen_wait(ask):
            return
        store = self.services.store
        if self.persist(lambda: store.delete_practice(practice), Change.PRACTICES):
            self.app.notify("Deleted that practice.", title="Log")
            self.dismiss(DetailOutcome(practice, changed=True, deleted=True))

    def action_back(self) -> None:
        self.dismiss(DetailOutcome(self.practice, changed=self.changed))
