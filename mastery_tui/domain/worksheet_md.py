"""The worksheet as Markdown: a YAML title block, then a section per week. Readable as plain
text, and safe to render: every character of the person's text that Markdown (CommonMark,
GitHub or pandoc) would read as markup is escaped, so ``__init__`` stays ``__init__`` and
``[x](javascript:…)`` is never a link.
"""

from __future__ import annotations

import json
import re

from .worksheet import COLUMNS, NOT_RATED, Worksheet

# ASCII punctuation that means something to CommonMark, GitHub or pandoc inside a line:
# emphasis (* _), code (`), links and images ([ ]), raw HTML and entities (< > &), table
# cells (|), strike-through and subscript (~), pandoc's maths ($), superscript (^) and
# citations (@). User text never begins a line here (it follows "| " or "- Label: "), so
# the marks that only start blocks (# - + > 1.) need nothing.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$^@])")


def escape(text: str) -> str:
    """One line of the person's text as Markdown that renders as exactly those characters.

    Newlines become ``<br>`` (a table row can't hold a newline, a list item would end), the
    only markup this adds."""
    lines = []
    for line in text.splitlines() or [""]:
        lines.append(_SPECIAL.sub(r"\\\1", line.strip()))
    return "<br>".join(lines)


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar (JSON's escapes are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render(sheet: Worksheet) -> str:
    lines = [
        "---",
        f"title: {_yaml_string(sheet.title)}",
        f"subtitle: {_yaml_string(sheet.subtitle)}",
        f"date: {_yaml_string(sheet.exported)}",
        "---",
        "",
        f"# {sheet.title}",
        "",
        sheet.subtitle,
        "",
    ]
    if not sheet.weeks:
        lines += ["No practices recorded in this time yet.", ""]
    for week in sheet.weeks:
        lines += [f"## {week.heading}", ""]
        if week.rows:
            lines.append("| " + " | ".join(COLUMNS) + " |")
            lines.append("|" + "|".join("---" for _ in COLUMNS) + "|")
            for row in week.rows:
                cells = [escape(cell) for cell in row.cells()]
                if row.note:
                    cells[-1] = f"{cells[-1]}<br>*Note:* {escape(row.note)}".removeprefix("<br>")
                lines.append("| " + " | ".join(cells) + " |")
            lines += ["", *(f"- {line}" for line in week.summary), ""]
        else:
            lines += ["No practices recorded this week.", ""]
        for review in week.reviews:
            lines += [f"### {review.heading}", ""]
            lines += [f"- {q}: {escape(a) if a else NOT_RATED}" for q, a in review.answers]
            lines.append("")
        if week.notes:
            lines += ["### Notes", ""]
            lines += [f"- {note.day}: {escape(note.text)}" for note in week.notes]
            lines.append("")
    safety = " ".join(sheet.safety_note.split())
    lines += ["---", "", f"*Please keep in mind:* {safety}"]
    return "\n".join(lines).rstrip("\n") + "\n"

