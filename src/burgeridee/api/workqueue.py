"""The worker loop the notifications (delivery.py) and the case-system registration (zgw.py) share: claim due
rows, do each one outside any transaction, record the outcome, retry with back-off, give up after
NOTIFICATION_MAX_ATTEMPTS (`mislukt`, shown to the administrator, who may send it again).

1. Claim in a short transaction: rows due now (or whose claim lapsed), only the first open row of each group (a
   subscriber's messages, an initiative's case work: in order), SELECT ... FOR UPDATE SKIP LOCKED, marked
   `bezig` with a lease in this worker's name and one attempt more.
2. Do the work (the queue's `work(pk, worker)` returns the error, "" when it went well); the row is only
   touched while this worker's claim holds.
3. Settle: done; or due again after core.outbox.backoff_delay (the NOTIFICATION_RETRY_* settings); or failed.
   A failed row no longer holds up the ones after it.
"""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import OperationalError, models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from burgeridee.core.outbox import backoff_delay

from .models import DeliveryStatus

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkQueue:
    model: type[models.Model]
    group: str  # rows of one group are done in order: "subscription", "initiative"
    order: str  # the order within a group: "sequence", "pk"
    done_field: str  # when it succeeded: "delivered_at", "done_at"
    lease: Callable[[], timedelta]
    name: str  # the worker's id prefix and the log's word for it

    def due(self, now: datetime) -> Q:
        return Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) | Q(
            status=DeliveryStatus.SENDING, claimed_until__lt=now
        )

    def claim(self, *, worker: str, now: datetime, limit: int = 50) -> list[int]:
        earlier_open = self.model.objects.filter(
            **{
                self.group: OuterRef(self.group),
                f"{self.order}__lt": OuterRef(self.order),
                "status__in": [DeliveryStatus.PENDING, DeliveryStatus.SENDING],
            }
        )
        try:
            with transaction.atomic():
                ids = list(
                    self.model.objects.filter(self.due(now))
                    .filter(~Exists(earlier_open))
                    .select_for_update(skip_locked=True)
                    .order_by("next_attempt_at", "pk")
                    .values_list("pk", flat=True)[:limit]
                )
                if not ids:
                    return []
                self.model.objects.filter(pk__in=ids).filter(self.due(now)).update(
                    status=DeliveryStatus.SENDING,
                    claimed_by=worker,
                    claimed_until=now + self.lease(),
                    attempts=F("attempts") + 1,
                )
                return list(self.model.objects.filter(pk__in=ids, claimed_by=worker).values_list("pk", flat=True))
        except OperationalError:  # SQLite: another worker holds the write lock; the next round claims
            logger.info("%s claim skipped: database busy", self.name)
            return []

    def claimed(self, pk: int, *, worker: str):
        """The row, if this worker's claim on it still holds (a QuerySet, to add select_related)."""
        return self.model.objects.filter(pk=pk, claimed_by=worker, status=DeliveryStatus.SENDING)

    def settle(self, row, *, worker: str, now: datetime, error: str) -> None:
        values = {"claimed_by": "", "claimed_until": None, "last_error": error}
        if not error:
            values |= {"status": DeliveryStatus.DELIVERED, self.done_field: timezone.now()}
        elif row.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            values |= {"status": DeliveryStatus.FAILED}
        else:
            delay = backoff_delay(
                row.attempts,
                base_seconds=settings.NOTIFICATION_RETRY_BASE_SECONDS,
                max_seconds=settings.NOTIFICATION_RETRY_MAX_SECONDS,
            )
            values |= {"status": DeliveryStatus.PENDING, "next_attempt_at": now + delay}
        self.model.objects.filter(pk=row.pk, claimed_by=worker).update(**values)

    def run(self, work: Callable[..., bool], *, now: datetime | None = None, rounds: int = 20) -> int:
        """Do what is due; returns how many succeeded. Each round does the next row of each group.
        `work(pk, worker=..., now=...)` does one claimed row and settles it; True when it succeeded."""
        worker = f"{self.name}-{uuid.uuid4().hex[:12]}"
        done = 0
        for _round in range(rounds):
            moment = now or timezone.now()
            ids = self.claim(worker=worker, now=moment)
            if not ids:
                break
            done += sum(1 for pk in ids if work(pk, worker=worker, now=moment))
        return done

    @transaction.atomic
    def retry(self, row) -> None:
        """The administrator sends a failed row again (a fresh series of attempts)."""
        self.model.objects.filter(pk=row.pk, status=DeliveryStatus.FAILED).update(
            status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
