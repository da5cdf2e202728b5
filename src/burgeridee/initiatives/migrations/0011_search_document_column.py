"""Full-text search reads a stored tsvector column instead of computing to_tsvector per row (PostgreSQL only).

With the expression index of 0003, a search sorted by date let PostgreSQL walk the date index and compute
to_tsvector for every row it passed: fine for a common word, hundreds of milliseconds for a rare one in a
large municipality. A stored generated column is computed once per write, has its own statistics for the
planner, and gets the GIN index. Nothing on SQLite (search there is a substring match).
"""

from django.db import migrations

DOCUMENT = "to_tsvector('dutch'::regconfig, COALESCE(title, '') || ' ' || COALESCE(description, ''))"
FORWARD = [
    f"ALTER TABLE initiatives_initiative ADD COLUMN IF NOT EXISTS search_document tsvector "
    f"GENERATED ALWAYS AS ({DOCUMENT}) STORED",
    "CREATE INDEX IF NOT EXISTS initiative_search_document_idx ON initiatives_initiative USING gin (search_document)",
    "DROP INDEX IF EXISTS initiative_search_idx",
    "ANALYZE initiatives_initiative",
]
BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS initiative_search_idx ON initiatives_initiative USING gin ({DOCUMENT})",
    "DROP INDEX IF EXISTS initiative_search_document_idx",
    "ALTER TABLE initiatives_initiative DROP COLUMN IF EXISTS search_document",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0010_merge_20261127_0245")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
