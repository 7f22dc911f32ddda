"""Welcome back: what was being typed when the connection dropped (kept by ``Editor`` as a
draft) is offered again at the next start, newest first: reopen it (the form opens with
everything exactly as it was), discard it, or decide later (it stays kept and comes back the
next time that form opens)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..commands import dialog_bindings
from ..domain.clock import parse_iso
from ..domain.models import Area, Note, Task, WeekPlan
from ..messages import Change
from ..services import Services
from ..store import StoreError
from ..widgets.footer import Footer
from .base import persist

DraftChoice = Literal["reopen", "discard"]


class DraftScreen(ModalScreen[DraftChoice | None]):
    COMMAND_TABLE = "draft"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    def __init__(self, title: str, when: str) -> None:
        super().__init__()
        self._title = title
        self._when = when

    def compose(self) -> ComposeResult:
        rows = [
            ("enter", "reopen it, just as it was"),
            ("d", "discard it"),
            ("escape", "later (it stays kept)"),
        ]
        with Vertical(classes="dialog"):
            yield Static(Content("Welcome back"), classes="dialog-title")
            yield Static(
                Content(f"You were writing {self._title}{self._when}. It was kept."),
                id="draft-question",
            )
            yield Static(
                Content("\n").join(Content.assemble((k.ljust(8), "bold"), t) for k, t in rows),
                classes="dialog-hint",
            )
        yield Footer()

    def action_choose(self, choice: DraftChoice | None) -> None:
        self.dismiss(choice)


def _when(services: Services, draft: dict[str, Any]) -> str:
    try:
        saved = parse_iso(str(draft.get("saved", ""))).astimezone(services.now().tzinfo)
    except ValueError:
        return ""
    return f" ({saved:%a %-d %b, %H:%M})"


def reopen_screen(services: Services, route: dict[str, Any]) -> Screen[Any] | None:
    """The form a draft belongs to, or None when what it edited is gone."""
    store, kind = services.store, route.get("kind")
    if kind == "task":
        from .task_form import TaskFormScreen

        area = store.get(Area, str(route.get("area_id")))
        task = store.get(Task, str(route["task_id"])) if route.get("task_id") else None
        if area is None or (route.get("task_id") and task is None):
            return None
        order = route.get("order") if isinstance(route.get("order"), int) else 0
        return TaskFormScreen(services, area=area, task=task, order=order, today=services.now().weekday())
    if kind == "note":
        from .notes import NoteEditorScreen

        note = store.get(Note, str(route["note_id"])) if route.get("note_id") else None
        if route.get("note_id") and note is None:
            return None
        return NoteEditorScreen(services, note)
    if kind == "practice":
        from .practice_edit import PracticeEditScreen

        try:
            day = parse_iso(str(route.get("started"))).date()
        except ValueError:
            return None
        near = store.practices(since=day - timedelta(days=1), until=day + timedelta(days=1))
        practice = next((p for p in near if p.id == route.get("practice_id")), None)
        return None if practice is None else PracticeEditScreen(services, practice)
    if kind == "review":
        from .week_review import WeekReviewScreen

        week = store.get(WeekPlan, str(route.get("week_id")))
        return None if week is None else WeekReviewScreen(services, week)
    return None


async def offer_drafts(app: App[Any], services: Services) -> None:
    """Offer each kept draft, newest first, until the person says "later"."""
    try:
        drafts = sorted(services.store.drafts(), key=lambda d: str(d.get("saved", "")), reverse=True)
    except StoreError:
        return
    for draft in drafts:
        title = str(draft.get("title") or "something")
        choice = await app.push_screen_wait(DraftScreen(title, _when(services, draft)))
        if choice is None:
            return
        key = str(draft.get("key", ""))
        route = draft.get("route") if isinstance(draft.get("route"), dict) else {}
        try:
            screen = reopen_screen(services, route) if choice == "reopen" else None
        except StoreError as error:
            app.notify(str(error), title="Couldn't reopen it", severity="error", timeout=10)
            return
        if choice == "reopen" and screen is not None:
            await app.push_screen_wait(screen)
            continue
        if choice == "reopen":
            app.notify(
                f"{title[:1].upper()}{title[1:]} can't be reopened: what it belonged to was "
                "removed, so the draft was let go.",
                title="Welcome back",
                markup=False,
            )
        persist(app, lambda key=key: services.store.clear_draft(key), Change.DRAFTS)
