"""Pilot: the coach's suggestion by keyboard: accept (the task changes in the store), another,
not now, and the nothing-yet state."""

from __future__ import annotations

from datetime import UTC, timedelta

from textual.widgets import Static

from mastery_tui.domain.coach import Kind, Suggestion
from mastery_tui.domain.models import Completion, Plan, Practice, Task, default_area_id
from mastery_tui.screens.coach import CoachScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.store import Store

DAILY = default_area_id("daily")


def make_task(store: Store, title: str, **fields) -> Task:
    task = Task.new(now=store.clock.now() - timedelta(days=40), title=title, area_id=DAILY, **fields)
    store.save(task)
    return task


def practise(store: Store, task: Task, days_ago: float, *, felt: int, completion=Completion.YES) -> None:
    started = store.clock.now() - timedelta(days=days_ago)
    store.save_practice(
        Practice.new(
            now=started, task_id=task.id, task_title=task.title, area_id=task.area_id,
            started=started.astimezone(UTC).isoformat(timespec="seconds"),
            planned_minutes=task.minutes, seconds_spent=task.minutes * 60,
            mood_before=55, confidence_before=45, mood_after=65, confidence_after=60,
            difficulty=felt, completion=completion,
        )
    )


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def open_coach(app, pilot, **kwargs) -> tuple[CoachScreen, list[Suggestion | None]]:
    results: list[Suggestion | None] = []
    await pilot.pause()
    screen = CoachScreen(app.services, **kwargs)
    await app.push_screen(screen, results.append)
    await pilot.pause()
    assert app.screen is screen
    return screen, results


async def test_accepting_makes_the_task_a_bit_harder(seen_store, make_app):
    walk = make_task(seen_store, "Walk around the block", minutes=5, difficulty=20)
    for days_ago, felt in ((1, 20), (2, 25), (3, 15)):
        practise(seen_store, walk, days_ago, felt=felt)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_coach(app, pilot)
        assert text(screen, "#coach-heading") == "Just a bit harder?"
        assert "10 minutes instead of 5" in text(screen, "#coach-why")
        assert text(screen, "#coach-detail") == "“Walk around the block”: 5 → 10 minutes"
        assert "Make it 10 min" in text(screen, "#coach-hint")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [r.kind for r in results if r] == [Kind.HARDER]
        assert any("is now 10 minutes" in n.message for n in app._notifications)
        changed = seen_store.get(Task, walk.id)
        assert changed is not None and changed.minutes == 10 and changed.title == walk.title

        # The next look starts a fresh count at the new size: nothing asks for more again.
        screen, _ = await open_coach(app, pilot)
        assert text(screen, "#coach-heading") == "Keep going"
        await pilot.press("enter")
        await pilot.pause()
    assert seen_store.get(Task, walk.id).minutes == 10  # type: ignore[union-attr]


async def test_another_suggestion_plans_the_next_task_up_for_today(seen_store, make_app):
    walk = make_task(seen_store, "Walk around the block", minutes=5, difficulty=20)
    jog = make_task(seen_store, "Jog to the corner", minutes=5, difficulty=40, plan=Plan(days=(2,)))
    for days_ago in (1, 2, 3):
        practise(seen_store, walk, days_ago, felt=10)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert "Jog" not in text(home, "#home-today")
        screen, results = await open_coach(app, pilot)
        assert text(screen, "#coach-count") == "1 of 2"
        await pilot.press("o")
        await pilot.pause()
        assert text(screen, "#coach-count") == "2 of 2"
        assert "“Jog to the corner” could be your next small step up" in text(screen, "#coach-why")
        assert "Plan it for today" in text(screen, "#coach-hint")
        await pilot.press("o", "o")  # wraps around and back
        await pilot.pause()
        assert text(screen, "#coach-count") == "2 of 2"
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is home
        assert results[0] is not None and results[0].target.id == jog.id
        assert "Jog to the corner" in text(home, "#home-today")
    assert seen_store.get(Task, jog.id).plan.days == (0, 2)  # type: ignore[union-attr]
    assert seen_store.get(Task, walk.id).minutes == 5  # type: ignore[union-attr]


async def test_a_smaller_version_is_added_as_a_new_task(seen_store, make_app):
    study = make_task(seen_store, "Study session", minutes=20, difficulty=50)
    practise(seen_store, study, 1, felt=70, completion=Completion.PARTLY)
    practise(seen_store, study, 2, felt=60, completion=Completion.NO)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await open_coach(app, pilot)
        assert text(screen, "#coach-heading") == "A smaller version?"
        assert "not a verdict" in text(screen, "#coach-why")
        await pilot.press("y")
        await pilot.pause()
    titles = {t.title: t for t in seen_store.tasks(area_id=DAILY)}
    assert set(titles) == {"Study session", "Study session (just 10 min)"}
    assert titles["Study session (just 10 min)"].minutes == 10


async def test_c_on_home_never_shows_the_same_card_twice(seen_store, make_app):
    """QA: ``c`` then ``o`` showed "1 of 3" and "2 of 3" word for word the same (Home's
    suggestion, a new smaller task, was not recognised in the coach's own list)."""
    walk = make_task(seen_store, "Walk 5 minutes around the block", minutes=5, difficulty=20)
    make_task(seen_store, "Wash one set of dishes", minutes=5, difficulty=15)
    practise(seen_store, walk, 1, felt=30, completion=Completion.PARTLY)
    practise(seen_store, walk, 2, felt=30, completion=Completion.NO)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CoachScreen)
        shown = []
        for _ in screen.suggestions:
            shown.append(text(screen, "#coach-detail"))
            await pilot.press("o")
            await pilot.pause()
        assert len(shown) == len(set(shown)) == 2
        assert shown[0] == "New task: “Walk 5 minutes around the block (just 2 min)”, 2 min, difficulty 10"


async def test_not_now_changes_nothing(seen_store, make_app):
    walk = make_task(seen_store, "Walk", minutes=5, difficulty=20)
    for days_ago in (1, 2, 3):
        practise(seen_store, walk, days_ago, felt=10)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("n", "escape"):
            _, results = await open_coach(app, pilot)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen) and results == [None]
    assert seen_store.get(Task, walk.id) == walk


async def test_a_low_mood_gets_the_smallest_step(seen_store, make_app):
    make_task(seen_store, "Clean the kitchen", minutes=30, difficulty=60)
    cup = make_task(seen_store, "Wash one cup", minutes=2, difficulty=5)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await open_coach(app, pilot, mood_now=20)
        assert text(screen, "#coach-heading") == "The smallest step"
        assert "(20)" in text(screen, "#coach-why") and "Wash one cup" in text(screen, "#coach-why")
        assert not screen.query_one("#coach-count").display  # only one idea: no "another"
        await pilot.press("o", "y")
        await pilot.pause()
    assert seen_store.get(Task, cup.id).plan.days == (0,)  # type: ignore[union-attr]


async def test_nothing_to_suggest_yet_says_so_kindly(seen_store, make_app):
    make_task(seen_store, "Walk", minutes=5)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, results = await open_coach(app, pilot)
        assert text(screen, "#coach-heading") == "Coach"
        assert text(screen, "#coach-why").startswith("Nothing to suggest yet.")
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen  # nothing to accept
        await pilot.press("escape")
        await pilot.pause()
        assert results == [None]
