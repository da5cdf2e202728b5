"""The time-line events of a call-back appointment (internal on the staff time line).

Imported from DeadlinesConfig.ready(); see records/events.py for what a type declares. A call-back is a
date agreed with the resident, so it is also a step of the resident's time line: ahead with its date
while open, done on the day it was done. The step says only the kind and the date, never the note.
"""

from datetime import date

from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, ResidentStep, event_types

from .constants import FollowUpKind


def _step_key(event) -> str:
    return f"terugbellen:{event.data.get('follow_up_id', event.pk)}"


def _planned_steps(event) -> list[ResidentStep]:
    due: date | None = parse_date(event.data.get("due_date", "") or "")
    callback = event.data.get("kind", FollowUpKind.CALLBACK) == FollowUpKind.CALLBACK
    return [
        ResidentStep(
            _step_key(event),
            gettext("Uw contactpersoon belt u terug")
            if callback
            else gettext("Uw contactpersoon laat weer van zich horen"),
            gettext("Zo hebben we het met u afgesproken. Ook als er nog geen nieuws is."),
            state="upcoming",
            day=due,
            day_label=gettext("Uiterlijk"),
            order=50,
        )
    ]


def _done_steps(event) -> list[ResidentStep]:
    callback = event.data.get("kind", FollowUpKind.CALLBACK) == FollowUpKind.CALLBACK
    return [
        ResidentStep(
            _step_key(event),
            gettext("Uw contactpersoon heeft u teruggebeld")
            if callback
            else gettext("Uw contactpersoon heeft weer van zich laten horen"),
            gettext("Zoals we hadden afgesproken."),
            day=timezone.localdate(event.created_at),
            day_label=gettext("Op"),
        )
    ]


for event_type in [
    EventType(
        "terugbellen_gepland", _("Terugbelafspraak gemaakt"), resident_template=None, resident_steps=_planned_steps
    ),
    EventType("terugbellen_gedaan", _("Terugbelafspraak afgerond"), resident_template=None, resident_steps=_done_steps),
]:
    event_types.register(event_type)
