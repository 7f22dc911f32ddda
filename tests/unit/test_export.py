"""Exports as text (CSV, Markdown, JSON) and the plan of an import, without a Store."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mastery_tui.domain import export, worksheet, worksheet_md
from mastery_tui.domain.clock import utc_iso
from mastery_tui.domain.importing import (
    MAX_IMPORT_BYTES,
    ImportRefused,
    parse_document,
    plan_import,
)
from mastery_tui.domain.models import (
    Area,
    Completion,
    Note,
    Obstacle,
    Practice,
    Review,
    Task,
    WeekPlan,
    default_area_id,
    default_areas,
)

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)
DAILY = default_area_id("daily")
NAMES = {DAILY: "Daily living"}
TRICKY = 'Did it | even [bold]tired[/bold] — ünïcødé ✓, "quoted"'


def practice(local: datetime, **fields: object) -> Practice:
    values: dict[str, object] = {
        "task_id": None,
        "task_title": "Wash one set of dishes",
        "area_id": DAILY,
        "started": utc_iso(local),
        "planned_minutes": 5,
        "seconds_spent": 300,
        "mood_before": 40,
        "confidence_before": 30,
        "mood_after": 55,
        "confidence_after": 50,
        "difficulty": 35,
        "completion": Completion.YES,
    }
    values.update(fields)
    return Practice.new(now=local, **values)


def markdown_text(practices, tz, **options) -> str:
    return worksheet_md.render(worksheet.build(practices, tz, **options))


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# -- CSV ------------------------------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_practice_in_the_right_columns() -> None:
    rows_in = [
        practice(NOW - timedelta(days=2)),
        practice(NOW, completion=Completion.PARTLY, obstacles=(Obstacle.FATIGUE, Obstacle.TIME)),
        practice(
            NOW - timedelta(days=1), note="line one\nline two, with a comma", reflection=TRICKY
        ),
    ]
    rows = parse_csv(export.csv_text(rows_in, TZ, NAMES))
    assert rows[0] == list(export.CSV_HEADERS)
    assert len(rows) == 4
    assert all(len(row) == len(export.CSV_HEADERS) for row in rows)
    by = dict(zip(export.CSV_HEADERS, rows[2], strict=True))
    assert by["Date"] == "2026-11-22"
    assert by["Start"] == "19:30"
    assert by["Area"] == "Daily living"
    assert by["Reflection"] == TRICKY
    assert by["Note"] == "line one\nline two, with a comma"
    assert (by["Mood before"], by["Mood after"], by["Confidence change"]) == ("40", "55", "20")
    last = dict(zip(export.CSV_HEADERS, rows[3], strict=True))
    assert last["Completion"] == "partly"
    assert last["Obstacles"] == "fatigue; time"
    assert [row[-1] for row in rows[1:]] == [p.id for p in sorted(rows_in, key=lambda p: p.started)]


def test_csv_date_is_the_local_day_and_missing_ratings_are_empty() -> None:
    late = practice(
        datetime(2026, 11, 23, 23, 30, tzinfo=UTC),
        mood_after=None,
        confidence_after=None,
        difficulty=None,
    )
    row = dict(
        zip(export.CSV_HEADERS, parse_csv(export.csv_text([late], TZ, NAMES))[1], strict=True)
    )
    assert (row["Date"], row["Start"]) == ("2026-11-24", "00:30")
    assert (
        row["Mood after"]
        == row["Confidence after"]
        == row["Confidence change"]
        == row["Felt difficulty"]
        == ""
    )
    assert row["Completion"] == "done"


def test_csv_leaves_every_not_rated_cell_empty_completion_included() -> None:
    unrated = practice(
        NOW,
        mood_before=None,
        confidence_before=None,
        mood_after=None,
        confidence_after=60,
        difficulty=None,
        completion=None,
    )
    row = dict(
        zip(export.CSV_HEADERS, parse_csv(export.csv_text([unrated], TZ, NAMES))[1], strict=True)
    )
    for header in (
        "Completion", "Felt difficulty", "Mood before", "Mood after", "Confidence before",
        "Confidence change",
    ):  # fmt: skip
        assert row[header] == "", header
    assert row["Confidence after"] == "60"
    zero = practice(NOW, mood_before=0, confidence_before=0, confidence_after=0, difficulty=0)
    row = dict(zip(export.CSV_HEADERS, parse_csv(export.csv_text([zero], TZ, NAMES))[1], strict=True))
    assert (row["Mood before"], row["Felt difficulty"], row["Confidence change"]) == ("0", "0", "0")


def test_markdown_shows_a_dash_for_not_rated_and_says_what_it_means() -> None:
    unrated = practice(
        NOW,
        task_title="Open the book",
        mood_before=None,
        mood_after=55,
        confidence_before=40,
        confidence_after=None,
        difficulty=None,
        completion=None,
    )
    done = practice(NOW - timedelta(hours=2), task_title="Walk")
    text = markdown_text([unrated, done], TZ, now=NOW)
    assert "| Mon 23 Nov 19:30 | Open the book | – | – | – → 55 | 40 → – |  |" in text
    assert "- Practised on 1 day (2 practices): 1 done, 1 not rated" in text
    assert "- Confidence change on average: +20" in text  # the walk's; the other has no after
    assert worksheet.NOT_RATED_NOTE in text
    assert worksheet.NOT_RATED_NOTE not in markdown_text([done], TZ, now=NOW)


def test_json_keeps_not_rated_as_null_through_export_and_import() -> None:
    unrated = practice(
        NOW,
        mood_before=None,
        confidence_before=None,
        mood_after=None,
        confidence_after=None,
        difficulty=None,
        completion=None,
    )
    document = export.json_document({"practices": [unrated]}, now=NOW, schema=2)
    stored = json.loads(export.json_text(document))["practices"][0]
    for name in (
        "mood_before", "confidence_before", "mood_after", "confidence_after", "difficulty",
        "completion",
    ):  # fmt: skip
        assert name in stored and stored[name] is None, name
    back = parse_document(export.json_text(document).encode(), schema=2)
    assert back.records["practices"] == [unrated]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_user_text_that_looks_like_a_formula_gets_an_apostrophe(start: str) -> None:
    text = f'{start}HYPERLINK("http://x","y")'
    p = practice(NOW, task_title=text, reflection=text, note=text)
    row = dict(zip(export.CSV_HEADERS, parse_csv(export.csv_text([p], TZ, NAMES))[1], strict=True))
    assert row["Task"] == row["Reflection"] == row["Note"] == "'" + text
    assert export.spreadsheet_safe("Walk -5 min") == "Walk -5 min"  # only the first character


def test_negative_changes_are_numbers_not_guarded_text() -> None:
    p = practice(NOW, confidence_before=60, confidence_after=45)
    row = dict(zip(export.CSV_HEADERS, parse_csv(export.csv_text([p], TZ, NAMES))[1], strict=True))
    assert row["Confidence change"] == "-15"


# -- Markdown -------------------------------------------------------------------------------


def test_markdown_has_a_section_per_monday_to_sunday_week_with_its_rows_and_summary() -> None:
    sunday = practice(datetime(2026, 11, 22, 9, 0, tzinfo=TZ), task_title="Sunday walk")
    monday = practice(
        datetime(2026, 11, 23, 9, 0, tzinfo=TZ),
        task_title="Monday email",
        completion=Completion.NO,
        mood_after=None,
        confidence_after=None,
    )
    tuesday = practice(
        datetime(2026, 11, 24, 9, 0, tzinfo=TZ),
        task_title="Tuesday drawing",
        completion=Completion.PARTLY,
        confidence_before=20,
        confidence_after=60,
    )
    text = markdown_text([tuesday, sunday, monday], TZ, now=NOW)
    first, second = text.split("## Week of ")[1:]
    assert first.startswith("Mon 16 Nov 2026 to Sun 22 Nov 2026")
    assert "Sunday walk" in first and "Monday email" not in first
    assert second.startswith("Mon 23 Nov 2026 to Sun 29 Nov 2026")
    assert second.index("Monday email") < second.index("Tuesday drawing")
    assert "| Mon 23 Nov 09:00 | Monday email | 35 | not this time | 40 → – | 30 → – |" in second
    assert "- Practised on 2 days (2 practices): 1 partly, 1 not this time" in second
    assert "- Confidence change on average: +40" in second
    assert "- Practised on 1 day (1 practice): 1 done" in first
    assert "3 practices" in text


def test_markdown_escapes_pipes_newlines_and_html_but_keeps_the_words() -> None:
    p = practice(NOW, task_title="A | B <script>", reflection=TRICKY)
    row = next(
        line for line in markdown_text([p], TZ, now=NOW).splitlines() if "A \\| B" in line
    )
    assert row.count(" | ") == len(worksheet.COLUMNS) - 1  # no extra cell
    assert "\\<script\\>" in row
    assert TRICKY.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]") in row
    assert worksheet_md.escape("one\ntwo") == "one<br>two"


def test_markdown_includes_the_review_of_a_plan_that_began_that_week() -> None:
    plan = WeekPlan.new(now=NOW, start="2026-11-25", area_id=DAILY)
    other = WeekPlan.new(now=NOW, start="2026-10-01", area_id=DAILY)
    review = Review.new(
        now=NOW,
        week_id=plan.id,
        strongest="The walks | outside",
        obstacles=(Obstacle.FATIGUE,),
        obstacles_text="late nights",
        adjustments="",
    )
    old_review = Review.new(now=NOW, week_id=other.id, strongest="Old week")
    orphan = Review.new(now=NOW, week_id="gone", strongest="No plan")
    p = practice(datetime(2026, 11, 24, 9, 0, tzinfo=TZ))
    text = markdown_text(
        [p],
        TZ,
        now=NOW,
        reviews=[review, old_review, orphan],
        plans=[plan, other],
        since=date(2026, 11, 1),
    )
    assert "### Review of the 7-day plan that began Wed 25 Nov 2026" in text
    assert "- What gave the strongest sense of mastery: The walks \\| outside" in text
    assert "- What got in the way: fatigue; late nights" in text
    assert "- Small adjustments for next week: –" in text
    assert "Old week" not in text and "No plan" not in text  # out of range; no plan


def test_markdown_says_so_when_nothing_was_recorded() -> None:
    text = markdown_text([], TZ, now=NOW, since=date(2026, 11, 1), until=date(2026, 11, 23))
    assert "0 practices, 2026-11-01 to 2026-11-23" in text
    assert "No practices recorded in this time yet." in text


# -- JSON -----------------------------------------------------------------------------------


def sample_records() -> dict[str, list]:
    task = Task.new(now=NOW, title="Wash [one] set", area_id=DAILY)
    plan = WeekPlan.new(now=NOW, start="2026-11-23", area_id=DAILY, assignments=((1, task.id),))
    return {
        "areas": default_areas(NOW),
        "tasks": [task],
        "practices": [practice(NOW - timedelta(days=i), reflection=TRICKY) for i in range(3)],
        "weeks": [plan],
        "reviews": [Review.new(now=NOW, week_id=plan.id, strongest="walks")],
        "notes": [Note.new(now=NOW, text="two\nlines")],
    }


def test_json_document_is_versioned_and_the_same_whatever_the_input_order() -> None:
    records = sample_records()
    reversed_records = {key: list(reversed(items)) for key, items in records.items()}
    one = export.json_text(export.json_document(records, now=NOW, schema=1))
    two = export.json_text(export.json_document(reversed_records, now=NOW, schema=1))
    assert one == two
    data = json.loads(one)
    assert list(data)[:4] == ["format", "version", "exported", "schema"]
    assert (data["format"], data["version"], data["schema"]) == ("mastery-export", 1, 1)
    assert data["exported"] == "2026-11-23T18:30:00+00:00"
    assert [len(data[key]) for key, _ in export.KINDS] == [5, 1, 3, 1, 1, 1]
    assert data["practices"][0]["reflection"] == TRICKY
    assert "— ünïcødé ✓" in one  # written as itself, not \\u escapes


# -- import: parse and plan -----------------------------------------------------------------


def document_bytes(records: dict[str, list] | None = None, **top: object) -> bytes:
    data = export.json_document(
        records if records is not None else sample_records(), now=NOW, schema=1
    )
    data.update(top)
    return json.dumps(data).encode()


def test_parse_document_reads_every_kind_back() -> None:
    records = sample_records()
    document = parse_document(document_bytes(records), schema=1)
    for key, _kind in export.KINDS:
        assert sorted(r.id for r in document.records[key]) == sorted(r.id for r in records[key])
    assert document.records["practices"][0].reflection == TRICKY


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"\xff\xfe not utf-8", "not UTF-8 text (byte 0)"),
        (b"{not json", "not JSON (line 1, column 2)"),
        (b"[1, 2]", "not a mastery export"),
        (b'{"format": "something-else"}', "not a mastery export"),
        (
            b'{"format": "mastery-export", "version": 2}',
            "made by a newer mastery (export version 2",
        ),
        (b'{"format": "mastery-export", "version": "1"}', "is not a version number"),
        (b'{"format": "mastery-export", "version": 1, "schema": 9}', "newer mastery (schema 9"),
        (
            b'{"format": "mastery-export", "version": 1, "practices": {}}',
            "practices: must be a list",
        ),
        (b"[" * 100_000, "not JSON"),
    ],
)
def test_parse_document_refuses_what_is_not_an_export(payload: bytes, message: str) -> None:
    with pytest.raises(
        ImportRefused, match=message.replace("(", r"\(").replace(")", r"\)")
    ) as caught:
        parse_document(payload, schema=1)
    assert "\n" not in str(caught.value)


def test_parse_document_names_the_record_and_the_problem() -> None:
    data = json.loads(document_bytes())
    data["practices"][2]["mood_before"] = 140
    with pytest.raises(ImportRefused) as caught:
        parse_document(json.dumps(data).encode(), schema=1)
    assert str(caught.value) == "practices[2]: Mood before must be from 0 to 100 (got 140)."

    data = json.loads(document_bytes())
    data["tasks"][0]["plan"] = {"days": 5}
    with pytest.raises(ImportRefused, match=r"^tasks\[0\]: "):
        parse_document(json.dumps(data).encode(), schema=1)

    data = json.loads(document_bytes())
    data["notes"].append(dict(data["notes"][0]))
    with pytest.raises(ImportRefused, match=r"^notes\[1\]: the id .* appears twice"):
        parse_document(json.dumps(data).encode(), schema=1)


def test_parse_document_refuses_a_file_too_big_before_parsing() -> None:
    with pytest.raises(ImportRefused, match="too big"):
        parse_document(b" " * (MAX_IMPORT_BYTES + 1), schema=1)


def test_parse_document_accepts_a_byte_order_mark() -> None:
    assert parse_document("\ufeff".encode() + document_bytes(), schema=1).records["tasks"]


def test_plan_adds_new_updates_older_and_skips_newer_or_equal() -> None:
    base = practice(NOW - timedelta(days=3))
    theirs_newer = base.edit(now=NOW, reflection="edited there later")
    here_newer = practice(NOW - timedelta(days=2))
    theirs_older = here_newer
    here_newer = here_newer.edit(now=NOW + timedelta(hours=1), reflection="edited here later")
    same = practice(NOW - timedelta(days=1))
    fresh = practice(NOW)
    document = parse_document(
        document_bytes({"practices": [theirs_newer, theirs_older, same, fresh]}), schema=1
    )
    plan = plan_import(document, {"practices": [base, here_newer, same]}, now=NOW)
    counts = plan.report.counts["practices"]
    assert (counts.added, counts.updated, counts.skipped) == (1, 1, 2)
    assert plan.practices == [(theirs_newer, base), (fresh, None)]
    assert plan.main == []
    text = plan.report.text()
    assert "practices  1 added, 1 updated, 2 skipped" in text
    assert "In all: 1 added, 1 updated, 2 skipped" in text
    assert "areas" not in text  # kinds the file doesn't hold are left out


def test_plan_lets_the_file_rename_a_built_in_area_never_edited_here() -> None:
    theirs = [
        a.edit(now=NOW, name="Home") if a.id == DAILY else a
        for a in default_areas(NOW - timedelta(days=30))
    ]
    here = default_areas(NOW + timedelta(days=1))  # this folder was made after the export
    plan = plan_import(
        parse_document(document_bytes({"areas": theirs}), schema=1), {"areas": here}, now=NOW
    )
    assert plan.report.counts["areas"].updated == 5
    assert {a.name for a in plan.main if isinstance(a, Area)} >= {"Home"}

    edited_here = [
        a.edit(now=NOW + timedelta(days=2), name="My home") if a.id == DAILY else a for a in here
    ]
    plan = plan_import(
        parse_document(document_bytes({"areas": theirs}), schema=1), {"areas": edited_here}, now=NOW
    )
    assert DAILY not in {a.id for a in plan.main}


def test_report_warns_about_records_from_the_future() -> None:
    ahead = practice(NOW + timedelta(days=3))
    plan = plan_import(
        parse_document(document_bytes({"practices": [ahead]}), schema=1), {}, now=NOW
    )
    assert plan.report.future == 1
    assert "in the future" in plan.report.text()


def test_report_of_an_empty_file() -> None:
    plan = plan_import(parse_document(document_bytes({}), schema=1), {}, now=NOW)
    assert plan.report.text() == "The file holds no records; nothing changed."
