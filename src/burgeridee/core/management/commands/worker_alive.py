"""Liveness of a background worker: exit 0 when its heartbeat is fresh, 1 otherwise.

The worker (`manage.py db_worker`, this project's version) touches WORKER_HEARTBEAT_FILE every time it
looks for work (each second when idle) and around every task. Use it as the worker container's
liveness probe: `python manage.py worker_alive`.
"""

import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Exit 0 when the worker's heartbeat is fresh, 1 when it is missing or too old."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--max-age", type=int, default=None, help="Seconds (default WORKER_HEARTBEAT_MAX_AGE).")

    def handle(self, *args, **options):
        max_age = options["max_age"] or settings.WORKER_HEARTBEAT_MAX_AGE
        path = Path(settings.WORKER_HEARTBEAT_FILE)
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            self.stderr.write(f"no heartbeat at {path}")
            sys.exit(1)
        if age > max_age:
            self.stderr.write(f"heartbeat {age:.0f} s old (limit {max_age} s)")
            sys.exit(1)
        self.stdout.write(f"alive: heartbeat {age:.0f} s old")
