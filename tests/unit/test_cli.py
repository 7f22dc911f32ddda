"""The CLI, run as a real process: exit codes, one readable line on errors, JSON for scripts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mastery_tui import __version__


def mastery(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mastery_tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


@pytest.fixture
def d(tmp_path: Path) -> str:
    (tmp_path / "data").mkdir(mode=0o700)  # an existing folder: no "made a new data folder" line
    return str(tmp_path / "data")


def test_version_and_help() -> None:
    assert mastery("--version").stdout.strip() == f"mastery {__version__}"
    help_text = mastery("--help").stdout
    assert "add" in help_text and "tasks" in help_text and "--data-dir" in help_text


def test_add_prints_id_and_tasks_lists_it(d: str) -> None:
    added = mastery(
        "--data-dir",
        d,
        "add",
        "Reply to one avoided email",
        "--area",
        "work",
        "-m",
        "10",
        "-d",
        "45",
    )
    assert added.returncode == 0, added.stderr
    task_id = added.stdout.strip()
    assert len(task_id) == 36

    listed = mastery("--data-dir", d, "tasks", "--json")
    assert listed.returncode == 0
    tasks = json.loads(listed.stdout)
    assert len(tasks) == 1
    task = tasks[0]
    assert task["id"] == task_id
    assert task["title"] == "Reply to one avoided email"
    assert task["area"] == "Work & career"
    # no --bad-day: not said, never guessed from the estimate (45 would have read as "yes")
    assert (task["minutes"], task["difficulty"], task["bad_day_ok"], task["archived"]) == (10, 45, None, False)
    assert task["plan"] == {"days": [], "time": "", "ready": ""}

    table = mastery("--data-dir", d, "tasks").stdout
    assert "Reply to one avoided email" in table and "Work & career" in table
    assert "not said" in table


@pytest.mark.parametrize(("answer", "stored"), [("yes", True), ("no", False)])
def test_add_records_the_bad_day_answer_given(d: str, answer: str, stored: bool) -> None:
    assert mastery("--data-dir", d, "add", "Walk", "-d", "90", "--bad-day", answer).returncode == 0
    [task] = json.loads(mastery("--data-dir", d, "tasks", "--json").stdout)
    assert task["bad_day_ok"] is stored
    refused = mastery("--data-dir", d, "add", "Walk", "--bad-day", "maybe")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr


def test_area_filter_and_default_area(d: str) -> None:
    mastery("--data-dir", d, "add", "Walk 5 minutes")
    mastery("--data-dir", d, "add", "Draw for 10 minutes", "--area", "creative")
    creative = json.loads(mastery("--data-dir", d, "tasks", "--area", "Creative", "--json").stdout)
    assert [t["title"] for t in creative] == ["Draw for 10 minutes"]
    everything = json.loads(mastery("--data-dir", d, "tasks", "--json").stdout)
    assert {t["area"] for t in everything} == {"Daily living", "Creative"}


def test_mastery_home_environment_variable(tmp_path: Path) -> None:
    home = tmp_path / "from-env"
    assert mastery("add", "Sit outside 5 minutes", env={"MASTERY_HOME": str(home)}).returncode == 0
    assert (home / "mastery.json").is_file()


def test_hostile_title_is_stored_clean(d: str) -> None:
    mastery("--data-dir", d, "add", "[TODO] \x1b[2J\u202eread\x1b]52;c;eA==\x07 one page")
    tasks = json.loads(mastery("--data-dir", d, "tasks", "--json").stdout)
    assert tasks[0]["title"] == "[TODO] read one page"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["add", "Walk", "--minutes", "0"], "minutes must be from 1 to 180"),
        (["add", "Walk", "--minutes", "ten"], "minutes must be a whole number"),
        (["add", "Walk", "--difficulty", "150"], "difficulty must be from 0 to 100"),
        (["add", "Walk", "--area", "gardening"], "no life area called 'gardening'"),
        (["add", "   "], "Title can't be empty"),
        (["frobnicate"], "invalid choice"),
        (["tasks", "--nope"], "unrecognized arguments"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(d: str, args: list[str], fragment: str) -> None:
    result = mastery("--data-dir", d, *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mastery")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_corrupt_file_exits_1_with_one_line_and_is_untouched(d: str) -> None:
    mastery("--data-dir", d, "add", "Walk")
    main = Path(d) / "mastery.json"
    main.write_bytes(b'{"tasks": {"1": {"title": "Wal')
    before = main.read_bytes()
    for args in (["tasks"], ["add", "Another"]):
        result = mastery("--data-dir", d, *args)
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert str(main) in lines[0] and "not valid JSON" in lines[0]
        assert main.read_bytes() == before


def test_quick_refuses_bad_minutes_with_one_line(d: str) -> None:
    result = mastery("--data-dir", d, "quick", "Walk", "-m", "500")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "mastery quick: argument --minutes/-m: minutes must be from 1 to 180, not 500 (see 'mastery quick --help')"
    ]


def test_on_done_setting_is_shown_set_and_cleared(d: str) -> None:
    assert "none" in mastery("--data-dir", d, "on-done").stdout
    assert mastery("--data-dir", d, "on-done", "notify-send 'Time is up'").returncode == 0
    assert mastery("--data-dir", d, "on-done").stdout.strip() == "notify-send 'Time is up'"
    bad = mastery("--data-dir", d, "on-done", "notify-send 'unclosed")
    assert bad.returncode == 2 and "can't read that command" in bad.stderr
    assert mastery("--data-dir", d, "on-done", "").stdout.strip() == "on-done command cleared"


def test_a_data_dir_that_is_a_file_is_named_in_one_line(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    result = mastery("--data-dir", str(a_file), "tasks")
    assert result.returncode == 1
    assert (
        result.stderr
        == f"mastery: {a_file} is a file, not a folder; give a folder with --data-dir or MASTERY_HOME\n"
    )
    assert a_file.read_text(encoding="utf-8") == "mine"


def test_a_new_folder_is_said_and_a_missing_parent_is_not_made(tmp_path: Path) -> None:
    new = tmp_path / "data"
    first = mastery("--data-dir", str(new), "tasks")
    assert first.returncode == 0
    assert first.stderr == f"mastery: made a new data folder at {new}\n"
    assert mastery("--data-dir", str(new), "tasks").stderr == ""  # once, when it is made

    typo = tmp_path / "dta" / "mastery"
    refused = mastery("--data-dir", str(typo), "tasks")
    assert refused.returncode == 1
    assert refused.stderr == (
        f"mastery: {typo.parent} doesn't exist, so {typo} wasn't made; check the name, "
        "or create the folder above it first\n"
    )
    assert not typo.parent.exists()
    home = mastery("tasks", env={"MASTERY_HOME": str(typo)})  # the same for MASTERY_HOME
    assert home.returncode == 1 and not typo.parent.exists()


def test_arguments_that_arent_utf8_are_one_line(d: str) -> None:
    """A terminal in Latin-1 sends "café" as caf\\xe9: refused, named, nothing written."""
    result = subprocess.run(
        [sys.executable, "-m", "mastery_tui", "--data-dir", d, "add", b"caf\xe9"],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == (
        b"mastery: the argument 'caf\\xe9' isn't UTF-8 text; check your terminal's encoding "
        b"(LANG, LC_ALL)\n"
    )
    assert json.loads(mastery("--data-dir", d, "tasks", "--json").stdout) == []


def test_a_title_starting_with_a_dash_goes_after_double_dash(d: str) -> None:
    assert mastery("--data-dir", d, "add", "-walk").returncode == 2  # taken as an option
    assert mastery("--data-dir", d, "add", "--", "-walk").returncode == 0
    titles = [t["title"] for t in json.loads(mastery("--data-dir", d, "tasks", "--json").stdout)]
    assert titles == ["-walk"]


def test_an_import_with_a_broken_escape_is_refused_before_anything_is_written(
    d: str, tmp_path: Path
) -> None:
    assert mastery("--data-dir", d, "add", "Walk").returncode == 0
    exported = json.loads(mastery("--data-dir", d, "export", "-f", "json").stdout)
    exported["tasks"][0]["title"] = "Walk"
    text = json.dumps(exported).replace('"title": "Walk"', '"title": "W\\ud800lk"', 1)
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    before = (Path(d) / "mastery.json").read_bytes()
    result = mastery("--data-dir", d, "import", str(bad))
    assert result.returncode == 1
    assert (
        result.stderr.count("\n") == 1
        and "Title holds characters that aren't valid text" in result.stderr
    )
    assert "nothing was imported" in result.stderr
    assert (Path(d) / "mastery.json").read_bytes() == before


def test_keys_and_on_done_show_what_config_toml_applies(d: str, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'on_done = "date >> ~/done.log"\n[keys]\n"home.log" = "L"\n"app.support" = "s"\n'
    )
    env = {"MASTERY_CONFIG": str(config)}
    keys = mastery("keys", env=env)
    assert keys.returncode == 0
    log_line = next(
        line for line in keys.stdout.splitlines() if line.strip().startswith("home.log ")
    )
    assert log_line.split()[1] == "L" and log_line.endswith("(moved; shipped: l)")
    support = next(
        line for line in keys.stdout.splitlines() if line.strip().startswith("app.support ")
    )
    assert support.split()[1] == "F1"  # a key that types can't be Support's: the shipped one stays
    assert keys.stderr.count("\n") == 1 and "it needs a function key no field uses" in keys.stderr

    shown = mastery("--data-dir", d, "on-done", env=env).stdout
    assert "config.toml's on_done is the one used: date >> ~/done.log" in shown
    assert mastery("--data-dir", d, "on-done", "true", env=env).stdout.startswith(
        "on-done command set: true\n(config.toml's on_done is the one used"
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        pytest.param("9" * 5000, "a number too long to read", id="5000-digits"),
        pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="lists-100k-deep"),
        pytest.param('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply", id="objects"),
    ],
)
def test_an_import_file_too_odd_to_parse_is_one_line(
    d: str, tmp_path: Path, value: str, reason: str
) -> None:
    """A 5,000-digit number gave a ValueError traceback; 100k-deep nesting must not either."""
    assert mastery("--data-dir", d, "add", "Walk").returncode == 0
    before = (Path(d) / "mastery.json").read_bytes()
    odd = tmp_path / "odd.json"
    odd.write_text('{"format":"mastery-export","version":1,"x":' + value + "}")
    result = mastery("--data-dir", d, "import", str(odd))
    assert result.returncode == 1
    assert result.stderr == (
        f"mastery: {odd}: not JSON mastery can read ({reason}); nothing was imported\n"
    )
    assert (Path(d) / "mastery.json").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["add", "-walk"],
            "mastery add: the following arguments are required: TITLE; a title that starts "
            "with - goes after --: mastery add -- -walk (see 'mastery add --help')",
        ),
        (
            ["add", "-walk", "--area", "work"],
            "mastery add: the following arguments are required: TITLE; a title that starts "
            "with - goes after --: mastery add --area work -- -walk (see 'mastery add --help')",
        ),
        (
            ["add", "-dishes"],  # -d 'ishes' to argparse
            "mastery add: argument --difficulty/-d: difficulty must be a whole number, not "
            "'ishes'; a title that starts with - goes after --: mastery add -- -dishes "
            "(see 'mastery add --help')",
        ),
        (
            ["quick", "-m", "5", "-walk"],
            "mastery quick: unrecognized arguments: -walk; a title that starts with - goes "
            "after --: mastery quick -m 5 -- -walk (see 'mastery quick --help')",
        ),
        (  # a mistyped option, or a title already given: no hint
            ["add", "--nope"],
            "mastery add: the following arguments are required: TITLE (see 'mastery add --help')",
        ),
        (
            ["add", "-m5"],
            "mastery add: the following arguments are required: TITLE (see 'mastery add --help')",
        ),
        (["add", "Walk", "-walk"], "mastery: unrecognized arguments: -walk (see 'mastery --help')"),
    ],
)
def test_a_title_read_as_an_option_is_shown_after_double_dash(
    d: str, args: list[str], line: str
) -> None:
    result = mastery("--data-dir", d, *args)
    assert result.returncode == 2
    assert result.stderr == line + "\n"


def test_help_and_the_man_page_say_where_a_dash_title_goes() -> None:
    for command in ("add", "quick"):
        assert f"A title that starts with - goes after --:\n  mastery {command} -- -walk\n" in (
            mastery(command, "--help").stdout
        )
    page = mastery("man").stdout
    assert "A title that starts with \\- goes after \\-\\-: mastery add \\-\\- \\-walk" in page
    assert "mastery quick \\-\\- \\-walk" in page


@pytest.mark.parametrize(
    "args", [[], ["tasks"], ["tasks", "--json"], ["today"], ["add", "Walk"], ["check"]]
)  # ([]: the app, refused before it starts)
def test_a_home_that_doesnt_exist_is_named_and_nothing_is_made(
    tmp_path: Path, args: list[str]
) -> None:
    """HOME=/nonexistent/x made HOME and all its parents, with a new empty data folder."""
    home = tmp_path / "nonexistent" / "x"
    env = {k: v for k, v in os.environ.items() if k not in ("MASTERY_HOME", "XDG_DATA_HOME")}
    result = subprocess.run(
        [sys.executable, "-m", "mastery_tui", *args],
        capture_output=True,
        text=True,
        env={**env, "HOME": str(home), "TERM": "xterm-256color"},
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"mastery: HOME is {home}, a folder that doesn't exist, so no data folder was made in "
        "it; set HOME to your home folder, or choose a data folder with --data-dir or "
        "MASTERY_HOME\n"
    )
    assert not (tmp_path / "nonexistent").exists()
    if not args:
        return
    (tmp_path / "data").mkdir(mode=0o700)
    named = mastery("--data-dir", str(tmp_path / "data"), *args, env={"HOME": str(home)})
    assert "HOME" not in named.stderr and named.returncode == 0, named.stderr  # HOME unused


@pytest.mark.parametrize("name", ["MASTERY_HOME", "MASTERY_CONFIG"])
@pytest.mark.parametrize("args", [["tasks", "--json"], ["add", "Walk"]])
def test_a_path_variable_that_isnt_utf8_is_one_line(
    tmp_path: Path, name: str, args: list[str]
) -> None:
    """MASTERY_HOME=$'/tmp/caf\\xe9h' was taken, and the notice printed caf\\udce9h."""
    folder = os.fsencode(tmp_path) + b"/caf\xe9h"
    env = {os.fsencode(k): os.fsencode(v) for k, v in os.environ.items()}
    result = subprocess.run(
        [sys.executable, "-m", "mastery_tui", *args],
        capture_output=True,
        env={**env, name.encode(): folder},
        timeout=60,
    )
    assert result.returncode == 2
    shown = os.fsencode(tmp_path) + b"/caf\\xe9h"
    assert result.stderr == (
        b"mastery: " + name.encode() + b" '" + shown + b"' isn't UTF-8 text; set it to a path "
        b"written in UTF-8 (check your terminal's encoding: LANG, LC_ALL)\n"
    )
    assert not os.path.exists(folder)


@pytest.mark.parametrize("args", [["tasks"], ["add", "Walk"]])
def test_an_xdg_data_home_that_cant_be_is_named_and_nothing_is_made(
    tmp_path: Path, args: list[str]
) -> None:
    """XDG_DATA_HOME set to a mistyped place outside HOME: nothing made, one line. Inside an
    existing HOME (~/.local/share on a new account) it is made as usual."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "MASTERY_HOME"}

    def run(xdg: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mastery_tui", *args],
            capture_output=True,
            text=True,
            env={**env, "HOME": str(home), "XDG_DATA_HOME": str(xdg)},
            timeout=60,
        )

    wrong = tmp_path / "nope" / "deep" / "share"
    result = run(wrong)
    assert result.returncode == 1
    assert result.stderr.startswith(f"mastery: XDG_DATA_HOME is {wrong}, a folder that doesn't exist")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "nope").exists()
    inside = home / ".local" / "share"
    made = run(inside)
    assert made.returncode == 0, made.stderr
    assert (inside / "mastery").is_dir()
