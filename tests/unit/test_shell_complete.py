"""Shell completion and the man page, generated from the argparse parser: real bash completes
commands, options and their values; zsh and fish read their scripts (where installed); groff
renders the man page without a warning; and every command of the parser is in all of them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mastery_tui.cli_parser import build_parser
from mastery_tui.shell_complete import describe

COMMANDS = [command.name for command in describe(build_parser())[1]]


def generated(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mastery_tui", *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("completion") / "mastery.bash"
    path.write_text(generated("completion", "bash"))
    return path


def complete_in_bash(script: Path, line: str, cwd: Path | None = None) -> list[str]:
    """What bash offers for ``line`` (the cursor at its end), through the real function."""
    words = line.split(" ")
    program = (
        f"source {script}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_mastery\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        capture_output=True, text=True, timeout=30, cwd=cwd,
    )  # fmt: skip
    assert done.returncode == 0 and not done.stderr, done.stderr
    return [line for line in done.stdout.splitlines() if line]


def test_bash_completes_commands_options_and_their_values(bash_script: Path, tmp_path: Path) -> None:
    assert set(COMMANDS) <= set(complete_in_bash(bash_script, "mastery "))
    assert complete_in_bash(bash_script, "mastery ex") == ["export"]
    assert complete_in_bash(bash_script, "mastery export -f ") == ["csv", "md", "html", "json", "ics"]
    assert complete_in_bash(bash_script, "mastery export --de") == ["--delimiter"]
    assert complete_in_bash(bash_script, "mastery export --delimiter s") == ["semicolon"]
    assert complete_in_bash(bash_script, "mastery completion ") == ["bash", "zsh", "fish"]
    assert complete_in_bash(bash_script, "mastery --data-dir /work/main --debug to") == ["today"]
    (tmp_path / "backup.json").write_text("{}")
    (tmp_path / "folder").mkdir()
    assert complete_in_bash(bash_script, "mastery import b", cwd=tmp_path) == ["backup.json"]
    assert complete_in_bash(bash_script, "mastery --data-dir f", cwd=tmp_path) == ["folder"]
    (tmp_path / "my backup.json").write_text("{}")
    (tmp_path / "my folder").mkdir()
    assert complete_in_bash(bash_script, "mastery import my", cwd=tmp_path) == [
        "my backup.json", "my folder"
    ]  # fmt: skip
    assert complete_in_bash(bash_script, "mastery --data-dir my", cwd=tmp_path) == ["my folder"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_read_their_scripts(shell: str, tmp_path: Path) -> None:
    text = generated("completion", shell)
    for name in COMMANDS:
        assert name in text
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} isn't installed here; the script's words were checked")
    script = tmp_path / f"mastery.{shell}"
    script.write_text(text)
    checked = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    if shell == "fish":
        offered = subprocess.run(
            ["fish", "--no-config", "-c", f"source {script}; complete -C 'mastery export -f '"],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert [line.split("\t")[0] for line in offered.stdout.splitlines()] == sorted(
            ["csv", "md", "html", "json", "ics"]
        )


def test_the_man_page_renders_cleanly_with_every_command_and_the_safety_note() -> None:
    page = generated("man")
    assert page.startswith(".TH MASTERY 1 ")
    assert "practice/YYYY\\-MM.json" in page  # a plain minus, no backslash shown
    assert "\\fBMASTERY_CONFIG\\fR" in page
    assert "\\fBquick\\fR [\\fB\\-m\\fR \\fIMINUTES\\fR] [\\fITITLE\\fR]" in page  # optional
    for name in COMMANDS:
        assert f"\\fB{name.replace('-', chr(92) + '-')}\\fR" in page, name
    if shutil.which("groff") is None:
        pytest.skip("groff isn't installed here; the page's words were checked")
    shown = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww"], input=page, capture_output=True, text=True, timeout=30
    )
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    plain = " ".join(re.sub(".\b", "", shown.stdout).split())  # bold is overstruck: X\bX
    assert "call your local emergency number" in plain
    assert "PLEASE KEEP IN MIND" in plain and "mastery today" in plain
