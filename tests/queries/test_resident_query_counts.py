"""Queries of the pages residents open (issue #18): few, and the same however much history an idea has.

The numbers are pinned: a page that gains a query fails here and says which. The status link's lookup reads
its initiative without ORDER BY (the token's hash is unique; with an ORDER BY Django hashed every selected
column of the joined rows, a measurable part of the page).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from burgeridee.initiatives import services

pytestmark = pytest.mark.django_db

# municipality, initiative (with the open deletion request and the challenge joined), initiators, help asked, the
# events of both lists ("Wat er is gebeurd" and the time line), messages, the first conversation.
STATUS_PAGE = 7
# municipality, initiative.
WITHDRAW_FORM = 2
# municipality, initiative (with the challenge joined), initiators, the time line's events.
CONFIRMATION = 4
# municipality, neighbourhoods.
IDEA_FORM = 2
# municipality, initiative (its own row); then in the transaction's savepoint (two statements here) the message, its
# event, the initiative with its contact person for the notice and the coordinators to tell (none in this test).
MESSAGE_POST = 8


def queries_of(client, url, **extra):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def test_the_status_page_needs_the_same_queries_with_more_history(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    url = f"/{municipality.slug}/mijn-initiatief/{token}/"
    few = queries_of(client, url)
    for number in range(6):
        services.message_from_resident(initiative=initiative, body=f"Vraag {number}")
    many = queries_of(client, url)
    assert len(few) == len(many) == STATUS_PAGE, many
    lookup = [sql for sql in many if "status_token_hash" in sql]
    assert len(lookup) == 1 and "ORDER BY" not in lookup[0] and "privacy_deletionrequest" in lookup[0]


def test_the_message_post_reads_the_initiative_row_only(client, municipality, submit_idea):
    _initiative, token = submit_idea(municipality)
    with CaptureQueriesContext(connection) as context:
        response = client.post(f"/{municipality.slug}/mijn-initiatief/{token}/bericht/", {"body": "Wanneer?"})
    assert response.status_code == 302
    sqls = [query["sql"] for query in context.captured_queries]
    assert len(sqls) == MESSAGE_POST, sqls


def test_the_withdraw_form_reads_only_the_initiative(client, municipality, submit_idea):
    _initiative, token = submit_idea(municipality)
    sqls = queries_of(client, f"/{municipality.slug}/mijn-initiatief/{token}/intrekken/")
    assert len(sqls) == WITHDRAW_FORM, sqls


def test_the_confirmation_reads_no_messages_or_help(client, municipality):
    form = client.get(f"/{municipality.slug}/idee/")
    key = form.context["form"].initial["submission_key"]
    data = {
        "title": "Buurtmoestuin",
        "description": "Samen groente kweken.",
        "target_group": "De straat",
        "neighbourhood": "onbekend",
        "theme": "leefbaar",
        "name": "Fatima Bakker",
        "email": "fatima@example.org",
        "preferred_contact": "email",
        "submission_key": key,
    }
    assert client.post(f"/{municipality.slug}/idee/", data).status_code == 302
    sqls = queries_of(client, f"/{municipality.slug}/idee/ontvangen/")
    assert len(sqls) == CONFIRMATION, sqls
    assert not any("initiatives_message" in sql or "initiatives_supportrequest" in sql for sql in sqls)


def test_the_idea_form_reads_the_municipality_and_its_neighbourhoods(client, municipality):
    assert len(queries_of(client, f"/{municipality.slug}/idee/")) == IDEA_FORM
    assert len(queries_of(client, f"/{municipality.slug}/idee/")) == IDEA_FORM
