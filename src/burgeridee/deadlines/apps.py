from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "burgeridee.deadlines"
    label = "deadlines"
    verbose_name = _("Termijnen en terugbelafspraken")

    def ready(self):
        from burgeridee.initiatives.selectors import overdue_condition_register

        from . import events  # noqa: F401 - registers this app's time-line events
        from .selectors import follow_up_overdue_q, handover_overdue_q

        overdue_condition_register(follow_up_overdue_q)
        overdue_condition_register(handover_overdue_q)
