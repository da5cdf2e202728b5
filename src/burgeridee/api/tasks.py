"""Worker tasks (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task


@task()
def notifications_deliver_task() -> int:
    from .delivery import notifications_deliver  # the worker imports requests only when it works

    return notifications_deliver()
