"""Chart drawing, shared by the trends screen (through textual-plotext) and ``mastery stats``
(plain plotext): the series' markers and colours, the legends, what an empty range says, and
reading a range's practices. No Textual: the CLI draws with it too. plotext is imported inside
the functions that draw, so importing this module costs nothing.

Readable without colour: the before and after lines differ by marker shape (``○`` before,
``●`` after), completion bars by fill (``█`` done, ``▒`` partly, ``░`` not this time), and every
chart has a text legend.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from .domain.clock import Clock
from .domain.history import between, range_since, store_window
from .domain.models import Practice
from .domain.trends import Chart, Trends, segments, tick_positions

# (marker, plotext colour) of each series of a chart, in Trends.series order.
STYLES: dict[Chart, tuple[tuple[str, str], ...]] = {
    Chart.MOOD: (("○", "cyan"), ("●", "green+")),
    Chart.CONFIDENCE: (("○", "cyan"), ("●", "green+")),
    Chart.DIFFICULTY: (("◆", "orange"),),
    Chart.COMPLETIONS: (("█", "green+"), ("▒", "orange"), ("░", "gray")),
}
RATING_TICKS = (0, 25, 50, 75, 100)
STATS_CHART = Chart.CONFIDENCE
STATS_HEIGHT = 14


def legend_items(data: Trends, chart: Chart) -> list[tuple[str, str, str]]:
    """(marker, label, colour) of each series, in the order a legend reads them: "after"
    before "before", done before partly."""
    items = [
        (marker, series.label, colour)
        for series, (marker, colour) in zip(data.series(chart), STYLES[chart], strict=True)
    ]
    return items[::-1] if chart in (Chart.MOOD, Chart.CONFIDENCE) else items


def legend_text(data: Trends, chart: Chart) -> str:
    """e.g. "● after   ○ before"."""
    return "   ".join(f"{marker} {label}" for marker, label, _ in legend_items(data, chart))


def draw_chart(plt: Any, data: Trends, chart: Chart, *, width: int = 80) -> None:
    """Draw ``chart`` of ``data`` on a plotext figure (the plotext module, or a
    textual-plotext ``Plot``) ``width`` columns wide (labels are spaced for it). The caller
    sets the size and theme, then builds."""
    plt.clear_data()
    labels = data.labels(chart)
    count = len(labels)
    if chart is Chart.COMPLETIONS:
        _draw_completions(plt, data)
    else:
        for series, (marker, colour) in zip(data.series(chart), STYLES[chart], strict=True):
            for xs, ys in segments(series.values):
                plt.plot(xs, ys, marker=marker, color=colour)
        plt.ylim(0, 100)
        plt.yticks(list(RATING_TICKS), [str(t) for t in RATING_TICKS])
    positions = tick_positions(count, max(2, min(7, (width - 5) // 10)))
    plt.xticks(positions, [labels[p - 1] for p in positions])
    plt.xlim(0.5, count + 0.5)


def _draw_completions(plt: Any, data: Trends) -> None:
    """Stacked by overdrawing: the total first (not this time shows on top), then done +
    partly, then done; each fill is its own shape, so the stack reads without colour."""
    done, partly, not_this_time = data.done, data.partly, data.not_this_time
    stacks = (
        [d + p + n for d, p, n in zip(done, partly, not_this_time, strict=True)],
        [d + p for d, p in zip(done, partly, strict=True)],
        list(done),
    )
    (m_done, c_done), (m_partly, c_partly), (m_no, c_no) = STYLES[Chart.COMPLETIONS]
    xs = list(range(1, len(done) + 1))
    width = 0.6 if len(xs) <= 40 else 1.0  # many bars: no gaps, an area of shares
    for heights, marker, colour in zip(
        stacks, (m_no, m_partly, m_done), (c_no, c_partly, c_done), strict=True
    ):
        if any(heights):
            plt.bar(xs, heights, marker=marker, color=colour, width=width)
    ticks = count_ticks(max(stacks[0], default=0))
    plt.ylim(0, ticks[-1])
    plt.yticks(ticks, [str(t) for t in ticks])


def count_ticks(top: int, most: int = 5) -> list[int]:
    """0 up to at least ``top`` in a round step (1, 2, 5, 10, 20, 50 …), at most ``most`` ticks."""
    steps = (m * 10**k for k in range(12) for m in (1, 2, 5))
    step = next(s for s in steps if s * (most - 1) >= top)
    last = max(-(-top // step), 1) * step
    return list(range(0, last + 1, step))


def empty_text(data: Trends, *, how_to_record: str, older: bool = False) -> str:
    """What a nearly empty range shows instead of an empty axis. ``older``: practices lie
    before the range, so this is no newcomer: no "once you have recorded..."."""
    recorded = {0: "no practices", 1: "one practice"}.get(
        data.practices, f"{data.practices} practices"
    )
    span = "in all your history" if data.range_name == "all" else f"in the last {data.range_label}"
    if older:
        return f"Not enough to draw in this range: {recorded} {span}.\n\n{how_to_record}"
    return (
        f"Not enough to draw yet: {recorded} {span}.\n\n"
        "Once you have recorded a couple of practices, you'll see here how your mood and "
        "confidence before compare with after, how hard the tasks felt, how much got done "
        "each week, and which tasks and areas build mastery for you.\n\n"
        f"{how_to_record}"
    )


def read_practices(store: Any, clock: Clock, range_name: str) -> list[Practice]:
    """The practices of a range ending today, by local day, reading only the month files the
    range touches."""
    now = clock.now()
    since = range_since(range_name, now.date())
    low, high = store_window(since, now.date())
    return between(store.practices(since=low, until=high), now.tzinfo, since, now.date())


def older_than_range(store: Any, clock: Clock, range_name: str) -> bool:
    """Whether a practice lies before the range (by local day): only then would a longer
    range show more. Reads the older month files, so ask only when the range is nearly empty."""
    now = clock.now()
    since = range_since(range_name, now.date())
    if since is None:
        return False
    before = since - timedelta(days=1)
    _, high = store_window(None, before)
    return bool(between(store.practices(until=high), now.tzinfo, None, before))


def render_chart(data: Trends, chart: Chart, *, width: int, height: int, color: bool) -> str:
    import plotext

    plotext.clear_figure()
    plotext.plotsize(width, height)
    plotext.theme("clear")  # the terminal's own background; series keep their colours
    draw_chart(plotext, data, chart, width=width)
    built: str = plotext.build()
    return built if color else plotext.uncolorize(built)
