"""Full-text search over an initiative's title and description.

PostgreSQL: Dutch text search (stemming, stop words) over `search_document`, a stored generated tsvector
column with a GIN index (migration 0011; the model does not declare it, so Django never writes it). Other
databases (SQLite for `make run` and quick tests): a case-insensitive substring match.
"""

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

SEARCH_CONFIG = "dutch"  # the configuration of the generated column in migrations/0011_search_document_column.py


def search_document() -> RawSQL:
    """The stored document of the initiative table itself (for top-level initiative querysets)."""
    return RawSQL('"initiatives_initiative"."search_document"', [], output_field=SearchVectorField())


def initiative_search(queryset: QuerySet, text: str) -> QuerySet:
    text = text.strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        return queryset.alias(search_document=search_document()).filter(
            search_document=SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        )
    return queryset.filter(Q(title__icontains=text) | Q(description__icontains=text))
