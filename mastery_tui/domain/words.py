"""The app's own words about the skill, kept in one place so every screen says the same thing.

Written from ../shared/SKILL.md: warm, plain, never shaming.
"""

from __future__ import annotations

from datetime import datetime

SAFETY_TITLE = "Please keep in mind"  # (not "Before you start": that is the Before screen)

SAFETY_NOTE = (
    "mastery is for practising a skill. It is not therapy and not a treatment.\n\n"
    "If you are having thoughts of suicide or of harming yourself, or your low mood feels "
    "severe, please reach out to a qualified professional or a crisis service as well. "
    "You deserve real support alongside this practice. If you are in danger right now, "
    "call your local emergency number.\n\n"
    "Your practice stays on this computer. Nothing is sent anywhere."
)

ABOUT_SKILL = (
    "Build Mastery is one of the DBT emotion-regulation skills (ABC PLEASE). Each day, do "
    "one small thing that is a little hard for you, and notice that you did it. Small "
    "successes, piled up, make you feel more capable and less at the mercy of shame, "
    "hopelessness and overwhelm.\n\n"
    "Keep it small: it should pass the bad-day test, \"honestly, I could do this on a bad "
    "day\". Showing up counts more than doing it well; partly is still practice. And raise the "
    "weight slowly: just a bit harder than comfortable."
)

REFERENCES = (
    "Linehan, M. M. (2015). DBT Skills Training Handouts and Worksheets, 2nd ed.\n"
    "Linehan, M. M. (2015). DBT Skills Training Manual, 2nd ed.\n"
    "Bandura, A. Self-efficacy theory: mastery experiences.\n"
    "Valentine et al. (2020). DBT skills training as a stand-alone intervention: a review."
)

ENCOURAGEMENTS = (
    "One small, slightly hard thing today is enough.",
    "Showing up counts. Partly counts too.",
    "Act first; motivation often follows.",
    "Small and done beats big and someday.",
    "A skipped day is information, not a verdict.",
    "Just a bit harder than comfortable.",
    "Notice the urge to avoid, then take the tiny step anyway.",
)


def greeting(moment: datetime) -> str:
    hour = moment.hour
    if 5 <= hour < 12:
        return "Good morning."
    if 12 <= hour < 18:
        return "Good afternoon."
    if 18 <= hour < 23:
        return "Good evening."
    return "Hello."  # late at night: no joke, no comment on the hour


# While nothing may suggest "harder" (care.nothing_harder: a low-mood spell, after a gap,
# right after a partly / not this time), Home's line comes from these instead.
GENTLE_ENCOURAGEMENTS = (
    "Showing up counts. Partly counts too.",
    "The smallest step still counts.",
    "A skipped day is information, not a verdict.",
    "Be as kind to yourself today as you would be to a friend.",
)


def encouragement(moment: datetime, *, gentle: bool = False) -> str:
    """A different line each day, the same all day; ``gentle`` (``care.nothing_harder``): one
    that asks nothing of the person."""
    lines = GENTLE_ENCOURAGEMENTS if gentle else ENCOURAGEMENTS
    return lines[moment.toordinal() % len(lines)]


def task_summary(task_count: int, area_count: int) -> str:
    if task_count == 0:
        return "No task ideas yet. Start with one tiny thing you could do even on a bad day."
    ideas = "idea" if task_count == 1 else "ideas"
    areas = "life area" if area_count == 1 else "life areas"
    return f"You have {task_count} task {ideas} in {area_count} {areas}."


def listing(items: tuple[str, ...] | list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def not_rated_yet(items: tuple[str, ...] | list[str]) -> str:
    """One calm line for answers left blank: "Mood and confidence aren't rated yet."."""
    text = listing(items)
    verb = "isn't" if len(items) == 1 else "aren't"
    return f"{text[:1].upper()}{text[1:]} {verb} rated yet."
