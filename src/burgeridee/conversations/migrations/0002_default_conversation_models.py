"""Every existing municipality gets version 1 of the default conversation model (in Dutch)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from burgeridee.conversations.services import default_model_create

    Municipality = apps.get_model("municipalities", "Municipality")
    ConversationModel = apps.get_model("conversations", "ConversationModel")
    ModelPhase = apps.get_model("conversations", "ModelPhase")
    ChecklistItem = apps.get_model("conversations", "ChecklistItem")
    for municipality in Municipality.objects.all():
        if not ConversationModel.objects.filter(municipality=municipality).exists():
            default_model_create(
                municipality=municipality, classes=(ConversationModel, ModelPhase, ChecklistItem)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0001_initial"),
        ("municipalities", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
