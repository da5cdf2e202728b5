"""Every CSV the product writes goes through this writer, so no cell can become a spreadsheet formula.

A resident's name or a participant's answer such as `=HYPERLINK("http://evil.example","Klik")` would
otherwise arrive in Excel or LibreOffice as a live formula (CSV injection, OWASP). Each text cell that
starts with a character a spreadsheet reads as the start of a formula gets a leading apostrophe,
which spreadsheets show as text. Numbers and dates pass unchanged. Semicolon-separated with a byte
order mark, as Dutch spreadsheet programs expect.
"""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value) -> object:
    """The value as a safe cell: text that a spreadsheet would evaluate is quoted as text."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else value
    if isinstance(value, int | float):
        return value
    text = str(value)
    stripped = text.lstrip(" ")
    return "'" + text if stripped[:1] in FORMULA_START else text


class SafeCsvWriter:
    def __init__(self, stream):
        self._writer = csv.writer(stream, delimiter=";")

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def csv_response(filename: str) -> tuple[HttpResponse, SafeCsvWriter]:
    """A download response and the only writer that may fill it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    return response, SafeCsvWriter(response)
