"""The layering holds: domain/ imports neither Textual nor TinyDB; CLI commands never load Textual."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import mastery_tui

PACKAGE = Path(mastery_tui.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    files = sorted((PACKAGE / "domain").rglob("*.py"))
    assert files
    for path in files:
        for module in imported_modules(path):
            top = module.split(".")[0]
            assert top not in {"textual", "tinydb", "rich", "plotext", "textual_plotext"}, (
                f"{path.name} imports {module}"
            )


def test_screens_and_widgets_do_not_touch_tinydb() -> None:
    for folder in ("screens", "widgets"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            assert not any(m.split(".")[0] == "tinydb" for m in imported_modules(path)), path.name


def test_cli_commands_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys, json, importlib.util\n"
        "from mastery_tui.__main__ import main\n"
        "d = sys.argv[1]\n"
        "main(['--data-dir', d, 'add', 'Walk 5 minutes', '--minutes', '5'])\n"
        "main(['--data-dir', d, 'tasks', '--json'])\n"
        "for fmt in ('csv', 'md', 'json'):\n"
        "    main(['--data-dir', d, 'export', '-f', fmt, '-o', f'{d}/out.{fmt}'])\n"
        "main(['--data-dir', d, 'import', f'{d}/out.json'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'plotext', 'textual_plotext'))\n"
        "print('HEAVY', json.dumps(heavy))\n"
        "if importlib.util.find_spec('mastery_tui.stats_report'):\n"
        "    main(['--data-dir', d, 'stats', '--range', 'all'])\n"  # plotext may load: it draws
        "print('TEXTUAL', json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d")],
        capture_output=True,
        text=True,
        check=True,
    )
    found = {
        marker: json.loads(line.removeprefix(marker))
        for line in result.stdout.splitlines()
        for marker in ("HEAVY ", "TEXTUAL ")
        if line.startswith(marker)
    }
    assert found["HEAVY "] == [], "add, tasks, export or import loaded a heavy module"
    assert found["TEXTUAL "] == [], "stats loaded Textual"
