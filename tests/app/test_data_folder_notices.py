"""Pilot: the app names a data folder it has just made, and shows (once) a backup that can't be
made while the save itself goes through."""

from __future__ import annotations

from mastery_tui.store import Store


async def test_a_failed_backup_is_shown_and_the_task_is_saved(seen_store, run_app, clock, reopen):
    clock.advance(24 * 3600)  # a new day: its first save makes the day's backup
    (seen_store.data_dir / "backups").write_text("not a folder")
    async with run_app(seen_store) as ui:
        await ui.keys("b", "right", "n", *"Walk", "ctrl+s")
        await ui.keys("n", *"Read", "ctrl+s")
        said = [n for n in ui.notes() if "backup couldn't be made" in n]
        assert len(said) == 1 and "your changes are saved" in said[0]
    assert {"Walk", "Read"} <= {t.title for t in reopen().tasks()}


async def test_a_new_data_folder_is_named_on_the_first_run(tmp_path, clock, run_app):
    store = Store.open(tmp_path / "new", clock)
    assert store.created
    async with run_app(store) as ui:
        assert any(str(tmp_path / "new") in n and "this computer only" in n for n in ui.notes())
    async with run_app(Store.open(tmp_path / "new", clock)) as ui:
        assert not any("this computer only" in n for n in ui.notes())
