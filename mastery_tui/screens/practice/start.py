"""Ways into a practice: ``n`` (choose a task), ``ctrl+n`` and ``mastery quick`` (a title and
minutes), and the practice a dropped connection left waiting, which always comes first: a new
one never overwrites it (there is one practice in progress at a time)."""

from __future__ import annotations

from typing import Any

from textual.app import App

from ...domain.errors import ValidationError
from ...domain.models import Task
from ...domain.plan import has_plan, plan_sentence
from ...domain.session import AfterAnswers, Phase, Session, linked_quick
from ...domain.timer import format_clock
from ...messages import Change
from ...services import Services
from ..base import persist
from .choose import ChooseTaskScreen, QuickTask, QuickTaskScreen
from .flow import claim, practice_flow
from .resume import ResumeScreen


async def do_it_now(app: App[Any], services: Services) -> None:
    """``n``: finish the practice waiting, or choose what to practise now."""
    if services.store.load_session() is not None:
        await offer_waiting(app, services)
        return
    planned, others = services.todays_tasks()
    choice = await app.push_screen_wait(ChooseTaskScreen(planned, others))
    if choice is not None:
        await practice_flow(app, services, session_for(services, choice))


async def quick_task(app: App[Any], services: Services) -> None:
    """``ctrl+n``: a quick task, just a title and minutes."""
    if services.store.load_session() is not None:
        await offer_waiting(app, services)
        return
    choice = await app.push_screen_wait(QuickTaskScreen())
    if choice is not None:
        await practice_flow(app, services, session_for(services, choice))


async def quick_start(app: App[Any], services: Services, title: str, minutes: int) -> None:
    """``mastery quick TITLE -m N``: straight into the practice, unless one is waiting."""
    new = linked_quick(Session.quick(title, minutes, now=services.clock.now()), services.live_tasks())
    if services.store.load_session() is not None:
        await offer_waiting(app, services, new=new)
        return
    await practice_flow(app, services, new)


def session_for(services: Services, choice: Task | QuickTask) -> Session:
    now = services.clock.now()
    if isinstance(choice, QuickTask):
        return linked_quick(Session.quick(choice.title, choice.minutes, now=now), services.live_tasks())
    sentence = (
        plan_sentence(choice.title, choice.minutes, choice.plan) if has_plan(choice.plan) else ""
    )
    return Session.for_task(choice, now=now, plan_text=sentence)


async def offer_waiting(app: App[Any], services: Services, *, new: Session | None = None) -> None:
    """A practice was left unfinished: finish recording it, resume the timer, or discard it;
    with ``new`` (``mastery quick`` again, from shell history), also: start that one instead.
    Nothing is offered while another window is running it."""
    raw = services.store.load_session()
    if raw is None:
        if new is not None:
            await practice_flow(app, services, new)
        return
    if not claim(app, services):
        return
    try:
        session = Session.from_dict(raw)
    except ValidationError:
        persist(app, services.store.clear_session, Change.SESSION)
        services.store.release_session()
        app.notify(
            "A practice in progress couldn't be read, so it was set aside.",
            title="Welcome back",
            severity="warning",
        )
        if new is not None:
            await practice_flow(app, services, new)
        return
    now = services.clock.now()
    countdown = session.restore_countdown(
        mono=services.clock.monotonic(), wall=now, boot=services.clock.boot_id()
    )
    started = session.started_local(now)
    when = f"{started:%H:%M}" if started.date() == now.date() else f"{started:%a %-d %b %H:%M}"
    elapsed = format_clock(-countdown.elapsed(services.clock.monotonic())).lstrip("+")
    choice = await app.push_screen_wait(
        ResumeScreen(
            session.title,
            when,
            can_resume=session.phase is Phase.TIMER,
            elapsed=elapsed,
            new_title=new.title if new is not None else None,
        )
    )
    if choice == "resume":
        await practice_flow(app, services, session)
    elif choice == "record":
        if session.phase is Phase.TIMER:
            paused = countdown.pause(services.clock.monotonic())
            session = session.to_after(paused, AfterAnswers())
        await practice_flow(app, services, session)
    elif choice in ("discard", "new"):
        persist(app, services.store.clear_session, Change.SESSION)
        services.store.release_session()
        app.notify(
            f"\u201c{session.title}\u201d discarded. Nothing was recorded.",
            title="Welcome back",
            markup=False,
        )
        if choice == "new" and new is not None:
            await practice_flow(app, services, new)
    else:
        services.store.release_session()
        if new is not None:
            app.notify(
                f"\u201c{new.title}\u201d wasn't started: the practice waiting comes first "
                "(n when you're ready).",
                title="Later",
                markup=False,
            )
