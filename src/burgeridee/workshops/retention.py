"""What the retention task removes from workshops: handled requests, a set period after handling.

A request holds the requester's name, email address, phone number and free text. Once handled it is
shown nowhere any more, so after WORKSHOP_REQUEST_RETENTION_MONTHS it is deleted as a whole. Open
requests stay: they are on the trainer's list until someone handles them.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Count
from django.utils.translation import ngettext

from burgeridee.municipalities.models import Municipality
from burgeridee.records.processing import processing_record
from burgeridee.records.retention import retention_rule
from burgeridee.records.vocabulary import Activity

from .models import WorkshopRequest


def workshop_requests_expired(*, now):
    """Handled requests whose retention period has passed."""
    cutoff = now - relativedelta(months=settings.WORKSHOP_REQUEST_RETENTION_MONTHS)
    return WorkshopRequest.objects.filter(handled_at__lt=cutoff)


@retention_rule("workshop requests")
def workshop_requests_delete(*, now, dry_run: bool) -> list[str]:
    expired = workshop_requests_expired(now=now)
    counts = {
        row["municipality"]: row["count"]
        for row in expired.order_by().values("municipality").annotate(count=Count("pk"))
    }
    lines = []
    for municipality in Municipality.objects.filter(pk__in=counts).order_by("name"):
        count = counts[municipality.pk]
        removed = ngettext(
            "%(count)d afgehandelde workshopaanvraag: naam, e-mail, telefoon en wensen",
            "%(count)d afgehandelde workshopaanvragen: naam, e-mail, telefoon en wensen",
            count,
        ) % {"count": count}
        lines.append(f"{municipality.name}: {removed}")
        if dry_run:
            continue
        expired.filter(municipality=municipality).delete()
        processing_record(municipality=municipality, actor=None, activity=Activity.WORKSHOP_REQUESTS_DELETE)
    return lines
