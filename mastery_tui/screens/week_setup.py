"""Day 0 of a 7-day plan (`w` on Home): one life area, at least five tiny tasks, days if wanted.

Step 1 chooses the area; step 2 brainstorms on the existing brainstorm screen (opened on
that area straight away while it has fewer than five tasks) and shows the count; step 3
optionally puts a task on each day and chooses Day 1 (tomorrow, or today). Escape asks
before letting the choices go; the tasks themselves are saved as they are written.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import ContentSwitcher, Header, OptionList, Static
from textual.widgets.option_list import Option

from ..commands import bindings, dialog_bindings
from ..domain import week as wk
from ..domain.models import Area, Task, WeekPlan
from ..messages import Change
from ..services import Services
from ..widgets.footer import Footer
from ..widgets.marked_list import MarkedOptionList
from .base import Refreshes
from .brainstorm_lists import area_prompt
from .confirm import ConfirmScreen

NONE = "__none__"
TASKS_SHOWN = 10


def day_label(day: date) -> str:
    """"Tue 24 Nov"."""
    return f"{day:%a} {day.day} {day:%b}"


class DayTaskScreen(ModalScreen[str | None]):
    """Which task on one day: a task id, "" for none (choose on the day), None on escape."""

    COMMAND_TABLE = "day_task"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    DayTaskScreen OptionList { height: auto; max-height: 14; }
    """

    def __init__(self, title: str, tasks: list[Task], current: str | None) -> None:
        super().__init__()
        self._title = title
        self._tasks = tasks
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield MarkedOptionList(id="pick-list")
            yield Static(
                Content.assemble(("enter", "bold"), " choose   ", ("escape", "bold"), " back"),
                classes="dialog-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one("#pick-list", MarkedOptionList)
        rows = [Option(Content("None: choose on the day"), id=NONE)]
        rows += [Option(Content(f"{t.title} · {t.minutes} min"), id=t.id) for t in self._tasks]
        listing.set_marked_options(rows)
        ids = [NONE, *(t.id for t in self._tasks)]
        listing.highlighted = ids.index(self._current) if self._current in ids else 0
        listing.focus()

    @on(OptionList.OptionSelected, "#pick-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss("" if event.option.id == NONE else event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class WeekSetupScreen(Refreshes, Screen[WeekPlan | None]):
    """Returns the saved WeekPlan, or None when left. ``week``: an upcoming week to redo
    (saved under the same id)."""

    SUB_TITLE = "Day 0: set up the week"

    COMMAND_TABLE = "week_setup"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    WeekSetupScreen #setup { height: 1fr; padding: 0 1; }
    WeekSetupScreen .step-title { text-style: bold; padding: 1 1 0 1; }
    WeekSetupScreen .step-intro { padding: 0 1 1 1; }
    WeekSetupScreen #setup-count { text-style: bold; padding: 0 1 1 1; }
    WeekSetupScreen #setup-tasks { padding: 0 1; height: auto; }
    WeekSetupScreen .step-hint { color: $text-muted; padding: 1 1 0 1; }
    WeekSetupScreen OptionList {
        border: round $border-blurred; padding: 0; height: auto; max-height: 9; width: 64;
        &:focus { border: round $border; }
    }
    """

    def __init__(self, services: Services, week: WeekPlan | None = None) -> None:
        super().__init__()
        self.services = services
        self._editing = week
        self._areas: list[Area] = []
        self._area: Area | None = None
        self._tasks: list[Task] = []
        self._assigned: dict[int, str] = dict(week.assignments) if week else {}
        # A week set up before (the next one, made from a review) keeps its Day 1.
        self._start_today = week is not None and week.start == services.today().isoformat()
        self._step = 1

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with ContentSwitcher(initial="step-1", id="setup"):
            with Vertical(id="step-1"):
                yield Static(Content("Step 1 of 3 · Choose one life area"), classes="step-title")
                yield Static(
                    Content(
                        "A week stays in one area, so the small successes add up. "
                        "The number is how many of its tasks pass the bad-day test."
                    ),
                    classes="step-intro",
                )
                yield MarkedOptionList(id="setup-areas")
                yield Static(
                    Content("↑↓ move · enter chooses · escape leaves"), classes="step-hint"
                )
            with Vertical(id="step-2"):
                yield Static(id="step-2-title", classes="step-title")
                yield Static(
                    Content("Tiny tasks, each one you could honestly do on a bad day."),
                    classes="step-intro",
                )
                yield Static(id="setup-count")
                yield Static(id="setup-tasks")
                yield Static(id="step-2-hint", classes="step-hint")
            with Vertical(id="step-3"):
                yield Static(
                    Content("Step 3 of 3 · A task for each day? (optional)"), classes="step-title"
                )
                yield Static(id="setup-start", classes="step-intro")
                yield MarkedOptionList(id="setup-days")
                yield Static(
                    Content(
                        "enter picks a task for the highlighted day. Days left open: "
                        "choose any task of the area that day."
                    ),
                    classes="step-hint",
                )
        yield Footer()

    def on_mount(self) -> None:
        self._areas = self.services.store.areas()
        listing = self.query_one("#setup-areas", MarkedOptionList)
        # Only tasks that pass the bad-day question count towards a week (SKILL.md), here too.
        counts = {
            a.id: sum(1 for t in self.services.store.tasks(area_id=a.id) if t.bad_day_ok)
            for a in self._areas
        }
        listing.set_marked_options(Option(area_prompt(a, counts[a.id]), id=a.id) for a in self._areas)
        ids = [a.id for a in self._areas]
        preset = self._editing.area_id if self._editing else None
        listing.highlighted = ids.index(preset) if preset in ids else (0 if ids else None)
        listing.focus()

    @property
    def _today(self) -> date:
        return self.services.today()

    @property
    def step(self) -> int:
        return self._step

    @property
    def start(self) -> date:
        """Day 1 of the week being set up."""
        return self._today if self._start_today else self._today + timedelta(days=1)

    def _show_step(self, step: int) -> None:
        self._step = step
        self.query_one(ContentSwitcher).current = f"step-{step}"
        # A hidden list must not take the focus back when a dialog closes.
        self.query_one("#setup-areas").disabled = step != 1
        self.query_one("#setup-days").disabled = step != 3
        if step == 1:
            self.query_one("#setup-areas").focus()
        elif step == 2:
            self.set_focus(None)
            self._show_tasks()
        else:
            self._show_days()
            self.query_one("#setup-days").focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        step = self._step
        if action in ("next", "brainstorm"):
            return step == 2
        if action == "start_today":
            return step == 3 and parameters[0] != self._start_today
        if action == "save":
            return step == 3
        if action == "skip_days":
            return step == 3 and not self._assigned
        if action == "back_step":
            return step > 1
        return True

    # -- step 1: the area -------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#setup-areas")
    def _area_chosen(self, event: OptionList.OptionSelected) -> None:
        area = next((a for a in self._areas if a.id == event.option.id), None)
        if area is None:
            return
        if self._area is not None and self._area.id != area.id:
            self._assigned = {}
        self._area = area
        self._show_step(2)
        if self._fitting < wk.MIN_TASKS:
            self.action_brainstorm()

    # -- step 2: the tasks ------------------------------------------------------------------

    def _show_tasks(self) -> None:
        area = self._area
        if area is None:
            return
        self._tasks = self.services.store.tasks(area_id=area.id)
        live = {t.id for t in self._tasks}
        self._assigned = {day: tid for day, tid in self._assigned.items() if tid in live}
        count = self._fitting
        self.query_one("#step-2-title", Static).update(
            Content.assemble("Step 2 of 3 · Tiny tasks for ", area.name)
        )
        self.query_one("#setup-count", Static).update(Content(wk.tasks_count_text(count)))
        lines = [Content(f"· {t.title} · {t.minutes} min") for t in self._tasks[:TASKS_SHOWN]]
        if len(self._tasks) > TASKS_SHOWN:
            lines.append(Content(f"and {len(self._tasks) - TASKS_SHOWN} more"))
        self.query_one("#setup-tasks", Static).update(Content("\n").join(lines))
        unsaid = sum(1 for t in self._tasks if t.bad_day_ok is None)
        if count >= wk.MIN_TASKS:
            hint = "b brainstorms more · enter goes on to the days"
        elif unsaid:
            hint = (
                "b opens the brainstorm on this area: e there answers the bad-day question for "
                f"the {unsaid} not said yet, n adds a task"
            )
        else:
            hint = "b opens the brainstorm on this area: n adds a task there"
        self.query_one("#step-2-hint", Static).update(Content(hint))

    @work(exclusive=True, group="week-setup")
    async def action_brainstorm(self) -> None:
        if self._area is None:
            return
        from .brainstorm import BrainstormScreen

        await self.app.push_screen_wait(BrainstormScreen(self.services, area_id=self._area.id))
        self._show_tasks()

    @property
    def _fitting(self) -> int:
        """Tasks that pass the bad-day question: only these count toward the 5 (SKILL.md)."""
        return sum(1 for t in self._tasks if t.bad_day_ok)

    def action_next(self) -> None:
        if self._fitting < wk.MIN_TASKS:
            more = wk.MIN_TASKS - self._fitting
            self.notify(
                f"A week needs {wk.MIN_TASKS} tiny tasks to choose from: {more} more. "
                "b opens the brainstorm.",
                title="Almost there",
            )
            return
        self._show_step(3)

    # -- step 3: days and start -------------------------------------------------------------

    def _show_days(self, highlight: int | None = None) -> None:
        titles = {t.id: t.title for t in self._tasks}
        first = self.start
        when = "today" if self._start_today else "tomorrow"
        self.query_one("#setup-start", Static).update(
            Content(f"Day 1 is {when}, {day_label(first)}. Day 7 is {day_label(first + timedelta(days=6))}.")
        )
        listing = self.query_one("#setup-days", MarkedOptionList)
        current = listing.highlighted if highlight is None else highlight
        rows = []
        for number in range(1, wk.DAYS + 1):
            day = first + timedelta(days=number - 1)
            task = titles.get(self._assigned.get(number, ""))
            label = Content.assemble(
                (f"Day {number}  {day_label(day):<10}  ", "bold"),
                task if task else ("· choose on the day", "dim"),
            )
            rows.append(Option(label, id=str(number)))
        listing.set_marked_options(rows)
        listing.highlighted = current if current is not None else 0

    @on(OptionList.OptionSelected, "#setup-days")
    def _day_chosen(self, event: OptionList.OptionSelected) -> None:
        self._pick_day(int(event.option.id or "1"))

    @work(exclusive=True, group="week-setup")
    async def _pick_day(self, number: int) -> None:
        day = self.start + timedelta(days=number - 1)
        title = f"Day {number} · {day_label(day)}: which task?"
        task_id = await self.app.push_screen_wait(
            DayTaskScreen(title, self._tasks, self._assigned.get(number))
        )
        if task_id is None:
            return
        if task_id:
            self._assigned[number] = task_id
        else:
            self._assigned.pop(number, None)
        self._show_days(highlight=min(number, wk.DAYS - 1))
        self.refresh_bindings()

    def action_start_today(self, today: bool) -> None:
        self._start_today = today
        self._show_days()
        self.refresh_bindings()

    def action_skip_days(self) -> None:
        self._assigned = {}
        self.action_save()

    def action_save(self) -> None:
        if self._area is None or self._step != 3:
            return
        now = self.services.now()
        fresh = wk.new_week(self._area.id, self.start, self._assigned.items(), now=now)
        week = fresh
        if self._editing is not None:
            week = self._editing.edit(
                now=now, start=fresh.start, area_id=fresh.area_id, assignments=fresh.assignments
            )
        if self.persist(lambda: self.services.store.save(week), Change.WEEKS):
            when = "today" if self._start_today else "tomorrow"
            self.notify(f"Day 1 is {when}, {day_label(self.start)}. One small step a day.", title="Week set")
            self.dismiss(week)

    # -- leaving ----------------------------------------------------------------------------

    def action_back_step(self) -> None:
        if self._step > 1:
            self._show_step(self._step - 1)

    @work(exclusive=True, group="week-setup")
    async def action_leave(self) -> None:
        if self._area is not None:
            message = "The area and days chosen here will be let go. Tasks you wrote stay saved."
            ask = ConfirmScreen("Leave the week setup?", message, yes="Leave", no="Stay")
            if not await self.app.push_screen_wait(ask):
                return
        self.dismiss(None)
