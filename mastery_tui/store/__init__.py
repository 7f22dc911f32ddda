"""Durable TinyDB storage: the only writer of mastery's data."""

from .errors import CorruptFileError, SaveError, SessionElsewhereError, StoreError
from .store import Store

__all__ = ["CorruptFileError", "SaveError", "SessionElsewhereError", "Store", "StoreError"]
