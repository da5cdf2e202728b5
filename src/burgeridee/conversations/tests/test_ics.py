"""The calendar invitation: written by the `icalendar` library (RFC 5545), read back by it in these tests."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from burgeridee.conversations import ics
from burgeridee.conversations.ics import calendar_event

EVENT = {
    "uid": "gesprek-7@burgeridee.example",
    "starts_at": datetime(2026, 7, 1, 19, 30, tzinfo=ZoneInfo("Europe/Amsterdam")),  # summer time: UTC+2
    "duration_minutes": 90,
    "summary": "Gesprek over uw idee: bankjes, bloembakken; en meer",
    "location": "Buurthuis De Kastanje, Kastanjelaan 4\nVoorbeeld",
    "description": "Kenmerk BI-2026-000001 " + "é" * 80,
    "organizer_email": "gebiedsteam@voorbeeld.nl",
    "sequence": 2,
    "now": datetime(2026, 6, 1, 8, 0, tzinfo=UTC),
}


def test_the_event_reads_back_as_what_was_planned():
    text = calendar_event(**EVENT)
    calendar = icalendar.Calendar.from_ical(text)
    assert (str(calendar["VERSION"]), str(calendar["METHOD"])) == ("2.0", "PUBLISH")
    assert str(calendar["PRODID"]) == "-//Burgeridee//Eerste gesprek//NL"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == "gesprek-7@burgeridee.example"
    assert event.decoded("DTSTART") == datetime(2026, 7, 1, 17, 30, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 7, 1, 19, 0, tzinfo=UTC)
    assert event.decoded("DTSTAMP") == datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    assert str(event["SUMMARY"]) == EVENT["summary"]
    assert str(event["LOCATION"]) == EVENT["location"]
    assert str(event["DESCRIPTION"]) == EVENT["description"]
    assert str(event["ORGANIZER"]) == "mailto:gebiedsteam@voorbeeld.nl"
    assert (event["SEQUENCE"], str(event["STATUS"]), str(event["TRANSP"])) == (2, "CONFIRMED", "OPAQUE")


def test_the_text_keeps_to_rfc_5545():
    text = calendar_event(**EVENT)
    lines = text.split("\r\n")
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-2:] == ["END:VCALENDAR", ""]
    assert "\n" not in text.replace("\r\n", "")  # every line ends with CRLF
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)  # long lines folded
    assert "DTSTART:20260701T173000Z" in lines  # UTC, which every calendar understands
    assert "SUMMARY:Gesprek over uw idee: bankjes\\, bloembakken\\; en meer" in lines  # TEXT escaping
    assert "LOCATION:Buurthuis De Kastanje\\, Kastanjelaan 4\\nVoorbeeld" in lines


def test_without_description_or_organizer_those_lines_are_left_out():
    text = calendar_event(**(EVENT | {"description": "", "organizer_email": ""}))
    [event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert "DESCRIPTION" not in event and "ORGANIZER" not in event


def test_the_invitation_is_written_by_the_library_not_by_hand():
    """Standards: a kept library where one exists. No hand-made escaping or folding comes back."""
    source = Path(ics.__file__).read_text(encoding="utf-8")
    assert "import icalendar" in source or "from icalendar" in source
    assert "BEGIN:VCALENDAR" not in source and "\\r\\n" not in source
