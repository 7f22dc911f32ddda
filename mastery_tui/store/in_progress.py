"""What a dropped connection must not lose: the practice in progress (one at most, owned by one
process) and the drafts of forms. Part of the Store (a mixin): it writes through the same
locked, atomic transactions on the main file."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB, where

from .errors import SessionElsewhereError
from .files import OwnerLock
from .rescue import rescues

SESSION = "session"
DRAFTS = "drafts"


class InProgress:
    _session_owner: OwnerLock

    if TYPE_CHECKING:

        def _main(self, *, write: bool = False) -> AbstractContextManager[TinyDB]: ...

        def _check_folder(self) -> None: ...

    # -- drafts: what was typed in a form when the connection dropped -------------------------

    @rescues
    def save_draft(self, key: str, draft: dict[str, Any]) -> None:
        """Keep a form's typed values (JSON-safe, cleaned by the caller) under ``key``."""
        with self._main(write=True) as db:
            db.table(DRAFTS).upsert({**draft, "key": key}, where("key") == key)

    def draft(self, key: str) -> dict[str, Any] | None:
        with self._main() as db:
            doc = db.table(DRAFTS).get(where("key") == key)
            return None if doc is None else dict(doc)

    def drafts(self) -> list[dict[str, Any]]:
        with self._main() as db:
            return [dict(doc) for doc in db.table(DRAFTS).all()]

    def clear_draft(self, key: str) -> None:
        with self._main() as db:
            if not db.table(DRAFTS).contains(where("key") == key):
                return  # nothing kept: no write (and no backup) for nothing
        with self._main(write=True) as db:
            db.table(DRAFTS).remove(where("key") == key)

    # -- the session in progress (one at most, owned by one process) ---------------------------

    def claim_session(self) -> bool:
        """Become the owner of the practice in progress (or of the next one). False while
        another process owns it: a practice running in another window is never offered here,
        so it can't be recorded twice. Raises SaveError if the lock file can't be made."""
        self._check_folder()
        return self._session_owner.claim()

    def release_session(self) -> None:
        """This process no longer runs the practice (it ended, or was left for later)."""
        self._session_owner.release()

    def _own_session(self) -> None:
        if not self.claim_session():
            raise SessionElsewhereError()

    @rescues
    def save_session(self, session: dict[str, Any]) -> None:
        """Keep the practice in progress so a dropped connection loses nothing."""
        self._own_session()
        with self._main(write=True) as db:
            table = db.table(SESSION)
            table.truncate()
            table.insert(session)

    def load_session(self) -> dict[str, Any] | None:
        with self._main() as db:
            docs = db.table(SESSION).all()
            return dict(docs[0]) if docs else None

    def clear_session(self) -> None:
        self._own_session()
        with self._main(write=True) as db:
            db.table(SESSION).truncate()
