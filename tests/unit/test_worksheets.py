"""Exports others open with their own tools: CSV as LibreOffice's default import splits it, the
Markdown worksheet through a real CommonMark renderer, the printable HTML page, and the plan as
calendar events read by a real iCalendar parser. Demo data in a real store, plus the hardest
text a person could type."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest
from markdown_it import MarkdownIt

from mastery_tui import transfer
from mastery_tui.demo import seed_demo_history
from mastery_tui.domain import calendar, export, worksheet_md
from mastery_tui.domain.clock import FakeClock
from mastery_tui.domain.models import Completion, Obstacle, Plan, Task, WeekPlan
from mastery_tui.store import Store

from ..factories import DAILY, note, practice, review, task, week

NOW = datetime(2026, 11, 30, 20, 0)
TITLE = 'Tired; "still" went, a,b <b>x</b> __init__ [x](javascript:alert(1))'
HOSTILE = (
    'Tired; "still" went, then\tsat; a,b <script>alert(1)</script> __init__ '
    "[x](javascript:alert(1)) *yes* `code` $x$ ~y~ @cite &amp;\nsecond line"
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    clock = FakeClock(NOW)
    store = Store.open(tmp_path / "data", clock)
    seed_demo_history(store, clock)
    store.save_practices(
        [
            practice(
                clock.now() - timedelta(hours=3),
                title=TITLE,
                mood=(20, 30),
                confidence=(25, 40),
                reflection=HOSTILE,
                note="note; with, every | mark\nand a second line",
                completion=Completion.PARTLY,
                obstacles=(Obstacle.FATIGUE, Obstacle.TIME),
            )
        ]
    )
    note(HOSTILE, store=store)
    return store


def libreoffice_rows(text: str) -> list[list[str]]:
    """Split as LibreOffice Calc's CSV import does by default: tab, comma and semicolon all
    separate fields, a double quote opens a quoted field (separators and line breaks inside it
    are text, "" is one quote), and CR LF ends a row."""
    rows: list[list[str]] = []
    row: list[str] = []
    field: list[str] = []
    quoted, at_start = False, True
    i = 0
    while i < len(text):
        char = text[i]
        if quoted:
            if char == '"' and text[i + 1 : i + 2] == '"':
                field.append('"')
                i += 1
            elif char == '"':
                quoted = False
            else:
                field.append(char)
        elif char == '"' and at_start:
            quoted = True
        elif char in "\t,;":
            row.append("".join(field))
            field, at_start = [], True
            i += 1
            continue
        elif char in "\r\n":
            if char == "\r" and text[i + 1 : i + 2] == "\n":
                i += 1
            row.append("".join(field))
            rows.append(row)
            row, field, at_start = [], [], True
            i += 1
            continue
        else:
            field.append(char)
        at_start = False
        i += 1
    if field or row:
        row.append("".join(field))
        rows.append(row)
    return rows


# -- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_opens_in_libreoffices_default_import_with_every_row_in_its_columns(
    store: Store, delimiter: str
) -> None:
    text = transfer.export_text(store, "csv", now=store.clock.now(), delimiter=delimiter)
    rows = libreoffice_rows(text)
    header = rows[0]
    assert header == list(export.CSV_HEADERS)
    assert len(rows) == 1 + len(store.practices())
    spilled = [row for row in rows if len(row) != len(header)]
    assert spilled == []
    hostile = next(row for row in rows if row[2] == TITLE)
    assert hostile[header.index("Obstacles")] == "fatigue; time"
    stored = next(p for p in store.practices() if p.task_title == TITLE)
    assert hostile[header.index("Reflection")] == stored.reflection
    assert ";" in stored.reflection and "," in stored.reflection
    assert hostile[header.index("Note")] == stored.note and "\n" in stored.note
    # The same text is what the csv module reads with the chosen delimiter
    assert list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)) == rows


def test_every_csv_field_is_quoted() -> None:
    p = practice(NOW.replace(tzinfo=UTC), title="Walk", reflection="")
    line = export.csv_text([p], None, {}).splitlines()[1]
    assert line.startswith('"') and line.endswith('"')
    assert line.count('","') == len(export.CSV_HEADERS) - 1  # empty cells quoted too


# -- Markdown -------------------------------------------------------------------------------


def test_markdown_renders_the_persons_text_as_exactly_that_text(store: Store) -> None:
    text = transfer.export_text(store, "md", now=store.clock.now())
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)
    assert "<a " not in html and "href" not in html
    assert "<strong>" not in html and "<em>yes</em>" not in html and "<code>" not in html
    assert "<script>" not in html and "<s>" not in html
    assert "__init__" in html  # shown as typed, not bold
    assert "[x](javascript:alert(1))" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "$x$ ~y~ @cite &amp;amp;" in html  # the entity stays the characters typed


def test_markdown_has_a_title_block_notes_and_obstacles(store: Store) -> None:
    text = transfer.export_text(store, "md", now=store.clock.now())
    lines = text.splitlines()
    assert lines[:5] == [
        "---",
        'title: "Build Mastery worksheet"',
        f'subtitle: "Exported 2026-11-30: {len(store.practices())} practices."',
        'date: "2026-11-30"',
        "---",
    ]
    assert "| In the way |" in text and "fatigue, time" in text
    assert "*Note:* note; with, every \\| mark<br>and a second line" in text
    assert "### Notes" in text
    assert text.rstrip().endswith("call your local emergency number. Your practice stays on "
                                  "this computer. Nothing is sent anywhere.")


# -- HTML -----------------------------------------------------------------------------------


class Page(HTMLParser):
    """What a browser would build: element counts, the text, and any script or link."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def test_html_is_one_printable_page_with_every_practice_and_escaped_text(store: Store) -> None:
    text = transfer.export_text(store, "html", now=store.clock.now())
    page = Page()
    page.feed(text)
    practices = store.practices()
    assert page.tags.get("script", 0) == 0 and page.tags.get("a", 0) == 0
    assert page.tags.get("link", 0) == 0 and page.tags.get("img", 0) == 0  # self-contained
    # one header row per week plus one row per practice
    assert page.tags["tr"] == page.tags["thead"] + len(practices)
    assert page.tags["th"] == 8 * page.tags["thead"]
    words = "".join(page.text)
    stored = next(p for p in practices if p.task_title == TITLE)
    assert stored.reflection in words and TITLE in words  # tags arrived as text, not elements
    assert "@media print" in page.style and "break-after: page" in page.style
    assert "size: landscape" in page.style
    assert "What gave the strongest sense of mastery" in words  # the demo's review
    assert "Notes" in words and "note; with, every | markand a second line" in words
    assert words.rstrip().endswith("Nothing is sent anywhere.")


# -- Calendar -------------------------------------------------------------------------------


def test_the_plan_becomes_one_event_per_planned_practice_read_by_a_real_parser(
    tmp_path: Path,
) -> None:
    clock = FakeClock(datetime(2026, 11, 30, 9, 0))  # a Monday
    store = Store.open(tmp_path / "data", clock)
    evening = task(title="Walk; then, tea", minutes=15, plan=Plan(days=(1, 4), time="18:30"), store=store)
    anytime = task(title="Read a page", minutes=5, store=store)
    weekly = task(title="Call Sam", minutes=10, plan=Plan(days=(1, 3), time="09:15"), store=store)
    gone = task(title="Old", plan=Plan(days=(0, 1, 2, 3, 4, 5, 6)), archived=True, store=store)
    days = [evening, anytime, evening, weekly, anytime, evening, anytime]
    plan = week(
        "2026-11-29", assignments=tuple((n, t.id) for n, t in enumerate(days, 1)), store=store
    )
    store.save(plan.with_skip(4, "fatigue", "", now=clock.now()))  # day 4: Wed 2 Dec
    text = transfer.export_text(store, "ics", now=clock.now())

    cal = icalendar.Calendar.from_ical(text)
    events = list(cal.walk("VEVENT"))
    found = sorted((str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events)
    assert found == sorted(
        [
            # plan days 2-7 from today (day 1 was yesterday; day 4 was set aside)
            ("Read a page", date(2026, 11, 30)),
            ("Walk; then, tea", datetime(2026, 12, 1, 18, 30)),
            ("Read a page", date(2026, 12, 3)),
            ("Walk; then, tea", datetime(2026, 12, 4, 18, 30)),
            ("Read a page", date(2026, 12, 5)),
            # Call Sam on Tuesdays and Thursdays at 09:15 over the coming week
            ("Call Sam", datetime(2026, 12, 1, 9, 15)),
            ("Call Sam", datetime(2026, 12, 3, 9, 15)),
        ]
    )
    walk = next(e for e in events if str(e["SUMMARY"]) == "Walk; then, tea")
    assert walk.decoded("DTEND") - walk.decoded("DTSTART") == timedelta(minutes=15)
    assert [str(a["ACTION"]) for a in walk.walk("VALARM")] == ["DISPLAY"]
    assert gone.title not in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.endswith("END:VCALENDAR\r\n") and "\n" not in text.replace("\r\n", "")

    # Stable UIDs: the same plan exported again (an hour later) names the same events
    clock.advance(3600)
    again = icalendar.Calendar.from_ical(transfer.export_text(store, "ics", now=clock.now()))
    assert sorted(str(e["UID"]) for e in again.walk("VEVENT")) == sorted(
        str(e["UID"]) for e in events
    )
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_a_plan_day_already_holding_a_task_gives_no_second_event() -> None:
    now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    walk = Task.new(now=now, title="Walk", area_id=DAILY, plan=Plan(days=(0,), time="08:00"))
    plan = WeekPlan.new(now=now, start="2026-11-30", area_id=DAILY, assignments=((1, walk.id),))
    events = calendar.events([plan], [walk], date(2026, 11, 30), live_areas={DAILY})
    assert [(e.day, e.start) for e in events] == [(date(2026, 11, 30), time(8, 0))]


def test_a_time_on_any_day_is_a_daily_event_as_home_lists_it() -> None:
    now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    tea = Task.new(now=now, title="Tea outside", area_id=DAILY, plan=Plan(time="16:00"))
    elsewhere = Task.new(now=now, title="Archived area", area_id="gone", plan=Plan(time="10:00"))
    events = calendar.events([], [tea, elsewhere], date(2026, 11, 30), live_areas={DAILY})
    assert [e.day for e in events] == [date(2026, 11, 30) + timedelta(days=n) for n in range(7)]
    assert {e.title for e in events} == {"Tea outside"}


def test_long_titles_fold_without_splitting_a_character() -> None:
    now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    long = Task.new(now=now, title="ünïcødé ✓ " * 12, area_id=DAILY, plan=Plan(days=(0,)))
    text = calendar.ics_text([], [long], now=now, live_areas={DAILY})
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    event = next(iter(icalendar.Calendar.from_ical(text).walk("VEVENT")))
    assert str(event["SUMMARY"]) == long.title.strip()


def test_the_review_of_the_plan_is_in_both_worksheets(store: Store) -> None:
    plan = next(iter(store.all(WeekPlan)))
    store.save(review(plan, strongest="The <b>walks</b> | outside", store=store))
    md = transfer.export_text(store, "md", now=store.clock.now())
    html = transfer.export_text(store, "html", now=store.clock.now())
    assert "The \\<b\\>walks\\</b\\> \\| outside" in md
    assert "The &lt;b&gt;walks&lt;/b&gt; | outside" in html
    assert worksheet_md.escape("a\nb") == "a<br>b"


@pytest.mark.parametrize(
    ("since", "until", "kept"),
    [
        (2, None, True),  # the range begins mid-plan: the review comes along
        (None, 3, True),  # the range ends mid-plan
        (3, 4, True),  # inside the plan's days only
        (None, -1, False),  # ends before the plan began
        (7, None, False),  # begins after its seventh day
    ],
)
def test_a_range_keeps_the_review_of_a_plan_it_overlaps(
    store: Store, since: int | None, until: int | None, kept: bool
) -> None:
    plan = next(iter(store.all(WeekPlan)))
    store.save(review(plan, strongest="Sat outside, twice", store=store))
    start = date.fromisoformat(plan.start)
    span = {
        "since": start + timedelta(days=since) if since is not None else None,
        "until": start + timedelta(days=until) if until is not None else None,
    }
    for fmt in ("md", "html"):
        text = transfer.export_text(store, fmt, now=store.clock.now(), **span)
        assert ("Sat outside, twice" in text) is kept, (fmt, span)
