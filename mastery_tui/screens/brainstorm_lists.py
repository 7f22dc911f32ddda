"""The two lists of the brainstorm screen, their keys, and how an area or a task reads in them.

The keys live on the lists, so the footer shows area keys or task keys with the focus; the
actions themselves are the screen's (``screen.`` actions).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from ..commands import bindings
from ..domain.models import Area, Task
from ..domain.plan import short_plan
from ..widgets.marked_list import MarkedOptionList

MOVE = Binding.Group("Move", compact=True)


class AreaList(MarkedOptionList):
    """The life areas. Its keys act on the highlighted area."""

    COMMAND_TABLE = "area_list"
    BINDINGS = bindings(COMMAND_TABLE)


class TaskList(MarkedOptionList):
    """The tasks of the chosen area. Its keys act on the highlighted task."""

    COMMAND_TABLE = "task_list"
    BINDINGS = bindings(COMMAND_TABLE)


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
