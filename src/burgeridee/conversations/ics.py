"""A calendar invitation (iCalendar, RFC 5545) for the first conversation, written by the `icalendar` library
(escaping, line folding and CRLF line ends are the library's)."""

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, vCalAddress


def calendar_event(
    *,
    uid: str,
    starts_at: datetime,
    duration_minutes: int,
    summary: str,
    location: str,
    description: str = "",
    organizer_email: str = "",
    sequence: int = 0,
    now: datetime | None = None,
) -> str:
    """One VEVENT in a VCALENDAR with METHOD:PUBLISH. Times in UTC ('Z'), which every client understands."""
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//Burgeridee//Eerste gesprek//NL")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("sequence", sequence)
    event.add("dtstart", starts_at.astimezone(UTC))
    event.add("dtend", (starts_at + timedelta(minutes=duration_minutes)).astimezone(UTC))
    event.add("summary", summary)
    event.add("location", location)
    if description:
        event.add("description", description)
    if organizer_email:
        event.add("organizer", vCalAddress(f"mailto:{organizer_email}"))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
