"""Worker tasks (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task


@task()
def notifications_deliver_task() -> int:
    from .delivery import notifications_deliver  # the worker imports requests only when it works

    return notifications_deliver()


@task()
def zgw_register_task() -> int:
    from .zgw import zgw_register  # the worker imports requests and PyJWT only when it works

    return zgw_register()
