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
        "for fmt in ('csv', 'md', 'html', 'json', 'ics'):\n"
        "    main(['--data-dir', d, 'export', '-f', fmt, '-o', f'{d}/out.{fmt}'])\n"
        "main(['--data-dir', d, 'import', f'{d}/out.json'])\n"
        "for command in (['today'], ['today', '--json'], ['keys'], ['paths'], ['man'],\n"
        "                ['completion', 'bash'], ['completion', 'zsh'], ['completion', 'fish']):\n"
        "    main(['--data-dir', d, *command])\n"
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
    assert found["HEAVY "] == [], "a command that doesn't open the app loaded a heavy module"
    assert found["TEXTUAL "] == [], "stats loaded Textual"


def relative_imports(path: Path) -> set[str]:
    """The modules ``path`` imports, resolved to ``mastery_tui.…`` names (relative ones too)."""
    package = ["mastery_tui", *path.relative_to(PACKAGE).parent.parts]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                found.add(".".join([*base, *(node.module.split(".") if node.module else [])]))
            elif node.module:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_screen_or_widget_imports_the_app() -> None:
    """Screens reach their data through the services in their constructor, never self.app."""
    for folder in ("screens", "widgets"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            assert "mastery_tui.app" not in relative_imports(path), path.relative_to(PACKAGE)


def test_services_import_no_textual() -> None:
    for module in imported_modules(PACKAGE / "services.py") | relative_imports(PACKAGE / "services.py"):
        assert module.split(".")[0] not in {"textual", "rich"}, module


def test_screens_need_no_type_ignore_for_app_attributes() -> None:
    for path in sorted((PACKAGE / "screens").rglob("*.py")):
        assert "type: ignore[attr-defined" not in path.read_text(encoding="utf-8"), path.name


def test_no_file_is_over_400_lines() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 400, f"{path.relative_to(PACKAGE)} has {lines} lines"
