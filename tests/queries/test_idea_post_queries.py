"""Queries of a resident's idea POST (issue #18): the same however many ideas there are, the year's counter in
one statement, and the rows just written not read back for the confirmation mail."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from burgeridee.initiatives.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def idea_data(client, municipality, title):
    form = client.get(f"/{municipality.slug}/idee/")
    return {
        "title": title,
        "description": "Samen groente kweken.",
        "target_group": "De straat",
        "neighbourhood": "onbekend",
        "theme": "leefbaar",
        "support_types": ["materialen", "ruimte"],
        "name": "Fatima Bakker",
        "email": "fatima@example.org",
        "preferred_contact": "email",
        "submission_key": form.context["form"].initial["submission_key"],
    }


def post_queries(client, municipality, title) -> list[str]:
    data = idea_data(client, municipality, title)
    with CaptureQueriesContext(connection) as context:
        response = client.post(f"/{municipality.slug}/idee/", data)
    assert response.status_code == 302
    return [query["sql"] for query in context.captured_queries]


def test_the_idea_post_needs_the_same_queries_with_more_ideas(client, municipality):
    InitiativeFactory.create_batch(10, municipality=municipality)
    few = post_queries(client, municipality, "Tiende")
    InitiativeFactory.create_batch(90, municipality=municipality)
    many = post_queries(client, municipality, "Honderdste")
    assert len(few) == len(many), many
    counter = [sql for sql in many if "initiatives_referencesequence" in sql]
    assert len(counter) == 1 and counter[0].lstrip().upper().startswith("UPDATE"), counter
    assert "RETURNING" in counter[0].upper()
    # The confirmation mail is written from the initiative and initiator just stored, not from a second read.
    assert not [sql for sql in many if sql.lstrip().upper().startswith("SELECT") and "initiatives_initiator" in sql]
