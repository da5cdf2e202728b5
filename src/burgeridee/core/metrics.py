"""Prometheus metrics at /metrics, for the installation's monitoring only.

Reachable with `Authorization: Bearer <METRICS_TOKEN>`, or without a token from the machine itself
(loopback, as a sidecar or node exporter scrapes). Anyone else gets a 404, as if there were nothing.

- Requests: count and duration per view, method and status (core.observability). Under gunicorn with
  several worker processes, set PROMETHEUS_MULTIPROC_DIR (the gunicorn config does) so every
  process's counts are added up.
- Tasks and mail: read from the database at each scrape, so they cover every worker wherever it runs:
  tasks per task and status with their total run time, and the outbox per status.
"""

import os
import secrets

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, F, Sum
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily

LOOPBACK = {"127.0.0.1", "::1"}


class DatabaseCollector:
    """Task and outbox figures from the database (all workers, all app servers)."""

    def collect(self):
        # Imported here: this module is imported by the URLconf, models load with the apps.
        from django_tasks_db.models import DBTaskResult

        from .models import OutboxMail

        tasks = GaugeMetricFamily("burgeridee_tasks", "Background tasks by task and status", labels=["task", "status"])
        seconds = GaugeMetricFamily(
            "burgeridee_task_duration_seconds_sum", "Total run time of finished tasks", labels=["task"]
        )
        finished = GaugeMetricFamily("burgeridee_task_duration_seconds_count", "Finished tasks", labels=["task"])
        outbox = GaugeMetricFamily("burgeridee_outbox_mails", "Mails in the outbox by status", labels=["status"])
        up = GaugeMetricFamily("burgeridee_database_up", "1 when the database answered the scrape")
        try:
            for row in DBTaskResult.objects.values("task_path", "status").annotate(n=Count("id")):
                tasks.add_metric([row["task_path"], row["status"].lower()], row["n"])
            durations = (
                DBTaskResult.objects.filter(started_at__isnull=False, finished_at__isnull=False)
                .values("task_path")
                .annotate(n=Count("id"), total=Sum(F("finished_at") - F("started_at")))
            )
            for row in durations:
                total = row["total"]
                seconds.add_metric([row["task_path"]], total.total_seconds() if total is not None else 0.0)
                finished.add_metric([row["task_path"]], row["n"])
            for row in OutboxMail.objects.values("status").annotate(n=Count("id")):
                outbox.add_metric([row["status"]], row["n"])
            up.add_metric([], 1)
        except DatabaseError:
            up.add_metric([], 0)
        yield from (tasks, seconds, finished, outbox, up)


def _allowed(request) -> bool:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and secrets.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    # The direct peer, never a forwarded address: a proxy on this machine forwards the world.
    return request.META.get("REMOTE_ADDR") in LOOPBACK and "HTTP_X_FORWARDED_FOR" not in request.META


@never_cache
@require_GET
def metrics(request):
    if not _allowed(request):
        raise Http404
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Imported here: only in multi-process mode (gunicorn with several workers).
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    output = generate_latest(registry)
    database = CollectorRegistry()
    database.register(DatabaseCollector())
    output += generate_latest(database)
    return HttpResponse(output, content_type=CONTENT_TYPE_LATEST)
