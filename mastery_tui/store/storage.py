"""A TinyDB Storage that writes atomically and shares a parse cache keyed by file identity.

Each transaction opens a fresh TinyDB over this storage *inside the write lock*, so the file
is re-read if another process changed it and TinyDB's cached next id is never stale.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .files import decode_json, encode_json, write_bytes_atomic

Signature = tuple[int, int, int]


class FileCache:
    """Parsed file contents, reused while the file on disk is the same file (inode, mtime, size).

    That signature is enough to skip re-reading for display, but not to build a write on:
    ext4 gives a freed inode number to the next new file at once, and mtime ticks are coarse
    on many systems (a jiffy, 1 s on HFS+, 2 s on FAT), so another process's second save can
    look exactly like the file this cache holds. Writes pass ``verify=True``: the bytes are
    read again and compared with the bytes the parse came from (kept: an exact comparison, and
    no hash module to import at start-up), and parsed again only if they differ.
    """

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[Signature, bytes, dict[str, Any]]] = {}

    @staticmethod
    def signature(path: Path) -> Signature | None:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def load(self, path: Path, *, verify: bool = False) -> dict[str, Any] | None:
        sig = self.signature(path)
        if sig is None:
            self._entries.pop(path, None)
            return None
        entry = self._entries.get(path)
        if entry is not None and entry[0] == sig and not verify:
            return entry[2]
        with open(path, "rb") as handle:
            payload = handle.read()
            st = os.fstat(handle.fileno())  # the file these bytes came from, not the one stat saw
        sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        if entry is not None and entry[1] == payload:
            self._entries[path] = (sig, entry[1], entry[2])
            return entry[2]
        data = decode_json(path, payload)
        self._entries[path] = (sig, payload, data)
        return data

    def content(self, path: Path) -> bytes | None:
        """The bytes the cached parse of ``path`` came from (after ``load``)."""
        entry = self._entries.get(path)
        return None if entry is None else entry[1]

    def remember(self, path: Path, data: dict[str, Any], payload: bytes) -> None:
        sig = self.signature(path)
        if sig is not None:
            self._entries[path] = (sig, payload, data)

    def forget(self, path: Path) -> None:
        self._entries.pop(path, None)


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file. With ``batch=True`` writes wait for ``flush()``."""

    def __init__(self, path: Path, *, cache: FileCache, batch: bool = False) -> None:
        self.path = Path(path)
        self._cache = cache
        self._batch = batch
        self._pending: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._pending is not None:
            return self._pending
        return self._cache.load(self.path)

    def write(self, data: dict[str, Any]) -> None:
        self._pending = data
        if not self._batch:
            self.flush()

    def flush(self) -> None:
        if self._pending is None:
            return
        data, self._pending = self._pending, None
        payload = encode_json(data)
        try:
            write_bytes_atomic(self.path, payload)
        except BaseException:
            self._cache.forget(self.path)  # TinyDB changed the cached dict in place
            raise
        self._cache.remember(self.path, data, payload)

    def discard(self) -> None:
        if self._pending is not None:
            self._pending = None
            self._cache.forget(self.path)

    def close(self) -> None:
        pass
