"""Focus reads without colour: where two lists or a list and a text field share a screen, only
the focused list shows ▸, and a text field on its own shows a bar while it has focus. Also: the
practice editor's sliders line up. Real app, real TinyDB in tmp_path, keys only."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget

from mastery_tui.screens.practice.adjust import AdjustScreen
from mastery_tui.screens.practice_edit import PracticeEditScreen
from mastery_tui.widgets.checklist import CheckList
from mastery_tui.widgets.fields import FieldLabel, FieldRow, TextField
from mastery_tui.widgets.marked_list import MarkedOptionList
from mastery_tui.widgets.rating import RatingSlider
from tests.factories import task

from .log_helpers import open_log, seed_three
from .practice_helpers import TONIGHT, before_and_timer, start_from_home

BAR = "▌"  # the left edge of an "outer" border


def screen_text(widget: Widget, region: Region | None = None) -> list[str]:
    """The characters the screen shows over ``region`` (default: the widget's own region)."""
    region = region or widget.region
    strips = widget.screen._compositor.render_strips()
    return [
        strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)
    ]


def marks(listing: MarkedOptionList) -> int:
    """How many ▸ the list shows on screen."""
    return sum(line.count("▸") for line in screen_text(listing))


async def open_adjust(ui, clock) -> AdjustScreen:
    await start_from_home(ui)
    await before_and_timer(ui, clock, mood="30", confidence="30", minutes_spent=3)
    await ui.keys("n", "enter", "8", "0", "enter", "enter", "enter", "enter", "enter")
    assert isinstance(ui.screen, AdjustScreen)
    return ui.screen


async def test_only_the_focused_checklist_shows_its_mark(seen_store, run_app, clock):
    task("Study for 20 minutes", minutes=20, difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_adjust(ui, clock)
        questions = screen.query_one("#adjust-questions", CheckList)
        obstacles = screen.query_one("#adjust-obstacles", CheckList)
        assert (marks(questions), marks(obstacles)) == (1, 0)

        await ui.keys("tab")
        assert screen.focused is obstacles
        assert (marks(questions), marks(obstacles)) == (0, 1)
        await ui.keys("down", "space")
        assert obstacles.selected == ["perfectionism"]
        assert screen_text(obstacles)[1].startswith("▸ [x] Perfectionism")

        await ui.keys("tab")  # the note field: no list claims space now
        assert (marks(questions), marks(obstacles)) == (0, 0)
        await ui.keys("shift+tab")
        assert (marks(questions), marks(obstacles)) == (0, 1)
        assert obstacles.highlighted == 1  # the place is kept while away


async def test_a_lone_text_field_shows_a_bar_only_while_focused(seen_store, run_app, clock):
    task("Study for 20 minutes", minutes=20, difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_adjust(ui, clock)
        note = screen.query_one("#adjust-note", TextField)
        [line] = screen_text(note)
        assert not line.startswith(BAR)
        assert "Anything else worth noting?" in line

        await ui.keys("tab", "tab")
        assert screen.focused is note
        [line] = screen_text(note)
        assert line.startswith(BAR)
        await ui.keys(*"tired")
        assert "tired" in screen_text(note)[0]


class FieldsApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TextField(id="alone")
        with FieldRow(id="row"):
            yield FieldLabel("Title")
            yield TextField(id="in-row")


async def test_a_field_in_a_row_keeps_one_bar_the_rows():
    app = FieldsApp()
    async with app.run_test(size=(60, 6)) as pilot:
        await pilot.press("tab")
        row = app.screen.query_one("#row", FieldRow)
        field = app.screen.query_one("#in-row", TextField)
        assert app.screen.focused is field
        [line] = screen_text(row)
        assert line.startswith(BAR) and line.count(BAR) == 1
        assert not screen_text(app.screen.query_one("#alone", TextField))[0].startswith(BAR)


async def test_lists_that_answer_enter_from_a_search_field_keep_their_mark(seen_store, run_app):
    task("Wash one set of dishes", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await ui.keys("n")
        listing = ui.screen.query_one("#choose-list", MarkedOptionList)
        assert ui.screen.focused is not listing
        assert marks(listing) == 1


async def test_the_editors_sliders_line_up(seen_store, run_app):
    seed_three(seen_store)
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("enter", "e")
        screen = ui.screen
        assert isinstance(screen, PracticeEditScreen)
        sliders = list(screen.query(RatingSlider))
        assert len(sliders) == 5
        assert len({s.size.width for s in sliders}) == 1
        assert len({s._track_width() for s in sliders}) == 1
