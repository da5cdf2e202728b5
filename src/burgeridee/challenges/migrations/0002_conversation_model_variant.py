"""Every existing municipality gets version 1 of the conversation model variant for a challenge's first
conversation (new municipalities get it when they are created: conversations/receivers.py)."""

from django.db import migrations

VARIANT = "uitdaagrecht"


def seed(apps, schema_editor):
    from burgeridee.conversations.services import default_model_create  # noqa: PLC0415 - code, not models

    model_class = apps.get_model("conversations", "ConversationModel")
    classes = (model_class, apps.get_model("conversations", "ModelPhase"), apps.get_model("conversations", "ChecklistItem"))
    for municipality in apps.get_model("municipalities", "Municipality").objects.all():
        if not model_class.objects.filter(municipality=municipality, variant=VARIANT).exists():
            default_model_create(municipality=municipality, classes=classes, variant=VARIANT)


def unseed(apps, schema_editor):
    apps.get_model("conversations", "ConversationModel").objects.filter(variant=VARIANT, conversations__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0001_initial"),
        ("conversations", "0004_conversationmodel_variant"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
