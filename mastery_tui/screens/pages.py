"""Where F1 (and the other keys that open a page) lead, read from the screen stack.

Help, Learn and Support are pages to read (``PAGE``): closing one loses nothing and no one
waits for its result, so a key that asks for a page already open under them closes them to
bring it back. Anything else above it may be waiting for a result, and stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from textual.app import App
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from ..services import Services

Stack = Sequence[Screen[Any]]
SupportRoute = Literal["here", "pop", "behind", "push"]


def last_of(stack: Stack, kind: type | tuple[type, ...]) -> int | None:
    """The index of the newest screen of ``kind`` in ``stack``, or None."""
    return next((i for i in range(len(stack) - 1, -1, -1) if isinstance(stack[i], kind)), None)


def pages_above(stack: Stack, index: int) -> bool:
    """Whether every screen above ``index`` is a page to read (``PAGE``)."""
    return all(getattr(screen, "PAGE", False) for screen in stack[index + 1 :])


def support_index(stack: Stack) -> int | None:
    """The index of the newest Support page in ``stack`` (``IS_SUPPORT``), or None."""
    return next((i for i in range(len(stack) - 1, -1, -1) if getattr(stack[i], "IS_SUPPORT", False)), None)


def support_route(stack: Stack) -> SupportRoute:
    """What F1 does: "here" (on Support already), "pop" (back to the Support page under Help
    or Learn), "behind" (a dialog of the Support page, which shows right behind it: F1 isn't
    offered there), or "push" (open it; also over a screen the palette opened from Support)."""
    below = support_index(stack)
    if below is None:
        return "push"
    if below == len(stack) - 1:
        return "here"
    if pages_above(stack, below):
        return "pop"
    if all(isinstance(screen, ModalScreen) for screen in stack[below + 1 :]):
        return "behind"
    return "push"


def close_above(app: App[Any], index: int) -> None:
    """Close the pages above ``index`` (none of them is waiting for a result)."""
    for _ in app.screen_stack[index + 1 :]:
        app.pop_screen()


def open_once(
    app: App[Any], kind: type | tuple[type, ...], build: Callable[[], Screen[Any]], *, what: str
) -> None:
    """Push a screen unless one of its kind is already open: then, with only pages above it,
    close them to bring it back; else say that escape leads back to it (the screens above
    may be waiting for a result, so they stay)."""
    if isinstance(app.screen, kind):
        return
    below = last_of(app.screen_stack, kind)
    if below is not None and pages_above(app.screen_stack, below):
        close_above(app, below)
    elif below is not None:
        app.notify(f"{what} is already open: escape leads back to it.", timeout=4)
    else:
        app.push_screen(build())


def show_support(app: App[Any], services: Services) -> None:
    """F1: the Support page, wherever the person is (``support_route``)."""
    from .support import SupportScreen

    route = support_route(app.screen_stack)
    if route == "pop":
        close_above(app, support_index(app.screen_stack) or 0)
    elif route == "push":
        app.push_screen(SupportScreen(services))
