"""Daily jobs that run once a day for the whole installation, however many times they are started.

`manage.py run_scheduled_jobs` is meant to be started often (a CronJob every 10 minutes, on any number
of machines). Each job below runs when it is due (from SCHEDULED_JOBS_AT local time, on working days
where it says so) and only if no run of it for today is recorded: the run is a `JobRun` row with a
unique (job, day), inserted before the job starts, so a second start on the same day, even at the very
same moment on another machine, finds the row and does nothing. A job that fails removes its row, so
the next start tries again. Each run also sweeps the mail outbox (mails whose worker task was lost).

The jobs are management commands of the apps above the ground layer, named here as strings (no import).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .dates import is_working_day, local_date
from .models import JobRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScheduledJob:
    command: str
    working_days_only: bool = False


SCHEDULED_JOBS = (
    ScheduledJob("send_daily_digest", working_days_only=True),
    ScheduledJob("send_report_reminders"),
    ScheduledJob("prune_workshop_names"),
    ScheduledJob("apply_retention"),
    ScheduledJob("refresh_deadlines"),
)


def _start_time() -> time:
    return time.fromisoformat(settings.SCHEDULED_JOBS_AT)


def job_due(job: ScheduledJob, *, now: datetime) -> bool:
    local = timezone.localtime(now)
    if local.time() < _start_time():
        return False
    if job.working_days_only and not is_working_day(local.date()):
        return False
    return not JobRun.objects.filter(job=job.command, day=local.date()).exists()


def job_run_once(*, job: str, day: date, run: Callable[[], object]) -> tuple[bool, object]:
    """Run `run` unless `job` already ran (or runs) for `day`. Returns (ran, what run returned)."""
    try:
        with transaction.atomic():
            record = JobRun.objects.create(job=job, day=day)
    except IntegrityError:
        return False, None
    try:
        outcome = run()
    except BaseException:
        JobRun.objects.filter(pk=record.pk).delete()  # failed: the next start tries again
        raise
    JobRun.objects.filter(pk=record.pk).update(finished_at=timezone.now(), outcome=str(outcome or "")[:500])
    return True, outcome


def today() -> date:
    return local_date()
