"""The ``mastery`` command. Builds the Store and the Clock and passes them in.

Subcommands that don't open the app never import Textual; errors end with one readable line
on stderr and exit code 2 (usage) or 1 (data).
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not typing's: the fast read path (lean.py) runs before typing loads
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from typing import Any, NoReturn

    from .domain.clock import Clock
    from .store import Store

EXIT_DATA = 1
EXIT_USAGE = 2


def _fail(code: int, message: str) -> NoReturn:
    sys.stderr.write(f"mastery: {message}\n")
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``mastery`` console script."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    for argument in arguments:
        if not _utf8(argument):  # bytes that weren't UTF-8 (a terminal in another encoding)
            _fail(
                EXIT_USAGE,
                f"the argument '{_shown(argument)}' isn't UTF-8 text; check your terminal's "
                "encoding (LANG, LC_ALL)",
            )
    for name in ("MASTERY_HOME", "MASTERY_CONFIG"):  # paths mastery prints and keeps
        value = os.environ.get(name, "")
        if not _utf8(value):
            _fail(
                EXIT_USAGE,
                f"{name} '{_shown(value)}' isn't UTF-8 text; set it to a path written in UTF-8 "
                "(check your terminal's encoding: LANG, LC_ALL)",
            )
    from . import lean

    if lean.answer(arguments) is not None:  # `tasks --json` on a folder the Store has checked
        return
    split = lean.split_data_dir(arguments)
    if split is not None and split[1] == []:  # `mastery [--data-dir DIR]`: open the app
        from types import SimpleNamespace  # (argparse and its 13 commands aren't needed)

        args: Any = SimpleNamespace(
            command=None, data_dir=split[0], on_done=None, debug=False, ascii=False
        )
    else:
        from .cli_parser import build_parser

        args = build_parser().parse_args(arguments)

    from . import cli, paths
    from .domain.clock import SystemClock
    from .domain.errors import ValidationError
    from .store import Store
    from .store.errors import StoreError

    clock = SystemClock()
    if args.command not in (None, "quick", "demo", "serve", "completion", "man"):
        _ascii_on_a_terminal(args.ascii)
    if args.command in (None, "quick", "demo") and _dumb_terminal():
        _fail(
            EXIT_DATA,
            "this terminal (TERM=dumb) can't show the app; open mastery in a full terminal, "
            "or use the commands here: mastery today, mastery add, mastery export",
        )
    try:
        if args.command in ("completion", "man"):  # from the parser alone: no data folder
            from . import __version__, shell_complete
            from .cli_parser import build_parser

            parser = build_parser()
            if args.command == "completion":
                sys.stdout.write(shell_complete.completion(parser, args.shell))
            else:
                sys.stdout.write(shell_complete.man_page(parser, __version__, clock.now().date()))
            return
        if args.command == "keys":
            from .commands import key_listing, use_keymap

            use_keymap(read_config()[1])  # the keys as the app will have them
            sys.stdout.write(key_listing())
            return
        if args.command == "paths":
            for name, path, what in paths.every_path(paths.data_dir(args.data_dir)):
                shown = "" if path.exists() else "  (not there yet)"
                print(f"{name:<12} {path}{shown}\n{'':<12} {what}")
            return
        if args.command == "demo":  # before Store.open: the demo never opens the user's data
            from .demo import run_demo

            run_demo(on_done=args.on_done, ascii_only=args.ascii)
            return
        if args.command in ("check", "backups", "restore"):  # they work when a file is damaged
            from . import cli_recovery

            folder = _data_folder(args.data_dir)
            if args.command == "check":
                raise SystemExit(cli_recovery.check(folder))
            if args.command == "backups":
                cli_recovery.list_backups(folder)
            else:
                cli_recovery.restore(folder, args.when, yes=args.yes, now=clock.now())
            return
        if args.command == "export":
            cli.check_dates(args.since, args.until)
        if args.command == "serve":  # before a data folder is made for it
            from .serve import ServeError, check_available

            try:
                check_available()
            except ServeError as error:
                raise cli.DataError(str(error)) from None
        named = bool(args.data_dir or os.environ.get("MASTERY_HOME"))
        folder = _data_folder(args.data_dir)
        if args.command == "today":  # what the answer depends on, read before the Store reads
            from . import today_cache

            # Nothing to say yet, and no folder made for a prompt; but a named folder whose
            # parent is missing too is a typo, refused below as every command refuses it.
            if not folder.exists() and (folder.parent.exists() or not named):
                print(_today_form(cli.today(None, clock), args))
                return
            cache_key = today_cache.key(str(folder))
        store = Store.open(folder, clock, make_parents=not named)
        if store.created:
            sys.stderr.write(f"mastery: made a new data folder at {store.data_dir}\n")
        for warning in store.warnings:
            sys.stderr.write(f"mastery: warning: {warning}\n")
        if args.debug:
            from . import debuglog

            try:
                logged = debuglog.start(store.data_dir, args.command)
            except OSError as error:
                raise cli.DataError(f"can't write the debug log: {error.strerror or error}") from None
            sys.stderr.write(f"mastery: writing a debug log to {logged}\n")
        store.on_notice = lambda message: sys.stderr.write(f"mastery: warning: {message}\n")
        if args.command == "add":
            task = cli.add_task(
                store,
                clock,
                title=args.title,
                area=args.area,
                minutes=args.minutes,
                difficulty=args.difficulty,
                bad_day_ok=None if args.bad_day is None else args.bad_day == "yes",
            )
            print(task.id)
        elif args.command == "tasks":
            cli.print_tasks(store, area=args.area, as_json=args.json)
        elif args.command == "today":
            answers = cli.today(store, clock)
            print(_today_form(answers, args))
            now = clock.now()
            offset = now.utcoffset()
            if (
                not store.warnings
                and not store.created
                and cache_key["date"] == now.date().isoformat()
                and offset is not None
                and cache_key["offset"] == offset.total_seconds()
            ):  # the same day the key names, and nothing to say: kept for the fast path
                today_cache.keep(str(store.data_dir), cache_key, answers)
        elif args.command == "on-done":
            config = read_config()[0]
            print(cli.on_done(store, args.value, from_file=config and config.on_done))
        elif args.command == "export":
            cli.export(
                store,
                clock,
                fmt=args.format,
                since=args.since,
                until=args.until,
                output=args.output,
                force=args.force,
                delimiter=args.delimiter,
            )
        elif args.command == "import":
            print(cli.import_(store, clock, args.file))
        elif args.command == "stats":
            import shutil

            from .domain import history
            from .stats_report import stats_report

            color = not os.environ.get("NO_COLOR") and sys.stdout.isatty()
            print(
                stats_report(
                    store,
                    clock,
                    range_name=history.parse_range(args.range),
                    width=shutil.get_terminal_size().columns,
                    color=color,
                )
            )
        elif args.command == "serve":
            from .serve import ServeError, serve

            extra = ["--on-done", args.on_done] if args.on_done is not None else []
            extra += ["--debug"] if args.debug else []
            try:
                serve(store.data_dir, args.port, extra=extra, out=sys.stdout, err=sys.stderr)
            except ServeError as error:
                raise cli.DataError(str(error)) from None
        elif args.command == "quick":
            start = cli.quick_start(args.title, args.minutes)
            _run_app(store, clock, start=start, on_done=args.on_done, ascii_only=args.ascii)
        else:
            _run_app(store, clock, start=None, on_done=args.on_done, ascii_only=args.ascii)
    except cli.UsageError as error:
        _fail(EXIT_USAGE, str(error))
    except ValidationError as error:
        _fail(EXIT_USAGE, error.message)
    except (StoreError, cli.DataError) as error:
        _fail(EXIT_DATA, str(error))
    except BrokenPipeError:  # `mastery export | head`: the reader has all it wanted
        lean.quiet_stdout()
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None


def _utf8(text: str) -> bool:
    """Whether ``text`` is text: an argument or a variable of bytes that weren't UTF-8 holds
    surrogates (``caf\\udce9``), which can't be printed nor saved."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(text: str) -> str:
    """``text`` with its bytes that weren't UTF-8 shown as ``\\xe9``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _data_folder(data_dir: str | None) -> Path:
    """The data folder; refused (DataError) when it is the default one, inside a HOME that
    doesn't exist: a HOME set wrong, where nothing should be made."""
    from . import cli, paths

    folder = paths.data_dir(data_dir)
    wrong = None if data_dir or os.environ.get("MASTERY_HOME") else paths.missing_home(folder)
    if wrong is not None:
        name, value = wrong
        fix = "set HOME to your home folder" if name == "HOME" else f"check {name}"
        raise cli.DataError(
            f"{name} is {value}, a folder that doesn't exist, so no data folder was made in it; "
            f"{fix}, or choose a data folder with --data-dir or MASTERY_HOME"
        )
    return folder


def _dumb_terminal() -> bool:
    """TERM=dumb (an editor's shell buffer, some CI logs), unless the app is for a browser."""
    return os.environ.get("TERM") == "dumb" and not os.environ.get("TEXTUAL_DRIVER")


def _run_app(
    store: Store,
    clock: Clock,
    *,
    start: tuple[str, int] | str | None,
    on_done: str | None,
    ascii_only: bool = False,
) -> None:
    from .app import run_app  # Textual is imported here and only here

    run_app(app_services(store, clock, on_done=on_done, ascii_only=ascii_only), start=start)


def _today_form(answers: dict[str, str], args: Any) -> str:
    if args.json:
        return answers["json"]
    if args.tmux:
        from .lean import tmux_text

        return tmux_text(answers["line"])
    return answers["line"]


class _AsciiOut:
    """stdout, each character outside ASCII written as its ASCII look-alike ("…" as ".")."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from .ascii_mode import to_ascii

        return self._stream.write(to_ascii(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _ascii_on_a_terminal(flag: bool) -> None:
    """A command's words on a terminal that can't show more than ASCII (--ascii, or the POSIX
    locale), as the app shows them there. Into a file or a pipe, the words go as they are."""
    if not sys.stdout.isatty():
        return
    from .ascii_mode import wants_ascii

    if flag or wants_ascii(os.environ):
        sys.stdout = _AsciiOut(sys.stdout)


def app_services(
    store: Store,
    clock: Clock,
    *,
    on_done: str | None,
    demo: bool = False,
    ascii_only: bool = False,
) -> Any:
    """Services for the app, with config.toml's theme, on-done command and key map applied
    (--on-done over the file's). What the file gets wrong is said here, one line each, and
    again in the app; the rest of it applies. ASCII mode with --ascii, or by the locale."""
    from .ascii_mode import wants_ascii
    from .services import Services

    config, keymap = read_config()
    return Services(
        store,
        clock,
        on_done=on_done if on_done is not None else config and config.on_done,
        demo=demo,
        theme=config and config.theme,
        keymap=keymap,
        notices=list(config.problems) if config else [],
        ascii_only=ascii_only or wants_ascii(os.environ),
    )


def read_config() -> tuple[Any, dict[str, str]]:
    """config.toml (a ``config.Config``) and the key map that applies from it; each thing it
    gets wrong is said on stderr, one line each. No file: (None, {}), and nothing imported."""
    from . import paths

    where = paths.config_file()
    if not where.exists():
        return None, {}
    from . import config as config_file
    from .commands import IN_TEXT_FIELDS, key_neighbours, shipped_keys

    config = config_file.read(where)
    keymap = (
        config_file.check_keys(config, shipped_keys(), key_neighbours(), IN_TEXT_FIELDS)
        if config.keys
        else {}
    )
    for problem in config.problems:
        sys.stderr.write(f"mastery: {problem}\n")
    return config, keymap


if __name__ == "__main__":
    main()
