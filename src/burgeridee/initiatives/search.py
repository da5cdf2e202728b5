"""Full-text search over an initiative's title and description.

PostgreSQL: Dutch text search (stemming, stop words) with a GIN expression index made by migration
0003; the query below uses the same expression so the planner can use the index. Other databases
(SQLite for `make run` and quick tests): a case-insensitive substring match.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

SEARCH_CONFIG = "dutch"  # the expression must match the index in migrations/0003_search_index.py


def search_document() -> SearchVector:
    return SearchVector("title", "description", config=SEARCH_CONFIG)


def initiative_search(queryset: QuerySet, text: str) -> QuerySet:
    text = text.strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        return queryset.alias(search_document=search_document()).filter(
            search_document=SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        )
    return queryset.filter(Q(title__icontains=text) | Q(description__icontains=text))
