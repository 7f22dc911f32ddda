"""Home ("Today"): a greeting, where you stand, and the keys to everything else."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..domain import words
from ..domain.models import Area, Task
from ..domain.plan import planned_for
from ..messages import DataChanged
from ..widgets.keys import KeyTable


class HomeScreen(Screen[None]):
    """The first screen. Thin: reads counts from the store, shows words from the domain."""

    TITLE = "mastery"
    SUB_TITLE = "Today"

    BINDINGS = [
        Binding("n", "app.do_now", "Do it now", id="home.do_now"),
        Binding("b", "app.brainstorm", "Brainstorm", id="home.brainstorm"),
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        yield Header(icon="◆")
        with VerticalScroll(id="home-scroll"):
            with Vertical(id="home"):
                yield Static(id="home-date", classes="muted")
                yield Static(id="home-greeting", classes="greeting")
                yield Static(id="home-encourage")
                yield Static(id="home-summary")
                yield Static(Content("Planned for today"), classes="section")
                yield Static(id="home-today")
                yield Static(Content("Keys"), classes="section")
                yield KeyTable(app.home_keys(), id="home-keys")  # type: ignore[attr-defined]
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    @on(DataChanged)
    def _data_changed(self, _event: DataChanged) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        now = self.app.clock.now()  # type: ignore[attr-defined]
        tasks = [t for t in store.all(Task) if not t.archived]
        live_areas = {a.id for a in store.all(Area) if not a.archived}
        used = {t.area_id for t in tasks if t.area_id in live_areas}
        self.query_one("#home-date", Static).update(Content(f"{now:%A %-d %B %Y}"))
        self.query_one("#home-greeting", Static).update(Content(words.greeting(now)))
        self.query_one("#home-encourage", Static).update(Content(words.encouragement(now)))
        self.query_one("#home-summary", Static).update(
            Content(words.task_summary(len(tasks), len(used)))
        )
        today = planned_for(tasks, now.date(), live_areas=live_areas)
        self.query_one("#home-today", Static).update(today_lines(today))


TODAY_SHOWN = 3


def today_lines(tasks: list[Task]) -> Content:
    """What is planned for today, a line each: time (or "today"), title, minutes."""
    if not tasks:
        return Content("Nothing planned yet. Press b to brainstorm and plan a tiny task.")
    lines = [
        Content.assemble(
            ((task.plan.time or "today").ljust(7), "bold"), task.title, (f" · {task.minutes} min", "dim")
        )
        for task in tasks[:TODAY_SHOWN]
    ]
    if len(tasks) > TODAY_SHOWN:
        lines.append(Content(f"and {len(tasks) - TODAY_SHOWN} more (b shows them all)"))
    return Content("\n").join(lines)
