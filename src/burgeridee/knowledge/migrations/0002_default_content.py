from django.db import migrations


def load(apps, schema_editor):
    from burgeridee.knowledge.defaults import defaults_load

    defaults_load(apps.get_model("knowledge", "KnowledgeItem"), apps.get_model("knowledge", "KnowledgeLink"))


def unload(apps, schema_editor):
    apps.get_model("knowledge", "KnowledgeItem").objects.filter(municipality__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
