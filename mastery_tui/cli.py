"""Command-line subcommands that don't open the app. Nothing here imports Textual."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .domain.clock import Clock
from .domain.models import Area, Task, default_area_id
from .domain.plan import short_plan
from .store import Store


class UsageError(Exception):
    """Bad arguments: exit code 2."""


class DataError(Exception):
    """The data doesn't allow it: exit code 1."""


def quick_start(title: str | None, minutes: int) -> tuple[str, int] | str:
    """What ``mastery quick`` opens: a cleaned (title, minutes), or "choose" without a title."""
    if title is None:
        return "choose"
    from .domain.text import clean_text

    return clean_text(title, field="title", label="Title", min_len=1, max_len=120), minutes


def on_done(store: Store, value: str | None, *, from_file: str | None = None) -> str:
    """Show or set the on-done command; returns the lines to print. ``from_file``: config.toml's
    on_done, which wins over this setting (and --on-done over both)."""
    from . import paths

    wins = (
        f"\n(config.toml's on_done is the one used: {from_file or '(none: the bell)'}; "
        f"it wins over this setting; {paths.config_file()})"
        if from_file is not None
        else ""
    )
    if value is None:
        current = store.setting("on_done", "") or ""
        shown = current if current else "(none: the terminal bell rings when a timer reaches zero)"
        return shown + wins
    from .shell import syntax_problem, user_shell

    command = value.strip()
    if command and (problem := syntax_problem(command)):
        raise UsageError(f"your shell ({user_shell()}) can't read that command: {problem}")
    store.set_setting("on_done", command)
    return (f"on-done command set: {command}" if command else "on-done command cleared") + wins


def find_area(store: Store, name: str | None) -> Area:
    """An area by name (case-insensitive, prefix ok) or id; default: Daily living."""
    areas = store.areas(include_archived=True)
    if name is None:
        wanted = default_area_id("daily")
        match = [a for a in areas if a.id == wanted] or areas[:1]
    else:
        key = name.casefold().strip()
        match = [a for a in areas if a.id == name or a.name.casefold() == key]
        if not match:
            match = [a for a in areas if a.name.casefold().startswith(key)]
    if len(match) != 1:
        names = ", ".join(f"'{a.name}'" for a in areas if not a.archived)
        if not match:
            raise UsageError(f"no life area called '{name}' (areas: {names})")
        raise UsageError(f"'{name}' matches several areas; say more (areas: {names})")
    return match[0]


def add_task(
    store: Store,
    clock: Clock,
    *,
    title: str,
    area: str | None,
    minutes: int,
    difficulty: int,
    bad_day_ok: bool | None = None,
) -> Task:
    chosen = find_area(store, area)
    order = len(store.tasks(area_id=chosen.id, include_archived=True))
    task = Task.new(
        now=clock.now(),
        title=title,
        area_id=chosen.id,
        minutes=minutes,
        difficulty=difficulty,
        bad_day_ok=bad_day_ok,  # None: not said (never guessed from the estimate)
        order=order,
    )
    store.save(task)
    return task


def task_json(task: Task, area_names: dict[str, str]) -> dict[str, Any]:
    data = task.to_dict()
    data["area"] = area_names.get(task.area_id, "")
    return data


def print_tasks(
    store: Store, *, area: str | None, as_json: bool, out: TextIO | None = None
) -> None:
    out = out if out is not None else sys.stdout
    area_names = {a.id: a.name for a in store.areas(include_archived=True)}
    area_id = find_area(store, area).id if area else None
    tasks = store.tasks(area_id=area_id, include_archived=True)
    if as_json:
        json.dump([task_json(t, area_names) for t in tasks], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if not tasks:
        out.write('No tasks yet. Add one: mastery add "Wash one set of dishes" --minutes 5\n')
        return
    rows = [("ID", "TITLE", "AREA", "MIN", "DIFF", "BAD DAY", "PLAN", "")]
    for t in tasks:
        rows.append(
            (
                t.id[:8],
                t.title if len(t.title) <= 40 else t.title[:39] + "…",
                area_names.get(t.area_id, "?"),
                str(t.minutes),
                str(t.difficulty),
                {True: "yes", False: "no", None: "not said"}[t.bad_day_ok],
                short_plan(t.plan) or "-",
                "archived" if t.archived else "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        )


def today(store: Store | None, clock: Clock) -> dict[str, str]:
    """``mastery today``: today's planned task and where the week stands, as {"line": one
    line, "json": the same as one line of JSON}. ``store`` None: no data folder yet (a shell
    prompt asking must not make one)."""
    from datetime import timedelta

    from .domain import week as wk
    from .domain.history import store_window
    from .domain.models import Review, WeekPlan
    from .domain.today import today_report

    now = clock.now()
    day = now.date()
    if store is None:
        report = today_report([], set(), wk.week_status([], [], day), [], day, now.tzinfo)
        return {"line": report.line(), "json": json.dumps(report.to_json(), ensure_ascii=False)}
    live = {a.id for a in store.areas()}
    tasks = [t for t in store.tasks() if t.area_id in live]
    status = wk.week_status(store.all(WeekPlan), store.all(Review), day)
    first, last = store_window(day - timedelta(days=wk.DAYS), day)
    practices = store.practices(since=first, until=last)
    report = today_report(tasks, live, status, practices, day, now.tzinfo)
    return {"line": report.line(), "json": json.dumps(report.to_json(), ensure_ascii=False)}


def check_dates(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise UsageError(f"--from {since} is after --to {until}; swap them?")


def export(
    store: Store,
    clock: Clock,
    *,
    fmt: str | None,
    since: date | None,
    until: date | None,
    output: str | None,
    force: bool,
    delimiter: str | None = None,
    out: TextIO | None = None,
) -> None:
    """``mastery export``: to ``out`` (stdout), or to a private file with ``output``."""
    from . import transfer

    check_dates(since, until)
    to_screen = output in (None, "-")
    path = None if to_screen else Path(str(output))
    chosen = fmt or (transfer.format_for(path) if path else "md")
    if delimiter is not None and chosen != "csv":
        raise UsageError(f"--delimiter is for CSV; this export is {chosen}")
    text = transfer.export_text(
        store, chosen, now=clock.now(), since=since, until=until, delimiter=delimiter or ","
    )
    if path is None:
        (out if out is not None else sys.stdout).write(text)
        return
    try:
        transfer.write_export(path, text, overwrite=force)
    except transfer.ExportFileExists as error:
        raise DataError(f"{error}; add --force to replace it") from None
    except transfer.ExportError as error:
        raise DataError(str(error)) from None
    sys.stderr.write(f"mastery: wrote {path} ({chosen}, readable only by you)\n")


def import_(store: Store, clock: Clock, file: str) -> str:
    """``mastery import``: merge a JSON export; returns the report to print."""
    from . import transfer

    try:
        report = transfer.import_file(store, Path(file), now=clock.now())
    except transfer.ImportRefused as error:
        raise DataError(str(error)) from None
    return report.text()
