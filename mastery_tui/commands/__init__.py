"""Every command of mastery, declared once: its key, its action, the word the footer shows, the
title and help line of the command palette and the Help page, and whether Home's key grid lists
it. Bindings, the footer, Home's grid, Help and the palette are all generated from here, and the
binding ids (``log.search``) are what a user's key map will name.

A screen (or widget) takes its bindings with ``BINDINGS = bindings("log")``; Help walks
``HELP_SECTIONS``; the palette offers the ``EVERYWHERE`` commands and the screen's own.
Nothing here imports a screen, so Help costs no start-up time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .app_wide import CHECKLIST, CHOICE, DAYS, EVERYWHERE, HOME, LIST_KEYS, SLIDER, YES_NO
from .base import Command
from .keynames import is_function_key

if TYPE_CHECKING:
    from textual.binding import Binding
from .practice import (
    ACKNOWLEDGE,
    ADJUST,
    AFTER,
    BEFORE,
    CHOOSE,
    QUICK,
    QUIT_TIMER,
    RESUME,
    STOP,
    TIMER,
    UNANSWERED,
)
from .screens import (
    AREA_LIST,
    ASK,
    BRAINSTORM,
    COACH,
    CONFIRM,
    CONTACTS,
    DAY_TASK,
    DRAFT,
    EXAMPLES,
    EXPORT,
    HELP,
    LEARN,
    LOG,
    LOG_SEARCH,
    LOG_TABLE,
    NAME_PROMPT,
    NOT_TODAY,
    NOTE_EDITOR,
    NOTES,
    PRACTICE_DETAIL,
    PRACTICE_EDIT,
    REVIEWS,
    SAFETY,
    SAVED_REVIEW,
    SPLIT,
    SUPPORT,
    TASK_FORM,
    TASK_LIST,
    TRENDS,
    WEEK_REVIEW,
    WEEK_SETUP,
)

__all__ = [
    "ESSENTIAL_IDS",
    "ESSENTIAL_KEYS",
    "EVERYWHERE",
    "HOME",
    "HELP_SECTIONS",
    "TABLES",
    "Command",
    "bindings",
    "dialog_bindings",
    "effective_key",
    "key_listing",
    "key_neighbours",
    "key_of",
    "key_text",
    "shipped_keys",
    "use_keymap",
    "help_rows",
    "home_grid",
]


TABLES: dict[str, tuple[Command, ...]] = {
    "everywhere": EVERYWHERE, "home": HOME, "slider": SLIDER, "choice": CHOICE, "yes_no": YES_NO,
    "days": DAYS, "checklist": CHECKLIST, "list_keys": LIST_KEYS, "choose": CHOOSE, "quick": QUICK, "before": BEFORE,
    "timer": TIMER, "after": AFTER, "adjust": ADJUST, "acknowledge": ACKNOWLEDGE, "resume": RESUME,
    "stop": STOP, "quit_timer": QUIT_TIMER, "unanswered": UNANSWERED, "brainstorm": BRAINSTORM,
    "area_list": AREA_LIST, "task_list": TASK_LIST, "task_form": TASK_FORM, "split": SPLIT,
    "name_prompt": NAME_PROMPT, "examples": EXAMPLES, "week_setup": WEEK_SETUP, "day_task": DAY_TASK,
    "week_review": WEEK_REVIEW, "saved_review": SAVED_REVIEW, "reviews": REVIEWS, "log": LOG,
    "log_table": LOG_TABLE, "log_search": LOG_SEARCH, "export": EXPORT,
    "practice_detail": PRACTICE_DETAIL, "practice_edit": PRACTICE_EDIT, "trends": TRENDS,
    "notes": NOTES, "note_editor": NOTE_EDITOR, "coach": COACH, "help": HELP, "learn": LEARN,
    "safety": SAFETY, "confirm": CONFIRM, "ask": ASK, "draft": DRAFT, "support": SUPPORT,
    "contacts": CONTACTS, "not_today": NOT_TODAY,
}  # fmt: skip

# Where a Help section lists several screens' keys, each row says whose they are.
LABELS: dict[str, str] = {
    "choose": "Choosing", "quick": "Quick task", "before": "Before", "timer": "Timer",
    "stop": "Stopping", "quit_timer": "Quitting", "after": "After", "unanswered": "Not rated yet",
    "adjust": "Data for next time", "acknowledge": "Done", "resume": "Welcome back",
    "area_list": "Life areas", "task_list": "Tasks", "task_form": "Task form", "split": "Split",
    "name_prompt": "Area name", "examples": "Examples", "week_setup": "Setup", "day_task": "A day's task",
    "week_review": "Review", "saved_review": "A saved review", "log_table": "The table",
    "log_search": "Search", "practice_detail": "A practice", "practice_edit": "Editing",
    "export": "Export", "reviews": "Reviews", "note_editor": "Editor", "coach": "Coach",
    "help": "Help", "learn": "Learn", "safety": "Safety note", "confirm": "Are you sure?",
    "ask": "A question", "draft": "Welcome back", "support": "Support", "contacts": "Your people", "not_today": "Not today",
}  # fmt: skip

# Help's sections: a heading, then the tables whose keys it lists.
HELP_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Everywhere", ("everywhere",)),
    ("Home", ("home",)),
    ("Do it now", ("choose", "quick", "before", "timer", "stop", "quit_timer", "after",
                   "unanswered", "adjust", "acknowledge", "resume")),
    ("In forms: ratings, choices, days, lists", ("slider", "choice", "yes_no", "days", "checklist",
                                                 "list_keys")),
    ("Brainstorm and plan", ("brainstorm", "area_list", "task_list", "task_form", "split",
                             "name_prompt", "examples")),
    ("The 7-day plan", ("week_setup", "day_task", "not_today", "week_review", "saved_review")),
    ("The log", ("log", "log_table", "log_search", "practice_detail", "practice_edit", "export",
                 "reviews")),
    ("Trends", ("trends",)),
    ("Notes and the coach", ("notes", "note_editor", "coach")),
    ("Support, Help, Learn, the safety note", ("support", "contacts", "help", "learn", "safety")),
    ("Dialogs", ("confirm", "ask", "draft")),
)  # fmt: skip


# -- the user's key map (config.toml [keys]) -----------------------------------------------------

_KEYMAP: dict[str, str] = {}  # command id -> key(s), as the app applies it with set_keymap


def use_keymap(keymap: dict[str, str]) -> None:
    """The key map Home's grid, Help and the palette show (the app gives the same one to
    Textual's ``set_keymap``, which moves the bindings themselves)."""
    _KEYMAP.clear()
    _KEYMAP.update(keymap)


def effective_key(command: Command) -> str:
    return _KEYMAP.get(command.id, command.key) if command.id else command.key


def shipped_keys() -> dict[str, str]:
    """Every command id with its key(s) as shipped."""
    return {c.id: c.key for table in TABLES.values() for c in table if c.id and c.key}


def key_neighbours() -> dict[str, list[tuple[str, str]]]:
    """For each command id, the (id, keys) of the commands active beside it: its own table's
    and the app-wide ones (a new key must not take one of theirs)."""
    found: dict[str, list[tuple[str, str]]] = {}
    # Textual's own keys (ctrl+p, escape, tab, ctrl+q) are taken everywhere too.
    everywhere = [(c.id or f"{c.word} ({c.key}, everywhere)", c.key) for c in EVERYWHERE if c.key]
    for table in TABLES.values():
        beside = [(c.id or c.action, c.key) for c in table if c.key and c.bind] + everywhere
        for command in table:
            if command.id:
                found.setdefault(command.id, []).extend(beside)
    return found


# Commands that work while a text field has focus (a priority binding with no guard): only a
# function key can be theirs, as the field has the rest. (? is guarded: it types in a field.)
IN_TEXT_FIELDS = frozenset({"app.support"})


def key_listing() -> str:
    """``mastery keys``: every command a key map can move, screen by screen: id, key, what."""
    lines = ["# Move a key in config.toml (mastery paths says where):", "#   [keys]",
             '#   "home.log" = "L"', ""]  # fmt: skip
    for heading, tables in HELP_SECTIONS:
        rows = [
            (c.id, key_text(c), c.help + (f" (moved; shipped: {c.key})" if c.id in _KEYMAP else ""))
            for table in tables
            for c in TABLES[table]
            if c.id and c.key and c.bind
        ]
        if rows:
            width = max(len(r[0]) for r in rows)
            lines.append(f"{heading}:")
            lines += [f"  {i:<{width}}  {k:<8} {h}" for i, k, h in rows]
            lines.append("")
    return "\n".join(lines)


# In a footer too narrow for every key, these stay: leave (escape), Support (F1), save or start
# (ctrl+s), and the commands marked essential (finish the timer, quit Home...).
ESSENTIAL_KEYS = frozenset({"escape", "ctrl+s"})  # and Support (app.support), by id: it may move
ESSENTIAL_IDS = frozenset(c.id for table in TABLES.values() for c in table if c.essential and c.id)


def bindings(table: str) -> list[Binding]:
    """The bindings of one table (a screen's or a widget's ``BINDINGS``)."""
    return [command.binding() for command in TABLES[table] if command.key and command.bind]


# Dialogs stop the app's keys from showing in their footer (Textual's modal binding chain); F1
# works there all the same (a priority binding of the app), so each dialog shows it too.
SUPPORT_IN_DIALOGS = Command(
    "f1", "app.support", "Support", help="Support, from this dialog", palette=False, key_display="F1",
    id="app.support",  # a key map that moves F1 moves it here too
)


def dialog_bindings(table: str) -> list[Binding]:
    """A dialog's bindings: its table's, then F1 Support for its footer."""
    return [*bindings(table), SUPPORT_IN_DIALOGS.binding()]


def home_grid() -> list[tuple[str, str]]:
    """Home's key grid: (key, label), in the order a newcomer needs them."""
    rows = []
    for command in (*HOME, *EVERYWHERE):
        if command.grid and command.key:
            moved = command.id in _KEYMAP
            shown = key_text(command) if moved else (command.key_display or command.key)
            rows.append((shown, command.grid))
    return rows


def palette_commands(table: str) -> list[Command]:
    return [c for c in TABLES.get(table, ()) if c.palette]


KEY_NAMES = {
    "question_mark": "?", "slash": "/", "escape": "esc", "backspace": "⌫", "delete": "del",
    "left": "←", "right": "→", "up": "↑", "down": "↓", "plus": "+", "minus": "-",
    "equals_sign": "=", "underscore": "_", "pagedown": "pgdn", "pageup": "pgup", "f1": "F1",
    "shift+up": "⇧↑", "shift+down": "⇧↓", "shift+left": "⇧←", "shift+right": "⇧→",
}  # fmt: skip


def key_text(command: Command) -> str:
    """The keys as Help writes them: "? F1", "ctrl+s", "⇧↑", "0-9"."""
    if command.help_key and command.id not in _KEYMAP:
        return command.help_key
    keys = effective_key(command)
    return " ".join(key_word(name) for name in keys.split(",") if name)


def key_of(command_id: str) -> str:
    """The first key of a command as the screen's own words name it ("/" for log.search, or
    the key a key map gave it)."""
    command = next(c for table in TABLES.values() for c in table if c.id == command_id)
    return key_word(effective_key(command).split(",")[0])


def key_word(name: str) -> str:
    """One key as Help writes it: "?" for question_mark, "F2" for f2."""
    if name in KEY_NAMES:
        return KEY_NAMES[name]
    if is_function_key(name):
        *modifiers, base = name.split("+")
        return "+".join([*modifiers, base.upper()])
    return name


def help_rows(tables: tuple[str, ...]) -> list[tuple[str, str]]:
    """(keys, what they do) for Help, each row once, in the tables' order."""
    rows: list[tuple[str, str]] = []
    for table in tables:
        for command in TABLES[table]:
            label = LABELS.get(table, "")
            row = (key_text(command), f"{label}: {command.help}" if label else command.help)
            if command.key and row not in rows:
                rows.append(row)
    return rows
