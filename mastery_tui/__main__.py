"""The ``mastery`` command. Builds the Store and the Clock and passes them in.

Subcommands that don't open the app never import Textual; errors end with one readable line
on stderr and exit code 2 (usage) or 1 (data).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from .domain.errors import ValidationError
from .store.errors import StoreError

EXIT_DATA = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not a usage block and a line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _int_in(low: int, high: int, what: str) -> type[int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a whole number, not '{text}'") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high}, not {value}")
        return value

    parse.__name__ = what
    return parse  # type: ignore[return-value]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mastery",
        description="Practise the DBT skill Build Mastery: one small, slightly challenging "
        "thing a day. With no command, opens the app.",
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    quick = commands.add_parser(
        "quick",
        help="open the app straight into a practice",
        description="Open the app straight into 'do it now': with a title, a quick task; "
        "without one, choose a task.",
    )
    quick.add_argument("title", metavar="TITLE", nargs="?", help="what you'll do now")
    quick.add_argument(
        "--minutes", "-m", type=_int_in(1, 180, "minutes"), default=10, help="1-180 (default 10)"
    )

    add = commands.add_parser("add", help="add a task", description="Add a tiny task.")
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

    on_done = commands.add_parser(
        "on-done",
        help="show or set the command run when a timer reaches zero",
        description="Show the command run when a practice timer reaches zero, or set it "
        "(an empty string clears it). --on-done overrides it for one run.",
    )
    on_done.add_argument("value", metavar="COMMAND", nargs="?", help="e.g. 'notify-send \"Time is up\"'")

    tasks = commands.add_parser("tasks", help="list tasks", description="List your tasks.")
    tasks.add_argument("--area", help="only this life area")
    tasks.add_argument("--json", action="store_true", help="a JSON list, for scripts")
    return parser


def _fail(code: int, message: str) -> NoReturn:
    sys.stderr.write(f"mastery: {message}\n")
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``mastery`` console script."""
    args = build_parser().parse_args(argv)

    from . import cli, paths
    from .domain.clock import SystemClock
    from .store import Store

    clock = SystemClock()
    try:
        store = Store.open(paths.data_dir(args.data_dir), clock)
        for warning in store.warnings:
            sys.stderr.write(f"mastery: warning: {warning}\n")
        if args.command == "add":
            task = cli.add_task(
                store,
                clock,
                title=args.title,
                area=args.area,
                minutes=args.minutes,
                difficulty=args.difficulty,
            )
            print(task.id)
        elif args.command == "tasks":
            cli.print_tasks(store, area=args.area, as_json=args.json)
        elif args.command == "on-done":
            print(cli.on_done(store, args.value))
        elif args.command == "quick":
            start = cli.quick_start(args.title, args.minutes)
            _run_app(store, clock, start=start, on_done=args.on_done)
        else:
            _run_app(store, clock, on_done=args.on_done)
    except cli.UsageError as error:
        _fail(EXIT_USAGE, str(error))
    except ValidationError as error:
        _fail(EXIT_USAGE, error.message)
    except (StoreError, cli.DataError) as error:
        _fail(EXIT_DATA, str(error))
    except BrokenPipeError:  # `mastery tasks | head`
        sys.stderr.close()
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None


def _run_app(store: object, clock: object, **options: object) -> None:
    from .app import run_app  # Textual is imported here and only here

    run_app(store, clock, **options)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
