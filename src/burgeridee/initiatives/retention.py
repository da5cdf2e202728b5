"""What the retention task removes from an initiative: initiators' details and message texts."""

from django.utils.translation import gettext as _

from burgeridee.records.models import TimelineEvent
from burgeridee.records.retention import anonymiser

from .models import Initiator, Message

REMOVED = "[verwijderd]"


@anonymiser("initiatives")
def initiative_anonymise(*, initiative, dry_run: bool) -> list[str]:
    initiators = Initiator.objects.filter(initiative=initiative)
    messages = Message.objects.filter(initiative=initiative).exclude(body=REMOVED)
    notes = TimelineEvent.objects.filter(initiative=initiative, data__has_key="note")
    lines = []
    if count := initiators.count():
        lines.append(_("%(count)d initiatiefnemer(s): naam, e-mail, telefoon en adres") % {"count": count})
    if count := messages.count():
        lines.append(_("%(count)d bericht(en): de tekst") % {"count": count})
    if initiative.involved or initiative.stop_note:
        lines.append(_("vrije tekst over betrokkenen en de reden van stoppen"))
    if dry_run:
        return lines
    initiators.update(name=REMOVED, email="", phone="", street_address="", postal_code="", city="", role="")
    messages.update(body=REMOVED)
    for event in notes:
        event.data = {key: value for key, value in event.data.items() if key != "note"}
        event.save(update_fields=["data"])
    type(initiative).objects.filter(pk=initiative.pk).update(involved="", stop_note="")
    return lines
