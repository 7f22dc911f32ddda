"""The whole "do it now" flow, one step after another, run by the app as a worker.

Each step is a screen with a typed result; the flow decides, the domain computes, the store
persists. The session is saved at every phase change, by the timer every few seconds, and
with whatever is typed on Before, After and "Data for next time" when the connection drops,
so the next start picks it up exactly where it was.

One practice, one owner: the flow runs only while this process holds the store's session
claim, so a second window can never resume (and record again) a practice that is still
running in the first.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.app import App

from ...domain import care
from ...domain.models import Completion, Practice, Task, WeekPlan, default_area_id
from ...domain.reflect import smaller_for, smaller_records
from ...domain.session import AdjustAnswers, AfterAnswers, Phase, Session, record_practice
from ...domain.timer import Countdown
from ...messages import Change
from ...services import Services
from ...store import StoreError
from ..base import persist
from .acknowledge import AcknowledgeScreen
from .adjust import AdjustScreen
from .after import AfterScreen
from .before import BeforeScreen, Swap
from .timer import TimerScreen

RUNNING_ELSEWHERE = (
    "A practice is running in another mastery window. Finish it there; once that window "
    "is closed, this one offers to pick it up."
)


def _save(app: App[Any], services: Services, session: Session) -> None:
    persist(app, lambda: services.store.save_session(session.to_dict()), Change.SESSION)


def _clear(app: App[Any], services: Services, *, let_go: bool = False) -> None:
    """The practice is over. ``let_go``: nothing recorded, but a mood typed on Before is still
    heard (Home's coach and line: ``Change.MOOD``)."""
    heard = [Change.MOOD] if let_go and services.typed_mood() is not None else []
    persist(app, services.store.clear_session, [Change.SESSION, *heard])


def claim(app: App[Any], services: Services) -> bool:
    """Make this window the owner of the practice in progress; say so kindly if another
    window already is."""
    try:
        claimed = services.store.claim_session()
    except StoreError as error:
        app.notify(str(error), title="Couldn't start", severity="error", timeout=10)
        return False
    if not claimed:
        app.notify(RUNNING_ELSEWHERE, title="Running elsewhere", timeout=10)
    return claimed


async def practice_flow(app: App[Any], services: Services, session: Session) -> None:
    """Walk one session from wherever it stands to a saved practice (or a kind stop)."""
    if not claim(app, services):
        return
    try:
        await _walk(app, services, session)
    finally:
        services.store.release_session()


async def _walk(app: App[Any], services: Services, session: Session) -> None:
    store, clock = services.store, services.clock
    _save(app, services, session)

    if session.phase is Phase.BEFORE:
        typing = session

        def keep_before(mood: int | None, confidence: int | None) -> None:
            _save(app, services, typing.with_before_typed(mood, confidence))

        recent = services.store.practices(since=services.today() - timedelta(days=LOOKBACK_DAYS))
        proofs = care.evidence(recent) or _older_evidence(services)  # back after a gap: theirs still
        while True:
            before = await app.push_screen_wait(
                BeforeScreen(
                    session,
                    reference=starting_ratings(services),
                    typed=session.before_typed,
                    on_typed=keep_before,
                    smallest=care.smallest_step(services.live_tasks(), session.task_id),
                    evidence=care.evidence_for(proofs, services.today()),
                    on_mood=services.type_mood,  # the coach hears it in this session
                )
            )
            if not isinstance(before, Swap):
                break
            from .start import session_for  # (start imports this module)

            session = session_for(services, before.task).with_before_typed(*before.ratings)
            typing = session
            _save(app, services, session)
        if before is None:
            _clear(app, services, let_go=True)
            app.notify("No problem. It's here whenever you're ready.", title="Not now")
            return
        mood, confidence = before
        persist(app, lambda: _remember_ratings(services, mood, confidence), Change.SETTINGS)
        session = session.with_before(mood, confidence)
        countdown = Countdown.start(
            session.minutes, mono=clock.monotonic(), wall=clock.now(), boot=clock.boot_id()
        )
        session = session.with_timer(countdown)
        _save(app, services, session)

    if session.phase is Phase.TIMER:
        countdown = session.restore_countdown(
            mono=clock.monotonic(), wall=clock.now(), boot=clock.boot_id()
        )
        timing = session

        def save_countdown(current: Countdown) -> None:
            _save(app, services, timing.with_timer(current))

        outcome = await app.push_screen_wait(
            TimerScreen(services, session, countdown, on_save=save_countdown)
        )
        if not outcome.finished:
            _clear(app, services, let_go=True)
            app.notify("Stopped. Nothing was recorded; that's fine.", title="Stopped")
            return
        said = AfterAnswers(completion=outcome.completion) if outcome.completion else None
        session = session.to_after(outcome.countdown, said)
        _save(app, services, session)

    countdown = session.restore_countdown(
        mono=clock.monotonic(), wall=clock.now(), boot=clock.boot_id()
    )
    seconds = int(countdown.elapsed(clock.monotonic()))
    task = store.get(Task, session.task_id) if session.task_id else None

    if session.phase is Phase.AFTER:
        answering = session

        def keep_after(answers: AfterAnswers) -> None:
            _save(app, services, answering.with_after(answers))

        after = await app.push_screen_wait(
            AfterScreen(
                session,
                seconds_spent=seconds,
                answers=session.after_answers,
                expected=task.difficulty if task else None,
                on_typed=keep_after,
            )
        )
        if after is None:
            app.notify("Kept for later: press n to finish recording it.", title="Saved")
            return
        session = session.to_adjust(after)
        _save(app, services, session)

    after = session.after_answers
    practice = record_practice(
        session,
        now=clock.now(),
        seconds_spent=seconds,
        completion=after.completion,
        difficulty=after.difficulty,
        mood_after=after.mood,
        confidence_after=after.confidence,
        reflection=after.reflection,
    )
    smaller: list[Task | WeekPlan] = []
    if practice.completion in (Completion.PARTLY, Completion.NO):
        # The coach's own rule and words (reflect.smaller_for): a truly smaller version, or
        # the one kept last time, or a gentle word when the task is already as small as it gets.
        found = smaller_for(task, services.live_tasks(), now=clock.now()) if task else None
        offer = found.new if found is not None else None
        adjusting = session

        def keep_adjust(answers: AdjustAnswers) -> None:
            _save(app, services, adjusting.with_adjust(answers))

        adjustment = await app.push_screen_wait(
            AdjustScreen(
                offer.title if offer else None,
                answers=session.adjust_answers,
                on_typed=keep_adjust,
                smaller_words=found.words if found is not None else "",
            )
        )
        note = "\n".join([*adjustment.answers, adjustment.note]).strip()
        practice = practice.edit(now=clock.now(), obstacles=adjustment.obstacles, note=note)
        if offer is not None and task is not None and adjustment.smaller in ("instead", "both"):
            instead = adjustment.smaller == "instead"
            weeks = store.all(WeekPlan) if instead else []
            smaller = smaller_records(task, offer, instead=instead, now=clock.now(), weeks=weeks)

    kept: Task | None = None
    if practice.task_id is None and practice.completion is not None:
        kept = await _offer_to_keep(app, services, practice)
        if kept is not None:  # the practice counts for its new task (review, table, coach)
            practice = practice.edit(now=clock.now(), task_id=kept.id, area_id=kept.area_id)
    if kept is not None and not persist(app, lambda: store.save(kept), Change.TASKS):
        return
    if not persist(app, lambda: store.save_practice(practice), Change.PRACTICES):
        return  # the session stays saved; the error was shown; nothing is lost
    added = smaller[0] if smaller and isinstance(smaller[0], Task) else None
    if added and persist(app, lambda: store.save(*smaller), (Change.TASKS, Change.WEEKS)):
        put_away = " instead (the original is archived, restorable in Brainstorm)" if len(smaller) > 1 else ""
        app.notify(f"Added for next time: {added.title}{put_away}", title="Smaller version", markup=False)
    _clear(app, services)
    await app.push_screen_wait(
        AcknowledgeScreen(practice, expected=task.difficulty if task is not None else None)
    )


async def _offer_to_keep(app: App[Any], services: Services, practice: Practice) -> Task | None:
    """A quick practice under a new title: keep it as a task (in Daily living, its minutes,
    how hard it felt as the estimate)? Nothing is chosen for the person: escape is "no". Kept,
    it asks the bad-day question too (escape: not said), never assuming the answer."""
    from ..ask import AskScreen

    keep = await app.push_screen_wait(
        AskScreen(
            f"Keep \u201c{practice.task_title}\u201d as one of your tasks?",
            yes="keep it",
            no="not now",
            detail="Then it counts in your week's review, the mastery table and the coach's ideas.",
        )
    )
    if not keep:
        return None
    felt = practice.difficulty
    estimate = (
        f"How hard it felt ({felt}) becomes its estimate."
        if felt is not None
        else "Its estimate starts at 30, as a new task's does (e in Brainstorm changes it)."
    )
    bad_day = await app.push_screen_wait(
        AskScreen(
            f"Honestly, could you do \u201c{practice.task_title}\u201d on a bad day?",
            yes="yes",
            no="not really",
            detail=f"Only you can say, now or later in Brainstorm. {estimate}",
            escape="not said yet (the task is kept)",
        )
    )
    return Task.new(
        now=services.now(),
        title=practice.task_title,
        area_id=default_area_id("daily"),
        minutes=practice.planned_minutes,
        difficulty=felt if felt is not None else 30,
        bad_day_ok=bad_day,  # None (escape): not said, so not counted as a bad-day task
        order=len(services.store.tasks(include_archived=True)),
    )


LOOKBACK_DAYS = 40
Reference = tuple[int | None, int | None]


def _older_evidence(services: Services) -> list[str]:
    """The person's own sentences from any time (none in the last ``LOOKBACK_DAYS`` days:
    back after a long gap, which is when they help most); none if the log can't be read."""
    try:
        return care.evidence(services.store.practices())
    except StoreError:
        return []


def starting_ratings(services: Services) -> Reference:
    """What the before sliders show as a reference (never as the answer): the ratings given
    last time. Imported or demo history has no remembered ratings, so then the newest
    practice's (after, else before) ratings; nothing at all without history."""
    mood, confidence = (
        services.store.setting("last_mood"),
        services.store.setting("last_confidence"),
    )
    if mood is not None or confidence is not None:
        return _rating(mood), _rating(confidence)
    try:
        recent = services.store.practices(since=services.today() - timedelta(days=LOOKBACK_DAYS))
    except StoreError:
        return None, None
    if not recent:
        return None, None
    newest = recent[0]
    return (
        newest.mood_after if newest.mood_after is not None else newest.mood_before,
        newest.confidence_after
        if newest.confidence_after is not None
        else newest.confidence_before,
    )


def _rating(value: object) -> int | None:
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100
        else None
    )


def _remember_ratings(services: Services, mood: int | None, confidence: int | None) -> None:
    """Remember the ratings given (a skipped one keeps the last reference)."""
    if mood is not None:
        services.store.set_setting("last_mood", mood)
    if confidence is not None:
        services.store.set_setting("last_confidence", confidence)
