"""What the reliability tests share: how to start a child Python on this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("helpers") / "writer.py"
TEMP_GLOB = ".*.tmp"


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child: this checkout first on the path, no Textual dev settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def start_writer(*args: object) -> subprocess.Popen[str]:
    """``helpers/writer.py`` with ``args``, its stdin, stdout and stderr piped."""
    return subprocess.Popen(
        [sys.executable, str(WRITER), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=REPO,
    )


def leftovers(data_dir: Path) -> list[Path]:
    """Temp files and half-made backups a killed writer can leave."""
    found: list[Path] = []
    for folder in (data_dir, data_dir / "practice", data_dir / "backups"):
        if folder.is_dir():
            found.extend(folder.glob(TEMP_GLOB))
    return sorted(found)
