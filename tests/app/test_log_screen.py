"""The log by keyboard: filter, search, sort, open, edit (saved, moved, refused), delete,
export. Real TinyDB in tmp_path, a fake clock, no mocks."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input, Static

from mastery_tui.domain.models import Completion, default_area_id
from mastery_tui.screens.ask import AskScreen
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.drafts import DraftScreen
from mastery_tui.screens.log import ROW_LIMIT, LogScreen
from mastery_tui.screens.log_export import ExportScreen
from mastery_tui.screens.log_table import LogTable
from mastery_tui.screens.practice_detail import PracticeDetailScreen
from mastery_tui.screens.practice_edit import PracticeEditScreen
from mastery_tui.store import Store
from mastery_tui.widgets.choice import Choice

from ..conftest import TZ
from .log_helpers import keys, make_practice, open_log, seed_three, settle, status, titles

WALK, NOTES, DISHES = (
    "Walk 5 minutes around the block",
    "Review one page of notes",
    "Wash one set of dishes",
)


async def test_newest_first_with_a_mark_on_the_current_row(seen_store, make_app):
    *_, dishes = seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        assert titles(screen) == [WALK, NOTES, DISHES]
        assert status(screen).startswith("3 practices · all dates")
        table = screen.query_one(LogTable)
        marks = [str(table.get_row_at(i)[0]).strip() for i in range(3)]
        assert marks == ["▸", "", ""]
        await keys(pilot, "down")
        assert [str(table.get_row_at(i)[0]).strip() for i in range(3)] == ["", "▸", ""]
        cells = {key: table.get_cell(dishes.id, key).plain.strip() for key in table.columns}
        assert cells["date"] == "Wed 11 Nov"
        assert (cells["area"], cells["minutes"], cells["completion"]) == ("Daily", "8", "not")
        assert (cells["difficulty"], cells["mood"], cells["confidence"]) == ("–", "50→–", "45→–")
        assert "not = not this time" in status(screen)


async def test_filter_by_area_and_by_dates(seen_store, make_app):
    seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "a")  # the first area with practices: School & studying
        assert titles(screen) == [NOTES]
        assert "1 practice of 3 · area: School & studying" in status(screen)
        await keys(pilot, "A", "A")  # backwards: every area, then the last one
        assert titles(screen) == [WALK, DISHES]
        await keys(pilot, "a", "a")
        await keys(pilot, "a")
        assert titles(screen) == [WALK, DISHES]
        await keys(pilot, "r")  # last 7 days
        assert titles(screen) == [WALK]
        assert "area: Daily living · last 7 days" in status(screen)
        await keys(pilot, "a")  # back to every area
        assert titles(screen) == [WALK, NOTES]
        await keys(pilot, "r", "r", "r", "r")  # 30d, 90d, 1y, all
        assert titles(screen) == [WALK, NOTES, DISHES]


async def test_the_table_takes_the_keys_again_after_a_filter_matched_nothing(seen_store, make_app):
    seed_three(seen_store)
    creative = default_area_id("creative")
    seen_store.save_practice(make_practice(seen_store, "Draw for 10 minutes", days_ago=40, area_id=creative))
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "r", "a", "a")  # the last 7 days of Creative: nothing
        assert "area: Creative" in status(screen) and titles(screen) == []
        await keys(pilot, "a", "a")  # every area again
        assert titles(screen) == [WALK, NOTES]
        assert screen.query_one(LogTable).has_focus
        await keys(pilot, "down", "enter")
        assert isinstance(pilot.app.screen, PracticeDetailScreen)
        assert pilot.app.screen.practice.task_title == NOTES


async def test_type_to_search_titles_and_reflections(seen_store, make_app):
    seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "slash", *"counts")
        assert titles(screen) == [NOTES]  # found in the reflection
        assert "search 'counts'" in status(screen)
        await keys(pilot, *["backspace"] * 6, *"WASH")
        assert titles(screen) == [DISHES]  # in the title, whatever the case
        await keys(pilot, *["backspace"] * 4, *"zebra")
        assert titles(screen) == []
        assert "No practices match" in str(screen.query_one("#log-empty", Static).content)
        await keys(pilot, "escape")  # clears the search and goes back to the table
        assert titles(screen) == [WALK, NOTES, DISHES]
        assert screen.query_one("#log-search", Input).value == ""
        assert screen.query_one(LogTable).has_focus


async def test_sort_by_column_and_flip(seen_store, make_app):
    seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        table = screen.query_one(LogTable)
        assert str(table.columns["date"].label).strip() == "Date ▼"
        await keys(pilot, "s")  # task, A to Z
        assert titles(screen) == [NOTES, WALK, DISHES]
        assert str(table.columns["task"].label).strip() == "Task ▲"
        await keys(pilot, "o")
        assert titles(screen) == [DISHES, WALK, NOTES]
        await keys(pilot, "s", "s", "s", "s", "s")  # area, minutes, did, felt, mood
        assert str(table.columns["mood"].label).strip() == "Mood ▼"
        assert titles(screen) == [WALK, NOTES, DISHES]  # +30, +15, then no after rating
        await keys(pilot, "s", "s")  # confidence, then date again
        assert titles(screen) == [WALK, NOTES, DISHES]


async def test_open_a_practice_in_full(seen_store, make_app):
    seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "down", "enter")
        screen = pilot.app.screen
        assert isinstance(screen, PracticeDetailScreen)
        text = " ".join(str(s.content) for s in screen.query(".detail-value").results(Static))
        for expected in (
            NOTES, "School & studying", "Friday 20 November 2026, 18:30–18:45", "partly",
            "Half a page still counts", "Fatigue, low energy", "Tired after work.\nStarted anyway.",
            "40 → 55 (+15)",
        ):
            assert expected in text
        await keys(pilot, "escape")
        assert isinstance(pilot.app.screen, LogScreen)


async def test_edit_a_rating_with_the_slider_is_saved(seen_store, make_app, clock, data_dir):
    walk, *_ = seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "enter", "e")
        assert isinstance(pilot.app.screen, PracticeEditScreen)
        # title, day, time, spent, planned, did it, felt, mood before: enter moves on each time
        await keys(pilot, *["enter"] * 8)
        assert pilot.app.screen.focused.id == "edit-mood-after"
        await keys(pilot, "right", "right", "shift+right", "ctrl+s")  # 60 -> 72
        assert isinstance(pilot.app.screen, PracticeDetailScreen)
        assert "30 → 72 (+42)" in " ".join(
            str(s.content) for s in pilot.app.screen.query(".detail-value").results(Static)
        )
        await keys(pilot, "escape")
        assert pilot.app.screen is screen
        assert screen.query_one(LogTable).get_cell(walk.id, "mood").plain.strip() == "30→72"

    [saved] = [p for p in Store.open(data_dir, clock).practices() if p.id == walk.id]
    assert saved.mood_after == 72
    assert saved.updated != walk.updated


async def test_moving_the_start_to_another_month_keeps_one_copy(seen_store, make_app, clock, data_dir):
    practice = make_practice(seen_store, "Say hi to one colleague", start=datetime(2026, 11, 2, 9, 0, tzinfo=TZ))
    seen_store.save_practices([practice])
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "enter", "e", "tab", "ctrl+a", "ctrl+k", *"2026-10-30", "ctrl+s")
        assert isinstance(pilot.app.screen, PracticeDetailScreen)

    store = Store.open(data_dir, clock)
    [moved] = store.practices()
    assert moved.id == practice.id
    assert moved.started == "2026-10-30T08:00:00+00:00"
    assert moved.ended == "2026-10-30T08:10:00+00:00"  # the same ten minutes
    assert store.practices(since=datetime(2026, 11, 1).date()) == []


async def test_a_bad_date_is_refused_with_a_message(seen_store, make_app, clock, data_dir):
    walk, *_ = seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "enter", "e", "tab", "ctrl+a", "ctrl+k", *"2026-13-40", "ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, PracticeEditScreen)
        assert "no such day" in str(screen.query_one("#err-start", Static).content)
        assert screen.focused.id == "edit-day"
        await keys(pilot, "ctrl+a", "ctrl+k", *"2026-12-25", "ctrl+s")  # after today
        assert "in the future" in str(screen.query_one("#err-start", Static).content)
        await keys(pilot, "tab", "ctrl+a", "ctrl+k", *"7pm", "ctrl+s")
        assert "07:30 or 19:45" in str(screen.query_one("#err-start", Static).content)
    assert [p for p in Store.open(data_dir, clock).practices() if p.id == walk.id] == [walk]


async def test_a_refused_date_message_goes_once_the_date_changes(seen_store, make_app, clock, data_dir):
    """QA: "There is no such day: 2026-13-40." stayed after the date was corrected."""
    seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "enter", "e", "tab", "ctrl+a", "ctrl+k", *"2026-13-40", "ctrl+s")
        screen = pilot.app.screen
        message = screen.query_one("#err-start", Static)
        assert "no such day" in str(message.content) and message.display
        await keys(pilot, "backspace")
        assert str(message.content) == "" and not message.display
        await keys(pilot, "ctrl+a", "ctrl+k", *"2026-11-20", "tab", "tab", "ctrl+a", "ctrl+k", *"abc", "ctrl+s")
        assert "Minutes spent" in str(screen.query_one("#err-minutes", Static).content)
        await keys(pilot, "shift+tab", "shift+tab", "shift+tab", "x")  # the title: the message stays
        assert screen.focused.id == "edit-title"
        assert screen.query_one("#err-minutes", Static).display


async def test_new_minutes_spent_move_the_end_with_them(seen_store, make_app, clock, data_dir):
    """QA: after 3 -> 4 minutes spent the detail still said 10:56–10:58."""
    practice = make_practice(seen_store, "Say hi", start=datetime(2026, 11, 20, 10, 56, tzinfo=TZ), minutes=3)
    seen_store.save_practices([practice])
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "enter", "e", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "4", "ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, PracticeDetailScreen)
        values = " ".join(str(s.content) for s in screen.query(".detail-value").results(Static))
        assert "10:56–11:00" in values and "4 minutes" in values
    [saved] = Store.open(data_dir, clock).practices()
    assert (saved.seconds_spent, saved.ended) == (240, "2026-11-20T10:00:00+00:00")


async def test_escape_with_changes_asks_before_leaving(seen_store, make_app, clock, data_dir):
    walk, *_ = seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "enter", "e", "end", *" slowly", "escape")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await keys(pilot, "n")  # keep editing
        assert isinstance(pilot.app.screen, PracticeEditScreen)
        await keys(pilot, "escape", "y")
        assert isinstance(pilot.app.screen, PracticeDetailScreen)
        await keys(pilot, "e", "escape")  # nothing changed: no question
        assert isinstance(pilot.app.screen, PracticeDetailScreen)
    assert Store.open(data_dir, clock).practices()[0] == walk


async def test_an_edit_is_kept_as_a_draft_on_hang_up_and_restored_next_start(
    seen_store, make_app, clock, data_dir
):
    walk, *_ = seed_three(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "enter", "e", "end", *" at dusk", "tab", "tab", "tab", "tab", "tab", "p")
        app.save_state()  # what SIGHUP does before exiting
    store = Store.open(data_dir, clock)
    assert store.practices()[0] == walk  # a half-made edit is never saved as the record
    again = make_app(store)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, DraftScreen)
        await keys(pilot, "enter")  # reopen it
        editor = again.screen
        assert isinstance(editor, PracticeEditScreen)
        assert editor.query_one("#edit-title", Input).value == WALK + " at dusk"
        assert editor.query_one("#edit-completion", Choice).value == "partly"
        await keys(pilot, "ctrl+s")
    saved = Store.open(data_dir, clock)
    assert saved.practices()[0].task_title == WALK + " at dusk"
    assert saved.practices()[0].completion is Completion.PARTLY
    assert saved.drafts() == []


async def test_delete_asks_first(seen_store, make_app, clock, data_dir):
    walk, notes, dishes = seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "down", "d")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await keys(pilot, "n")
        assert titles(screen) == [WALK, NOTES, DISHES]
        await keys(pilot, "d", "y")
        assert pilot.app.screen is screen
        assert titles(screen) == [WALK, DISHES]
        assert screen.current_id == dishes.id  # the next row is highlighted
        await keys(pilot, "enter", "d", "y")  # from the detail view too
        assert pilot.app.screen is screen
        assert titles(screen) == [WALK]
    assert [p.id for p in Store.open(data_dir, clock).practices()] == [walk.id]


async def test_export_writes_a_file_and_asks_before_replacing(seen_store, make_app, tmp_path, monkeypatch):
    seed_three(seen_store)
    monkeypatch.chdir(tmp_path)  # short names to type: log.csv is tmp_path / "log.csv"
    target = tmp_path / "log.csv"
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "r", "r")  # last 30 days: all three
        await keys(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path", Input).value == "~/mastery-2026-11-23.md"
        await keys(pilot, "c")
        assert app.screen.query_one("#export-path", Input).value == "~/mastery-2026-11-23.csv"
        await keys(pilot, "enter", "ctrl+a", "ctrl+k", *"log.csv", "enter")
        assert app.screen is screen
        messages = [n.message for n in app._notifications]
        assert "Saved 3 practices to log.csv" in messages
        text = target.read_text(encoding="utf-8-sig")
        assert WALK in text and DISHES in text
        assert target.stat().st_mode & 0o777 == 0o600
        target.write_text("an older file")

        await keys(pilot, "e", "c", "enter", "ctrl+a", "ctrl+k", *"log.csv", "enter")
        assert isinstance(app.screen, AskScreen)
        await keys(pilot, "n")
        assert isinstance(app.screen, ExportScreen)
        assert "Kept the file" in str(app.screen.query_one("#export-error", Static).content)
        assert target.read_text() == "an older file"
        await keys(pilot, "ctrl+a", "ctrl+k", *"no/x.md", "enter")
        assert "doesn't exist" in str(app.screen.query_one("#export-error", Static).content)
        await keys(pilot, "ctrl+a", "ctrl+k", *"log.csv", "enter", "y")  # replace it after all
        assert app.screen is screen
        assert target.read_text(encoding="utf-8-sig") == text
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "log.csv"]  # no temp files


async def test_escape_cancels_an_export(seen_store, make_app, tmp_path, monkeypatch):
    seed_three(seen_store)
    monkeypatch.chdir(tmp_path)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "e", "j", "escape")
        assert app.screen is screen
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


async def test_empty_log_says_so_kindly(seen_store, make_app):
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        assert titles(screen) == []
        assert "Nothing here yet" in str(screen.query_one("#log-empty", Static).content)
        await keys(pilot, "a", "r", "s", "d", "enter", "e")  # nothing to act on: nothing breaks
        assert pilot.app.screen is screen


async def test_a_long_history_shows_the_newest_rows_and_more_on_request(seen_store, make_app):
    practices = [
        make_practice(seen_store, f"Practice {i}", days_ago=i / 4, completion=Completion.YES)
        for i in range(ROW_LIMIT + 20)
    ]
    seen_store.save_practices(practices)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        table = screen.query_one(LogTable)
        assert table.row_count == ROW_LIMIT
        assert f"showing the newest {ROW_LIMIT} of {ROW_LIMIT + 20}" in status(screen)
        await keys(pilot, "m")
        assert table.row_count == ROW_LIMIT + 20
        await settle(pilot)


async def test_quick_tasks_and_removed_areas_have_their_own_filter(seen_store, make_app):
    quick = make_practice(seen_store, "Answer one message", days_ago=1, area_id=None)
    gone = make_practice(seen_store, "Sketch a cup", days_ago=2, area_id="an-area-since-deleted")
    seen_store.save_practices([quick, gone])
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "a")
        assert titles(screen) == ["Sketch a cup"]
        assert "area: a removed area" in status(screen)
        await keys(pilot, "a")
        assert titles(screen) == ["Answer one message"]
        assert "area: quick tasks" in status(screen)
        await keys(pilot, "enter")
        detail = pilot.app.screen
        assert isinstance(detail, PracticeDetailScreen)
        assert "a quick task" in [str(s.content) for s in detail.query(".detail-value").results(Static)]
