"""Delivering notifications: the worker claims due deliveries, POSTs each CloudEvent (structured mode,
application/cloudevents+json) signed with the subscription's secret, and records every attempt.

The loop (claim, back-off, give up, resend) is workqueue.WorkQueue, shared with the case-system registration:
1. Claimed: due rows, only the first undelivered one of each subscription (so a subscriber receives its messages
   in order), SELECT ... FOR UPDATE SKIP LOCKED, with a lease in this worker's name.
2. Sent outside any transaction (requests, NOTIFICATION_TIMEOUT seconds); every attempt goes in the log.
3. 2xx: delivered. Otherwise the next attempt after exponential back-off (core.outbox.backoff_delay); after
   NOTIFICATION_MAX_ATTEMPTS it is `mislukt`, shown to the administrator, who may send it again. A failed
   message no longer holds up the ones after it.

The signature header: `Burgeridee-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
"""

import hashlib
import hmac
import json
import logging
import time
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.utils import timezone

from .models import DeliveryAttempt, NotificationDelivery
from .workqueue import WorkQueue

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "Burgeridee-Signature"
CONTENT_TYPE = "application/cloudevents+json; charset=utf-8"


def signature(*, secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _lease() -> timedelta:
    return timedelta(seconds=max(settings.NOTIFICATION_TIMEOUT * 3, 30))


QUEUE = WorkQueue(
    model=NotificationDelivery,
    group="subscription",
    order="sequence",
    done_field="delivered_at",
    lease=_lease,
    name="notify",
)


def deliveries_claim(*, worker: str, now: datetime, limit: int = 50) -> list[int]:
    return QUEUE.claim(worker=worker, now=now, limit=limit)


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
    delivery = QUEUE.claimed(delivery_id, worker=worker).select_related("subscription").first()
    if delivery is None:
        return False
    started = time.monotonic()
    status_code, error = _send(delivery)
    duration = int((time.monotonic() - started) * 1000)
    DeliveryAttempt.objects.create(
        delivery=delivery, at=timezone.now(), status_code=status_code, error=error, duration_ms=duration
    )
    QUEUE.settle(delivery, worker=worker, now=now, error=error)
    return not error


def notifications_deliver(*, now: datetime | None = None, rounds: int = 20) -> int:
    """Deliver what is due; returns how many arrived. Each round sends the next message of each subscriber."""
    return QUEUE.run(_deliver_one, now=now, rounds=rounds)


def delivery_retry(*, delivery: NotificationDelivery) -> None:
    """The administrator sends a failed message again (a fresh series of attempts)."""
    QUEUE.retry(delivery)
