"""What the training views share: their doors and the save that keeps the typed input when the database fails."""

import logging

from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import gettext as _

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view

from ..services import TrainingError

logger = logging.getLogger(__name__)

trainer_view = staff_view(roles=(Role.TRAINER,))
member_view = staff_view()
effect_view = staff_view(roles=(Role.TRAINER, Role.COORDINATOR))

SAVE_FAILED = _("Het opslaan lukte niet. Uw tekst staat hieronder nog. Probeer het straks opnieuw.")


def attempt(request, template: str, context: dict, form, action):
    """Run `action()`; on a refusal or a database failure show the form again with what was typed.

    Returns the action's result, or a response to send instead (check with `isinstance(result, HttpResponse)`).
    """
    try:
        return action()
    except TrainingError as error:
        form.add_error(None, str(error))
        return render(request, template, context, status=400)
    except DatabaseError:
        logger.exception("Training: a save failed")
        context["problem"] = SAVE_FAILED
        return render(request, template, context, status=503)
