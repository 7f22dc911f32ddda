"""What every form with typed answers shares: knowing whether anything changed, asking before
throwing changes away, and keeping a draft when the connection drops.

A form mixes in ``Editor`` and gives it four things: ``draft_key`` (one per thing edited, e.g.
``task:new:<area id>``), ``draft_title`` (how "Welcome back" names it), ``form_values()`` (the
fields as JSON-safe values) and ``fill(values)``. Then:

- ``start_editing()`` (from ``on_mount``) remembers the fields as they started and, if a draft
  of this same form was kept, puts it back exactly and says so;
- escape (``action_leave``) closes at once when nothing changed and asks "Leave without
  saving?" otherwise, the same question on every form;
- ``save_state()`` (hang-up, SIGTERM, quit) keeps a draft of a changed form, never a record:
  nothing is saved as if the person had chosen to save it;
- ``finished_editing()`` after a successful save drops the draft.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual import work
from textual.content import Content
from textual.screen import Screen

from ..domain.clock import parse_iso, utc_iso
from ..domain.text import strip_controls
from ..services import Services
from ..store import Store, StoreError
from .confirm import ConfirmScreen

JSON = Any


def clean_values(values: JSON) -> JSON:
    """Typed text is data: strip control and escape characters, keep everything else."""
    if isinstance(values, str):
        return strip_controls(values, multiline=True)
    if isinstance(values, dict):
        return {str(k): clean_values(v) for k, v in values.items()}
    if isinstance(values, list | tuple):
        return [clean_values(v) for v in values]
    return values


class Editor:
    """Mixin for a ``Screen`` or ``ModalScreen`` (put it first in the bases)."""

    QUIT_KEY = False  # a stray q in a form is a typo, not a wish to leave (ctrl+q still quits)
    services: Services  # set by the screen's constructor
    draft_key: str = ""
    draft_title: str = "what you were typing"
    draft_route: dict[str, Any] = {}  # what "Welcome back" needs to open this form again
    leave_detail: str = "What you typed here hasn't been saved."

    _pristine: JSON = None
    _finished: bool = False
    restored_from: datetime | None = None

    def form_values(self) -> JSON:
        raise NotImplementedError

    def fill(self, values: JSON) -> None:
        raise NotImplementedError

    def leave(self) -> None:
        """Close without saving (subclasses: usually ``self.dismiss(None)``)."""
        assert isinstance(self, Screen)
        self.dismiss(None)

    # -- the draft ---------------------------------------------------------------------------

    @property
    def _store(self) -> Store:
        return self.services.store

    def start_editing(self) -> None:
        """Call once the fields hold their starting values (end of ``on_mount``)."""
        self._pristine = clean_values(self.form_values())
        if not self.draft_key:
            return
        try:
            draft = self._store.draft(self.draft_key)
        except StoreError:
            return
        if not draft or draft.get("values") == self._pristine:
            return
        self.fill(draft["values"])
        try:
            self.restored_from = parse_iso(str(draft.get("saved", "")))
        except ValueError:
            self.restored_from = None
        assert isinstance(self, Screen)
        when = ""
        if self.restored_from is not None:
            local = self.restored_from.astimezone(self.services.now().tzinfo)
            when = f" ({local:%a %-d %b %H:%M})"
        self.notify(
            Content(f"What you typed before{when} is back. ctrl+s saves it; escape asks first."),
            title="Welcome back",
            timeout=8,
        )

    @property
    def dirty(self) -> bool:
        return not self._finished and clean_values(self.form_values()) != self._pristine

    def mark_saved(self) -> None:
        """Saved, and the form stays open: what it holds now is the new starting point."""
        self._pristine = clean_values(self.form_values())
        self._drop_draft()

    def finished_editing(self) -> None:
        """The form was saved (or its changes knowingly discarded): drop any draft."""
        self._finished = True
        self._drop_draft()

    def _drop_draft(self) -> None:
        if self.draft_key:
            try:
                self._store.clear_draft(self.draft_key)
            except StoreError:
                pass  # the draft stays; it is offered again, never lost

    def save_state(self) -> None:
        """On hang-up, SIGTERM or quit: keep what was typed as a draft (not as a record)."""
        if not self.draft_key or not self.dirty:
            return
        self._store.save_draft(
            self.draft_key,
            {
                "title": self.draft_title,
                "route": self.draft_route,
                "values": clean_values(self.form_values()),
                "saved": utc_iso(self.services.now()),
            },
        )

    # -- escape ------------------------------------------------------------------------------

    @work(exclusive=True, group="editor-leave")
    async def action_leave(self) -> None:
        """escape: close; with changes, ask first (the same question on every form)."""
        assert isinstance(self, Screen)
        if self.dirty:
            discard = await self.app.push_screen_wait(
                ConfirmScreen(
                    "Leave without saving?", self.leave_detail, yes="Discard changes", no="Keep editing"
                )
            )
            if not discard:
                return
        self.finished_editing()
        self.leave()
