"""The two lists of the brainstorm screen, their keys, and how an area or a task reads in them.

The keys live on the lists, so the footer shows area keys or task keys with the focus; the
actions themselves are the screen's (``screen.`` actions).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from ..domain.models import Area, Task
from ..domain.plan import short_plan
from ..widgets.marked_list import MarkedOptionList

MOVE = Binding.Group("Move", compact=True)


class AreaList(MarkedOptionList):
    """The life areas. Its keys act on the highlighted area."""

    BINDINGS = [
        Binding("n", "screen.new_area", "New area", id="brainstorm.new_area"),
        Binding("r", "screen.rename_area", "Rename", show=False, id="brainstorm.rename_area"),
        Binding("a", "screen.archive_area", "Archive", id="brainstorm.archive_area"),
        Binding("a", "screen.restore_area", "Restore", id="brainstorm.restore_area"),
        Binding("right", "screen.focus_tasks", "Tasks", show=False),
    ]


class TaskList(MarkedOptionList):
    """The tasks of the chosen area. Its keys act on the highlighted task."""

    BINDINGS = [
        Binding("n", "screen.new_task", "New", id="brainstorm.new_task"),
        Binding("e", "screen.edit_task", "Edit", id="brainstorm.edit_task"),
        # Split, delete and move are in the palette and help; the footer keeps to 80 columns.
        Binding("s", "screen.split_task", "Split", show=False, id="brainstorm.split_task"),
        Binding("a", "screen.archive_task", "Archive", id="brainstorm.archive_task"),
        Binding("a", "screen.restore_task", "Restore", id="brainstorm.restore_task"),
        Binding("d,delete", "screen.delete_task", "Delete", show=False, id="brainstorm.delete_task"),
        Binding(
            "shift+up", "screen.move_task(-1)", "Move up", key_display="⇧↑", group=MOVE, show=False,
            id="brainstorm.up",
        ),
        Binding(
            "shift+down", "screen.move_task(1)", "Move down", key_display="⇧↓", group=MOVE, show=False,
            id="brainstorm.down",
        ),
        Binding("left", "screen.focus_areas", "Areas", show=False),
    ]


AREA_NAME_CELLS = 20


def area_prompt(area: Area, count: int) -> Content:
    """The area's name, then its number of tasks (or "archived") lined up on the right."""
    tail = "archived" if area.archived else str(count)
    name = area.name.ljust(AREA_NAME_CELLS - len(tail) + 3)
    return Content.assemble(name, (f" {tail}", "dim"))


def task_prompt(task: Task) -> Content:
    """Two lines: the title, then minutes, difficulty and plan (the list indents both)."""
    meta = f"{task.minutes} min · difficulty {task.difficulty}"
    if plan := short_plan(task.plan):
        meta += f" · {plan}"
    head = ("(archived) ", "italic") if task.archived else ""
    return Content.assemble(head, task.title, "\n", (meta, "dim"))
