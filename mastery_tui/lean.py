"""The fast read path: ``mastery tasks --json`` and ``mastery today`` answered in a few
milliseconds, for scripts, shell prompts and status bars that run them often.

It answers only when everything is plain: a private data folder that can be written (no
warning to give), no month move to finish, and a main file whose exact bytes the Store has
already checked (``store/stamp.py``); for ``today``, an answer the full path kept for exactly these files and
this day (``today_cache.py``). In any other case it returns ``None`` and the full
command runs: argparse, the Store, the models, every check and every warning, the same
answer a little later. Its output is the full path's, byte for byte (tests/unit/test_lean.py).

It imports only ``os``, ``sys``, ``json`` and ``zlib``: no argparse, pathlib, typing,
dataclasses, TinyDB, platformdirs or Textual.
"""

from __future__ import annotations

import json
import os
import sys

from .store import stamp

MAIN_FILE = "mastery.json"  # the Store's names (store/store.py, store/practices.py)
PRACTICE_DIR = "practice"
MOVE_MARKER = "moving.json"
LOCK_FILE = ".lock"
PRIVATE = 0o077  # any of these mode bits: the Store tightens it and warns, so it answers


def answer(argv: list[str]) -> int | None:
    """Run ``argv`` if it is a command this path answers; the exit status, or None."""
    request = _parse(argv)
    if request is None:
        return None
    folder = _folder(request[0])
    if folder is None:
        return None
    if request[1] == "tasks":
        tables = _checked_tables(folder)
        if tables is None:
            return None
        text = _tasks_json(tables)
    else:
        if _plain_main(folder) is None:
            return None
        from . import today_cache

        form = "json" if request[1] == "json" else "line"
        kept = today_cache.kept(folder, today_cache.key(folder), form)
        if kept is None:
            return None
        text = (tmux_text(kept) if request[1] == "tmux" else kept) + "\n"
    if not text.isascii() and sys.stdout.isatty():  # a terminal in the POSIX locale: ASCII
        from .ascii_mode import to_ascii, wants_ascii

        text = to_ascii(text) if wants_ascii(os.environ) else text
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `mastery tasks --json | head`: the reader has all it wanted
        quiet_stdout()
    return 0


def tmux_text(line: str) -> str:
    """The line for tmux's status bar, which reads "#" in it as a format: "#" written "##"."""
    return line.replace("#", "##")


def split_data_dir(argv: list[str]) -> tuple[str | None, list[str]] | None:
    """``[--data-dir DIR] REST...`` as (DIR or None, REST); None if ``DIR`` is odd (empty, or
    looks like an option): argparse says what is wrong with it."""
    data_dir: str | None = None
    rest = list(argv)
    if rest[:1] == ["--data-dir"] and len(rest) >= 2:
        data_dir, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--data-dir="):
        data_dir, rest = rest[0].partition("=")[2], rest[1:]
    if data_dir == "" or (data_dir or "").startswith("-"):
        return None
    return data_dir, rest


REQUESTS = {
    ("tasks", "--json"): "tasks", ("today",): "line", ("today", "--json"): "json",
    ("today", "--tmux"): "tmux",
}  # fmt: skip


def _parse(argv: list[str]) -> tuple[str | None, str] | None:
    """``[--data-dir DIR]`` then ``tasks --json``, ``today`` or ``today --json``, exactly:
    (DIR, what to answer). Anything else goes to argparse."""
    split = split_data_dir(argv)
    if split is None or tuple(split[1]) not in REQUESTS:
        return None
    return split[0], REQUESTS[tuple(split[1])]


def _folder(override: str | None) -> str | None:
    """The data folder as ``paths.data_dir`` finds it, when that's plain to see without
    platformdirs (41 ms to import): a named folder, or ``~/.local/share/mastery`` on Linux
    with no ``XDG_DATA_HOME`` for a user with an absolute ``HOME`` who isn't root."""
    named = override or os.environ.get("MASTERY_HOME")
    if named:
        path = os.path.expanduser(named)
    else:
        home = os.environ.get("HOME", "")
        if (
            sys.platform != "linux"
            or os.environ.get("XDG_DATA_HOME", "").strip()
            or not home.startswith("/")
            or os.getuid() == 0
        ):
            return None
        path = os.path.join(home, ".local", "share", "mastery")
    if path.startswith("~"):
        return None  # no home to expand it to: the full path says so
    return os.path.join(os.getcwd(), path)


def _private(path: str, *, folder: bool) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    kind = 0o040000 if folder else 0o100000
    return st.st_mode & 0o170000 == kind and not st.st_mode & PRIVATE


def _checked_tables(folder: str) -> dict | None:  # type: ignore[type-arg]
    """The main file's tables, if the Store would open this folder without a word and has
    checked exactly these bytes."""
    payload = _plain_main(folder)
    if payload is None or not stamp.vouched(folder, payload):
        return None
    try:
        tables = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    return tables if isinstance(tables, dict) else None


def _plain_main(folder: str) -> bytes | None:
    """The main file's bytes, if nothing about the folder would make the Store say a word
    (or change a mode) on opening it."""
    main = os.path.join(folder, MAIN_FILE)
    if not (_private(folder, folder=True) and _private(main, folder=False)):
        return None
    lock = os.path.join(folder, LOCK_FILE)
    if not os.access(folder, os.W_OK) or (os.path.exists(lock) and not os.access(lock, os.W_OK)):
        return None  # read-only: the Store says so
    practice = os.path.join(folder, PRACTICE_DIR)
    if os.path.isdir(practice):
        if not _private(practice, folder=True):
            return None
        for name in os.listdir(practice):
            if name == MOVE_MARKER:
                return None  # a move between month files to finish first
            if _is_month_file(name) and not _private(os.path.join(practice, name), folder=False):
                return None
    try:
        with open(main, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _is_month_file(name: str) -> bool:
    """``[0-9][0-9][0-9][0-9]-[0-9][0-9].json``, as ``Store.practice_files`` globs it."""
    stem = name[:7]
    return (
        len(name) == 12
        and name.endswith(".json")
        and stem[4] == "-"
        and (stem[:4] + stem[5:]).isascii()
        and (stem[:4] + stem[5:]).isdigit()
    )


def _tasks_json(tables: dict) -> str:  # type: ignore[type-arg]
    """As ``cli.print_tasks(as_json=True)``: every task, archived too, by (order, created),
    each as stored (vouched: exactly ``Task.to_dict()``) plus its area's name."""
    area_names = {a["id"]: a["name"] for a in tables.get("areas", {}).values()}
    tasks = sorted(tables.get("tasks", {}).values(), key=lambda t: (t["order"], t["created"]))
    listed = [{**task, "area": area_names.get(task["area_id"], "")} for task in tasks]
    return json.dumps(listed, ensure_ascii=False, indent=2) + "\n"


def quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the flush at exit can't complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        sys.stderr.close()
