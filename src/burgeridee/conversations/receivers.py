"""What the conversations app does when something happens elsewhere (connected in `apps.ready`)."""

from django.db import transaction

from burgeridee.municipalities.models import Municipality

from .models import ConversationModel
from .services import agreements_close_for_initiative, default_model_create
from .variants import model_variants


def municipality_created(sender, instance: Municipality, created: bool, raw: bool = False, **kwargs) -> None:
    """A new municipality gets version 1 of the default conversation model at once, so no page has to make it
    on a first visit (a GET writes nothing). Not for fixtures being loaded (`raw`): they bring their own rows."""
    if not created or raw:
        return
    with transaction.atomic():
        if not ConversationModel.objects.filter(municipality=instance, variant="").exists():
            default_model_create(municipality=instance)
        for variant in model_variants:
            if not ConversationModel.objects.filter(municipality=instance, variant=variant.key).exists():
                default_model_create(municipality=instance, variant=variant.key)


def initiative_was_closed(sender, initiative, actor=None, **kwargs) -> None:
    """The initiative ended: its open agreements are closed with the reason (in the same transaction)."""
    agreements_close_for_initiative(initiative=initiative, actor=actor)
