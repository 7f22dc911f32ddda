"""Export from the log (`e`): a format (c / m / j) and a file name, then one private file.

Writes through ``transfer`` like ``mastery export`` does. A file that is already there is
replaced only after asking; any problem is said in the dialog, in one line, and nothing is
half-written. Returns the line to show once saved, or None when cancelled.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..commands import dialog_bindings
from ..domain.logbook import RANGE_WORDS
from ..services import Services
from ..store import StoreError
from ..widgets.choice import Choice
from ..widgets.fields import FieldLabel, FieldRow, TextField
from ..widgets.footer import Footer
from .ask import AskScreen

if TYPE_CHECKING:
    from textual.app import App

    from ..store import Store

FORMAT_OPTIONS = [
    ("c", "csv", "CSV"),
    ("m", "md", "Markdown"),
    ("h", "html", "HTML"),
    ("j", "json", "JSON backup"),
]
SUFFIXES = {"csv": ".csv", "md": ".md", "html": ".html", "json": ".json"}
MIME_TYPES = {
    "csv": "text/csv",
    "md": "text/markdown",
    "html": "text/html",
    "json": "application/json",
}


def default_path(today: date, fmt: str) -> str:
    """``~/mastery-2026-11-23.md``: home folder, today's date, the format's suffix."""
    return f"~/mastery-{today:%Y-%m-%d}{SUFFIXES[fmt]}"


def with_suffix(path_text: str, fmt: str) -> str:
    """The path with the suffix of ``fmt`` when it ends in another export suffix."""
    for suffix in SUFFIXES.values():
        if path_text.lower().endswith(suffix):
            return path_text[: -len(suffix)] + SUFFIXES[fmt]
    return path_text


class ExportScreen(ModalScreen[str | None]):
    """c / m / j pick the format; enter moves on and, on the file name, saves."""

    COMMAND_TABLE = "export"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    ExportScreen #export-what { padding: 0 1 1 1; }
    """

    def __init__(
        self, services: Services, *, since: date | None, range_name: str, count: int, today: date
    ) -> None:
        super().__init__()
        self.services = services
        self.since = since
        self.range_name = range_name
        self.count = count
        self.today = today
        self._busy = False

    def compose(self) -> ComposeResult:
        practices = f"{self.count:,} practice{'' if self.count == 1 else 's'}"
        what = (
            f"{practices} · {RANGE_WORDS.get(self.range_name, self.range_name)}. "
            "The export has every life area; r on the log changes the dates."
        )
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Content("Export the log"), classes="dialog-title")
            yield Static(Content(what), id="export-what")
            with FieldRow():
                yield FieldLabel(Content("Format"))
                yield Choice(FORMAT_OPTIONS, "md", id="export-format")
            with FieldRow():
                yield FieldLabel(Content("File"))
                yield TextField(default_path(self.today, "md"), id="export-path")
            yield Static(id="export-error", classes="form-error")
            yield Static(
                Content(
                    "c csv · m markdown · h html page to print · j json backup (tasks and plans too) · "
                    "enter next · ctrl+s save · escape cancel"
                ),
                classes="dialog-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#export-format", Choice).focus()

    @property
    def fmt(self) -> str:
        return self.query_one("#export-format", Choice).value

    @on(Choice.Changed, "#export-format")
    def _format_changed(self, event: Choice.Changed) -> None:
        field = self.query_one("#export-path", Input)
        field.value = with_suffix(field.value, event.value)

    @on(Choice.Confirmed, "#export-format")
    def _format_confirmed(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _error(self, text: str) -> None:
        self.query_one("#export-error", Static).update(Content(text))

    def action_save(self, overwrite: bool = False) -> None:
        field = self.query_one("#export-path", Input)
        shown = field.value.strip()
        if not shown:
            self._error("Please give a file name, e.g. " + default_path(self.today, self.fmt))
            field.focus()
            return
        if self._busy:
            return
        self._busy = True
        self._error("Saving…")
        self._write(self.app, self.services.store, self.services.now(), self.fmt, shown, overwrite)

    @work(thread=True, exclusive=True, group="export")
    def _write(
        self, app: App[None], store: Store, now: datetime, fmt: str, shown: str, overwrite: bool
    ) -> None:
        """In a thread: ten years of practices take a second or two to write."""
        from .. import transfer

        try:
            text = transfer.export_text(store, fmt, now=now, since=self.since)
            if app.is_web:  # `mastery serve`: the file belongs on the browser's machine
                app.call_from_thread(self._deliver, fmt, Path(shown).name, text)
                return
            transfer.write_export(Path(shown), text, overwrite=overwrite)
        except transfer.ExportFileExists:
            app.call_from_thread(self._exists, shown)
        except (transfer.ExportError, StoreError, OSError) as error:
            app.call_from_thread(self._failed, f"Not saved: {error}")
        else:
            app.call_from_thread(self._saved, fmt, shown)

    def _deliver(self, fmt: str, name: str, text: str) -> None:
        """In a browser: hand the export to it as a download, as the bytes a saved file has
        (a CSV starts with a byte-order mark so spreadsheets read it as UTF-8). Bytes, not
        text: textual-serve would encode each text chunk alone, marks and all."""
        import io

        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        self.app.deliver_binary(
            io.BytesIO(text.encode(encoding)), save_filename=name, mime_type=MIME_TYPES[fmt]
        )
        plural = "" if self.count == 1 else "s"
        self.dismiss(f"Sent {self.count:,} practice{plural} to your browser as {name}")

    def _saved(self, fmt: str, shown: str) -> None:
        extra = " (with your tasks and plans)" if fmt == "json" else ""
        plural = "" if self.count == 1 else "s"
        self.dismiss(f"Saved {self.count:,} practice{plural}{extra} to {shown}")

    def _failed(self, message: str) -> None:
        self._busy = False
        self._error(message)

    @work(exclusive=True, group="export-ask")
    async def _exists(self, shown: str) -> None:
        self._busy = False
        self._error("")
        ask = AskScreen(
            "That file is already there. Replace it?", yes="replace it", no="keep it", detail=shown
        )
        if await self.app.push_screen_wait(ask):
            self.action_save(overwrite=True)
        else:
            self._error("Kept the file that was there. Change the name to save a new one.")
            self.query_one("#export-path", Input).focus()

    def action_cancel(self) -> None:
        if not self._busy:  # a file half-way through its write finishes first
            self.dismiss(None)

