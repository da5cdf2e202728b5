"""Probes for the orchestrator (Kubernetes) and the load balancer.

- `/healthz/live`: the process answers. No database, no cache: a database outage must not make the
  orchestrator restart every app server.
- `/healthz/ready`: the database answers, the cache stores and returns a value, and every migration is
  applied; 503 with the reasons otherwise, so the load balancer sends no residents to this server. Both
  answers name the running release (`version`, burgeridee.__version__).
  The database and cache checks are django-health-check's; the migration check is ours.
- `/healthz`: as before, 200 or 503 after a `SELECT 1` (core.views.healthz).
"""

import dataclasses
import inspect
import logging

from asgiref.sync import async_to_sync
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from burgeridee import __version__

logger = logging.getLogger(__name__)

_migrations_applied = False  # once seen complete, this process does not look again


@dataclasses.dataclass
class Migrations:
    """Every migration this code knows is applied to the database (a check in django-health-check's shape)."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self):
        from health_check.exceptions import ServiceUnavailable  # see readiness_checks

        global _migrations_applied  # noqa: PLW0603 - a per-process memo of a fact that only becomes true
        if _migrations_applied:
            return
        executor = MigrationExecutor(connections[self.alias])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migration(s) not applied")
        _migrations_applied = True


def readiness_checks() -> list:
    # Imported here: django-health-check loads redis, dnspython and more (0.4 s at every start of every
    # process); only this probe needs it.
    from health_check.checks import Cache, Database

    return [Database(), Cache(), Migrations()]


def _run(check) -> str | None:
    """None when the check passes, else a short reason. The details (a host name, a driver's message) go to
    the log only: the probe may be reachable from outside."""
    from health_check.exceptions import HealthCheckException  # see readiness_checks

    try:
        if inspect.iscoroutinefunction(check.run):
            async_to_sync(check.run)()
        else:
            check.run()
    except HealthCheckException as error:
        logger.warning("Readiness check %s failed: %s", type(check).__name__, error)
        return error.message if isinstance(check, Migrations) else error.message_type.lower()
    except Exception as error:  # noqa: BLE001 - a probe reports, it never fails
        logger.warning("Readiness check %s failed: %s", type(check).__name__, error)
        return "unavailable"
    return None


@never_cache
@require_GET
def live(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request):
    results = {type(check).__name__.lower(): _run(check) for check in readiness_checks()}
    failed = {name: reason for name, reason in results.items() if reason}
    if failed:
        for alias in connections:
            connections[alias].close_if_unusable_or_obsolete()
        return JsonResponse(
            {
                "status": "unavailable",
                "version": __version__,
                "checks": {name: reason or "ok" for name, reason in results.items()},
            },
            status=503,
        )
    return JsonResponse({"status": "ok", "version": __version__, "checks": dict.fromkeys(results, "ok")})
