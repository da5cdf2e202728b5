"""Everything we hold about a resident's initiative, for the resident's right of access (AVG art. 15)."""

from django.utils import timezone


def _iso(moment):
    return moment.isoformat() if moment else None


def resident_data_export(*, initiative) -> dict:
    """The resident's own data: the idea, the initiators, the help asked, messages and the time line."""
    return {
        "exported_at": _iso(timezone.now()),
        "controller": initiative.municipality.name,
        "initiative": {
            "reference": initiative.reference,
            "title": initiative.title,
            "description": initiative.description,
            "target_group": initiative.target_group,
            "neighbourhood": initiative.neighbourhood.name if initiative.neighbourhood else None,
            "location": initiative.location,
            "theme": initiative.theme,
            "involved": initiative.involved,
            "help_description": initiative.help_description,
            "own_contribution": initiative.own_contribution,
            "channel": initiative.channel,
            "phase": initiative.phase,
            "submitted_at": _iso(initiative.submitted_at),
            "first_contact_due": initiative.first_contact_due.isoformat(),
            "closed_at": _iso(initiative.closed_at),
        },
        "initiators": [
            {
                "name": person.name,
                "email": person.email,
                "phone": person.phone,
                "street_address": person.street_address,
                "postal_code": person.postal_code,
                "city": person.city,
                "preferred_contact": person.preferred_contact,
                "role": person.role,
            }
            for person in initiative.initiators.all()
        ],
        "support_requested": [request.support_type for request in initiative.support_requests.all()],
        "messages": [
            {"direction": message.direction, "sent_at": _iso(message.created_at), "text": message.body}
            for message in initiative.messages.all()
        ],
        "time_line": [{"at": _iso(event.created_at), "what": event.kind} for event in initiative.events.all()],
        "contact_person": initiative.contact_person.display_name if initiative.contact_person else None,
    }
