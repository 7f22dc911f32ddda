"""Durable TinyDB storage: the only writer of mastery's data.

The names load when first used, so ``mastery_tui.store.stamp`` and ``.schema`` can be read by
the fast read path without loading TinyDB and the models.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs the fast path 3 ms
if TYPE_CHECKING:
    from typing import Any

    from .errors import CorruptFileError, SaveError, SessionElsewhereError, StoreError
    from .store import Store

__all__ = ["CorruptFileError", "SaveError", "SessionElsewhereError", "Store", "StoreError"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from .store import Store

        return Store
    if name in __all__:
        from . import errors

        return getattr(errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
