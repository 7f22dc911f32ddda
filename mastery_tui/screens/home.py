"""Home, the Today dashboard: what's planned, the week, gentle counts, the last reflection
and the coach's suggestion, with a key for everything. Fits 80x24.

Thin: it reads from the store, asks the domain what to say, and shows it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ..commands import bindings, home_grid
from ..domain import care, coach, history, today, words
from ..domain import week as wk
from ..domain.models import Area, Practice, Task, WeekPlan
from ..messages import Change
from ..services import Services
from ..store import StoreError
from ..widgets.footer import Footer
from ..widgets.keys import key_grid
from ..widgets.week_strip import WeekStrip
from .base import Refreshes


# The dashboard reads only what it shows: the coach's weeks, this month's count and the
# running week (never older than 7 days): a long history costs Home no more than a month.
def recent_since(day: date) -> date:
    """The first local day Home needs practices from."""
    return min(day - timedelta(days=coach.RECENT_DAYS), day.replace(day=1), day - timedelta(days=7))


class HomeScreen(Refreshes, Screen[None]):
    """The first screen. It reads the store when first shown, and again once when it comes
    back to the front after a change of a kind it shows (``reads`` counts how often)."""

    TITLE = "mastery"
    SUB_TITLE = "Today"

    COMMAND_TABLE = "home"
    BINDINGS = bindings(COMMAND_TABLE)

    # (MOOD: a practice let go after a mood was typed on its Before screen: nothing saved, but
    # the coach and the day's line hear that mood.)
    shows = frozenset(
        {Change.AREAS, Change.TASKS, Change.PRACTICES, Change.WEEKS, Change.REVIEWS, Change.MOOD}
    )

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.reads = 0
        self._suggestion: coach.Suggestion | None = None
        self._unreadable = ""
        self._care_shown = False
        self._not_today: tuple[WeekPlan, int, str] | None = None  # (week, plan day, task title)
        self._said_not_today = False  # today's plan day was said "not today": the coach waits

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="home-scroll"):
            with Vertical(id="home"):
                yield Static(id="home-greeting", classes="greeting")
                yield Static(id="home-care")
                yield Static(id="home-encourage")
                yield Static(id="home-today-title", classes="section")
                yield Static(id="home-today")
                with Horizontal(id="home-week-row"):
                    yield WeekStrip(id="home-week")
                    yield Static(id="home-week-legend", classes="muted")
                yield Static(id="home-week-note")
                yield Static(id="home-counts")
                yield Static(id="home-reflection-title", classes="section")
                yield Static(id="home-reflection")
                yield Static(id="home-coach-title", classes="section")
                yield Static(id="home-coach")
                yield Static(key_grid(home_grid(), key_width=3), id="home-keys")
                yield Static(id="home-summary", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        self.reads += 1
        services = self.services
        store = services.store
        now = services.now()
        day = now.date()
        tz = now.tzinfo
        areas = store.all(Area)
        live_areas = {a.id for a in areas if not a.archived}
        tasks = services.live_tasks([a for a in areas if not a.archived])
        unreadable = ""
        try:
            since, _ = history.store_window(recent_since(day), None)
            recent: list[Practice] = store.practices(since=since)
        except StoreError as error:  # a damaged month file: say so, change nothing, keep going
            recent, unreadable = [], str(error)
            if unreadable != self._unreadable:
                self.notify(unreadable, title="Couldn't read your practice log", severity="error", timeout=20)
        self._unreadable = unreadable

        greeting = Content.assemble((words.greeting(now), "bold"), "  ", (f"{now:%A} {now.day} {now:%B %Y}", "dim"))
        self._set("#home-greeting", greeting)
        # In a low-mood spell, after a gap or a partly, nothing suggests "harder": a line that asks nothing.
        gentle = True if unreadable else services.nothing_harder(recent)  # unread: ask nothing
        self._set("#home-encourage", Content(words.encouragement(now, gentle=gentle)))
        self._show_care(recent, day, tz)

        status = services.week_status(day)
        self._show_today(status, tasks, live_areas, recent, now, {a.id: a.name for a in areas})
        counts = today.counts_text(recent, day, tz, invite=not self._said_not_today)
        if unreadable:
            counts = "Your recent practices couldn't be read, so they aren't counted here (nothing was changed)."
        self._set("#home-counts", Content(counts))

        self._show_reflection(recent, day, tz)
        self._show_coach(tasks, recent, now, areas)
        summary = self.query_one("#home-summary", Static)
        summary.update(Content(words.task_summary(len(tasks), len({t.area_id for t in tasks}))))
        summary.display = not recent  # a newcomer's orientation; later the counts say more

    def _show_today(
        self,
        status: wk.WeekStatus,
        tasks: list[Task],
        live_areas: set[str],
        recent: list[Practice],
        now: datetime,
        area_names: dict[str, str],
    ) -> None:
        """Today's task(s) and, when a 7-day plan runs, "Day 3 of 7", its strip and note."""
        day = now.date()
        strip = self.query_one("#home-week", WeekStrip)
        row = self.query_one("#home-week-row")
        planned = today.todays_tasks(tasks, live_areas, status, day)
        title = "Today"
        note = ""
        row.display = False
        week = status.week
        not_today = None
        self._said_not_today = False
        if status.phase is wk.Phase.ACTIVE and week is not None:
            title = f"Today · Day {status.day} of 7 · {area_names.get(week.area_id, '')}".rstrip(" ·")
            cells = wk.week_cells(week, recent, day, now.tzinfo)
            strip.show(cells)
            # The shapes on the strip, explained beside it (one space apart to fit one line).
            shown = [state for state in wk.DayState if any(c.state is state for c in cells)]
            self._set("#home-week-legend", Content(home_legend(shown)))
            row.display = True
            note = f"Note for this week: {week.note}" if week.note else ""
            cell = next((c for c in cells if c.is_today), None)
            self._said_not_today = cell is not None and cell.state is wk.DayState.NOT_TODAY
            if cell is not None and cell.state is wk.DayState.TODAY:  # nothing yet, nothing said
                title_today = next((t.title for t in tasks if t.id == cell.task_id), "")
                not_today = (week, cell.number, title_today)
                note = "  ".join(filter(None, [note, "Not today? s says so (and why, if you like)."]))
        elif status.phase is wk.Phase.REVIEW_DUE:
            note = "Your 7 days are done: w looks back at the week and plans the next."
        elif status.phase is wk.Phase.UPCOMING and week is not None:
            note = f"Your 7-day plan starts {today.when_text(wk.week_first(week), day)}."
        else:
            note = "w sets up a 7-day plan: one life area, a tiny task a day."
        if (not_today is None) != (self._not_today is None):
            self.call_after_refresh(self.refresh_bindings)
        self._not_today = not_today
        self._set("#home-today-title", Content(title))
        self._set("#home-today", today_lines(planned))
        self._set("#home-week-note", Content(note))

    def _show_reflection(self, recent: list[Practice], day: date, tz: object) -> None:
        last = today.last_reflection(recent, tz)  # type: ignore[arg-type]
        title = self.query_one("#home-reflection-title", Static)
        body = self.query_one("#home-reflection", Static)
        title.display = body.display = last is not None
        if last is not None:
            title.update(Content(f"Last reflection · {today.when_text(last.day, day)} · {last.task}"))
            body.update(Content(f"“{last.text}”"))

    def _show_coach(self, tasks: list[Task], recent: list[Practice], now: datetime, areas: list[Area]) -> None:
        mood = self.services.typed_mood()  # typed on the Before screen today: the coach hears it
        self._suggestion = coach.suggest(tasks, recent, now=now, mood_now=mood, areas=areas)
        title = self.query_one("#home-coach-title", Static)
        body = self.query_one("#home-coach", Static)
        title.display = body.display = self._suggestion is not None
        if self._suggestion is not None and self._said_not_today:  # nothing asked of today
            title.update(Content("Coach"))
            body.update(Content.assemble(NOT_TODAY_COACH, ("  c", "bold"), (" to see it anyway", "dim")))
        elif self._suggestion is not None:
            title.update(Content(f"Coach · {self._suggestion.heading}"))
            body.update(
                Content.assemble(self._suggestion.why, "  ", ("c", "bold"), (" to decide", "dim"))
            )

    def _show_care(self, recent: list[Practice], day: date, tz: tzinfo | None) -> None:
        """One calm line, at most once a day, while mood has been very low (care rules): no
        dialog, no colour of alarm, no bell; x puts it away until tomorrow."""
        put_away = self.services.store.setting(CARE_SETTING) == day.isoformat()
        shown = not put_away and care.very_low_mood(recent, day, tz)
        line = self.query_one("#home-care", Static)
        line.update(Content.assemble(care.LOW_MOOD_LINE, ("  x puts this away for today", "dim")))
        line.display = shown
        self.query_one("#home-encourage").display = not shown  # one calm line, not two (80x24)
        if shown != self._care_shown:
            self._care_shown = shown
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "put_away_care":
            return self._care_shown
        if action == "not_today":
            return self._not_today is not None
        return True

    @work(exclusive=True, group="home-not-today")
    async def action_not_today(self) -> None:
        """``s``: today's planned day won't happen; recorded with a reason if one is given."""
        if self._not_today is None:
            return
        week, day, title = self._not_today
        from .not_today import NotTodayScreen

        said = await self.app.push_screen_wait(NotTodayScreen(title))
        if said is None:
            return
        reason, words = said
        changed = week.with_skip(day, reason, words, now=self.services.now())
        store = self.services.store
        if self.persist(lambda: store.save(changed), Change.WEEKS):
            self.notify("Noted. Tomorrow is another day.", title="Not today", timeout=4)

    def action_put_away_care(self) -> None:
        """``x``: the low-mood line goes away for today (it says nothing else, asks nothing)."""
        store, day = self.services.store, self.services.today().isoformat()
        self.persist(lambda: store.set_setting(CARE_SETTING, day), Change.SETTINGS)
        self.query_one("#home-care", Static).display = False
        self.query_one("#home-encourage").display = True
        self._care_shown = False
        self.refresh_bindings()

    def _set(self, selector: str, content: Content) -> None:
        self.query_one(selector, Static).update(content)

    def action_coach(self) -> None:
        """``c``: the coach's suggestion, to accept, swap for another, or let go."""
        if self._suggestion is None:
            if self._said_not_today:
                words = NOT_TODAY_COACH
            elif self.services.practised_before():
                words = (
                    "Welcome back. The coach reads your last four weeks: after a practice or two "
                    "it has ideas again. n starts one, any size."
                )
            else:
                words = "The coach needs a few practices to go on. Record one with n."
            self.notify(words, title="Coach")
            return
        from .coach import open_coach

        open_coach(self.app, self.services, first=self._suggestion)


TODAY_SHOWN = 3
NOT_TODAY_COACH = "Not today, and that's allowed: the coach can wait."
LEGEND_ROOM = 43  # columns beside the strip at 80x24
# What a legend too long for one line leaves to speak for itself, first to last: the dots
# still to come, today's brackets, the tick of a day done, the half circle of a day partly
# done (the review's strip explains them all).
SELF_EVIDENT = (wk.DayState.UPCOMING, wk.DayState.TODAY, wk.DayState.DONE, wk.DayState.PARTLY)


def home_legend(shown: list[wk.DayState]) -> str:
    """The shapes on Home's strip, explained in one line beside it (one space apart)."""
    states = list(shown)
    text = " ".join(f"{wk.SHAPES[s]} {s.value}" for s in states)
    for plain in SELF_EVIDENT:
        if len(text) <= LEGEND_ROOM:
            break
        states = [s for s in states if s is not plain]
        text = " ".join(f"{wk.SHAPES[s]} {s.value}" for s in states)
    return text
CARE_SETTING = "care_line_put_away"  # the day the low-mood line was put away


def today_lines(tasks: list[Task]) -> Content:
    """What is planned for today, a line each: time (or "today"), title, minutes."""
    if not tasks:
        return Content("Nothing planned for today. n picks any task; b brainstorms new ones.")
    lines = [
        Content.assemble(
            ((task.plan.time or "today").ljust(7), "bold"), task.title, (f" · {task.minutes} min", "dim")
        )
        for task in tasks[:TODAY_SHOWN]
    ]
    if len(tasks) > TODAY_SHOWN:
        lines.append(Content(f"and {len(tasks) - TODAY_SHOWN} more (n shows them all)"))
    return Content("\n").join(lines)
