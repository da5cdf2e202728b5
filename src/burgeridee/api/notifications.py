"""Event notifications: CloudEvents (NL GOV profile) to the municipality's subscribed systems.

When an initiative is received, assigned, changes phase, has its report confirmed or ends, the app that did
it writes a time-line event (records.services.event_record). This module listens to those events
(`post_save` of records.TimelineEvent, connected in ApiConfig.ready()), so no service had to change:

    time-line kind             CloudEvents type
    ingediend                  nl.burgeridee.initiatief-ontvangen
    contactpersoon             nl.burgeridee.initiatief-toegewezen
    fase                       nl.burgeridee.initiatief-fase-gewijzigd (+ initiatief-beeindigd when closed)
    ingetrokken                nl.burgeridee.initiatief-fase-gewijzigd + initiatief-beeindigd
    verslag_bevestigd          nl.burgeridee.verslag-bevestigd

In the transaction of the action, one NotificationDelivery row per interested subscription is written with
the whole CloudEvent and a per-subscription sequence number; after commit the worker is asked to deliver
(delivery.py). The message holds no personal data: `subject` is the reference and `dataref` the API address
where a client with the right scope reads more.
"""

import logging
import uuid
from datetime import UTC

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from burgeridee.initiatives.constants import CLOSED_PHASES

from .models import EventType, NotificationDelivery, Subscription

logger = logging.getLogger(__name__)


def event_types_for(kind: str, data: dict) -> list[str]:
    if kind == "ingediend":
        return [EventType.RECEIVED]
    if kind == "contactpersoon":
        return [EventType.ASSIGNED]
    if kind == "fase":
        types = [EventType.PHASE_CHANGED]
        if data.get("to") in CLOSED_PHASES:
            types.append(EventType.ENDED)
        return types
    if kind == "ingetrokken":
        return [EventType.PHASE_CHANGED, EventType.ENDED]
    if kind == "verslag_bevestigd":
        return [EventType.REPORT_CONFIRMED]
    return []


def source_for(municipality) -> str:
    """The CloudEvents `source`: which system, for which municipality (a URN, as the NL GOV profile asks)."""
    return f"urn:nld:burgeridee:gemeente:{municipality.slug}"


def cloudevent(*, event_type: str, initiative, time, event_id: str, sequence: int, data: dict) -> dict:
    path = reverse(
        "api:initiative", kwargs={"gemeente": initiative.municipality.slug, "reference": initiative.reference}
    )
    return {
        "specversion": "1.0",
        "id": event_id,
        "source": source_for(initiative.municipality),
        "type": event_type,
        "subject": initiative.reference,
        "time": time.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "datacontenttype": "application/json",
        "dataref": f"{settings.SITE_URL}{path}",
        "sequence": str(sequence),
        "sequencetype": "Integer",
        "data": data,
    }


def notifications_for_event(*, event) -> list[NotificationDelivery]:
    """Write the deliveries for one time-line event (in its transaction). Returns them."""
    types = event_types_for(event.kind, event.data or {})
    if not types:
        return []
    initiative = event.initiative
    subscriptions = [
        subscription
        for subscription in Subscription.objects.filter(municipality_id=initiative.municipality_id, is_active=True)
        if any(subscription.wants(event_type) for event_type in types)
    ]
    if not subscriptions:
        return []
    data = {"reference": initiative.reference, "phase": initiative.phase}
    if event.kind in ("fase", "ingetrokken"):
        data["previousPhase"] = (event.data or {}).get("from", "")
    deliveries = []
    for subscription in subscriptions:
        for event_type in types:
            if not subscription.wants(event_type):
                continue
            Subscription.objects.filter(pk=subscription.pk).update(last_sequence=F("last_sequence") + 1)
            sequence = Subscription.objects.values_list("last_sequence", flat=True).get(pk=subscription.pk)
            event_id = str(uuid.uuid4())
            deliveries.append(
                NotificationDelivery.objects.create(
                    subscription=subscription,
                    sequence=sequence,
                    event_id=event_id,
                    event_type=event_type,
                    subject=initiative.reference,
                    event=cloudevent(
                        event_type=event_type,
                        initiative=initiative,
                        time=event.created_at,
                        event_id=event_id,
                        sequence=sequence,
                        data=data,
                    ),
                    next_attempt_at=timezone.now(),
                    created_at=timezone.now(),
                )
            )
    transaction.on_commit(_enqueue)
    return deliveries


def _enqueue() -> None:
    from .tasks import notifications_deliver_task  # tasks import the worker side; only needed after commit

    try:
        notifications_deliver_task.enqueue()
    except Exception:  # the sweep (manage.py notifications_send) delivers them anyway
        logger.warning("Could not queue the notification worker; the sweep will deliver")


def timeline_event_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        notifications_for_event(event=instance)
