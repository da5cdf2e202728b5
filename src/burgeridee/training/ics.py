"""The calendar file (iCalendar) for a meeting, made with the icalendar library."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from icalendar import Calendar, Event, vCalAddress


def meeting_ics(meeting, *, now: datetime | None = None) -> bytes:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "burgeridee"
    calendar = Calendar()
    calendar.add("prodid", "-//Burgeridee//Bijeenkomst//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"bijeenkomst-{meeting.pk}@{host}")
    event.add("dtstamp", now or datetime.now(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", (meeting.starts_at + timedelta(minutes=meeting.duration_minutes)).astimezone(UTC))
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    description = "\n".join([meeting.description, *meeting.agenda_points]).strip()
    if description:
        event.add("description", description)
    if meeting.municipality.contact_email:
        event.add("organizer", vCalAddress(f"mailto:{meeting.municipality.contact_email}"))
    event.add("status", "CANCELLED" if meeting.status == "geannuleerd" else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()
