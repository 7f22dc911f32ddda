"""The keys of the other screens: brainstorm, the week, the log, trends, notes, the coach,
help and the small dialogs."""

from __future__ import annotations

from ..domain.chart import CHARTS
from .base import C

MOVE = "Move"  # a compact footer group

# -- brainstorm and plan -------------------------------------------------------------------------

BRAINSTORM = (
    C("x", "examples", "Examples", "The example library: start from an example task",
      id="brainstorm.examples", title="Example library"),
    # v is in the palette and Help; the footer keeps to 80 columns with F1 Support.
    C("v", "show_archived(True)", "Archived", "Show archived areas and tasks",
      id="brainstorm.show_archived", title="Show archived", show=False),
    C("v", "show_archived(False)", "Hide archived", "Hide archived areas and tasks",
      id="brainstorm.hide_archived", show=False),
    C("escape", "back", "Back", "Back to Home", id="brainstorm.back", palette=False),
)  # fmt: skip

AREA_LIST = (
    C("n", "screen.new_area", "New area", "On the life areas: a new area", id="brainstorm.new_area",
      title="New life area"),
    C("r", "screen.rename_area", "Rename", "On the life areas: rename the highlighted area",
      show=False, id="brainstorm.rename_area", title="Rename life area"),
    C("a", "screen.archive_area", "Archive", "On the life areas: archive the area (restorable)",
      id="brainstorm.archive_area", title="Archive life area"),
    C("a", "screen.restore_area", "Restore", "On the life areas: bring an archived area back",
      id="brainstorm.restore_area", title="Restore life area"),
    C("right", "screen.focus_tasks", "Tasks", "To the area's tasks", show=False, palette=False,
      key_display="→"),
)  # fmt: skip

TASK_LIST = (
    C("n", "screen.new_task", "New", "A new tiny task in this area", id="brainstorm.new_task", title="New task"),
    C("e", "screen.edit_task", "Edit", "Change the highlighted task and its plan",
      id="brainstorm.edit_task", title="Edit task"),
    # Split, delete and move are in the palette and help; the footer keeps to 80 columns.
    C("s", "screen.split_task", "Split", "Break the task into 2–5 smaller steps", show=False,
      id="brainstorm.split_task", title="Split task"),
    C("a", "screen.archive_task", "Archive", "Put the task away (restorable)",
      id="brainstorm.archive_task", title="Archive task"),
    C("a", "screen.restore_task", "Restore", "Bring an archived task back",
      id="brainstorm.restore_task", title="Restore task"),
    C("d,delete", "screen.delete_task", "Delete", "Remove the task for good (asks first)",
      show=False, id="brainstorm.delete_task", title="Delete task"),
    C("shift+up", "screen.move_task(-1)", "Move up", "Move the task earlier in the list",
      key_display="⇧↑", group=MOVE, show=False, id="brainstorm.up", title="Move task up"),
    C("shift+down", "screen.move_task(1)", "Move down", "Move the task later in the list",
      key_display="⇧↓", group=MOVE, show=False, id="brainstorm.down", title="Move task down"),
    C("left", "screen.focus_areas", "Areas", "Back to the life areas", show=False, palette=False,
      key_display="←"),
)  # fmt: skip

TASK_FORM = (
    C("ctrl+s", "save", "Save", "Save the task (or enter on the last field)", id="task_form.save"),
    C("escape", "leave", "Cancel", "Close (asks first if you changed something)",
      id="task_form.cancel", palette=False),
    C("enter", "next", "Next field", "The next field", show=False, palette=False),
)  # fmt: skip

SPLIT = (
    C("ctrl+s", "split", "Split", "Split into the steps written", id="split.save"),
    C("escape", "leave", "Cancel", "Close (asks first if you wrote steps)", id="split.cancel", palette=False),
)

NAME_PROMPT = (
    C("escape", "leave", "Cancel", "Close (asks first if you typed)", id="prompt.cancel", palette=False),
    C("ctrl+s", "save", "Save", "Save the name (or enter)", id="prompt.save"),
)

EXAMPLES = (
    C("escape", "cancel", "Close", "Close the library", id="examples.cancel", palette=False),
    C("enter", "choose", "Use this one", "Open the example in the task form", id="examples.choose"),
    C("down", "move('cursor_down')", "Next", "The next example", show=False, palette=False, key_display="↓"),
    C("up", "move('cursor_up')", "Previous", "The example before", show=False, palette=False, key_display="↑"),
    C("pagedown", "move('page_down')", "Page down", "A page down", show=False, palette=False),
    C("pageup", "move('page_up')", "Page up", "A page up", show=False, palette=False),
)  # fmt: skip

# -- the week --------------------------------------------------------------------------------------

WEEK_SETUP = (
    C("enter", "next", "Next", "On to the next step", id="week_setup.next", palette=False),
    C("b", "brainstorm", "Brainstorm", "Add tiny tasks to the chosen area", id="week_setup.brainstorm",
      title="Brainstorm this area"),
    C("t", "start_today(True)", "From today", "Make today Day 1", id="week_setup.today",
      title="Start the week today"),
    C("t", "start_today(False)", "From tomorrow", "Make tomorrow Day 1", id="week_setup.tomorrow",
      title="Start the week tomorrow"),
    C("ctrl+s", "save", "Save", "Save the week as it stands", id="week_setup.save", title="Save the week"),
    C("s", "skip_days", "Skip days", "Save without tasks on days: choose each day",
      id="week_setup.skip", title="Skip the days"),
    C("backspace", "back_step", "Back", "Back a step", key_display="⌫", id="week_setup.back_step"),
    C("escape", "leave", "Leave", "Leave the setup (asks first)", id="week_setup.leave", palette=False),
)  # fmt: skip

DAY_TASK = (C("escape", "cancel", "Back", "Back without choosing", id="week_setup.pick_back", palette=False),)

WEEK_REVIEW = (
    C("ctrl+s", "save", "Save", "Save your answers (saving again updates them)",
      id="week_review.save", title="Save the review"),
    C("ctrl+n", "next_week", "Next week", "A new week, your adjustments as its note",
      id="week_review.next_week", title="Start next week"),
    C("escape", "leave", "Back", "Back (asks first if answers aren't saved)", id="week_review.back",
      palette=False),
)  # fmt: skip

SAVED_REVIEW = (
    C("e", "edit", "Edit", "Change your answers", id="saved_review.edit", title="Edit the review"),
    C("escape", "back", "Back", "Back", id="saved_review.back", palette=False),
)

REVIEWS = (
    C("enter", "open", "Open", "Read the highlighted review", id="reviews.open", title="Open review"),
    C("escape", "back", "Back", "Back", id="reviews.back", palette=False),
)

# -- the log -----------------------------------------------------------------------------------------

LOG = (
    C("slash", "search", "Search", "Search titles, reflections and notes; escape clears",
      key_display="/", id="log.search", title="Search the log"),
    C("a", "area(1)", "Area", "The next life area (one at a time)", id="log.area", title="Next life area"),
    C("A", "area(-1)", "Area back", "The previous life area", show=False, id="log.area_back",
      title="Previous life area"),
    C("r", "range", "Dates", "7, 30, 90 days, a year, or all", id="log.range", title="Date range"),
    C("s", "sort", "Sort", "Sort by the next column", id="log.sort", title="Sort by the next column"),
    C("o", "order", "Order", "Flip the sort direction", show=False, id="log.order", title="Reverse the order"),
    C("m", "more", "More rows", "Past the first 500", show=False, id="log.more", title="Show more rows"),
    C("e", "export", "Export", "CSV, Markdown, a printable page or JSON of the dates shown", id="log.export",
      title="Export the log"),
    C("v", "reviews", "Reviews", "The answers of your weekly reviews", show=False, id="log.reviews",
      title="Weekly reviews"),
    C("escape", "back", "Back", "Back to Home", id="log.back", palette=False),
)  # fmt: skip

LOG_TABLE = (
    C("enter", "screen.open", "Open", "The highlighted practice in full; e edits, d deletes",
      id="log.open", title="Open practice"),
    C("d,delete", "screen.delete", "Delete", "Remove the highlighted practice (asks first)",
      show=False, id="log.delete", title="Delete practice"),
)  # fmt: skip

LOG_SEARCH = (
    C("escape", "screen.leave_search(True)", "Clear search", "Clear the search", id="log.clear_search",
      palette=False),
    C("down", "screen.leave_search(False)", "To the table", "From the search to the table", show=False,
      palette=False, key_display="↓"),
)  # fmt: skip

EXPORT = (
    C("ctrl+s", "save", "Save", "Write the export", id="export.save"),
    C("escape", "cancel", "Cancel", "Close without writing", id="export.cancel", palette=False),
)

PRACTICE_DETAIL = (
    C("e", "edit", "Edit", "Change any field of this practice", id="practice_detail.edit",
      title="Edit practice"),
    C("d,delete", "delete", "Delete", "Remove this practice for good (asks first)",
      id="practice_detail.delete", title="Delete practice"),
    C("escape", "back", "Back", "Back to the log", id="practice_detail.back", palette=False),
    C("j", "scroll(1)", "Down", "Scroll down", show=False, palette=False),
    C("k", "scroll(-1)", "Up", "Scroll up", show=False, palette=False),
)  # fmt: skip

PRACTICE_EDIT = (
    C("ctrl+s", "save", "Save", "Save the changes", id="practice_edit.save"),
    C("escape", "leave", "Cancel", "Close (asks first if you changed something)",
      id="practice_edit.cancel", palette=False),
)  # fmt: skip

# -- trends ---------------------------------------------------------------------------------------------

TRENDS = (
    C("right", "step_chart(1)", "Chart", "The next chart", key_display="←→", id="trends.next_chart",
      title="Next chart"),
    C("left", "step_chart(-1)", "Previous chart", "The chart before", show=False,
      id="trends.previous_chart"),
    *(C(str(i), f"chart('{chart.value}')", chart.title, f"Show {chart.title.lower()}", show=False,
        id=f"trends.chart_{i}", title=f"Chart: {chart.title}") for i, chart in enumerate(CHARTS, start=1)),
    C("r", "step_range(1)", "Range", "7 days, 30 days, 90 days, a year, all", id="trends.next_range",
      title="Next range"),
    C("R", "step_range(-1)", "Previous range", "The range before", show=False,
      id="trends.previous_range"),
    C("m", "view('table')", "Mastery table", "What builds mastery for me", id="trends.table"),
    C("m", "view('charts')", "Charts", "Back to the charts", id="trends.charts"),
    C("escape", "back", "Back", "Back to Home", id="trends.back", palette=False),
)  # fmt: skip

# -- notes, coach, help ---------------------------------------------------------------------------------

NOTES = (
    C("n", "new", "New", "Write a new reflection", id="notes.new", title="New note"),
    C("e", "edit", "Edit", "Change the highlighted note", id="notes.edit", title="Edit note"),
    C("d,delete", "delete", "Delete", "Remove the highlighted note for good (asks first)",
      id="notes.delete", title="Delete note"),
    C("slash", "search", "Search", "Show only notes with these words", key_display="/",
      id="notes.search", title="Search notes"),
    C("escape", "back", "Back", "Back to Home", id="notes.back", palette=False),
)  # fmt: skip

NOTE_EDITOR = (
    C("ctrl+s", "save", "Save", "Save the note", id="note_editor.save"),
    C("escape", "leave", "Close", "Close (asks first if the words aren't saved)",
      id="note_editor.close", palette=False),
)  # fmt: skip

COACH = (
    # y only: enter would be a default answer, and nothing is pre-selected (care rules).
    C("y", "accept", "Accept", "Make the change the coach suggests", id="coach.accept",
      title="Accept suggestion"),
    C("o", "another", "Another", "The coach's next idea", id="coach.another", title="Another suggestion"),
    C("i", "instead", "Use instead", "A smaller version: use it instead (the original is archived, "
      "restorable, and its plan moves over)", id="coach.instead", title="Use the smaller version instead"),
    C("n,escape", "close", "Not now", "Close without changing anything", key_display="n",
      id="coach.close", palette=False),
)  # fmt: skip

SUPPORT = (
    C("escape,q", "close", "Back", "Close Support", id="support.close", palette=False),
    C("e", "edit", "Your people", "Write in up to three people or services you can reach",
      id="support.edit"),
    C("h", "app.help", "Help", "Keys, the skill, the references", id="support.help"),
    C("j", "scroll(1)", "Down", "Scroll down", show=False, palette=False),
    C("k", "scroll(-1)", "Up", "Scroll up", show=False, palette=False),
)  # fmt: skip

NOT_TODAY = (
    C("escape", "cancel", "Back", "Close: nothing is recorded", id="not_today.cancel", palette=False),
    C("ctrl+s", "save", "Save", "Record the day as not today (or enter)", id="not_today.save"),
)

CONTACTS = (
    C("escape", "leave", "Cancel", "Close (asks first if you typed)", id="contacts.cancel", palette=False),
    C("ctrl+s", "save", "Save", "Save your people (or enter on the last line)", id="contacts.save"),
)

HELP = (
    C("escape,q", "close", "Back", "Close help", id="help.close", palette=False),
    C("l", "app.learn", "Learn", "The skill explained", id="help.learn", palette=False),
    C("j", "scroll(1)", "Down", "Scroll down", show=False, palette=False),
    C("k", "scroll(-1)", "Up", "Scroll up", show=False, palette=False),
)  # fmt: skip

LEARN = (
    C("escape,q", "close", "Back", "Close Learn", id="learn.close", palette=False),
    C("j", "scroll(1)", "Down", "Scroll down", show=False, id="learn.down", palette=False),
    C("k", "scroll(-1)", "Up", "Scroll up", show=False, id="learn.up", palette=False),
    C("space", "page(1)", "Page down", "A page down", id="learn.page_down", palette=False),
    C("g", "top", "Top", "Back to the top", show=False, id="learn.top", title="Back to the top"),
)  # fmt: skip

SAFETY = (C("enter,space,escape", "ok", "I understand", "Close the note", id="safety.ok", palette=False),)

# -- small dialogs ------------------------------------------------------------------------------------

CONFIRM = (
    C("y", "yes", "Yes", "Yes", id="confirm.yes", palette=False),
    C("n,escape", "no", "No", "No (the safe answer)", id="confirm.no", palette=False),
)
ASK = (
    C("y", "answer(True)", "Yes", "Yes", id="ask.yes", palette=False),
    C("n", "answer(False)", "No", "No", id="ask.no", palette=False),
    C("escape", "answer(None)", "Back", "Back", id="ask.back", palette=False),
)
DRAFT = (
    C("enter,o", "choose('reopen')", "Reopen", "Reopen what you were writing", id="draft.reopen"),
    C("d", "choose('discard')", "Discard", "Discard it", id="draft.discard"),
    C("escape", "choose(None)", "Later", "Later: it stays kept", id="draft.later", palette=False),
)
