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


def _counter_taken_before_the_transaction(queries: list[str]) -> bool:
    """The year's counter statement runs before the idea's transaction opens (in a test the transaction is a
    SAVEPOINT inside the test's own), so the counter row is not locked while the idea is saved."""
    counter = next(i for i, sql in enumerate(queries) if "initiatives_referencesequence" in sql)
    opened = [i for i, sql in enumerate(queries) if sql.lstrip().upper().startswith("SAVEPOINT")]
    return bool(opened) and counter < opened[0]


def test_the_website_api_and_challenge_take_the_number_before_their_transaction(client, municipality):
    from burgeridee.api.models import Scope
    from burgeridee.api.tests.factories import api_client_make, bearer
    from burgeridee.challenges import services as challenge_services
    from burgeridee.challenges.tests.factories import challenge_setup, idea_kwargs

    assert _counter_taken_before_the_transaction(post_queries(client, municipality, "Via de website"))

    _api_client, token = api_client_make(municipality, Scope.SUBMIT)
    idea = {"title": "Via de API", "description": "Samen groente kweken.", "targetGroup": "De straat",
            "theme": "leefbaar", "name": "Fatima Bakker", "email": "fatima@example.org",
            "preferredContact": "email"}  # fmt: skip
    with CaptureQueriesContext(connection) as context:
        response = client.post(
            f"/api/v1/gemeenten/{municipality.slug}/initiatieven", idea, content_type="application/json",
            **bearer(token),
        )  # fmt: skip
    assert response.status_code == 201, response.content
    assert _counter_taken_before_the_transaction([query["sql"] for query in context.captured_queries])

    tasks = challenge_setup(municipality)
    task = tasks["square"]
    with CaptureQueriesContext(connection) as context:
        challenge_services.challenge_submit(municipality=municipality, task=task, **idea_kwargs(municipality))
    assert _counter_taken_before_the_transaction([query["sql"] for query in context.captured_queries])
