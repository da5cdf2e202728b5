"""A calendar invitation (iCalendar, RFC 5545) for the first conversation. Small enough to write by hand."""

from datetime import UTC, datetime, timedelta


def _escape(value: str) -> str:
    """TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold lines longer than 75 octets (RFC 5545 §3.1): CRLF followed by one space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts = []
    current = b""
    limit = 75
    for char in line:
        char_bytes = char.encode("utf-8")
        if len(current) + len(char_bytes) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = 74  # continuation lines start with a space
        current += char_bytes
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


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
    now = now or datetime.now(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Burgeridee//Eerste gesprek//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(now)}",
        f"SEQUENCE:{sequence}",
        f"DTSTART:{_utc(starts_at)}",
        f"DTEND:{_utc(starts_at + timedelta(minutes=duration_minutes))}",
        f"SUMMARY:{_escape(summary)}",
        f"LOCATION:{_escape(location)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    if organizer_email:
        lines.append(f"ORGANIZER:mailto:{organizer_email}")
    lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines)
