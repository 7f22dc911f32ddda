"""The app-wide commands, Home's, and the keys of the form widgets (sliders, choices, days)."""

from __future__ import annotations

from ..domain.plan import DAY_NAMES
from .base import C

# -- app-wide ---------------------------------------------------------------------------------

EVERYWHERE = (
    # F1 works on every screen and dialog, text fields included (priority: before any widget);
    # ? too, where no text field has focus (the app's check_action).
    C("f1", "app.support", "Support", "Your people, where to find a helpline, the safety note",
      id="app.support", key_display="F1", priority=True, grid="support, help", essential=True),
    C("question_mark", "app.support_key", "Support", "Support (where no text field has focus)",
      id="app.support_key", show=False, priority=True, palette=False),
    C("", "app.help", "Help", "Keys, the skill, the references (h on the Support page)"),
    C("q", "app.quit_key", "Quit", "Quit (everything is already saved); not in forms and dialogs",
      id="app.quit", show=False),
    C("ctrl+q", "app.quit", "Quit", "Quit from anywhere; what you typed is kept for next time",
      palette=False, bind=False),
    C("ctrl+p", "app.command_palette", "Palette", "Every command of the screen, and themes",
      palette=False, bind=False),
    C("escape", "", "Back", "Back, or close a dialog (a form asks first if you typed)",
      palette=False, bind=False),
    C("tab", "", "Next", "The next field; shift+tab the one before", palette=False, bind=False),
    # The palette only, from every screen (Home has keys for most of them).
    C("", "app.do_now", "Do it now", "Pick a task and practise it now, with a timer"),
    C("", "app.quick_task", "Quick task", "Practise something now: just a title and minutes"),
    C("", "app.week", "Week", "The 7-day plan: set it up, or review the week"),
    C("", "app.log", "Log", "Every practice: filter, search, edit, export"),
    C("", "app.trends", "Trends", "Mood, confidence and difficulty over time"),
    C("", "app.brainstorm", "Brainstorm", "Life areas, tiny tasks and their plans"),
    C("", "app.notes", "Notes", "Free reflections about the skill"),
    C("", "app.coach", "Coach", "A suggestion: a bit harder, or smaller, and why"),
    C("", "app.learn", "Learn", "What Build Mastery is and how it fits with DBT"),
    C("", "app.support", "Support", "If things feel too heavy: your people, helplines, the safety note"),
)  # fmt: skip

HOME = (
    C("n", "app.do_now", "Do it now", "A guided practice with a timer", id="home.do_now", grid="do it now"),
    C("w", "app.week", "Week", "The 7-day plan: set up a week, or review it at day 7",
      id="home.week", grid="7-day plan"),
    C("l", "app.log", "Log", "Every practice; filter, search, edit, export", id="home.log", grid="log"),
    C("t", "app.trends", "Trends", "Mood, confidence, difficulty; what builds mastery",
      id="home.trends", grid="trends"),
    C("b", "app.brainstorm", "Brainstorm", "Life areas, tiny tasks and their plans",
      id="home.brainstorm", show=False, grid="brainstorm"),
    C("j", "app.notes", "Notes", "Free reflections about the skill", id="home.notes", show=False, grid="notes"),
    C("c", "coach", "Coach", "The coach's suggestion: a bit harder or smaller, and why",
      id="home.coach", grid="coach", palette=False),
    C("q", "app.quit_key", "Quit", "Quit (everything is already saved)", id="home.quit", palette=False,
      essential=True),
    # Home's week line says "s: not today": the footer keeps room for F1 Support.
    C("s", "not_today", "Not today", "A planned day that won't happen: say why if you like",
      id="home.not_today", show=False),
    # The line itself says "x puts this away": the footer keeps room for F1 Support.
    C("x", "put_away_care", "Put away", "Put today's line about low mood away until tomorrow",
      id="home.put_away_care", show=False),
)  # fmt: skip

# -- forms: the widgets' own keys ---------------------------------------------------------------

SLIDER = (
    C("left", "step(-1)", "−1", "Rating: one less (the first press starts from the reference)",
      show=False, palette=False, key_display="←"),
    C("right", "step(1)", "+1", "Rating: one more", show=False, palette=False, key_display="→"),
    C("shift+left,pagedown", "step(-10)", "−10", "Rating: ten less", show=False, palette=False,
      key_display="⇧←"),
    C("shift+right,pageup", "step(10)", "+10", "Rating: ten more", show=False, palette=False,
      key_display="⇧→"),
    C("home", "set(0)", "0", "Rating: 0", show=False, palette=False),
    C("end", "set(100)", "100", "Rating: 100", show=False, palette=False),
    C("backspace", "backspace", "Delete a digit",
      "Rating: drop the last digit; the last one leaves it not rated", show=False, palette=False,
      key_display="⌫"),
    C("enter", "confirm", "Confirm", "Rating: on to the next field", show=False, palette=False),
    *(C(str(d), f"digit('{d}')", "Type a value", "Rating: type a value (4, 2 is 42)", show=False,
        palette=False, help_key="0-9") for d in range(10)),
)  # fmt: skip

CHOICE = (
    C("left", "move(-1)", "Previous", "Choice: the one before", show=False, palette=False, key_display="←"),
    C("right,space", "move(1)", "Next", "Choice: the next one", show=False, palette=False, key_display="→"),
    C("enter", "confirm", "Confirm", "Choice: on to the next field", show=False, palette=False),
    C("backspace", "clear", "Clear", "Choice: no answer (not rated)", show=False, palette=False,
      key_display="⌫"),
)  # fmt: skip

YES_NO = (
    C("y", "choose(True)", "Yes", "Yes or no: yes", palette=False),
    C("n", "choose(False)", "No", "Yes or no: no", palette=False),
    C("left,right,space", "switch", "Switch", "Yes or no: the other one", show=False, palette=False),
)

DAYS = (
    C("left", "move(-1)", "Previous day", "Days: move left", show=False, palette=False, key_display="←"),
    C("right", "move(1)", "Next day", "Days: move right", show=False, palette=False, key_display="→"),
    C("space", "toggle", "Toggle day", "Days: plan or unplan the day", palette=False),
    C("t", "today", "Today", "Days: today", palette=False),
    C("a", "clear", "Any day", "Days: none chosen, any day", palette=False),
    *(C(str(n + 1), f"toggle({n})", DAY_NAMES[n], "Days: 1 Monday … 7 Sunday", show=False,
        palette=False, help_key="1-7") for n in range(7)),
)  # fmt: skip

CHECKLIST = (C("space", "select", "Tick", "Checklists: tick or untick", show=False, palette=False),)

LIST_KEYS = (  # j/k in the long read-only lists
    C("j", "cursor_down", "Down", "Lists: down", show=False, palette=False),
    C("k", "cursor_up", "Up", "Lists: up", show=False, palette=False),
)
