"""Reading a list of neighbourhoods from a CSV file (or pasted lines): one neighbourhood per line, the name in
the first column; a first line "naam" or "wijk" is a header. Each line gets a verdict for the preview."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from burgeridee.core.forms import CONTROL_CHARACTERS

MAX_LINES = 500
MAX_NAME = 120
HEADERS = {"naam", "wijk", "wijknaam", "name", "neighbourhood"}

NEW, EXISTS, ERROR = "new", "exists", "error"


@dataclass(frozen=True)
class Line:
    number: int
    name: str
    verdict: str  # NEW, EXISTS or ERROR
    message: str = ""


def decode(content: bytes) -> str:
    """UTF-8 (with or without a byte-order mark, as Excel saves it), else Windows-1252."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _dialect(text: str):
    try:
        return csv.Sniffer().sniff(text[:2000], delimiters=";,\t")
    except csv.Error:
        return csv.excel


def parse(text: str, *, existing: set[str]) -> list[Line]:
    """One Line per non-empty line of `text`; `existing` holds the names already there (lower case)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    seen: dict[str, int] = {}
    try:
        rows = list(csv.reader(io.StringIO(text), _dialect(text)))
    except csv.Error:
        rows = [[row] for row in text.split("\n")]
    for number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        name = " ".join(cells[0].split())
        if number == 1 and name.lower() in HEADERS:
            continue
        if len(lines) >= MAX_LINES:
            lines.append(
                Line(
                    number, name[:60], ERROR, _("Meer dan %(max)s regels. Lees de rest apart in.") % {"max": MAX_LINES}
                )
            )
            break
        if not name:
            lines.append(
                Line(number, "", ERROR, _("De eerste kolom is leeg. Zet de naam van de wijk in de eerste kolom."))
            )
        elif CONTROL_CHARACTERS.search(name):
            lines.append(Line(number, name, ERROR, _("Deze naam bevat een onzichtbaar teken. Typ de naam opnieuw.")))
        elif len(name) > MAX_NAME:
            lines.append(
                Line(number, name[:60] + "…", ERROR, _("De naam is langer dan %(max)s tekens.") % {"max": MAX_NAME})
            )
        elif name.lower() in seen:
            lines.append(
                Line(number, name, ERROR, _("Deze wijk staat al op regel %(line)s.") % {"line": seen[name.lower()]})
            )
        elif name.lower() in existing:
            seen[name.lower()] = number
            lines.append(Line(number, name, EXISTS, _("Bestaat al; wordt overgeslagen.")))
        else:
            seen[name.lower()] = number
            lines.append(Line(number, name, NEW))
    return lines
