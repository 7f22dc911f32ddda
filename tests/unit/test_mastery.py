"""The "what builds mastery for me" table: grouping, completion rate, ordering, text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mastery_tui.domain import mastery
from mastery_tui.domain.models import Area, Completion, Practice, Task

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
STUDY = Area.new(now=NOW, name="Studying")
SOCIAL = Area.new(now=NOW, name="Social")
DAILY = Area.new(now=NOW, name="Daily living", archived=True)
NOTES = Task.new(now=NOW, title="Review one page of notes", area_id=STUDY.id)
HELLO = Task.new(now=NOW, title="Say hi to one colleague", area_id=SOCIAL.id)
DISHES = Task.new(now=NOW, title="Wash one set of dishes", area_id=DAILY.id)
EMAIL = Task.new(now=NOW, title="Reply to one email", area_id=SOCIAL.id, archived=True)

_count = iter(range(10_000))


def practice(
    task: Task | None,
    before: int | None,
    after: int | None,
    completion: Completion | None = Completion.YES,
    *,
    title: str = "Quick walk",
) -> Practice:
    started = NOW - timedelta(hours=next(_count))
    return Practice.new(
        now=started,
        task_id=task.id if task else None,
        task_title=task.title if task else title,
        area_id=task.area_id if task else None,
        started=started.isoformat(timespec="seconds"),
        planned_minutes=10,
        mood_before=50,
        confidence_before=before,
        mood_after=None if after is None else 60,
        confidence_after=after,
        completion=completion,
    )


def known_history() -> list[Practice]:
    """Notes lift +20 on average, Hello +10 but always done, Email +10 partly done,
    Dishes only once (+40), a quick task twice (+5)."""
    return [
        practice(NOTES, 40, 70),
        practice(NOTES, 40, 50, Completion.PARTLY),
        practice(HELLO, 30, 40),
        practice(HELLO, 30, 40),
        practice(HELLO, 30, None, Completion.NO),  # no after rating: not in the mean
        practice(EMAIL, 20, 30, Completion.PARTLY),
        practice(EMAIL, 20, 30, Completion.PARTLY),
        practice(DISHES, 10, 50),
        practice(None, 50, 55),
        practice(None, 50, 55, title="quick WALK"),  # same quick task, other case
    ]


def test_rows_by_task_strongest_first_with_single_practices_last() -> None:
    rows = mastery.rows_by_task(known_history(), [NOTES, HELLO, DISHES, EMAIL])
    assert [row.name for row in rows] == [
        "Review one page of notes",  # +20
        "Say hi to one colleague",  # +10, 2/3 done
        "Reply to one email",  # +10, partly twice: 50%
        "Quick walk",  # +5 (the newer practice's title)
        "Wash one set of dishes",  # +40 but a single practice: too early to tell
    ]
    hello = rows[1]
    assert (hello.practices, hello.done, hello.not_this_time, hello.rated) == (3, 2, 1, 2)
    assert hello.confidence_change == 10
    assert round(hello.completion_rate, 3) == round(2 / 3, 3)
    assert rows[2].completion_rate == 0.5  # partly counts half
    assert rows[0].completion_rate == 0.75
    assert rows[-1].early and not rows[0].early


def test_rows_by_area_name_archived_and_missing_areas() -> None:
    rows = mastery.rows_by_area(known_history(), [STUDY, SOCIAL, DAILY])
    assert [(row.name, row.practices) for row in rows] == [
        ("Studying", 2),  # +20
        ("Social", 5),  # +10
        (mastery.NO_AREA, 2),  # +5
        ("Daily living", 1),  # archived area, still named; single practice last
    ]
    assert mastery.rows_by_area(known_history()[:1])[0].name == "Other area"


def test_ties_break_on_completion_then_count_then_name() -> None:
    rows = [
        mastery.MasteryRow("a", "Beta", 2, 1, 0, 1, 5.0, 2),
        mastery.MasteryRow("b", "Alpha", 2, 1, 0, 1, 5.0, 2),
        mastery.MasteryRow("c", "Gamma", 3, 2, 0, 1, 5.0, 3),
        mastery.MasteryRow("d", "Delta", 4, 4, 0, 0, 5.0, 4),
        mastery.MasteryRow("e", "Unrated", 4, 4, 0, 0, None, 0),
        mastery.MasteryRow("f", "Lower", 4, 4, 0, 0, -2.0, 4),
    ]
    ordered = [row.name for row in mastery.strongest_first(rows)]
    assert ordered == ["Delta", "Gamma", "Alpha", "Beta", "Lower", "Unrated"]


def test_biggest_lift_skips_early_and_flat_rows() -> None:
    table = mastery.mastery_table(known_history(), tasks=[NOTES, HELLO, DISHES, EMAIL])
    lifted = mastery.biggest_lift(table.by_task, 2)
    assert [row.name for row in lifted] == ["Review one page of notes", "Say hi to one colleague"]
    flat = [practice(NOTES, 50, 50), practice(NOTES, 50, 40)]
    assert mastery.biggest_lift(mastery.rows_by_task(flat)) == []


def test_table_text_fits_the_width_and_marks_early_rows() -> None:
    long_task = Task.new(now=NOW, title="A very long task title " * 4, area_id=STUDY.id)
    history = [*known_history(), practice(long_task, 10, 20)]
    table = mastery.mastery_table(
        history, tasks=[NOTES, HELLO, DISHES, EMAIL, long_task], areas=[STUDY]
    )
    text = mastery.table_text(table, width=76)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 76
    assert lines[0].split() == ["By", "life", "area", "practices", "completed", "confidence"]
    assert "Review one page of notes" in lines[lines.index("") + 2]
    notes = next(line for line in lines if line.startswith("Review one page"))
    assert notes.split()[-3:] == ["2", "75%", "+20"]
    dishes = next(line for line in lines if line.startswith("Wash one set"))
    assert dishes.split()[-4:] == [mastery.EARLY_MARK, "1", "100%", "+40"]
    assert "A very long task title A very" in text and "…" in text
    assert mastery.EARLY_NOTE in text
    assert "partly a half" in text


def test_empty_history_gives_an_empty_table() -> None:
    table = mastery.mastery_table([])
    assert table.empty and table.by_task == ()


def test_not_rated_practices_are_left_out_of_the_rate_and_the_change() -> None:
    rows = mastery.rows_by_task(
        [
            practice(NOTES, 40, 60),  # done, +20
            practice(NOTES, 40, 30, Completion.NO),  # not this time, -10
            practice(NOTES, None, 70, None),  # nothing to count but the practice
            practice(NOTES, 40, None, None),
        ]
    )
    [notes] = rows
    assert (notes.practices, notes.done, notes.not_this_time, notes.not_rated) == (4, 1, 1, 2)
    assert notes.completed == 2 and notes.completion_rate == 0.5  # over the 2 given, not 4
    assert (notes.rated, notes.confidence_change) == (2, 5)


def test_a_row_with_nothing_rated_divides_by_nothing_and_shows_a_dash() -> None:
    unrated = [practice(HELLO, None, None, None), practice(HELLO, None, None, None)]
    rated = [practice(NOTES, 40, 50), practice(NOTES, 40, 50)]
    table = mastery.mastery_table([*unrated, *rated], tasks=[NOTES, HELLO], areas=[STUDY, SOCIAL])
    hello = next(row for row in table.by_task if row.key == HELLO.id)
    assert (hello.practices, hello.not_rated, hello.rated) == (2, 2, 0)
    assert hello.completion_rate is None and hello.confidence_change is None
    assert [row.key for row in table.by_task] == [NOTES.id, HELLO.id]  # evidence first
    assert mastery.percent(None) == "–"
    text = mastery.table_text(table, width=76)
    line = next(line for line in text.splitlines() if line.startswith("Say hi"))
    assert line.split()[-3:] == ["2", "–", "–"]
    assert mastery.NOT_RATED_NOTE in text
    assert mastery.NOT_RATED_NOTE not in mastery.table_text(mastery.mastery_table(rated))
    assert max(len(line) for line in text.splitlines()) <= 76


def test_expected_vs_felt_names_the_tasks_that_felt_easier_than_expected() -> None:
    from datetime import UTC, datetime

    from mastery_tui.domain import mastery
    from mastery_tui.domain.clock import utc_iso
    from mastery_tui.domain.models import Practice, Task, default_area_id

    now = datetime(2026, 11, 23, tzinfo=UTC)
    area = default_area_id("daily")
    email = Task.new(now=now, title="Reply to one email", area_id=area, difficulty=70)
    walk = Task.new(now=now, title="Walk", area_id=area, difficulty=30)

    def did(task: Task, felt: int | None) -> Practice:
        return Practice.new(now=now, task_id=task.id, task_title=task.title, area_id=area,
                            started=utc_iso(now), planned_minutes=5, difficulty=felt)  # fmt: skip

    practices = [did(email, 30), did(email, 40), did(email, None), did(walk, 25)]
    table = mastery.mastery_table(practices, tasks=[email, walk])
    assert table.expected_vs_felt == (("Reply to one email", 70, 35),)  # walk: 30 vs 25, too close
    text = mastery.table_text(table)
    assert "Easier than you expected" in text and "Reply to one email  70 → 35" in text
