"""The weekly reviews, newest first, from the log (`v`): the review is part of the worksheet.

Enter opens one read-only (``SavedReviewScreen``, where `e` edits it); escape goes back.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..commands import dialog_bindings
from ..domain.models import Area, Review, WeekPlan
from ..services import Services
from ..widgets.footer import Footer
from ..widgets.marked_list import MarkedOptionList

LINE = 62  # what fits on one line of the dialog at 80 columns


def review_line(review: Review, week: WeekPlan | None, area_names: dict[str, str]) -> Content:
    """"Week of Sat 14 Nov · School & studying · Study before dinner, not af…"."""
    if week is None:
        heading = "A removed week"
    else:
        start = date.fromisoformat(week.start)
        heading = f"Week of {start:%a} {start.day} {start:%b} · {area_names.get(week.area_id, 'a life area')}"
    said = review.adjustments or review.strongest or review.obstacles_text
    said = " ".join(said.split())
    room = LINE - len(heading) - 3
    if room < 8:
        said = ""
    elif len(said) > room:
        said = said[: room - 1].rstrip() + "…"
    return Content.assemble((heading, "bold"), (f" · {said}" if said else "", "dim"))


class ReviewListScreen(ModalScreen[None]):
    """Pick a saved weekly review to read."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    COMMAND_TABLE = "reviews"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    ReviewListScreen #reviews-box { width: 76; }
    ReviewListScreen #reviews-list { height: auto; max-height: 14; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="reviews-box", classes="dialog"):
            yield Static(Content("Weekly reviews"), classes="dialog-title")
            yield MarkedOptionList(id="reviews-list")
            yield Static(id="reviews-empty")
        yield Footer()

    def on_mount(self) -> None:
        store = self.services.store
        weeks = {w.id: w for w in store.all(WeekPlan)}
        names = {a.id: a.name for a in store.all(Area)}
        reviews = store.all(Review)
        reviews.sort(
            key=lambda r: (weeks[r.week_id].start if r.week_id in weeks else "", r.updated), reverse=True
        )
        self._reviews = {r.id: r for r in reviews}
        listing = self.query_one("#reviews-list", MarkedOptionList)
        listing.set_marked_options(
            Option(review_line(r, weeks.get(r.week_id), names), id=r.id) for r in reviews
        )
        empty = self.query_one("#reviews-empty", Static)
        empty.display = not reviews
        listing.display = bool(reviews)
        empty.update(
            Content(
                "No weekly reviews yet. At day 7 of a 7-day plan, w on Home looks back at the week."
            )
        )
        if reviews:
            listing.highlighted = 0
            listing.focus()

    @on(OptionList.OptionSelected, "#reviews-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def action_open(self) -> None:
        listing = self.query_one("#reviews-list", MarkedOptionList)
        if listing.highlighted is not None:
            self._open(listing.options[listing.highlighted].id)

    def _open(self, review_id: str | None) -> None:
        review = self._reviews.get(review_id or "")
        if review is not None:
            from .week_review import SavedReviewScreen

            self.app.push_screen(SavedReviewScreen(self.services, review))

    def action_back(self) -> None:
        self.dismiss(None)

