"""Background tasks (django-tasks). The worker runs them: `manage.py db_worker` (make worker)."""

from datetime import date

from django_tasks import task

from burgeridee.core.dates import local_date

from .digest import digest_list, digest_send


@task()
def daily_digest_send(today: str | None = None) -> int:
    """Email each staff member what is due today or overdue. Returns how many emails were sent."""
    day = date.fromisoformat(today) if today else local_date()
    return sum(1 for digest in digest_list(today=day) if digest_send(digest=digest))
