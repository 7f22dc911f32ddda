"""At start-up, a session left unfinished (a dropped connection, a closed terminal)."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...commands import dialog_bindings
from ...widgets.footer import Footer

ResumeChoice = Literal["record", "resume", "discard", "new"]


class ResumeScreen(ModalScreen[ResumeChoice | None]):
    """Offer to finish recording, resume the timer, or discard (or, when a new practice was
    asked for, start that one instead). Escape decides later."""

    COMMAND_TABLE = "resume"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    def __init__(
        self,
        title: str,
        started_at: str,
        *,
        can_resume: bool,
        elapsed: str,
        new_title: str | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._started_at = started_at
        self._can_resume = can_resume
        self._elapsed = elapsed
        self._new_title = new_title

    def compose(self) -> ComposeResult:
        question = Content.assemble(
            "You started \u201c", (self._title, "bold"), f"\u201d at {self._started_at}.",
        )
        with Vertical(classes="dialog"):
            yield Static(Content("Welcome back"), classes="dialog-title")
            yield Static(question, id="resume-question")
            yield Static(Content(f"Time on the timer so far: {self._elapsed}."), id="resume-elapsed")
            rows = [("f", "finish recording it")]
            if self._can_resume:
                rows.append(("r", "resume the timer (the time you were away counts)"))
            rows.append(("d", "discard it"))
            if self._new_title is not None:
                rows.append(("s", f"discard it and start \u201c{self._new_title}\u201d instead"))
            rows.append(("escape", "decide later"))
            lines = Content("\n").join(
                Content.assemble((key.ljust(8), "bold"), text) for key, text in rows
            )
            yield Static(lines, classes="dialog-hint")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters and parameters[0] == "resume":
            return self._can_resume
        if action == "choose" and parameters and parameters[0] == "new":
            return self._new_title is not None
        return True

    def action_choose(self, choice: ResumeChoice | None) -> None:
        self.dismiss(choice)
