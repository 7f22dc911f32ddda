"""Brainstorm (`b` from Home): life areas on the left, their tiny tasks on the right.

Day 0 of the skill: choose an area, brainstorm 5–10 tiny tasks that pass the bad-day test,
plan when and how. The keys in the footer follow the focus: area keys on the left list,
task keys on the right. Every action is also in the command palette (ctrl+p).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ..commands import bindings
from ..domain import brainstorm as bs
from ..domain.examples import Example
from ..domain.models import Area, Task
from ..domain.plan import plan_sentence
from ..domain.sizing import sizing_notes
from ..messages import Change
from ..services import Services
from ..widgets.footer import Footer
from .base import Refreshes
from .brainstorm_lists import AreaList, TaskList, area_prompt, task_prompt
from .confirm import ConfirmScreen
from .examples import ExamplesScreen
from .name_prompt import NamePrompt
from .split import SplitResult, SplitScreen
from .task_form import TaskFormScreen, TaskPreset


class BrainstormScreen(Refreshes, Screen[None]):
    SUB_TITLE = "Brainstorm"

    COMMAND_TABLE = "brainstorm"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    BrainstormScreen #bs-body { height: 1fr; }
    BrainstormScreen #bs-hint { padding: 0 1; text-style: bold; }
    BrainstormScreen OptionList { border: round $border-blurred; padding: 0; height: 1fr; }
    BrainstormScreen OptionList:focus { border: heavy $border; }
    BrainstormScreen #bs-areas { width: 30; }
    BrainstormScreen #bs-right { width: 1fr; }
    BrainstormScreen #bs-count { padding: 0 1; text-style: bold; }
    BrainstormScreen #bs-detail { height: auto; max-height: 6; padding: 0 1; }
    """

    shows = frozenset({Change.AREAS, Change.TASKS})

    def __init__(self, services: Services, area_id: str | None = None) -> None:
        """``area_id``: open on that life area with its task list focused (Day 0 of a week)."""
        super().__init__()
        self.services = services
        self._start_area = area_id
        self.archived_shown = False
        self._areas: list[Area] = []
        self._tasks: list[Task] = []
        self._loaded_area: str | None = None
        self._key_state: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(id="bs-hint")
        with Horizontal(id="bs-body"):
            yield AreaList(id="bs-areas")
            with Vertical(id="bs-right"):
                yield Static(id="bs-count")
                yield TaskList(id="bs-tasks")
                yield Static(id="bs-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#bs-areas", AreaList).border_title = Content("Life areas")
        self.reload(area_id=self._start_area)
        hint = self.query_one("#bs-hint", Static)
        area = self.current_area
        if self._start_area is not None and area is not None and area.id == self._start_area:
            self.query_one("#bs-tasks", TaskList).focus()
            hint.update(
                Content.assemble(
                    "Day 0 · step 2: add tasks to ", area.name, ", escape returns to your week"
                )
            )
        else:
            hint.display = False
            self.query_one("#bs-areas", AreaList).focus()

    def refresh_data(self) -> None:
        self.reload()

    # -- what is shown -----------------------------------------------------------------------

    def now(self) -> datetime:
        return self.services.now()

    @property
    def current_area(self) -> Area | None:
        lists = list(self.query("#bs-areas").results(AreaList))  # none while (re)built
        option = lists[0].highlighted_option if lists else None
        return next((a for a in self._areas if option and a.id == option.id), None)

    @property
    def current_task(self) -> Task | None:
        lists = list(self.query("#bs-tasks").results(TaskList))
        option = lists[0].highlighted_option if lists else None
        return next((t for t in self._tasks if option and t.id == option.id), None)

    def reload(self, *, area_id: str | None = None, task_id: str | None = None) -> None:
        """Re-read areas and tasks, keeping (or moving to) the highlighted ones."""
        areas = self.services.store.areas(include_archived=self.archived_shown)
        all_tasks = self.services.store.tasks(include_archived=True)
        area_id = area_id or (self.current_area.id if self.current_area else None)
        self._areas = areas
        counts = {a.id: sum(1 for t in all_tasks if t.area_id == a.id and not t.archived) for a in areas}
        listing = self.query_one("#bs-areas", AreaList)
        with self.app.batch_update():
            listing.set_marked_options(Option(area_prompt(a, counts[a.id]), id=a.id) for a in areas)
            ids = [a.id for a in areas]
            listing.highlighted = ids.index(area_id) if area_id in ids else (0 if ids else None)
            self._load_tasks(task_id)

    def _load_tasks(self, task_id: str | None = None) -> None:
        area = self.current_area
        task_id = task_id or (self.current_task.id if self.current_task else None)
        tasks = self.services.store.tasks(area_id=area.id, include_archived=True) if area else []
        active = [t for t in tasks if not t.archived]
        archived = [t for t in tasks if t.archived] if self.archived_shown else []
        self._tasks = active + archived
        self._loaded_area = area.id if area else None
        listing = self.query_one("#bs-tasks", TaskList)
        listing.border_title = Content(area.name) if area else Content("Tasks")
        listing.set_marked_options(Option(task_prompt(t), id=t.id) for t in self._tasks)
        ids = [t.id for t in self._tasks]
        listing.highlighted = ids.index(task_id) if task_id in ids else (0 if ids else None)
        fit = sum(1 for t in active if t.bad_day_ok)
        unsaid = sum(1 for t in active if t.bad_day_ok is None)
        count = (
            bs.idea_count_text(fit, not_yet=len(active) - fit - unsaid, unsaid=unsaid)
            if area
            else "No life area chosen"
        )
        self.query_one("#bs-count", Static).update(Content(count))
        self._show_detail()

    def _show_detail(self) -> None:
        task = self.current_task
        detail = self.query_one("#bs-detail", Static)
        if self.current_area is None:
            detail.update(Content("Add a life area with n on the left list."))
        elif task is None:
            detail.update(Content("n adds a task · x opens the example library"))
        elif task.archived:
            detail.update(Content("Archived: a brings it back into the list."))
        else:
            lines = [plan_sentence(task.title, task.minutes, task.plan)]
            notes = sizing_notes(minutes=task.minutes, difficulty=task.difficulty, bad_day_ok=task.bad_day_ok)
            if task.bad_day_ok is None:
                lines.append("Could you do it on a bad day? Not said yet: e answers it.")
            if notes:
                lines.append(f"Maybe smaller: {', '.join(notes)}. s splits it into steps.")
            detail.update(Content("\n".join(lines)))
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Refresh the footer only when what the keys can do has changed (it is rebuilt each time)."""
        area, task = self.current_area, self.current_task
        state = (
            area and area.archived,
            task and task.archived,
            self.archived_shown,
        )
        if state != self._key_state:
            self._key_state = state
            self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#bs-areas")
    def _area_highlighted(self) -> None:
        area = self.current_area
        if area is None or area.id != self._loaded_area:
            self._load_tasks()

    @on(OptionList.OptionHighlighted, "#bs-tasks")
    def _task_highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#bs-areas")
    def action_focus_tasks(self) -> None:
        self.query_one("#bs-tasks", TaskList).focus()

    def action_focus_areas(self) -> None:
        self.query_one("#bs-areas", AreaList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the archive/restore and show/hide pair that doesn't apply; grey out the rest."""
        if not self.is_mounted:  # the footer asks while the screen is still being built
            return True
        area, task = self.current_area, self.current_task
        if action == "archive_area":
            return area is not None and not area.archived
        if action == "restore_area":
            return area is not None and area.archived
        if action == "archive_task":
            return None if task is None else not task.archived
        if action == "restore_task":
            return task is not None and task.archived
        if action == "show_archived":
            return parameters[0] != self.archived_shown
        if action in ("rename_area", "new_task", "examples"):
            return area is not None or None
        if action in ("edit_task", "split_task", "delete_task", "move_task"):
            return task is not None or None
        return True

    # -- areas -------------------------------------------------------------------------------

    def _save(self, *records: Area | Task) -> bool:
        kind = Change.TASKS if any(isinstance(r, Task) for r in records) else Change.AREAS
        return self.persist(lambda: self.services.store.save(*records), kind)

    @work(exclusive=True, group="brainstorm")
    async def action_new_area(self) -> None:
        areas = self.services.store.areas(include_archived=True)
        check = partial(bs.check_area_name, areas=areas)
        name = await self.app.push_screen_wait(NamePrompt("New life area", "Name", check=check))
        if name is not None:
            area = bs.new_area(name, areas, now=self.now())
            if self._save(area):
                self.reload(area_id=area.id)

    @work(exclusive=True, group="brainstorm")
    async def action_rename_area(self) -> None:
        area = self.current_area
        if area is None:
            return
        areas = self.services.store.areas(include_archived=True)
        check = partial(bs.check_area_name, areas=areas, keep_id=area.id)
        name = await self.app.push_screen_wait(
            NamePrompt("Rename life area", "Name", value=area.name, check=check)
        )
        if name is not None and self._save(bs.rename_area(area, name, areas, now=self.now())):
            self.reload(area_id=area.id)

    def action_archive_area(self) -> None:
        self._set_area_archived(True)

    def action_restore_area(self) -> None:
        self._set_area_archived(False)

    def _set_area_archived(self, archived: bool) -> None:
        area = self.current_area
        if area is None or area.archived == archived:
            return
        index = self._areas.index(area)
        if self._save(area.edit(now=self.now(), archived=archived)):
            stay = area.id if self.archived_shown or not archived else None
            neighbour = self._areas[index + 1 if index + 1 < len(self._areas) else max(0, index - 1)]
            self.reload(area_id=stay or neighbour.id)
            verb = "Archived" if archived else "Restored"
            hint = " v shows archived areas; a restores it." if archived else ""
            self.notify(f"{verb} “{area.name}”.{hint}", markup=False)

    def action_show_archived(self, show: bool) -> None:
        self.archived_shown = show
        self.reload()

    # -- tasks -------------------------------------------------------------------------------

    async def _open_form(self, *, task: Task | None = None, preset: TaskPreset | None = None) -> None:
        area = self.current_area
        if area is None:
            return
        order = bs.next_order(self.services.store.tasks(area_id=area.id, include_archived=True))
        form = TaskFormScreen(
            self.services, area=area, task=task, preset=preset, order=order,
            today=self.now().weekday(),
        )  # fmt: skip
        saved = await self.app.push_screen_wait(form)
        if saved is not None:  # the form saved it
            self.reload(task_id=saved.id)

    @work(exclusive=True, group="brainstorm")
    async def action_new_task(self) -> None:
        await self._open_form()

    @work(exclusive=True, group="brainstorm")
    async def action_edit_task(self) -> None:
        if self.current_task is not None:
            await self._open_form(task=self.current_task)

    @on(OptionList.OptionSelected, "#bs-tasks")
    def _task_chosen(self) -> None:
        self.action_edit_task()

    @work(exclusive=True, group="brainstorm")
    async def action_examples(self) -> None:
        area = self.current_area
        if area is None:
            return
        example: Example | None = await self.app.push_screen_wait(ExamplesScreen(area_id=area.id))
        if example is not None:
            await self._open_form(
                preset=TaskPreset(example.title, example.minutes, example.difficulty)
            )

    @work(exclusive=True, group="brainstorm")
    async def action_split_task(self) -> None:
        task = self.current_task
        if task is None:
            return
        siblings = list(self._tasks)
        result: SplitResult | None = await self.app.push_screen_wait(SplitScreen(task))
        if result is None:
            return
        records = bs.split_task(
            task, result.titles, siblings=siblings, now=self.now(), bad_day_ok=result.bad_day_ok
        )
        if self._save(*records):
            self.reload(task_id=records[1].id)
            self.notify(
                f"Split into {len(result.titles)} steps. The original is archived (v shows it).",
                markup=False,
            )

    def action_archive_task(self) -> None:
        self._set_task_archived(True)

    def action_restore_task(self) -> None:
        self._set_task_archived(False)

    def _set_task_archived(self, archived: bool) -> None:
        task = self.current_task
        if task is None or task.archived == archived:
            return
        index = self._tasks.index(task)
        if self._save(task.edit(now=self.now(), archived=archived)):
            rest = [t for t in self._tasks if t.id != task.id]
            follow = task.id if self.archived_shown else (rest[min(index, len(rest) - 1)].id if rest else None)
            self.reload(task_id=follow)
            if archived:
                self.notify(f"Archived “{task.title}”. v shows archived tasks; a restores.", markup=False)

    @work(exclusive=True, group="brainstorm")
    async def action_delete_task(self) -> None:
        task = self.current_task
        if task is None:
            return
        message = Content.assemble(
            "“", task.title, "” will be gone for good. Archiving (a) keeps it out of the way "
            "and can be undone."
        )
        ask = ConfirmScreen("Delete this task?", message, yes="Delete", no="Keep it")
        if not await self.app.push_screen_wait(ask):
            return
        if self.persist(lambda: self.services.store.delete(Task, task.id), Change.TASKS):
            index = self._tasks.index(task)
            rest = [t for t in self._tasks if t.id != task.id]
            self.reload(task_id=rest[min(index, len(rest) - 1)].id if rest else None)

    def action_move_task(self, delta: int) -> None:
        task = self.current_task
        if task is None:
            return
        group = [t for t in self._tasks if t.archived == task.archived]
        records = bs.move_task(group, task.id, delta, now=self.now())
        if records and self._save(*records):
            self.reload(task_id=task.id)

    def action_back(self) -> None:
        self.dismiss(None)

    # -- command palette ---------------------------------------------------------------------
