"""Words matter (SKILL.md, Language): no string the app can show a person shames or pressures.
Every string literal in mastery_tui (f-string parts included; docstrings aside) is read."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import mastery_tui
from mastery_tui.domain import care

BANNED = re.compile(
    r"\b(fail|fails|failed|failure|lazy|streak broken|broke your streak|should have|only managed)\b",
    re.IGNORECASE,
)


def user_strings() -> list[tuple[str, int, str]]:
    found = []
    for path in Path(mastery_tui.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found.append((path.name, node.lineno, node.value))
    return found


def test_the_scan_reads_the_app_words() -> None:
    texts = [text for _, _, text in user_strings()]
    assert len(texts) > 500
    assert any("Not this time" in text or "not this time" in text for text in texts)


def test_no_string_shames_or_pressures() -> None:
    # care.HOPELESS_WORDS is never shown: it keeps sentences with such words out of the
    # evidence bank (its only strings skipped here, each one exactly).
    never_shown = {("care.py", word) for word in care.HOPELESS_WORDS}
    offending = [
        (name, line, text[:80])
        for name, line, text in user_strings()
        if BANNED.search(text) and (name, text) not in never_shown
    ]
    assert offending == []
