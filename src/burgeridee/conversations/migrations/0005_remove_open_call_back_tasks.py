"""The call-back checklist item no longer becomes a follow-up task: the report's callback date is the one
callback appointment (deadlines, through initiatives.signals.callback_promised). Open call-back tasks were a
second copy of that promise (or, before a report, a guessed date), so they go; done ones stay as history."""

from django.db import migrations


def remove_open_call_back_tasks(apps, schema_editor):
    FollowUpTask = apps.get_model("conversations", "FollowUpTask")
    FollowUpTask.objects.filter(kind="terugbellen", done_at__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("conversations", "0004_conversationmodel_variant")]

    operations = [migrations.RunPython(remove_open_call_back_tasks, migrations.RunPython.noop)]
