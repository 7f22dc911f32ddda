"""The whole "do it now" flow, one step after another, run by the app as a worker.

Each step is a screen with a typed result; the flow decides, the domain computes, the store
persists. The session is saved at every phase change (and by the timer every few seconds), so
a dropped connection at any point can be picked up on the next start.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from ...domain.models import Completion, Task
from ...domain.reflect import smaller_task
from ...domain.session import Phase, Session, record_practice
from ...domain.timer import Countdown
from ...store import StoreError
from .acknowledge import AcknowledgeScreen
from .adjust import AdjustScreen
from .after import AfterScreen
from .before import BeforeScreen
from .timer import TimerScreen

if TYPE_CHECKING:
    from ...app import MasteryApp


def _save(app: MasteryApp, session: Session) -> None:
    app.persist(lambda: app.store.save_session(session.to_dict()), "session")


def _clear(app: MasteryApp) -> None:
    app.persist(app.store.clear_session, "session")


async def practice_flow(app: MasteryApp, session: Session) -> None:
    """Walk one session from wherever it stands to a saved practice (or a kind stop)."""
    store, clock = app.store, app.clock
    _save(app, session)

    if session.phase is Phase.BEFORE:
        last = starting_ratings(app)
        before = await app.push_screen_wait(BeforeScreen(session, mood=last[0], confidence=last[1]))
        if before is None:
            _clear(app)
            app.notify("No problem. It's here whenever you're ready.", title="Not now")
            return
        mood, confidence = before
        app.persist(lambda: _remember_ratings(app, mood, confidence), "settings")
        session = session.with_before(mood, confidence)
        countdown = Countdown.start(session.minutes, mono=clock.monotonic(), wall=clock.now())
        session = session.with_timer(countdown)
        _save(app, session)

    if session.phase is Phase.TIMER:
        countdown = session.restore_countdown(mono=clock.monotonic(), wall=clock.now())
        timing = session

        def save_countdown(current: Countdown) -> None:
            _save(app, timing.with_timer(current))

        outcome = await app.push_screen_wait(
            TimerScreen(
                session,
                countdown,
                on_save=save_countdown,
                on_done_command=app.on_done_command,
            )
        )
        if not outcome.finished:
            _clear(app)
            app.notify("Stopped. Nothing was recorded; that's fine.", title="Stopped")
            return
        session = session.to_after(outcome.countdown)
        _save(app, session)

    seconds = int(session.restore_countdown(mono=clock.monotonic(), wall=clock.now()).elapsed(clock.monotonic()))
    after = await app.push_screen_wait(AfterScreen(session, seconds_spent=seconds))
    if after is None:
        app.notify("Kept for later: press n to finish recording it.", title="Saved")
        return

    task = store.get(Task, session.task_id) if session.task_id else None
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
    smaller: Task | None = None
    if practice.completion is not Completion.YES:
        offer = smaller_task(task, practice, now=clock.now())
        adjustment = await app.push_screen_wait(AdjustScreen(offer.title if offer else None))
        note = "\n".join([*adjustment.answers, adjustment.note]).strip()
        practice = practice.edit(now=clock.now(), obstacles=adjustment.obstacles, note=note)
        if adjustment.make_smaller:
            smaller = offer

    if not app.persist(lambda: store.save_practice(practice), "practices"):
        return  # the session stays saved; the error was shown; nothing is lost
    if smaller is not None and app.persist(lambda: store.save(smaller), "tasks"):
        app.notify(f"Added for next time: {smaller.title}", title="Smaller version", markup=False)
    _clear(app)
    await app.push_screen_wait(AcknowledgeScreen(practice))


LOOKBACK_DAYS = 40
NEUTRAL = (50, 50)


def starting_ratings(app: MasteryApp) -> tuple[int, int]:
    """Where the before sliders start: the ratings given last time. Imported or demo history
    has no remembered ratings, so then the newest practice's (after, else before) ratings."""
    mood, confidence = app.store.setting("last_mood"), app.store.setting("last_confidence")
    if mood is not None and confidence is not None:
        return int(mood), int(confidence)
    try:
        recent = app.store.practices(since=app.clock.now().date() - timedelta(days=LOOKBACK_DAYS))
    except StoreError:
        return NEUTRAL
    if not recent:
        return NEUTRAL
    newest = recent[0]
    return (
        newest.mood_after if newest.mood_after is not None else newest.mood_before,
        newest.confidence_after if newest.confidence_after is not None else newest.confidence_before,
    )


def _remember_ratings(app: MasteryApp, mood: int, confidence: int) -> None:
    app.store.set_setting("last_mood", mood)
    app.store.set_setting("last_confidence", confidence)
