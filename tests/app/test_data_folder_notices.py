"""Pilot: the app names a data folder it has just made, and shows (once) a backup that can't be
made while the save itself goes through."""

from __future__ import annotations

from mastery_tui.store import Store


async def test_a_failed_backup_is_shown_and_the_task_is_saved(seen_store, run_app, clock, reopen):
    clock.advance(24 * 3600)  # a new day: its first save makes the day's backup
    (seen_store.data_dir / "backups").write_text("not a folder")
    async with run_app(seen_store) as ui:
        await ui.keys("b", "right", "n", *"Walk", "ctrl+s", "y", "ctrl+s")  # (y: the bad-day answer)
        await ui.keys("n", *"Read", "ctrl+s", "y", "ctrl+s")
        said = [n for n in ui.notes() if "backup couldn't be made" in n]
        assert len(said) == 1 and "saving goes on without it" in said[0]
    assert {"Walk", "Read"} <= {t.title for t in reopen().tasks()}


async def test_a_new_data_folder_is_named_on_the_first_run(tmp_path, clock, run_app):
    store = Store.open(tmp_path / "new", clock)
    assert store.created
    async with run_app(store) as ui:
        assert any(str(tmp_path / "new") in n and "this computer only" in n for n in ui.notes())
    async with run_app(Store.open(tmp_path / "new", clock)) as ui:
        assert not any("this computer only" in n for n in ui.notes())


async def test_a_folder_swapped_while_typing_keeps_the_text_and_says_where(
    seen_store, run_app, clock, tmp_path
):
    other = Store.open(tmp_path / "elsewhere", clock)
    async with run_app(seen_store) as ui:
        await ui.keys("b", "right", "n", *"Walk to the river")
        form = ui.screen
        form.query_one("#task-bad-day").value = True  # (the person's answer)
        seen_store.data_dir.rename(tmp_path / "old")
        seen_store.data_dir.symlink_to(other.data_dir)
        await ui.keys("ctrl+s")
        assert ui.screen is form  # still open, the words still there
        said = [n for n in ui.notes() if "different folder" in n]
        assert len(said) == 1 and "kept in" in said[0]
        ui.app.save_state()  # a hang-up now: the draft goes beside the folder too
    assert other.tasks() == []
    (kept,) = (tmp_path / "data-rescued").glob("*.json")
    assert "Walk to the river" in kept.read_text()
    (tmp_path / "data").unlink()
    (tmp_path / "old").rename(tmp_path / "data")
    async with run_app(Store.open(tmp_path / "data", clock)) as ui:
        assert any("what you saved was kept in" in n for n in ui.notes())
