"""The Learn page's words: what Build Mastery is, its three principles, how it sits with the
other DBT skills, the safety note and the references.

Written from ../shared/SKILL.md in the app's own voice: warm, plain, never shaming. Pure text,
so the page, the docs and any future export say the same thing.
"""

from __future__ import annotations

import dataclasses

from . import words


@dataclasses.dataclass(frozen=True)
class Section:
    """A heading and its paragraphs. ``safety`` marks the section that must stand out."""

    title: str
    paragraphs: tuple[str, ...]
    safety: bool = False


WHAT_IT_IS = Section(
    "What Build Mastery is",
    (
        "Build Mastery is one of the emotion-regulation skills of Dialectical Behavior Therapy "
        "(DBT, Marsha Linehan). The idea is simple: do one small thing that is a little "
        "challenging for you, and do it regularly.",
        "Each time you follow through, you collect a bit of evidence that you can act. Piled "
        "up, those small successes make you feel more capable, and less at the mercy of "
        "shame, hopelessness and overwhelm. Psychologists call them mastery experiences: "
        "having actually done a thing raises confidence more than anything anyone can tell you.",
    ),
)

PRINCIPLES = Section(
    "Three principles",
    (
        "1. Small, regular challenges. Hard enough that finishing means something, not so hard "
        "that it probably won't happen. \"Run 5 km a day\" is not a mastery task when you are "
        "low; \"walk 5 minutes around the block\" is. A good task passes the bad-day test: "
        "honestly, I could do this on a bad day.",
        "2. Process over perfection. What counts is that you showed up, not how polished it "
        "was. Partly done is still practice.",
        "3. Just a bit harder than comfortable. Like strength training, raise the weight "
        "slowly. Too easy teaches you nothing new about yourself; too hard pushes you toward "
        "avoiding it. "
        "The coach in this app suggests those small steps up, and smaller ones when a task "
        "has been too big.",
    ),
)

THE_PRACTICE = Section(
    "The practice, step by step",
    (
        "Choose a life area. Brainstorm 5 to 10 tiny tasks. Plan when and how, as one concrete "
        "sentence (\"study 19:30–19:50, phone in another room\"). Do it even if motivation is "
        "low: act first, motivation often follows. Pause to register that you did it. Then "
        "record how it went: difficulty, done or partly or not this time, mood and confidence "
        "before and after, and one sentence on what you learned.",
        "When it doesn't get done, that is data for next time, not proof of anything. Was it "
        "too big for today's energy? Does it need smaller steps? Did perfectionism or fear get "
        "in the way? Then choose a smaller, more realistic task. The skill is learning to size "
        "tasks.",
    ),
)

COMPANIONS = Section(
    "How it fits with other skills",
    (
        "ABC PLEASE: Build Mastery is the B. Together with Accumulating positive experiences, "
        "Coping ahead and PLEASE (caring for your body: sleep, food, movement, illness, "
        "substances), it lowers how vulnerable you are to painful emotions overall.",
        "Cope Ahead: before a stressful situation, rehearse in your mind the skill you will "
        "use. The rehearsal is itself a small mastery task.",
        "Opposite Action: when shame or fear says \"avoid it\", do the small planned step "
        "anyway. Acting against the urge is how the urge loses its grip.",
        "Mindfulness: notice the urge to avoid, and the thought \"it won't matter\", without "
        "arguing with them. Then gently steer back to the planned step.",
        "TIPP and the interpersonal effectiveness skills are good companions too.",
    ),
)

SAFETY = Section("Please keep in mind", (words.SAFETY_NOTE,), safety=True)

REFERENCES = Section("References", tuple(words.REFERENCES.splitlines()))

SECTIONS: tuple[Section, ...] = (WHAT_IT_IS, PRINCIPLES, THE_PRACTICE, COMPANIONS, SAFETY, REFERENCES)


def section_text(section: Section) -> str:
    """A section's paragraphs as one block of text, a blank line between paragraphs
    (references one per line)."""
    joiner = "\n" if section is REFERENCES else "\n\n"
    return joiner.join(section.paragraphs)
