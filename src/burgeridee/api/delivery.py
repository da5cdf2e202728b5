"""Delivering notifications: the worker claims due deliveries, POSTs each CloudEvent (structured mode,
application/cloudevents+json) signed with the subscription's secret, and records every attempt.

1. Claim in a short transaction: rows due now (or whose claim lapsed), only the first undelivered one of each
   subscription (so a subscriber receives its messages in order), SELECT ... FOR UPDATE SKIP LOCKED, marked
   `bezig` with a lease in this worker's name.
2. Send outside any transaction (requests, NOTIFICATION_TIMEOUT seconds).
3. 2xx: delivered. Otherwise the next attempt after exponential back-off (backoff.retry_delay); after
   NOTIFICATION_MAX_ATTEMPTS it is `mislukt`, shown to the administrator, who may send it again. A failed
   message no longer holds up the ones after it.

The signature header: `Burgeridee-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
"""

import hashlib
import hmac
import json
import logging
import time
import uuid
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.db import OperationalError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from burgeridee.core.outbox import backoff_delay as retry_delay

from .models import DeliveryAttempt, DeliveryStatus, NotificationDelivery

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "Burgeridee-Signature"
CONTENT_TYPE = "application/cloudevents+json; charset=utf-8"


def signature(*, secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _due(now: datetime) -> Q:
    return Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, claimed_until__lt=now
    )


def _lease() -> timedelta:
    return timedelta(seconds=max(settings.NOTIFICATION_TIMEOUT * 3, 30))


def deliveries_claim(*, worker: str, now: datetime, limit: int = 50) -> list[int]:
    earlier_open = NotificationDelivery.objects.filter(
        subscription=OuterRef("subscription"),
        sequence__lt=OuterRef("sequence"),
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING],
    )
    try:
        with transaction.atomic():
            ids = list(
                NotificationDelivery.objects.filter(_due(now))
                .filter(~Exists(earlier_open))
                .select_for_update(skip_locked=True)
                .order_by("next_attempt_at", "pk")
                .values_list("pk", flat=True)[:limit]
            )
            if not ids:
                return []
            NotificationDelivery.objects.filter(pk__in=ids).filter(_due(now)).update(
                status=DeliveryStatus.SENDING,
                claimed_by=worker,
                claimed_until=now + _lease(),
                attempts=F("attempts") + 1,
            )
            return list(NotificationDelivery.objects.filter(pk__in=ids, claimed_by=worker).values_list("pk", flat=True))
    except OperationalError:  # SQLite: another worker holds the write lock; the next round claims
        logger.info("Notification claim skipped: database busy")
        return []


def _send(delivery: NotificationDelivery) -> tuple[int | None, str]:
    body = json.dumps(delivery.event, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    headers = {
        "Content-Type": CONTENT_TYPE,
        SIGNATURE_HEADER: signature(secret=delivery.subscription.secret, body=body, timestamp=int(time.time())),
        "User-Agent": "Burgeridee-notificaties/1.0",
    }
    try:
        response = requests.post(
            delivery.subscription.endpoint_url,
            data=body,
            headers=headers,
            timeout=settings.NOTIFICATION_TIMEOUT,
            allow_redirects=False,
        )
    except requests.RequestException as error:
        return None, f"{type(error).__name__}: {error}"[:500]
    if 200 <= response.status_code < 300:
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code}"


def _deliver_one(delivery_id: int, *, worker: str, now: datetime) -> bool:
    delivery = (
        NotificationDelivery.objects.select_related("subscription")
        .filter(pk=delivery_id, claimed_by=worker, status=DeliveryStatus.SENDING)
        .first()
    )
    if delivery is None:
        return False
    started = time.monotonic()
    status_code, error = _send(delivery)
    duration = int((time.monotonic() - started) * 1000)
    DeliveryAttempt.objects.create(
        delivery=delivery, at=timezone.now(), status_code=status_code, error=error, duration_ms=duration
    )
    values = {"claimed_by": "", "claimed_until": None, "last_error": error}
    if not error:
        values |= {"status": DeliveryStatus.DELIVERED, "delivered_at": timezone.now()}
    elif delivery.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        values |= {"status": DeliveryStatus.FAILED}
    else:
        delay = retry_delay(
            delivery.attempts,
            base_seconds=settings.NOTIFICATION_RETRY_BASE_SECONDS,
            max_seconds=settings.NOTIFICATION_RETRY_MAX_SECONDS,
        )
        values |= {"status": DeliveryStatus.PENDING, "next_attempt_at": now + delay}
    NotificationDelivery.objects.filter(pk=delivery.pk, claimed_by=worker).update(**values)
    return not error


def notifications_deliver(*, now: datetime | None = None, rounds: int = 20) -> int:
    """Deliver what is due; returns how many arrived. Each round sends the next message of each subscriber."""
    worker = f"notify-{uuid.uuid4().hex[:12]}"
    delivered = 0
    for _round in range(rounds):
        moment = now or timezone.now()
        ids = deliveries_claim(worker=worker, now=moment)
        if not ids:
            break
        delivered += sum(1 for pk in ids if _deliver_one(pk, worker=worker, now=moment))
    return delivered


@transaction.atomic
def delivery_retry(*, delivery: NotificationDelivery) -> None:
    """The administrator sends a failed message again (a fresh series of attempts)."""
    NotificationDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
