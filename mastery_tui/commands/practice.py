"""The keys of "do it now": choosing, before, the timer, stopping, after, next time."""

from __future__ import annotations

from .base import C

# -- do it now ----------------------------------------------------------------------------------

CHOOSE = (
    C("escape", "cancel", "Back", "Close the list", id="choose.back", palette=False),
    C("down", "move(1)", "Next", "The next task", show=False, palette=False, key_display="↓"),
    C("up", "move(-1)", "Previous", "The task before", show=False, palette=False, key_display="↑"),
    C("ctrl+n", "quick", "Quick task", "A quick task instead: a title and minutes", id="choose.quick"),
    C("ctrl+r", "resist", "Stuck?", "A short prompt when it's hard to start", id="choose.resist"),
)  # fmt: skip

QUICK = (C("escape", "leave", "Back", "Close (asks first if you typed)", id="quick.back", palette=False),)

BEFORE = (
    C("enter", "next", "Next", "On to confidence, then start", show=False, priority=True, palette=False),
    C("ctrl+s", "start", "Start the timer", "Start the timer (asks about a rating left blank)",
      id="before.start"),
    C("escape", "leave", "Not now", "Not now (asks first if you rated)", id="before.cancel", palette=False),
    C("s", "swap", "Smallest step", "On a rough day: practise the smallest bad-day task instead",
      id="before.swap"),
    # (The hint line says "r if it's hard to start": the footer keeps its room for F1.)
    C("r", "resist", "Stuck?", "A short prompt when it's hard to start", id="before.resist",
      show=False),
)  # fmt: skip

TIMER = (
    C("space", "toggle(True)", "Pause", "Pause the timer", id="timer.toggle"),
    C("space", "toggle(False)", "Resume", "Resume the timer", id="timer.resume"),
    C("plus,equals_sign", "adjust(1)", "+1m", "One minute more", key_display="+", id="timer.more"),
    C("minus,underscore", "adjust(-1)", "−1m", "One minute less", key_display="-", id="timer.less"),
    C("f", "finish", "Done", "Done: on to how it went", id="timer.finish", essential=True),
    C("r", "resist", "Stuck?", "A short prompt when it's hard to start", id="timer.resist"),
    C("escape", "stop", "Stop", "Stop here: partly, not this time, or discard", id="timer.stop"),
    C("q", "quit_asking", "Quit", "Quit (asks; the practice is kept)", show=False, id="timer.quit"),
)  # fmt: skip

AFTER = (
    C("enter", "next", "Next", "The next field; in the sentence, save", show=False, priority=True,
      palette=False),
    C("ctrl+s", "save", "Save", "Save how it went (asks about anything left blank)", id="after.save"),
    C("escape", "later", "Later", "Keep it for later (n finishes it)", id="after.later"),
)  # fmt: skip

ADJUST = (
    C("ctrl+s", "save", "Save", "Save these answers with the practice", id="adjust.save"),
    C("escape", "leave", "Skip", "Record the practice without these answers", id="adjust.skip"),
)

ACKNOWLEDGE = (
    C("enter,escape,space", "done", "Back to today", "Back to Home", id="ack.done", palette=False),
)

RESUME = (
    C("f,enter", "choose('record')", "Finish recording", "Finish recording it, answers as they were",
      id="resume.record", essential=True),
    C("r", "choose('resume')", "Resume timer", "Resume the timer (the time away counts)", id="resume.resume"),
    C("d", "choose('discard')", "Discard", "Discard it: nothing is recorded", id="resume.discard"),
    C("s", "choose('new')", "Start the new one", "Discard it and start the one just asked for",
      id="resume.new"),
    C("escape", "choose(None)", "Later", "Decide later (it stays kept)", id="resume.later", palette=False),
)  # fmt: skip

STOP = (
    C("f", "choose('yes')", "Done", "Record it: done (once the time is up)", id="stop.done"),
    C("p", "choose('partly')", "Partly", "Record it: partly", id="stop.partly"),
    C("n", "choose('no')", "Not this time", "Record it: not this time", id="stop.no"),
    C("d", "choose('discard')", "Discard", "Discard it: nothing is recorded", id="stop.discard"),
    C("escape", "choose(None)", "Keep going", "Back to the timer", id="stop.back", palette=False),
)

QUIT_TIMER = (
    C("y,q", "answer(True)", "Quit", "Quit; the practice is kept for next time", id="quit_timer.yes"),
    C("n,escape", "answer(False)", "Keep going", "Back to the timer", id="quit_timer.no", palette=False),
)

UNANSWERED = (
    C("enter,s", "answer(True)", "Skip: not rated", "Save what is blank as \u201cnot rated\u201d",
      id="unanswered.skip"),
    C("escape,r", "answer(False)", "Rate", "Go back and answer it", id="unanswered.rate", palette=False),
)  # fmt: skip
