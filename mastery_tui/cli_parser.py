"""The ``mastery`` command line: arguments and their one-line errors (argparse)."""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections.abc import Sequence
from datetime import date
from typing import NoReturn

from . import __version__
from .domain.clock import FIRST_YEAR, LAST_YEAR, parse_date
from .domain.words import SAFETY_NOTE

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not a usage block and a line; and a title
    read as an option (``mastery add -walk``) is answered with the way to write it (``--``)."""

    given: Sequence[str] = ()  # what this parser was asked to read

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.given = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = _command_parsers(self).get(getattr(parsed, "command", None) or "")
            wrong = f"unrecognized arguments: {' '.join(extras)}"
            if command is not None and getattr(parsed, "title", "") is None:
                command.error(wrong)  # `mastery quick -walk`: the command says it, with --
            self.error(wrong)
        return parsed

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message}{_dash_hint(self)} (see '{self.prog} --help')\n")


def _command_parsers(parser: argparse.ArgumentParser) -> dict[str, _Parser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _dash_hint(parser: _Parser) -> str:
    """For a command that takes a TITLE and wasn't given one: where an argument read as an
    option that isn't one (``-walk``) should go, as a title."""
    if not any(a.dest == "title" for a in parser._actions) or _has_title(parser):
        return ""
    odd = next((arg for arg in parser.given if _read_as_option(parser, arg)), None)
    if odd is None:
        return ""
    rest = [shlex.quote(arg) for arg in parser.given if arg != odd]
    fixed = " ".join([parser.prog, *rest, "--", shlex.quote(odd)])
    return f"; a title that starts with - goes after --: {fixed}"


def _has_title(parser: _Parser) -> bool:
    """Whether ``parser.given`` holds a word argparse reads as a positional (the title)."""
    flags = parser._option_string_actions
    skip = False
    for index, arg in enumerate(parser.given):
        if skip:
            skip = False
        elif arg == "--":
            return index + 1 < len(parser.given)
        elif arg in flags:
            skip = flags[arg].nargs != 0
        elif not _read_as_option(parser, arg) and not arg.startswith("-"):
            return True
    return False


def _read_as_option(parser: _Parser, arg: str) -> bool:
    """Whether argparse reads ``arg`` as an option this command doesn't have (``-walk``), or
    as one of its short options glued to a value it refuses (``-dishes``: -d 'ishes'). A word
    of a title, then: ``-x`` or ``--nope`` look like options, mistyped."""
    flags = parser._option_string_actions
    if len(arg) < 3 or arg[0] != "-" or arg[1] == "-" or arg in flags:
        return False
    short = flags.get(arg[:2])
    if short is not None:  # -m5, -m=5
        try:
            (short.type or str)(arg[2:].removeprefix("="))  # type: ignore[operator]
        except (ValueError, TypeError, argparse.ArgumentTypeError):
            return True
        return False
    # argparse reads a negative number, or words with a space, as a positional
    return not (" " in arg or re.match(r"^-\d+$|^-\d*\.\d+$", arg))


def _int_in(low: int, high: int, what: str) -> type[int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{what} must be a whole number, not '{text}'"
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high}, not {value}")
        return value

    parse.__name__ = what
    return parse  # type: ignore[return-value]


def _local_day(text: str) -> date:
    """A date for --from and --to, 1970-2100: YYYY-MM-DD, or any other ISO 8601 form of a day
    (20261120, 2026-W47-5, 2026-324)."""
    try:
        day = parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"dates look like 2026-11-23 (year-month-day), not '{text}'"
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"dates are from 1970 to 2100, not '{text}'")
    return day


# The descriptions of the commands that take a TITLE end with this (kept as written: the
# example whole on its own line).
DASH_TITLE = "\n\nA title that starts with - goes after --:\n  mastery {command} -- -walk"
FORMATS = ("csv", "md", "html", "json", "ics")  # transfer.FORMATS, without the Store for --help
DELIMITERS = {"comma": ",", ",": ",", "semicolon": ";", ";": ";", "tab": "\t", "\t": "\t"}


def _delimiter(text: str) -> str:
    try:
        return DELIMITERS[text.strip().lower() if text.strip() else text]
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"the delimiter is comma, semicolon or tab, not '{text}'"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mastery",
        description="Practise the DBT skill Build Mastery: one small, slightly challenging "
        "thing a day. With no command, opens the app.",
        epilog="Please keep in mind: " + " ".join(SAFETY_NOTE.split())
        + " In the app, F1 opens Support from every screen.",
    )
    parser.add_argument("--version", action="version", version=f"mastery {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where your data lives (default: $MASTERY_HOME, else your user data folder)",
    )
    parser.add_argument(
        "--on-done",
        metavar="COMMAND",
        help="a command to run when a practice timer reaches zero, e.g. "
        "'notify-send \"Time is up\"' (default: the on_done setting)",
    )
    parser.add_argument(
        "--ascii",
        action="store_true",
        help="draw the app in plain ASCII (automatic when the locale isn't UTF-8, as over ssh "
        "without LANG)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="write a log to logs/debug.log in the data folder (never your words: screens, "
        "kinds of record saved, key names, errors)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    quick = commands.add_parser(
        "quick",
        help="open the app straight into a practice",
        description="Open the app straight into 'do it now': with a title, a quick task;\n"
        "without one, choose a task." + DASH_TITLE.format(command="quick"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    quick.add_argument("title", metavar="TITLE", nargs="?", help="what you'll do now")
    quick.add_argument(
        "--minutes", "-m", type=_int_in(1, 180, "minutes"), default=10, help="1-180 (default 10)"
    )

    add = commands.add_parser(
        "add",
        help="add a task",
        description="Add a tiny task." + DASH_TITLE.format(command="add"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("title", metavar="TITLE", help="what you'll do, e.g. 'Walk 5 minutes'")
    add.add_argument("--area", help="life area by name (default: Daily living)")
    add.add_argument(
        "--minutes", "-m", type=_int_in(1, 180, "minutes"), default=10, help="1-180 (default 10)"
    )
    add.add_argument(
        "--difficulty",
        "-d",
        type=_int_in(0, 100, "difficulty"),
        default=30,
        help="your estimate, 0-100 (default 30)",
    )
    add.add_argument(
        "--bad-day",
        choices=("yes", "no"),
        help="honestly, could you do it on a bad day? (unsaid until you answer: only then does "
        "it count toward a week's bad-day tasks)",
    )

    on_done = commands.add_parser(
        "on-done",
        help="show or set the command run when a timer reaches zero",
        description="Show the command run when a practice timer reaches zero, or set it "
        "(an empty string clears it). --on-done overrides it for one run.",
    )
    on_done.add_argument(
        "value", metavar="COMMAND", nargs="?", help="e.g. 'notify-send \"Time is up\"'"
    )

    tasks = commands.add_parser("tasks", help="list tasks", description="List your tasks.")
    tasks.add_argument("--area", help="only this life area")
    tasks.add_argument("--json", action="store_true", help="a JSON list, for scripts")

    today = commands.add_parser(
        "today",
        help="one line: today's planned task and where the week stands",
        description="Today's planned task and where your 7-day plan stands, in one line: for "
        "a shell prompt, the login message or a tmux status bar. Fast: the answer is kept for "
        "the day and given again until your data or the day changes.",
    )
    form = today.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="the same as JSON, for scripts")
    form.add_argument(
        "--tmux",
        action="store_true",
        help="the line for tmux's status bar: a # in a title is written ## (tmux reads # itself)",
    )

    export = commands.add_parser(
        "export",
        help="write the worksheet log as CSV, Markdown, HTML, JSON or a calendar",
        description="Write your practices out: csv (one row per practice, every field quoted, "
        "for a spreadsheet), md (a worksheet per week with its summary, reviews and notes, to "
        "read or share with a therapist), html (the same worksheet as one page to open in a "
        "browser and print: a week per page, landscape), json (everything: areas, tasks, "
        "practices, plans, reviews, notes; a full backup that 'mastery import' reads) or ics "
        "(your 7-day plan and the tasks planned for this week as calendar events, for a phone "
        "to remind you). Written to the screen unless -o is given.",
        epilog="--from and --to are your local days, both included. On a JSON export they limit "
        "only the practices: areas, tasks, plans, reviews and notes are always all there. An "
        "ics export is the plan from today on, whatever the range.",
    )
    export.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        help="csv, md, html, json or ics (default: from the -o file name's ending, else md)",
    )
    export.add_argument(
        "--delimiter",
        type=_delimiter,
        metavar="SEP",
        help="CSV only: comma (the default), semicolon or tab, for a spreadsheet set up for it",
    )
    export.add_argument(
        "--from", dest="since", metavar="DATE", type=_local_day, help="first day, YYYY-MM-DD"
    )
    export.add_argument(
        "--to", dest="until", metavar="DATE", type=_local_day, help="last day, YYYY-MM-DD"
    )
    export.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE, readable only by you (default: the screen; '-' also means the screen)",
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it already exists")

    imported = commands.add_parser(
        "import",
        help="merge a JSON export into your data",
        description="Merge a JSON export (mastery export -f json) into your data by id: nothing "
        "is duplicated, the copy edited last wins, and a report says what was added, updated "
        "or skipped. A file that isn't a valid export is refused and nothing is written.",
    )
    imported.add_argument(
        "file", metavar="FILE", help="a .json file made by 'mastery export -f json'"
    )

    stats = commands.add_parser(
        "stats",
        help="a quick look at your practice in the terminal",
        description="A chart of confidence before and after, and which tasks build mastery, "
        "as text. Colour unless NO_COLOR is set or the output isn't a terminal.",
    )
    stats.add_argument("--range", "-r", default="30d", help="7d, 30d, 90d, 1y or all (default 30d)")

    commands.add_parser(
        "check",
        help="verify every data file and backup",
        description="Read every data file and every backup as the app would, and say what "
        "each holds or why it can't be read, with the backup to go back to. Changes nothing. "
        "Exit status 1 if a data file can't be read.",
    )
    commands.add_parser(
        "backups",
        help="list the backups with what they hold",
        description="List the daily backups, the one made last first, with their record counts.",
    )
    restore = commands.add_parser(
        "restore",
        help="go back to a backup (your current files are kept aside first)",
        description="Make your data what it was in a backup. Your current files are copied to "
        "aside/<date and time>/ in the data folder first, so nothing is lost. A backup with a "
        "file that can't be read is refused.",
    )
    restore.add_argument(
        "when", metavar="WHEN", help="a backup's name from 'mastery backups', or 'latest'"
    )
    restore.add_argument("--yes", "-y", action="store_true", help="don't ask first")

    serve = commands.add_parser(
        "serve",
        help="open the app in your web browser (needs mastery-tui[web])",
        description="Serve the app to your web browser, for you only: it listens on "
        "127.0.0.1 and prints one link with a secret key; without the key the page is refused. "
        "Each tab runs the app on your data. Exports arrive as downloads. From another machine, "
        "tunnel the port: ssh -L PORT:127.0.0.1:PORT HOST. Ctrl+C stops.",
    )
    serve.add_argument(
        "--port", "-p", type=_int_in(0, 65535, "port"), default=0,
        help="the port on 127.0.0.1 (default 0: any free port)",
    )  # fmt: skip

    completion = commands.add_parser(
        "completion",
        help="print shell completion for bash, zsh or fish",
        description="Print a completion script for your shell, generated from mastery's own "
        "commands. bash: mastery completion bash > "
        "~/.local/share/bash-completion/completions/mastery; zsh: mastery completion zsh > "
        '"${fpath[1]}/_mastery"; fish: mastery completion fish > '
        "~/.config/fish/completions/mastery.fish",
    )
    completion.add_argument("shell", metavar="SHELL", choices=("bash", "zsh", "fish"))
    commands.add_parser(
        "man",
        help="print the manual page (roff)",
        description="Print mastery's manual page: mastery man > "
        "~/.local/share/man/man1/mastery.1, then man mastery.",
    )
    commands.add_parser(
        "keys",
        help="list every command's id and key, for a key map in config.toml",
        description="List the commands whose keys config.toml can move ([keys] \"id\" = "
        "\"key\"), screen by screen, with their keys now.",
    )
    commands.add_parser(
        "paths",
        help="print every folder and file mastery uses",
        description="Print where mastery keeps your data, backups, logs and screenshots, and "
        "where it reads its config file. Changes nothing.",
    )

    commands.add_parser(
        "demo",
        help="try mastery on made-up data (your own data is not opened)",
        description="Open the app on a made-up five-week history in a temporary folder, "
        "removed when you quit. Your own data is not opened or changed.",
    )
    return parser
