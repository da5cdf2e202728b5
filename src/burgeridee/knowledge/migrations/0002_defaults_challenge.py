"""Load the default items added since 0001 (the article on the right to challenge and its practice case)."""

from django.db import migrations, models


def defaults_load(apps, schema_editor):
    from burgeridee.knowledge.defaults import defaults_load as load  # noqa: PLC0415 - data, not models

    load(apps.get_model("knowledge", "KnowledgeItem"), apps.get_model("knowledge", "KnowledgeLink"))


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="knowledgeitem",
            name="kind",
            field=models.CharField(
                choices=[
                    ("valkuil", "Valkuil"),
                    ("succesfactor", "Succesfactor"),
                    ("rol", "Rol van de gemeente"),
                    ("fase", "Fase in de levensloop"),
                    ("casus", "Praktijkcasus"),
                    ("artikel", "Artikel"),
                ],
                max_length=20,
                verbose_name="soort",
            ),
        ),
        migrations.RunPython(defaults_load, migrations.RunPython.noop),
    ]
