"""Pilot: the days picker and the yes/no answer, by every key and by the mouse."""

from __future__ import annotations

from textual.app import App, ComposeResult

from mastery_tui.widgets.days import DaysPicker, toggled
from mastery_tui.widgets.yesno import YesNo


class Pickers(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.days_seen: list[tuple[int, ...]] = []
        self.answers: list[bool] = []

    def compose(self) -> ComposeResult:
        yield DaysPicker((2,), today=0, id="days")
        yield YesNo(True, yes="Yes", no="Not really", id="yesno")

    def on_days_picker_changed(self, event: DaysPicker.Changed) -> None:
        self.days_seen.append(event.days)

    def on_yes_no_changed(self, event: YesNo.Changed) -> None:
        self.answers.append(event.value)


def test_toggled():
    assert toggled((), 3) == (3,)
    assert toggled((1, 3), 3) == (1,)
    assert toggled((5, 1), 0) == (0, 1, 5)


async def test_days_picker_keys():
    app = Pickers()
    async with app.run_test(size=(60, 4)) as pilot:
        picker = app.query_one(DaysPicker)
        picker.focus()
        await pilot.pause()
        assert picker.cursor == 0  # starts on today
        await pilot.press("space")  # toggles Monday
        assert picker.days == (0, 2)
        await pilot.press("right", "right", "space")  # Wednesday off
        assert picker.days == (0,)
        await pilot.press("left", "space")  # Tuesday on
        assert picker.days == (0, 1)
        await pilot.press("7", "5")  # Sunday, Friday by number
        assert picker.days == (0, 1, 4, 6)
        await pilot.press("t")  # today (Monday) off
        assert picker.days == (1, 4, 6)
        await pilot.press("a")  # any day
        assert picker.days == ()
        assert "any day" in picker.render().plain
        await pilot.press("left")  # wraps round
        assert picker.cursor == 6
        await pilot.pause()
        assert app.days_seen[-1] == ()


async def test_days_picker_shows_choice_without_colour_and_clicks():
    app = Pickers()
    async with app.run_test(size=(60, 4)) as pilot:
        picker = app.query_one(DaysPicker)
        assert "[Wed]" in picker.render().plain and "[Mon]" not in picker.render().plain
        await pilot.click(DaysPicker, offset=(1, 0))  # Monday's cell
        await pilot.pause()
        assert picker.days == (0, 2)


async def test_yes_no_keys_and_click():
    app = Pickers()
    async with app.run_test(size=(60, 4)) as pilot:
        answer = app.query_one(YesNo)
        answer.focus()
        await pilot.press("n")
        assert answer.value is False
        await pilot.press("y")
        assert answer.value is True
        await pilot.press("space")
        assert answer.value is False
        await pilot.press("left")
        assert answer.value is True
        await pilot.press("right")
        assert answer.value is False
        assert "(•) Not really" in answer.render().plain
        await pilot.click(YesNo, offset=(1, 0))
        await pilot.pause()
        assert answer.value is True
        assert app.answers == [False, True, False, True, False, True]


async def test_marked_list_marks_the_highlighted_option():
    from textual.content import Content
    from textual.widgets.option_list import Option

    from mastery_tui.widgets.marked_list import MarkedOptionList

    class ListApp(App[None]):
        def compose(self) -> ComposeResult:
            yield MarkedOptionList(id="list")

    app = ListApp()
    async with app.run_test(size=(40, 8)) as pilot:
        listing = app.query_one(MarkedOptionList)
        listing.set_marked_options(
            [Option(Content("Group"), disabled=True), Option(Content("one"), id="1"), Option(Content("[two]"), id="2")]
        )
        listing.focus()
        listing.action_first()
        await pilot.pause()
        assert [str(o.prompt) for o in listing.options] == ["Group", "▸ one", "  [two]"]
        await pilot.press("down")
        assert [str(o.prompt) for o in listing.options] == ["Group", "  one", "▸ [two]"]
