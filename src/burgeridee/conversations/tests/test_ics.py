from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from burgeridee.conversations.ics import calendar_event


def test_event_is_valid_icalendar_with_escaping_and_folding():
    amsterdam = ZoneInfo("Europe/Amsterdam")
    text = calendar_event(
        uid="gesprek-7@burgeridee.example",
        starts_at=datetime(2026, 7, 1, 19, 30, tzinfo=amsterdam),  # summer time: UTC+2
        duration_minutes=90,
        summary="Gesprek over uw idee: bankjes, bloembakken; en meer",
        location="Buurthuis De Kastanje, Kastanjelaan 4\nVoorbeeld",
        description="Kenmerk BI-2026-000001 " + "é" * 80,
        now=datetime(2026, 6, 1, 8, 0, tzinfo=UTC),
    )
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "DTSTART:20260701T173000Z" in lines
    assert "DTEND:20260701T190000Z" in lines
    assert "DTSTAMP:20260601T080000Z" in lines
    assert "SUMMARY:Gesprek over uw idee: bankjes\\, bloembakken\\; en meer" in lines
    assert "LOCATION:Buurthuis De Kastanje\\, Kastanjelaan 4\\nVoorbeeld" in lines
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)  # folded
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:Kenmerk BI-2026-000001 " + "é" * 80 in unfolded
