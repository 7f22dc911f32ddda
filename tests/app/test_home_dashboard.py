"""Pilot: the Today dashboard (Home) mid-week, with nothing planned, after a week ends, and its
keys to every other screen."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from mastery_tui.domain.models import Completion, Plan, Task, WeekPlan
from mastery_tui.screens.home import HomeScreen
from mastery_tui.store import Store
from mastery_tui.widgets.week_strip import WeekStrip
from tests.app.footer_helpers import footer_words
from tests.conftest import START
from tests.factories import practice, task, week


def text(screen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.content) if widget.display else ""


OLD = START - timedelta(days=30)  # the tasks were made well before any practice


def practise(
    store: Store,
    done: Task,
    days_ago: int,
    completion: Completion = Completion.YES,
    reflection: str = "",
    mood: int = 50,
) -> None:
    practice(
        store.clock.now() - timedelta(days=days_ago, hours=1), task=done, spent=done.minutes,
        mood=(mood, mood + 5), confidence=(40, 50), difficulty=40, completion=completion,
        reflection=reflection, store=store,
    )  # fmt: skip


def week_from(store: Store, days_ago: int, **fields) -> WeekPlan:
    """A 7-day plan whose day 1 was ``days_ago`` days ago."""
    return week((store.clock.now().date() - timedelta(days=days_ago)).isoformat(), store=store, **fields)


async def test_mid_week_shows_the_day_the_strip_the_note_and_todays_task(seen_store, run_app):
    dishes = task("Wash one set of dishes", now=OLD, store=seen_store, minutes=5, difficulty=15)
    walk = task("Walk 5 minutes", now=OLD, store=seen_store, minutes=5, difficulty=20, plan=Plan(days=(0,)))
    week_from(seen_store, 2, assignments=((3, dishes.id),), note="Before dinner, not after.")
    practise(seen_store, walk, 2)
    practise(seen_store, dishes, 1, Completion.PARTLY, reflection="Half still counts.")
    async with run_app(seen_store) as ui:
        home = ui.screen
        assert isinstance(home, HomeScreen)
        assert text(home, "#home-today-title") == "Today · Day 3 of 7 · Daily living"
        lines = text(home, "#home-today").splitlines()
        assert lines[0].split(maxsplit=1)[1].startswith("Wash one set of dishes")  # the day's task first
        assert "Walk 5 minutes" in lines[1]  # planned on Mondays too
        strip = home.query_one("#home-week", WeekStrip)
        assert strip.display
        assert strip.plain == " S✓  S◐ [M…] T·  W·  T·  F· "
        assert text(home, "#home-week-legend") == "✓ done ◐ partly … today · upcoming"
        assert text(home, "#home-week-note") == (
            "Note for this week: Before dinner, not after.  Not today? s says so (and why, if you like)."
        )
        assert text(home, "#home-counts") == "Practised on 2 of the last 7 days · 2 practices this month."
        assert text(home, "#home-reflection-title") == "Last reflection · yesterday · Wash one set of dishes"
        assert text(home, "#home-reflection") == "“Half still counts.”"


async def test_a_day_with_nothing_planned_and_no_week_invites_gently(seen_store, run_app):
    task("Wash one set of dishes", now=OLD, store=seen_store, minutes=5, difficulty=15)
    async with run_app(seen_store) as ui:
        home = ui.screen
        assert text(home, "#home-today-title") == "Today"
        assert text(home, "#home-today").startswith("Nothing planned for today.")
        assert not home.query_one("#home-week-row").display
        assert text(home, "#home-week-note") == "w sets up a 7-day plan: one life area, a tiny task a day."
        assert text(home, "#home-counts").startswith("One tiny task today is a fine start")
        assert text(home, "#home-reflection") == "" and text(home, "#home-coach") == ""
        assert text(home, "#home-summary") == "You have 1 task idea in 1 life area."
        await ui.keys("c")  # nothing to go on yet: said kindly, nothing opens
        assert ui.screen is home
        assert any("few practices" in str(n.message) for n in ui.app._notifications)


async def test_after_day_seven_home_points_to_the_review(seen_store, run_app):
    week_from(seen_store, 8)
    async with run_app(seen_store) as ui:
        assert "w looks back at the week" in text(ui.screen, "#home-week-note")
        await ui.keys("w")
        from mastery_tui.screens.week_review import WeekReviewScreen

        assert isinstance(ui.screen, WeekReviewScreen)


async def test_an_upcoming_week_says_when_it_starts(seen_store, run_app):
    week_from(seen_store, -1)
    async with run_app(seen_store) as ui:
        assert text(ui.screen, "#home-week-note") == "Your 7-day plan starts tomorrow."


async def test_the_coach_line_opens_the_same_suggestion(seen_store, run_app):
    walk = task("Walk around the block", now=OLD, store=seen_store, minutes=5, difficulty=20)
    for days_ago in (1, 2, 3):
        practise(seen_store, walk, days_ago)
    for stored in seen_store.practices():
        seen_store.save_practice(stored.edit(now=seen_store.clock.now(), difficulty=20))
    async with run_app(seen_store) as ui:
        home = ui.screen
        assert text(home, "#home-coach-title") == "Coach · Just a bit harder?"
        await ui.keys("c")
        from mastery_tui.screens.coach import CoachScreen

        assert isinstance(ui.screen, CoachScreen)
        await ui.keys("y")
        assert ui.screen is home
        assert seen_store.get(Task, walk.id).minutes == 6
        assert text(home, "#home-coach-title") != "Coach · Just a bit harder?"  # refreshed


async def test_every_home_key_opens_its_screen_and_escape_comes_back(seen_store, run_app):
    from mastery_tui.screens.learn import LearnScreen
    from mastery_tui.screens.log import LogScreen
    from mastery_tui.screens.notes import NotesScreen
    from mastery_tui.screens.trends import TrendsScreen
    from mastery_tui.screens.week_setup import WeekSetupScreen

    async with run_app(seen_store) as ui:
        home = ui.screen
        for key, kind in (("l", LogScreen), ("t", TrendsScreen), ("j", NotesScreen), ("w", WeekSetupScreen)):
            await ui.keys(key)
            assert isinstance(ui.screen, kind), key
            await ui.keys("escape")
            assert ui.screen is home, key
        await ui.keys("question_mark", "h", "l")  # Support, its Help, then Learn
        assert isinstance(ui.screen, LearnScreen)


async def test_a_damaged_practice_file_is_reported_not_a_crash(seen_store, run_app):
    walk = task("Walk 5 minutes", now=OLD, store=seen_store, minutes=5, difficulty=20)
    practise(seen_store, walk, 1)
    month = seen_store.practice_files()[-1]
    month.write_text("{ not json", encoding="utf-8")
    async with run_app(seen_store) as ui:
        home = ui.screen
        assert isinstance(home, HomeScreen)
        assert "couldn't be read" in text(home, "#home-counts")
        assert any(month.name in str(n.message) for n in ui.app._notifications)
    assert month.read_text(encoding="utf-8") == "{ not json"  # kept as it was, never overwritten


async def test_the_coach_command_with_a_damaged_file_says_so(seen_store, run_app):
    walk = task("Walk 5 minutes", now=OLD, store=seen_store, minutes=5, difficulty=20)
    practise(seen_store, walk, 1)
    seen_store.practice_files()[-1].write_text("[]", encoding="utf-8")
    async with run_app(seen_store) as ui:
        ui.app.action_coach()
        await ui.settle()
        assert isinstance(ui.screen, HomeScreen)
        titles = [n.title for n in ui.app._notifications]
        assert titles.count("Couldn't read your practice log") == 2  # Home's, then the coach's


async def test_do_it_now_offers_the_weeks_task_for_today_first(seen_store, run_app):
    from mastery_tui.screens.practice.choose import ChooseTaskScreen

    dishes = task("Wash one set of dishes", now=OLD, store=seen_store, minutes=5, difficulty=15)
    task("Walk 5 minutes", now=OLD, store=seen_store, minutes=5, difficulty=20, plan=Plan(days=(0,), time="08:00"))
    task("Draw for 10 minutes", now=OLD, store=seen_store, minutes=10, difficulty=25)
    week_from(seen_store, 0, assignments=((1, dishes.id),))  # Day 1 is today
    async with run_app(seen_store) as ui:
        first_line = text(ui.screen, "#home-today").splitlines()[0]
        assert "Wash one set of dishes" in first_line
        await ui.keys("n")
        chooser = ui.screen
        assert isinstance(chooser, ChooseTaskScreen)
        from textual.widgets import OptionList

        options = chooser.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        planned = shown[1 : shown.index(next(line for line in shown if line.startswith("Other")))]
        assert [line.split(" · ")[0].strip("▸ ") for line in planned] == [
            "Wash one set of dishes",
            "Walk 5 minutes",
        ]
        await ui.keys("enter")  # the first offered is the day's task
        raw = seen_store.load_session()
        assert raw is not None and raw["title"] == "Wash one set of dishes"


async def test_a_week_of_very_low_mood_gets_one_calm_line_put_away_until_tomorrow(
    seen_store, run_app, clock, reopen
):
    """Mood 2-5 for five days: one line pointing to F1, no "harder" from the coach; x puts
    it away for the day (it doesn't come back on a restart), and it may return tomorrow."""
    walk = task("Walk 5 minutes", now=OLD, store=seen_store, minutes=5, difficulty=20)
    for days, mood in zip((1, 2, 3, 4, 5), (2, 5, 3, 4, 2), strict=True):
        practise(seen_store, walk, days, mood=mood)
    async with run_app(seen_store) as ui:
        line = ui.screen.query_one("#home-care")
        assert line.display and "F1 shows your support list" in text(ui.screen, "#home-care")
        assert "harder" not in text(ui.screen, "#home-coach").lower()
        assert "x puts this away" in text(ui.screen, "#home-care")
        assert "Support" in footer_words(ui.screen)  # F1 in the footer, whatever else is there
        assert not any(n for n in ui.notes() if "mood" in n.lower())  # no dialog, no toast
        await ui.keys("x")
        assert not line.display
    async with run_app(reopen()) as ui:
        assert not ui.screen.query_one("#home-care").display
    clock.advance(24 * 3600)
    async with run_app(reopen()) as ui:
        assert ui.screen.query_one("#home-care").display


async def test_no_line_when_mood_is_only_ordinary_low(seen_store, run_app):
    walk = task("Walk 5 minutes", now=OLD, store=seen_store, minutes=5, difficulty=20)
    for days in (1, 2, 3, 4, 5):
        practise(seen_store, walk, days, mood=40)
    async with run_app(seen_store) as ui:
        assert not ui.screen.query_one("#home-care").display


async def test_not_today_records_the_day_with_a_reason_in_a_few_keys(seen_store, run_app, reopen):
    from mastery_tui.domain import review as rv
    from mastery_tui.domain.models import Obstacle
    from mastery_tui.screens.not_today import NotTodayScreen

    walk = task("Walk 5 minutes", now=OLD, store=seen_store, minutes=5, difficulty=20)
    plan = week_from(seen_store, 2, assignments=((3, walk.id),))
    async with run_app(seen_store) as ui:
        assert "Not today? s says so" in text(ui.screen, "#home-week-note")
        await ui.keys("s")
        assert isinstance(ui.screen, NotTodayScreen)
        await ui.keys("t", "tab", *"slept badly", "enter")
        assert isinstance(ui.screen, HomeScreen)
        strip = ui.screen.query_one("#home-week", WeekStrip)
        assert "[M~]" in str(strip.render())  # today (Monday, day 3): "not today" on the strip
        assert "~ not today" in str(ui.screen.query_one("#home-week-legend").render())
        assert "Not today?" not in text(ui.screen, "#home-week-note")
        await ui.keys("s")  # said already: s does nothing more
        assert isinstance(ui.screen, HomeScreen)
    saved = reopen().get(WeekPlan, plan.id)
    assert saved is not None and saved.skips == ((3, "fatigue", "slept badly"),)
    data = rv.review_data(saved, [], today=START.date(), tz=START.tzinfo)
    assert dict(data.obstacles)[Obstacle.FATIGUE] == 1
    assert any(n.task_title == "not today" and n.note == "slept badly" for n in data.notes)


async def test_not_today_with_nothing_said_is_still_recorded(seen_store, run_app, reopen):
    walk = task("Walk 5 minutes", now=OLD, store=seen_store, minutes=5, difficulty=20)
    plan = week_from(seen_store, 0, assignments=((1, walk.id),))
    async with run_app(seen_store) as ui:
        await ui.keys("s", "enter")
        assert isinstance(ui.screen, HomeScreen)
    assert reopen().get(WeekPlan, plan.id).skips == ((1, "", ""),)  # type: ignore[union-attr]
