"""Pilot: the coach's suggestion by keyboard: accept (the task changes in the store), another,
not now, and the nothing-yet state."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from mastery_tui.domain.coach import Kind, Suggestion
from mastery_tui.domain.models import Completion, Plan, Task
from mastery_tui.screens.coach import CoachScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.store import Store
from tests.conftest import START
from tests.factories import DAILY, practice, task

OLD = START - timedelta(days=40)  # the tasks were made well before any practice


def practise(store: Store, done: Task, days_ago: float, *, felt: int, completion=Completion.YES) -> None:
    """Practised ``days_ago``, with ``felt`` difficulty (the other ratings: the same each time)."""
    practice(
        store.clock.now() - timedelta(days=days_ago), task=done, spent=done.minutes, mood=(55, 65),
        confidence=(45, 60), difficulty=felt, completion=completion, store=store,
    )  # fmt: skip


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def open_coach(ui, **kwargs) -> tuple[CoachScreen, list[Suggestion | None]]:
    results: list[Suggestion | None] = []
    screen = await ui.push(CoachScreen(ui.app.services, **kwargs), results.append)
    assert ui.screen is screen
    return screen, results


async def test_accepting_makes_the_task_a_bit_harder(seen_store, run_app):
    walk = task("Walk around the block", now=OLD, store=seen_store, minutes=5, difficulty=20)
    for days_ago, felt in ((1, 20), (2, 25), (3, 15)):
        practise(seen_store, walk, days_ago, felt=felt)
    async with run_app(seen_store) as ui:
        screen, results = await open_coach(ui)
        assert text(screen, "#coach-heading") == "Just a bit harder?"
        assert "6 minutes instead of 5, about a fifth more" in text(screen, "#coach-why")
        assert text(screen, "#coach-detail") == "“Walk around the block”: 5 → 6 minutes"
        assert "Make it 6 min" in text(screen, "#coach-hint")
        await ui.keys("y")
        assert isinstance(ui.screen, HomeScreen)
        assert [r.kind for r in results if r] == [Kind.HARDER]
        assert any("is now 6 minutes" in n.message for n in ui.app._notifications)
        changed = seen_store.get(Task, walk.id)
        assert changed is not None and changed.minutes == 6 and changed.title == walk.title

        # The next look starts a fresh count at the new size: nothing asks for more again.
        screen, _ = await open_coach(ui)
        assert text(screen, "#coach-heading") == "Keep going"
        await ui.keys("enter")
    assert seen_store.get(Task, walk.id).minutes == 6  # type: ignore[union-attr]


async def test_another_suggestion_plans_the_next_task_up_for_today(seen_store, run_app):
    walk = task("Walk around the block", now=OLD, store=seen_store, minutes=5, difficulty=20)
    jog = task("Jog to the corner", now=OLD, store=seen_store, minutes=5, difficulty=40, plan=Plan(days=(2,)))
    for days_ago in (1, 2, 3):
        practise(seen_store, walk, days_ago, felt=10)
    async with run_app(seen_store) as ui:
        home = ui.screen
        assert "Jog" not in text(home, "#home-today")
        screen, results = await open_coach(ui)
        assert text(screen, "#coach-count") == "1 of 2"
        await ui.keys("o")
        assert text(screen, "#coach-count") == "2 of 2"
        assert "“Jog to the corner” could be your next small step up" in text(screen, "#coach-why")
        assert "Plan it for today" in text(screen, "#coach-hint")
        await ui.keys("o", "o")  # wraps around and back
        assert text(screen, "#coach-count") == "2 of 2"
        await ui.keys("y")
        assert ui.screen is home
        assert results[0] is not None and results[0].target.id == jog.id
        assert "Jog to the corner" in text(home, "#home-today")
    assert seen_store.get(Task, jog.id).plan.days == (0, 2)  # type: ignore[union-attr]
    assert seen_store.get(Task, walk.id).minutes == 5  # type: ignore[union-attr]


async def test_a_smaller_version_is_added_as_a_new_task(seen_store, run_app):
    study = task("Study session", now=OLD, store=seen_store, minutes=20, difficulty=50)
    practise(seen_store, study, 1, felt=70, completion=Completion.PARTLY)
    practise(seen_store, study, 2, felt=60, completion=Completion.NO)
    async with run_app(seen_store) as ui:
        screen, _ = await open_coach(ui)
        assert text(screen, "#coach-heading") == "A smaller version?"
        assert "not a verdict" in text(screen, "#coach-why")
        await ui.keys("y")
    titles = {t.title: t for t in seen_store.tasks(area_id=DAILY)}
    assert set(titles) == {"Study session", "Study session (just 10 min)"}
    assert titles["Study session (just 10 min)"].minutes == 10


async def test_c_on_home_never_shows_the_same_card_twice(seen_store, run_app):
    """QA: ``c`` then ``o`` showed "1 of 3" and "2 of 3" word for word the same (Home's
    suggestion, a new smaller task, was not recognised in the coach's own list)."""
    walk = task("Walk 5 minutes around the block", now=OLD, store=seen_store, minutes=5, difficulty=20)
    task("Wash one set of dishes", now=OLD, store=seen_store, minutes=5, difficulty=15)
    practise(seen_store, walk, 1, felt=30, completion=Completion.PARTLY)
    practise(seen_store, walk, 2, felt=30, completion=Completion.NO)
    async with run_app(seen_store) as ui:
        assert isinstance(ui.screen, HomeScreen)
        await ui.keys("c")
        screen = ui.screen
        assert isinstance(screen, CoachScreen)
        shown = []
        for _ in screen.suggestions:
            shown.append(text(screen, "#coach-detail"))
            await ui.keys("o")
        assert len(shown) == len(set(shown)) == 2
        assert shown[0] == (
            "A smaller version for next time: “Walk 5 minutes around the block (just 2 min)”, "
            "2 min, difficulty 10 (instead of 5 min, difficulty 20)."
        )


async def test_not_now_changes_nothing(seen_store, run_app):
    walk = task("Walk", now=OLD, store=seen_store, minutes=5, difficulty=20)
    for days_ago in (1, 2, 3):
        practise(seen_store, walk, days_ago, felt=10)
    async with run_app(seen_store) as ui:
        for key in ("n", "escape"):
            _, results = await open_coach(ui)
            await ui.keys(key)
            assert isinstance(ui.screen, HomeScreen) and results == [None]
    assert seen_store.get(Task, walk.id) == walk


async def test_a_low_mood_gets_the_smallest_step(seen_store, run_app):
    task("Clean the kitchen", now=OLD, store=seen_store, minutes=30, difficulty=60)
    cup = task("Wash one cup", now=OLD, store=seen_store, minutes=2, difficulty=5)
    async with run_app(seen_store) as ui:
        screen, _ = await open_coach(ui, mood_now=20)
        assert text(screen, "#coach-heading") == "The smallest step"
        assert "(20)" in text(screen, "#coach-why") and "Wash one cup" in text(screen, "#coach-why")
        assert not screen.query_one("#coach-count").display  # only one idea: no "another"
        await ui.keys("o", "y")
    assert seen_store.get(Task, cup.id).plan.days == (0,)  # type: ignore[union-attr]


async def test_nothing_to_suggest_yet_says_so_kindly(seen_store, run_app):
    task("Walk", now=OLD, store=seen_store, minutes=5)
    async with run_app(seen_store) as ui:
        screen, results = await open_coach(ui)
        assert text(screen, "#coach-heading") == "Coach"
        assert text(screen, "#coach-why").startswith("Nothing to suggest yet.")
        await ui.keys("y")
        assert ui.screen is screen  # nothing to accept
        await ui.keys("escape")
        assert results == [None]


async def test_a_smaller_version_can_be_used_instead(seen_store, run_app):
    from mastery_tui.domain.models import Plan

    plan = Plan(days=(0, 2), time="19:30")
    study = task("Study session", now=OLD, store=seen_store, minutes=20, difficulty=50, plan=plan)
    practise(seen_store, study, 1, felt=70, completion=Completion.PARTLY)
    async with run_app(seen_store) as ui:
        screen, results = await open_coach(ui)
        assert text(screen, "#coach-heading") == "A smaller version?"
        assert "use it instead" in text(screen, "#coach-hint")
        await ui.keys("i")
        assert results and results[0] is not None
        assert any("archived" in n for n in ui.notes())
    live = seen_store.tasks(area_id=DAILY)
    assert [(t.title, t.minutes, t.plan) for t in live] == [("Study session (just 10 min)", 10, plan)]
    [old] = [t for t in seen_store.tasks(include_archived=True) if t.id == study.id]
    assert old.archived and old.plan == Plan()
