"""The log by keyboard: filter, search, sort, open, edit (saved, moved, refused), delete,
export. Real TinyDB in tmp_path, a fake clock, no mocks."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input, Static

from mastery_tui.domain.models import Completion
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
from tests.conftest import TZ
from tests.factories import CREATIVE

from .log_helpers import logged, open_log, seed_three, status, titles

WALK, NOTES, DISHES = (
    "Walk 5 minutes around the block",
    "Review one page of notes",
    "Wash one set of dishes",
)


async def test_newest_first_with_a_mark_on_the_current_row(seen_store, run_app):
    *_, dishes = seed_three(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        assert titles(screen) == [WALK, NOTES, DISHES]
        assert status(screen).startswith("3 practices · all dates")
        table = screen.query_one(LogTable)
        marks = [str(table.get_row_at(i)[0]).strip() for i in range(3)]
        assert marks == ["▸", "", ""]
        await ui.keys("down")
        assert [str(table.get_row_at(i)[0]).strip() for i in range(3)] == ["", "▸", ""]
        cells = {key: table.get_cell(dishes.id, key).plain.strip() for key in table.columns}
        assert cells["date"] == "Wed 11 Nov"
        assert (cells["area"], cells["minutes"], cells["completion"]) == ("Daily", "8", "not")
        assert (cells["difficulty"], cells["mood"], cells["confidence"]) == ("–", "50→–", "45→–")
        assert "not = not this time" in status(screen)


async def test_filter_by_area_and_by_dates(seen_store, run_app):
    seed_three(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("a")  # the first area with practices: School & studying
        assert titles(screen) == [NOTES]
        assert "1 practice of 3 · area: School & studying" in status(screen)
        await ui.keys("A", "A")  # backwards: every area, then the last one
        assert titles(screen) == [WALK, DISHES]
        await ui.keys("a", "a")
        await ui.keys("a")
        assert titles(screen) == [WALK, DISHES]
        await ui.keys("r")  # last 7 days
        assert titles(screen) == [WALK]
        assert "area: Daily living · last 7 days" in status(screen)
        await ui.keys("a")  # back to every area
        assert titles(screen) == [WALK, NOTES]
        await ui.keys("r", "r", "r", "r")  # 30d, 90d, 1y, all
        assert titles(screen) == [WALK, NOTES, DISHES]


async def test_the_table_takes_the_keys_again_after_a_filter_matched_nothing(seen_store, run_app):
    seed_three(seen_store)
    seen_store.save_practice(logged(seen_store, "Draw for 10 minutes", days_ago=40, area_id=CREATIVE))
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("r", "a", "a")  # the last 7 days of Creative: nothing
        assert "area: Creative" in status(screen) and titles(screen) == []
        await ui.keys("a", "a")  # every area again
        assert titles(screen) == [WALK, NOTES]
        assert screen.query_one(LogTable).has_focus
        await ui.keys("down", "enter")
        assert isinstance(ui.screen, PracticeDetailScreen)
        assert ui.screen.practice.task_title == NOTES


async def test_type_to_search_titles_and_reflections(seen_store, run_app):
    seed_three(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("slash", *"counts")
        assert titles(screen) == [NOTES]  # found in the reflection
        assert "search 'counts'" in status(screen)
        await ui.keys(*["backspace"] * 6, *"WASH")
        assert titles(screen) == [DISHES]  # in the title, whatever the case
        await ui.keys(*["backspace"] * 4, *"zebra")
        assert titles(screen) == []
        assert "No practices match" in str(screen.query_one("#log-empty", Static).content)
        await ui.keys("escape")  # clears the search and goes back to the table
        assert titles(screen) == [WALK, NOTES, DISHES]
        assert screen.query_one("#log-search", Input).value == ""
        assert screen.query_one(LogTable).has_focus


async def test_sort_by_column_and_flip(seen_store, run_app):
    seed_three(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        table = screen.query_one(LogTable)
        assert str(table.columns["date"].label).strip() == "Date ▼"
        await ui.keys("s")  # task, A to Z
        assert titles(screen) == [NOTES, WALK, DISHES]
        assert str(table.columns["task"].label).strip() == "Task ▲"
        await ui.keys("o")
        assert titles(screen) == [DISHES, WALK, NOTES]
        await ui.keys("s", "s", "s", "s", "s")  # area, minutes, did, felt, mood
        assert str(table.columns["mood"].label).strip() == "Mood ▼"
        assert titles(screen) == [WALK, NOTES, DISHES]  # +30, +15, then no after rating
        await ui.keys("s", "s")  # confidence, then date again
        assert titles(screen) == [WALK, NOTES, DISHES]


async def test_open_a_practice_in_full(seen_store, run_app):
    seed_three(seen_store)
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("down", "enter")
        screen = ui.screen
        assert isinstance(screen, PracticeDetailScreen)
        text = " ".join(str(s.content) for s in screen.query(".detail-value").results(Static))
        for expected in (
            NOTES, "School & studying", "Friday 20 November 2026, 18:30–18:45", "partly",
            "Half a page still counts", "Fatigue, low energy", "Tired after work.\nStarted anyway.",
            "40 → 55 (+15)",
        ):
            assert expected in text
        await ui.keys("escape")
        assert isinstance(ui.screen, LogScreen)


async def test_edit_a_rating_with_the_slider_is_saved(seen_store, run_app, clock, data_dir):
    walk, *_ = seed_three(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("enter", "e")
        assert isinstance(ui.screen, PracticeEditScreen)
        # title, day, time, spent, planned, did it, felt, mood before: enter moves on each time
        await ui.keys(*["enter"] * 8)
        assert ui.screen.focused.id == "edit-mood-after"
        await ui.keys("right", "right", "shift+right", "ctrl+s")  # 60 -> 72
        assert isinstance(ui.screen, PracticeDetailScreen)
        assert "30 → 72 (+42)" in " ".join(
            str(s.content) for s in ui.screen.query(".detail-value").results(Static)
        )
        await ui.keys("escape")
        assert ui.screen is screen
        assert screen.query_one(LogTable).get_cell(walk.id, "mood").plain.strip() == "30→72"

    [saved] = [p for p in Store.open(data_dir, clock).practices() if p.id == walk.id]
    assert saved.mood_after == 72
    assert saved.updated != walk.updated


async def test_moving_the_start_to_another_month_keeps_one_copy(seen_store, run_app, clock, data_dir):
    practice = logged(seen_store, "Say hi to one colleague", start=datetime(2026, 11, 2, 9, 0, tzinfo=TZ))
    seen_store.save_practices([practice])
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("enter", "e", "tab", "ctrl+a", "ctrl+k", *"2026-10-30", "ctrl+s")
        assert isinstance(ui.screen, PracticeDetailScreen)

    store = Store.open(data_dir, clock)
    [moved] = store.practices()
    assert moved.id == practice.id
    assert moved.started == "2026-10-30T08:00:00+00:00"
    assert moved.ended == "2026-10-30T08:10:00+00:00"  # the same ten minutes
    assert store.practices(since=datetime(2026, 11, 1).date()) == []


async def test_a_bad_date_is_refused_with_a_message(seen_store, run_app, clock, data_dir):
    walk, *_ = seed_three(seen_store)
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("enter", "e", "tab", "ctrl+a", "ctrl+k", *"2026-13-40", "ctrl+s")
        screen = ui.screen
        assert isinstance(screen, PracticeEditScreen)
        assert "no such day" in str(screen.query_one("#err-start", Static).content)
        assert screen.focused.id == "edit-day"
        await ui.keys("ctrl+a", "ctrl+k", *"2026-12-25", "ctrl+s")  # after today
        assert "in the future" in str(screen.query_one("#err-start", Static).content)
        await ui.keys("tab", "ctrl+a", "ctrl+k", *"7pm", "ctrl+s")
        assert "07:30 or 19:45" in str(screen.query_one("#err-start", Static).content)
    assert [p for p in Store.open(data_dir, clock).practices() if p.id == walk.id] == [walk]


async def test_a_refused_date_message_goes_once_the_date_changes(seen_store, run_app, clock, data_dir):
    """QA: "There is no such day: 2026-13-40." stayed after the date was corrected."""
    seed_three(seen_store)
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("enter", "e", "tab", "ctrl+a", "ctrl+k", *"2026-13-40", "ctrl+s")
        screen = ui.screen
        message = screen.query_one("#err-start", Static)
        assert "no such day" in str(message.content) and message.display
        await ui.keys("backspace")
        assert str(message.content) == "" and not message.display
        await ui.keys("ctrl+a", "ctrl+k", *"2026-11-20", "tab", "tab", "ctrl+a", "ctrl+k", *"abc", "ctrl+s")
        assert "Minutes spent" in str(screen.query_one("#err-minutes", Static).content)
        await ui.keys("shift+tab", "shift+tab", "shift+tab", "x")  # the title: the message stays
        assert screen.focused.id == "edit-title"
        assert screen.query_one("#err-minutes", Static).display


async def test_new_minutes_spent_move_the_end_with_them(seen_store, run_app, clock, data_dir):
    """QA: after 3 -> 4 minutes spent the detail still said 10:56–10:58."""
    practice = logged(seen_store, "Say hi", start=datetime(2026, 11, 20, 10, 56, tzinfo=TZ), minutes=3)
    seen_store.save_practices([practice])
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("enter", "e", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "4", "ctrl+s")
        screen = ui.screen
        assert isinstance(screen, PracticeDetailScreen)
        values = " ".join(str(s.content) for s in screen.query(".detail-value").results(Static))
        assert "10:56–11:00" in values and "4 minutes" in values
    [saved] = Store.open(data_dir, clock).practices()
    assert (saved.seconds_spent, saved.ended) == (240, "2026-11-20T10:00:00+00:00")


async def test_escape_with_changes_asks_before_leaving(seen_store, run_app, clock, data_dir):
    walk, *_ = seed_three(seen_store)
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("enter", "e", "end", *" slowly", "escape")
        assert isinstance(ui.screen, ConfirmScreen)
        await ui.keys("n")  # keep editing
        assert isinstance(ui.screen, PracticeEditScreen)
        await ui.keys("escape", "y")
        assert isinstance(ui.screen, PracticeDetailScreen)
        await ui.keys("e", "escape")  # nothing changed: no question
        assert isinstance(ui.screen, PracticeDetailScreen)
    assert Store.open(data_dir, clock).practices()[0] == walk


async def test_an_edit_is_kept_as_a_draft_on_hang_up_and_restored_next_start(
    seen_store, run_app, clock, data_dir
):
    walk, *_ = seed_three(seen_store)
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("enter", "e", "end", *" at dusk", "tab", "tab", "tab", "tab", "tab", "p")
        ui.app.save_state()  # what SIGHUP does before exiting
    store = Store.open(data_dir, clock)
    assert store.practices()[0] == walk  # a half-made edit is never saved as the record
    async with run_app(store) as ui:
        assert isinstance(ui.screen, DraftScreen)
        await ui.keys("enter")  # reopen it
        editor = ui.screen
        assert isinstance(editor, PracticeEditScreen)
        assert editor.query_one("#edit-title", Input).value == WALK + " at dusk"
        assert editor.query_one("#edit-completion", Choice).value == "partly"
        await ui.keys("ctrl+s")
    saved = Store.open(data_dir, clock)
    assert saved.practices()[0].task_title == WALK + " at dusk"
    assert saved.practices()[0].completion is Completion.PARTLY
    assert saved.drafts() == []


async def test_delete_asks_first(seen_store, run_app, clock, data_dir):
    walk, notes, dishes = seed_three(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("down", "d")
        assert isinstance(ui.screen, ConfirmScreen)
        await ui.keys("n")
        assert titles(screen) == [WALK, NOTES, DISHES]
        await ui.keys("d", "y")
        assert ui.screen is screen
        assert titles(screen) == [WALK, DISHES]
        assert screen.current_id == dishes.id  # the next row is highlighted
        await ui.keys("enter", "d", "y")  # from the detail view too
        assert ui.screen is screen
        assert titles(screen) == [WALK]
    assert [p.id for p in Store.open(data_dir, clock).practices()] == [walk.id]


async def test_export_writes_a_file_and_asks_before_replacing(seen_store, run_app, tmp_path, monkeypatch):
    seed_three(seen_store)
    monkeypatch.chdir(tmp_path)  # short names to type: log.csv is tmp_path / "log.csv"
    target = tmp_path / "log.csv"
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("r", "r")  # last 30 days: all three
        await ui.keys("e")
        assert isinstance(ui.screen, ExportScreen)
        assert ui.screen.query_one("#export-path", Input).value == "~/mastery-2026-11-23.md"
        await ui.keys("c")
        assert ui.screen.query_one("#export-path", Input).value == "~/mastery-2026-11-23.csv"
        await ui.keys("enter", "ctrl+a", "ctrl+k", *"log.csv", "enter")
        assert ui.screen is screen
        messages = [n.message for n in ui.app._notifications]
        assert "Saved 3 practices to log.csv" in messages
        text = target.read_text(encoding="utf-8-sig")
        assert WALK in text and DISHES in text
        assert target.stat().st_mode & 0o777 == 0o600
        target.write_text("an older file")

        await ui.keys("e", "c", "enter", "ctrl+a", "ctrl+k", *"log.csv", "enter")
        assert isinstance(ui.screen, AskScreen)
        await ui.keys("n")
        assert isinstance(ui.screen, ExportScreen)
        assert "Kept the file" in str(ui.screen.query_one("#export-error", Static).content)
        assert target.read_text() == "an older file"
        await ui.keys("ctrl+a", "ctrl+k", *"no/x.md", "enter")
        assert "doesn't exist" in str(ui.screen.query_one("#export-error", Static).content)
        await ui.keys("ctrl+a", "ctrl+k", *"log.csv", "enter", "y")  # replace it after all
        assert ui.screen is screen
        assert target.read_text(encoding="utf-8-sig") == text
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "log.csv"]  # no temp files


async def test_h_exports_the_printable_page(seen_store, run_app, tmp_path, monkeypatch):
    seed_three(seen_store)
    monkeypatch.chdir(tmp_path)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("r", "r", "e", "h")
        assert ui.screen.query_one("#export-path", Input).value == "~/mastery-2026-11-23.html"
        await ui.keys("enter", "ctrl+a", "ctrl+k", *"sheet.html", "ctrl+s")
        assert ui.screen is screen
    page = (tmp_path / "sheet.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert WALK in page and DISHES in page


async def test_escape_cancels_an_export(seen_store, run_app, tmp_path, monkeypatch):
    seed_three(seen_store)
    monkeypatch.chdir(tmp_path)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("e", "j", "escape")
        assert ui.screen is screen
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


async def test_empty_log_says_so_kindly(seen_store, run_app):
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        assert titles(screen) == []
        assert "Nothing here yet" in str(screen.query_one("#log-empty", Static).content)
        await ui.keys("a", "r", "s", "d", "enter", "e")  # nothing to act on: nothing breaks
        assert ui.screen is screen


async def test_a_long_history_shows_the_newest_rows_and_more_on_request(seen_store, run_app):
    practices = [
        logged(seen_store, f"Practice {i}", days_ago=i / 4, completion=Completion.YES)
        for i in range(ROW_LIMIT + 20)
    ]
    seen_store.save_practices(practices)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        table = screen.query_one(LogTable)
        assert table.row_count == ROW_LIMIT
        assert f"showing the newest {ROW_LIMIT} of {ROW_LIMIT + 20}" in status(screen)
        await ui.keys("m")
        assert table.row_count == ROW_LIMIT + 20
        await ui.settle()


async def test_quick_tasks_and_removed_areas_have_their_own_filter(seen_store, run_app):
    quick = logged(seen_store, "Answer one message", days_ago=1, area_id=None)
    gone = logged(seen_store, "Sketch a cup", days_ago=2, area_id="an-area-since-deleted")
    seen_store.save_practices([quick, gone])
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("a")
        assert titles(screen) == ["Sketch a cup"]
        assert "area: a removed area" in status(screen)
        await ui.keys("a")
        assert titles(screen) == ["Answer one message"]
        assert "area: quick tasks" in status(screen)
        await ui.keys("enter")
        detail = ui.screen
        assert isinstance(detail, PracticeDetailScreen)
        assert "a quick task" in [str(s.content) for s in detail.query(".detail-value").results(Static)]
