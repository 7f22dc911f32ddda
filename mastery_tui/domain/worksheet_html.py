"""The worksheet as one self-contained HTML page to open in a browser and print: a week per
page, landscape, every column visible (long text wraps inside its cell), the reviews and notes
of each week, and the safety note at the end. No scripts, no outside files, no web fonts; every
piece of the person's text goes through ``html.escape``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .worksheet import COLUMNS, NOT_RATED, Worksheet

# Relative widths of COLUMNS: the words get the room; all add up to 100.
_WIDTHS = (10, 15, 8, 9, 7, 9, 10, 32)

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #111; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.subtitle { margin: 0 0 1.5rem; color: #333; }
section.week { margin-bottom: 2.5rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #999; padding: .25rem .35rem; vertical-align: top;
         text-align: left; overflow-wrap: anywhere; word-break: normal; }
th { background: #eee; font-size: .9em; overflow-wrap: normal; }
td.note { font-style: italic; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
ul { margin: .25rem 0; padding-left: 1.25rem; }
.safety { border-top: 1px solid #999; margin-top: 2rem; padding-top: .75rem;
          break-inside: avoid; page-break-inside: avoid; }
@page { size: landscape; margin: 12mm; }
@media print {
  body { font-size: 9pt; margin: 0; max-width: none; padding: 0; }
  section.week { break-after: page; page-break-after: always; margin: 0; }
  section.week:last-of-type { break-after: auto; page-break-after: auto; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def text(value: str) -> str:
    """The person's text as HTML: escaped, line breaks kept."""
    return "<br>".join(escape(line.strip()) for line in value.splitlines()) or ""


def _table(week_rows: Iterable[tuple[tuple[str, ...], str]]) -> list[str]:
    out = ["<table>", "<colgroup>"]
    out += [f'<col style="width: {w}%">' for w in _WIDTHS]
    out += ["</colgroup>", "<thead><tr>"]
    out += [f'<th scope="col">{escape(name)}</th>' for name in COLUMNS]
    out += ["</tr></thead>", "<tbody>"]
    for cells, note in week_rows:
        tds = [f"<td>{text(cell)}</td>" for cell in cells]
        if note:
            tds[-1] = f"<td>{text(cells[-1])}<p><em>Note:</em> {text(note)}</p></td>"
        out.append("<tr>" + "".join(tds) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def render(sheet: Worksheet) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(sheet.title)} {escape(sheet.exported)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(sheet.title)}</h1>",
        f'<p class="subtitle">{escape(sheet.subtitle)}</p>',
        "</header>",
    ]
    if not sheet.weeks:
        out.append("<p>No practices recorded in this time yet.</p>")
    for week in sheet.weeks:
        out += ['<section class="week">', f"<h2>{escape(week.heading)}</h2>"]
        if week.rows:
            out += _table((row.cells(), row.note) for row in week.rows)
            out.append("<ul>" + "".join(f"<li>{escape(s)}</li>" for s in week.summary) + "</ul>")
        else:
            out.append("<p>No practices recorded this week.</p>")
        for review in week.reviews:
            out.append(f"<h3>{escape(review.heading)}</h3>")
            items = "".join(
                f"<li>{escape(q)}: {text(a) if a else NOT_RATED}</li>" for q, a in review.answers
            )
            out.append(f"<ul>{items}</ul>")
        if week.notes:
            out.append("<h3>Notes</h3>")
            items = "".join(f"<li>{escape(n.day)}: {text(n.text)}</li>" for n in week.notes)
            out.append(f"<ul>{items}</ul>")
        out.append("</section>")
    paragraphs = "".join(
        f"<p>{escape(' '.join(p.split()))}</p>" for p in sheet.safety_note.split("\n\n")
    )
    out += [
        '<footer class="safety">',
        f"<p><strong>Please keep in mind:</strong></p>{paragraphs}",
        "</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"

