"""`mastery stats`: a plain-text chart and mastery table from a real store."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from mastery_tui.charts import draw_chart, legend_text
from mastery_tui.domain.clock import utc_iso
from mastery_tui.domain.models import Completion, Practice, Task, default_area_id
from mastery_tui.domain.trends import Chart, trends
from mastery_tui.stats_report import stats_report


def seed(store, days: int = 20) -> None:
    now = store.clock.now()
    walk = Task.new(
        now=now, title="Walk 5 minutes around the block", area_id=default_area_id("daily")
    )
    notes = Task.new(now=now, title="Review one page of notes", area_id=default_area_id("studying"))
    store.save(walk, notes)
    practices = []
    for day in range(days):
        task = walk if day % 2 else notes
        started = now - timedelta(days=day, hours=1)
        practices.append(
            Practice.new(
                now=started,
                task_id=task.id,
                task_title=task.title,
                area_id=task.area_id,
                started=utc_iso(started),
                planned_minutes=10,
                mood_before=40,
                confidence_before=30 + day,
                mood_after=60,
                confidence_after=60 if task is notes else 40 + day,
                difficulty=40,
                completion=Completion.PARTLY if day % 5 == 0 else Completion.YES,
            )
        )
    store.save_practices(practices)


def test_report_has_a_chart_a_legend_and_the_table(store, clock) -> None:
    seed(store)
    text = stats_report(store, clock, range_name="30d", width=80)
    lines = text.splitlines()
    assert lines[0] == "mastery stats · 30 days · 20 practices"
    assert "Confidence before vs after · 30 days · mean per day" in lines
    assert "● after   ○ before" in lines
    assert "\x1b" not in text
    assert max(len(line) for line in lines) <= 80
    assert "┤" in text and "23 Nov" in text  # an axis, ending today
    by_task = lines.index(next(line for line in lines if line.startswith("By task")))
    assert lines[by_task + 1].startswith("Review one page of notes")  # +30 on average: strongest
    assert lines[by_task + 2].startswith("Walk 5 minutes around the block")
    assert "partly a half" in text


def test_width_and_colour_follow_the_caller(store, clock) -> None:
    seed(store)
    narrow = stats_report(store, clock, range_name="7d", width=60)
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert "7 days" in narrow.splitlines()[0]
    coloured = stats_report(store, clock, width=80, color=True)
    assert "\x1b[" in coloured


def test_empty_history_explains_instead_of_drawing(store, clock) -> None:
    text = stats_report(store, clock, range_name="90d")
    assert "┤" not in text and "\x1b" not in text
    assert "no practices in the last 90 days" in text
    assert "mastery quick" in text
    assert max(len(line) for line in text.splitlines()) <= 80  # wrapped for the terminal
    seed(store, days=1)
    assert "one practice in all your history" in stats_report(store, clock, range_name="all")


def test_only_the_range_is_counted(store, clock) -> None:
    seed(store, days=20)
    assert stats_report(store, clock, range_name="7d").splitlines()[0].endswith("· 7 practices")


def test_completion_bars_differ_by_fill(store, clock) -> None:
    import plotext

    seed(store)
    now = clock.now()
    data = trends(store.practices(), now.tzinfo, "30d", now.date())
    plotext.clear_figure()
    plotext.plotsize(70, 15)
    plotext.theme("clear")
    draw_chart(plotext, data, Chart.COMPLETIONS)
    drawn = plotext.uncolorize(plotext.build())
    assert "█" in drawn and "▒" in drawn
    assert legend_text(data, Chart.COMPLETIONS) == "█ done   ▒ partly   ░ not this time"


def test_stats_never_imports_textual(tmp_path: Path) -> None:
    code = (
        "import sys, json\n"
        "from mastery_tui.domain.clock import SystemClock\n"
        "from mastery_tui.store import Store\n"
        "from mastery_tui.stats_report import stats_report\n"
        "clock = SystemClock()\n"
        "stats_report(Store.open(sys.argv[1], clock), clock)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'textual_plotext'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_count_ticks_are_round() -> None:
    from mastery_tui.charts import count_ticks

    assert count_ticks(0) == [0, 1]
    assert count_ticks(8) == [0, 2, 4, 6, 8]
    assert count_ticks(9) == [0, 5, 10]
    assert count_ticks(172) == [0, 50, 100, 150, 200]


def test_not_rated_practices_are_drawn_and_tabled_without_a_made_up_number(store, clock) -> None:
    import plotext

    from mastery_tui.domain import mastery

    seed(store, days=6)
    now = clock.now()
    cup = Task.new(now=now, title="Wash one cup", area_id=default_area_id("daily"))
    store.save(cup)
    unrated = [
        Practice.new(
            now=now - timedelta(days=day, hours=3),
            task_id=cup.id,
            task_title=cup.title,
            area_id=cup.area_id,
            started=utc_iso(now - timedelta(days=day, hours=3)),
            planned_minutes=2,
        )  # every rating and the completion not rated
        for day in range(3)
    ]
    store.save_practices(unrated)
    text = stats_report(store, clock, range_name="30d", width=80)
    lines = text.splitlines()
    assert lines[0] == "mastery stats · 30 days · 9 practices"
    row = next(line for line in lines if line.startswith("Wash one cup"))
    assert row.split()[-3:] == ["3", "–", "–"]  # no completion rate, no change: nothing rated
    assert mastery.NOT_RATED_NOTE in text
    assert max(len(line) for line in lines) <= 80
    data = trends(store.practices(), now.tzinfo, "7d", now.date())
    assert sum(data.done) + sum(data.partly) + sum(data.not_this_time) == 6  # the rated ones
    for chart in Chart:
        plotext.clear_figure()
        plotext.plotsize(70, 15)
        draw_chart(plotext, data, chart)
        assert plotext.build()
