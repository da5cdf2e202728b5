"""django-tasks-db's worker, plus a heartbeat for the liveness probe (`manage.py worker_alive`).

Same command, same options (`manage.py db_worker --queue-name '*'`); this app comes before
django_tasks_db in INSTALLED_APPS, so this command takes its place. The heartbeat is the mtime of
WORKER_HEARTBEAT_FILE, touched each time the worker's loop looks at whether to go on (every
`--interval` seconds when idle) and around each task: a worker stuck anywhere stops touching it.
"""

import time
from pathlib import Path

from django.conf import settings
from django_tasks_db.management.commands import db_worker

HEARTBEAT_EVERY = 1.0  # seconds between two touches at most


class HeartbeatWorker(db_worker.Worker):
    _last_beat = 0.0

    def beat(self) -> None:
        now = time.monotonic()
        if now - self._last_beat >= HEARTBEAT_EVERY:
            self._last_beat = now
            path = Path(settings.WORKER_HEARTBEAT_FILE)
            try:
                path.touch()
            except OSError:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.touch()

    # The library's loop reads `self.running` once per round (`while self.running:`): the beat goes there.
    @property
    def running(self) -> bool:
        self.beat()
        return self._running

    @running.setter
    def running(self, value: bool) -> None:
        self._running = value

    def run_task(self, db_task_result) -> None:
        self._last_beat = 0.0
        self.beat()
        try:
            super().run_task(db_task_result)
        finally:
            self._last_beat = 0.0
            self.beat()


class Command(db_worker.Command):
    help = "Run a database background worker (with a heartbeat for `manage.py worker_alive`)."

    def handle(self, *args, **options):
        original = db_worker.Worker
        db_worker.Worker = HeartbeatWorker  # the library's handle() builds `Worker(...)` from its module
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
