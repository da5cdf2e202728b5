"""GIN index for Dutch full-text search on PostgreSQL (see initiatives/search.py). Nothing on SQLite."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS initiative_search_idx ON initiatives_initiative USING gin "
    "(to_tsvector('dutch'::regconfig, COALESCE(title, '') || ' ' || COALESCE(description, '')))"
)
DROP = "DROP INDEX IF EXISTS initiative_search_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0002_workspace")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
