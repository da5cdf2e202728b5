from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "burgeridee.deadlines"
    label = "deadlines"
    verbose_name = _("Termijnen en terugbelafspraken")

    def ready(self):
        # The selectors import models, which cannot be imported before the app registry is ready.
        from burgeridee.handovers.models import Handover
        from burgeridee.initiatives.panels import initiative_panels
        from burgeridee.initiatives.selectors import OverdueCondition, overdue_conditions
        from burgeridee.initiatives.signals import callback_promised

        from . import events  # noqa: F401 - registers this app's time-line events
        from .models import FollowUp
        from .panels import initiative_panel
        from .receivers import callback_was_promised
        from .selectors import follow_up_deadline, follow_up_overdue_q, handover_deadline, handover_overdue_q

        initiative_panels.register(initiative_panel)
        callback_promised.connect(callback_was_promised, dispatch_uid="deadlines.callback_was_promised")
        # `deadline` and `sources` keep Initiative.next_deadline (initiatives/deadlines.py) up to date.
        overdue_conditions.register(
            OverdueCondition(
                "follow_up",
                follow_up_overdue_q,
                _("Terugbelafspraak te laat"),
                deadline=follow_up_deadline,
                sources=(FollowUp,),
            )
        )
        overdue_conditions.register(
            OverdueCondition(
                "handover",
                handover_overdue_q,
                _("Vraag aan afdeling te laat"),
                deadline=handover_deadline,
                sources=(Handover,),
            )
        )
