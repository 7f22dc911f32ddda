"""Services: the store, the clock, and the questions several screens ask of them. No Textual.

Built once in ``__main__`` (tests build it on a store in ``tmp_path`` and a fake clock) and
passed into every screen's constructor, so a screen reaches its data through typed names,
never through ``self.app``. The queries here are the ones more than one screen shares: live
tasks in live areas, the week's status, today's tasks, the coach's suggestions, and whether
the low-mood care rule holds (so nothing suggests "harder").

It also carries one thing of this run of the app: the mood last typed on the Before screen
today (``typed_mood``), recorded or not, so the coach is gentle in that session straight away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .domain import care, coach
from .domain import week as wk
from .domain.clock import Clock
from .domain.coach import Suggestion
from .domain.history import store_window
from .domain.models import Area, Practice, Review, Task, WeekPlan
from .domain.today import todays_tasks
from .store import Store, StoreError


@dataclass
class Services:
    store: Store
    clock: Clock
    on_done: str | None = None  # --on-done for this run, else config.toml's; else the setting
    demo: bool = False
    theme: str | None = None  # config.toml's theme, over the one last chosen in the palette
    keymap: dict[str, str] = field(default_factory=dict)  # config.toml's [keys], checked
    notices: list[str] = field(default_factory=list)  # what config.toml got wrong, one line each
    ascii_only: bool = False  # the terminal can't show UTF-8 (ascii_mode.py), or --ascii
    _typed_mood: tuple[date, int] | None = field(default=None, repr=False)

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.clock.now().date()

    @property
    def on_done_command(self) -> str:
        """What to run when a timer reaches zero: --on-done, else the on_done setting."""
        if self.on_done is not None:
            return self.on_done
        return str(self.store.setting("on_done", "") or "")

    # -- what several screens show ----------------------------------------------------------

    def live_areas(self) -> list[Area]:
        """Areas not archived, in their order."""
        return self.store.areas()

    def live_tasks(self, areas: list[Area] | None = None) -> list[Task]:
        """Tasks not archived, in areas not archived, in their order."""
        live = {a.id for a in (areas if areas is not None else self.live_areas())}
        return [t for t in self.store.tasks() if t.area_id in live]

    def week_status(self, day: date | None = None) -> wk.WeekStatus:
        return wk.week_status(self.store.all(WeekPlan), self.store.all(Review), day or self.today())

    def todays_tasks(self) -> tuple[list[Task], list[Task]]:
        """What to offer for "do it now": the tasks planned for today (the week's first), then
        every other live task."""
        areas = self.live_areas()
        live = {a.id for a in areas}
        tasks = self.live_tasks(areas)
        day = self.today()
        planned = todays_tasks(tasks, live, self.week_status(day), day)
        chosen = {t.id for t in planned}
        others = sorted((t for t in tasks if t.id not in chosen), key=lambda t: (t.order, t.created))
        return planned, others

    # -- the mood typed on the Before screen (this session) ----------------------------------

    def type_mood(self, mood: int | None) -> None:
        """The Before screen's mood as it is typed (None: cleared again)."""
        self._typed_mood = None if mood is None else (self.today(), mood)

    def typed_mood(self) -> int | None:
        """The mood last typed on the Before screen today in this session, else None."""
        if self._typed_mood is None or self._typed_mood[0] != self.today():
            return None
        return self._typed_mood[1]

    def _recent_practices(self) -> list[Practice]:
        since, _ = store_window(self.today() - timedelta(days=coach.RECENT_DAYS - 1), None)
        return self.store.practices(since=since)

    def nothing_harder(self, recent: list[Practice] | None = None) -> bool:
        """Whether nothing may suggest "harder" now (``care.nothing_harder``: a low-mood spell,
        after a gap, right after a partly / not this time): Home's line, the task form's note.
        ``recent``: the practices already read (Home's); with none recent, the newest however
        old, so a gap of months is a gap, not a newcomer."""
        now = self.now()
        try:
            practices = self._recent_practices() if recent is None else recent
            if not practices:
                latest = self.store.latest_practice()
                practices = [latest] if latest is not None else []
        except StoreError:  # a damaged month file (said elsewhere): when unsure, ask nothing
            return True
        return care.nothing_harder(practices, now.date(), now.tzinfo, mood_now=self.typed_mood())

    def practised_before(self) -> bool:
        """Whether any practice is on record, however old (a damaged month file counts)."""
        try:
            return self.store.latest_practice() is not None
        except StoreError:
            return True  # a month file is there, damaged: someone has practised

    def coach_suggestions(self, *, mood_now: int | None = None) -> list[Suggestion]:
        """The coach's suggestions: live tasks in live areas, the recent practices, and the
        mood typed on the Before screen today unless ``mood_now`` is given."""
        now = self.now()
        areas = self.live_areas()
        mood = mood_now if mood_now is not None else self.typed_mood()
        practices = self._recent_practices()
        return coach.suggestions(self.live_tasks(areas), practices, now=now, mood_now=mood, areas=areas)
