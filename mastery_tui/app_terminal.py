"""The app's side that faces the terminal and the person's files, apart from navigation
(``app.py``): the driver for ASCII mode, the debug log's view of screens and errors, and the
palette's Screenshot kept private. A mixin of ``MasteryApp``; no screen imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .debuglog import log

if TYPE_CHECKING:
    from textual.app import App

    from .services import Services

    _Base = App[None]
else:
    _Base = object  # a plain mixin at run time: each App subclass costs Textual set-up time


class TerminalSide(_Base):
    """Mixed into MasteryApp, before App in its bases."""

    services: Services
    _ascii_only: bool

    def get_driver_class(self) -> Any:
        """Textual's driver for this terminal; in ASCII mode, one whose every write passes
        through ``ascii_mode.to_ascii``."""
        driver = super().get_driver_class()
        if not getattr(self, "_ascii_only", False):
            return driver
        from .ascii_mode import to_ascii

        class AsciiDriver(driver):  # type: ignore[misc, valid-type]
            def write(self, data: str) -> None:
                super().write(to_ascii(data))

        return AsciiDriver

    # -- the debug log (mastery --debug): screens by class, errors with their traceback --------

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        log.info("open %s", type(screen).__name__ if not isinstance(screen, str) else screen)
        return super().push_screen(screen, *args, **kwargs)

    def pop_screen(self) -> Any:
        if self.screen_stack:
            log.info("close %s", type(self.screen_stack[-1]).__name__)
        return super().pop_screen()

    def _handle_exception(self, error: Exception) -> None:
        log.error("error", exc_info=error)
        super()._handle_exception(error)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """The palette's Screenshot. It may show a reflection, so in a terminal it goes into
        the private data folder (0600, like the data), never into ~/Downloads; a browser
        (``mastery serve``) gets it as a download, as an export."""
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)
        name = filename or f"mastery-{self.services.now():%Y-%m-%d-%H%M%S}.svg"
        try:
            saved = self.services.store.keep_screenshot(name, self.export_screenshot())
        except OSError as error:
            self.notify(f"Not saved: {error.strerror or error}", title="Screenshot", severity="error")
            return None
        self.notify(f"Saved to {saved}, readable only by you.", title="Screenshot")
        return None

