"""Files no JSON parser should choke on: deep nesting and numbers of thousands of digits, in
the main file and in a month file, give the one readable CorruptFileError, never a traceback,
and the file is left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from mastery_tui.store import CorruptFileError, Store
from tests import factories

DEEP = b"[" * 100_000 + b"]" * 100_000
HUGE = b'{"tasks": {"1": {"minutes": ' + b"9" * 5_000 + b"}}}"


@pytest.mark.parametrize(("payload", "words"), [(DEEP, "nested too deeply"), (HUGE, "far too long")])
def test_the_main_file(tmp_path: Path, clock, payload: bytes, words: str):
    data = tmp_path / "data"
    Store.open(data, clock)
    (data / "mastery.json").write_bytes(payload)
    with pytest.raises(CorruptFileError, match=words):
        Store.open(data, clock)
    assert (data / "mastery.json").read_bytes() == payload


@pytest.mark.parametrize(("payload", "words"), [(DEEP, "nested too deeply"), (HUGE, "far too long")])
def test_a_month_file(tmp_path: Path, clock, payload: bytes, words: str):
    data = tmp_path / "data"
    store = Store.open(data, clock)
    factories.practice(clock.now(), store=store)
    [month] = (data / "practice").glob("*.json")
    month.write_bytes(payload)
    with pytest.raises(CorruptFileError, match=words):
        Store.open(data, clock).practices()
    assert month.read_bytes() == payload
