"""``config.toml``: the theme, the on-done command and a key map, in the platform's config folder
(``mastery paths`` prints where). Optional: with no file, everything is as shipped.

    theme = "textual-light"
    on_done = "notify-send 'Time is up'"

    [keys]                     # a command's id = its new key(s), as Help names them
    "home.log" = "L"
    "log.search" = "ctrl+f,slash"

A mistake never stops the app: a file that isn't TOML is set aside whole, a wrong entry alone,
each with one line saying what and where, and the defaults take their place. The key map is
checked against the one table of commands (``commands``), so an id that doesn't exist or a key
another command of the same screen already has is named, not silently ignored. No Textual.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

KNOWN = ("theme", "on_done", "keys")
MAX_BYTES = 64 * 1024


@dataclass
class Config:
    theme: str | None = None
    on_done: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # one line each, for stderr and a toast
    path: Path | None = None


def read(path: Path) -> Config:
    """The config at ``path``; a missing file is the defaults, a bad one the defaults and a
    line in ``problems``."""
    config = Config(path=path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return config
    except OSError as error:
        config.problems.append(f"can't read {path}: {error.strerror or error}; using the defaults")
        return config
    import tomllib  # only when there is a file: it costs start-up time

    if len(raw) > MAX_BYTES:
        config.problems.append(f"{path} is over 64 KB; using the defaults")
        return config
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        config.problems.append(f"{path} isn't UTF-8 text; using the defaults")
        return config
    except tomllib.TOMLDecodeError as error:
        config.problems.append(f"{path} isn't valid TOML ({error}); using the defaults")
        return config
    except ValueError:  # a number of thousands of digits (int's 4300-digit limit)
        config.problems.append(f"{path} has a number too long to read; using the defaults")
        return config
    except RecursionError:  # x = [[[[...]]]], thousands deep
        config.problems.append(f"{path} nests lists or tables too deeply; using the defaults")
        return config
    for name in data:
        if name not in KNOWN:
            config.problems.append(
                f"{path}: '{name}' isn't a setting mastery knows ({', '.join(KNOWN)}); ignored"
            )
    theme = data.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            config.theme = theme.strip()
        else:
            config.problems.append(f"{path}: theme should be a theme's name in quotes; ignored")
    on_done = data.get("on_done")
    if on_done is not None:
        if isinstance(on_done, str):
            config.on_done = on_done.strip()
        else:
            config.problems.append(f"{path}: on_done should be a command in quotes; ignored")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.problems.append(f"{path}: [keys] should be a table of id = \"key\"; ignored")
        keys = {}
    from .commands.keynames import SAME_AS, key_name

    for command_id, value in keys.items():
        # Textual's key names: "l", "L", "ctrl+f", "f5", "question_mark", "shift+tab"; or one
        # printable character ("?", "/"), named here as Textual names it. Case only matters
        # for a letter alone: "F5" is "f5", "ctrl+F" is "ctrl+f", but "L" is shift+l.
        names = [key_name(p) for p in value.split(",")] if isinstance(value, str) else [None]
        if not all(names):
            config.problems.append(
                f"{path}: keys.{command_id} = {value!r} isn't a key name (like \"l\", "
                f"\"ctrl+f\" or \"f5\"; mastery keys lists the ones in use); ignored"
            )
            continue
        alias = next((n for n in names if n in SAME_AS), None)
        if alias is not None:
            config.problems.append(
                f"{path}: keys.{command_id} = {value!r}: a terminal sends {alias} as "
                f"{SAME_AS[alias]}, so the two can't be told apart; ignored"
            )
            continue
        config.keys[command_id] = ",".join(dict.fromkeys(n for n in names if n))
    return config


def check_keys(
    config: Config,
    known: Mapping[str, str],
    neighbours: Mapping[str, Collection[tuple[str, str]]],
    in_fields: Collection[str] = (),
) -> dict[str, str]:
    """The key map that applies: ``known`` maps each command id to its shipped key(s),
    ``neighbours`` each id to the (id, keys) of the commands active beside it (its screen's
    and the app-wide ones, Textual's own keys included). ``in_fields``: the ids that work
    while a text field has focus (F1): only a function key can be theirs (a letter types, and
    enter, backspace or the arrows are the field's). Unknown ids, clashes and such keys go
    to ``config.problems``."""
    from .commands.base import normal_key
    from .commands.keynames import is_function_key

    applied: dict[str, str] = {}
    wanted = dict(config.keys)
    where = f"{config.path}: " if config.path else ""
    for command_id, keys in wanted.items():
        if command_id not in known:
            close = [k for k in known if k.split(".")[-1] == command_id.split(".")[-1]][:3]
            hint = f"did you mean {', '.join(close)}?" if close else "mastery keys lists them"
            config.problems.append(
                f"{where}keys.{command_id}: no command has that id ({hint}); ignored"
            )
            continue
        new = {normal_key(k) for k in keys.split(",")}
        already = {normal_key(k) for k in known[command_id].split(",") if k}
        if new == already:  # the shipped key, written out: nothing moves
            continue
        if command_id in in_fields and not all(is_function_key(k) for k in new):
            config.problems.append(
                f"{where}keys.{command_id} = {keys!r}: this command works while you type in a "
                f"field, so it needs a function key no field uses (like \"f2\"); keeping "
                f"{known[command_id]!r}"
            )
            continue
        clash = next(
            (
                other
                for other, other_keys in neighbours.get(command_id, ())
                if other != command_id
                and (new - already) & {normal_key(k) for k in wanted.get(other, other_keys).split(",") if k}
            ),
            None,
        )
        if clash is not None:
            config.problems.append(
                f"{where}keys.{command_id} = {keys!r}: {clash} already has that key where "
                f"this command works; keeping {known[command_id]!r}"
            )
            continue
        applied[command_id] = keys
    return applied
