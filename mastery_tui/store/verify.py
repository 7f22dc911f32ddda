"""Whether a data file is one this mastery can read, exactly as the app reads it: it parses,
its schema is one this mastery knows, and every record in it builds. The one test behind
backups (only such a copy is kept), ``mastery check`` and ``mastery restore``: a file with a
rating of 500 parses, but the app can't open it, so it is no good copy either."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import ValidationError
from . import migrations
from .errors import CorruptFileError
from .files import decode_json
from .layout import KINDS, MAIN_FILE


def record_counts(path: Path, payload: bytes | None = None) -> dict[str, int]:
    """How many records of each kind ``path`` holds. Raises CorruptFileError when the app
    couldn't read it, OSError when the file can't be opened."""
    tables = decode_json(path, path.read_bytes() if payload is None else payload)
    if path.name == MAIN_FILE:
        version = migrations.file_version(tables)
        if isinstance(version, str):
            raise CorruptFileError(path, version)
        if version > migrations.SCHEMA_VERSION:
            raise CorruptFileError(
                path,
                f"written by a newer mastery (schema {version}; this one reads up to "
                f"{migrations.SCHEMA_VERSION})",
            )
    counts: dict[str, int] = {}
    for name, docs in tables.items():
        kind = KINDS.get(name)
        if kind is None:
            continue
        for doc in docs.values():
            try:
                kind.from_dict(doc)
            except ValidationError as error:
                raise CorruptFileError(path, f"a stored {kind.KIND} is invalid: {error}") from None
            except (RecursionError, OverflowError, ValueError) as error:
                raise CorruptFileError(
                    path, f"a stored {kind.KIND} can't be read: {error}"
                ) from None
        counts[name] = len(docs)
    return counts


def is_good(path: Path) -> bool:
    """A file the app could open as it is."""
    try:
        record_counts(path)
    except (OSError, CorruptFileError):
        return False
    return True
