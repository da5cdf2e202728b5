"""What the status page and the message POST read (issue #18): the same page from fewer queries.

The status page reads the events of "Wat er is gebeurd" and of the time line in one query, tells an ordinary
idea from a challenge without a query of its own, and leaves the neighbourhoods to the forms that offer them.
"""

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from burgeridee.initiatives import selectors, services
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.timelines import resident_route_related, resident_steps
from burgeridee.municipalities.selectors import municipality_get_public
from burgeridee.records.services import event_record
from burgeridee.testing.helpers import database_refuses_writes

pytestmark = pytest.mark.django_db


def status_url(municipality, token, rest=""):
    return f"/{municipality.slug}/mijn-initiatief/{token}/{rest}"


def status_page_initiative(municipality, token):
    return selectors.initiative_get_by_token(
        municipality=municipality,
        token=token,
        related=selectors.STATUS_PAGE_RELATED,
        open_deletion_request=True,
        select=resident_route_related(),
    )


def test_the_time_line_from_the_shared_events_query_is_the_time_line_read_on_its_own(
    municipality, submit_idea, contact
):
    initiative, token = submit_idea(municipality)
    services.initiative_first_contact_made(initiative=initiative, actor=contact)
    services.initiative_phase_change(initiative=initiative, to_phase=Phase.EXPLORING, actor=contact)
    services.message_from_resident(initiative=initiative, body="Hallo")
    # A step kind recorded as internal still moves the time line; a resident kind hidden from the resident stays out.
    event_record(
        initiative=initiative,
        kind="fase",
        data={"from": Phase.EXPLORING, "to": Phase.PLANNING},
        actor=contact,
        visible_to_resident=False,
    )
    event_record(initiative=initiative, kind="eerste_contact", visible_to_resident=False)

    loaded = status_page_initiative(municipality, token)
    with CaptureQueriesContext(connection) as queries:
        steps = resident_steps(initiative=loaded)
    assert len(queries) == 0  # the events came with the initiative
    fresh = selectors.initiative_get_by_token(municipality=municipality, token=token, related=("initiators",))
    assert not hasattr(fresh, "resident_events")
    assert steps == resident_steps(initiative=fresh)  # read on its own (its own query): the same steps

    shown = [event for event in loaded.resident_events if event.visible_to_resident]
    assert shown == list(initiative.events.filter(visible_to_resident=True).order_by("created_at", "id"))
    assert {"fase", "eerste_contact"} & {
        event.kind for event in loaded.resident_events if not event.visible_to_resident
    }


def test_an_event_hidden_from_the_resident_is_not_on_the_page(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    event_record(initiative=initiative, kind="eerste_contact", visible_to_resident=False)
    page = client.get(status_url(municipality, token)).content.decode()
    assert "Eerste contact gehad" not in page
    event_record(initiative=initiative, kind="eerste_contact")
    page = client.get(status_url(municipality, token)).content.decode()
    assert "Eerste contact gehad" in page


def test_the_status_page_reads_no_neighbourhoods_and_no_challenge_on_its_own(client, municipality, submit_idea):
    _initiative, token = submit_idea(municipality)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(status_url(municipality, token)).status_code == 200
    sqls = [query["sql"] for query in queries.captured_queries]
    assert not any('FROM "municipalities_neighbourhood"' in sql for sql in sqls), sqls
    assert not any('FROM "challenges_challenge"' in sql for sql in sqls), sqls
    # The challenge is joined into the initiative's query instead: an ordinary idea is told in that query.
    lookup = [sql for sql in sqls if "status_token_hash" in sql]
    assert len(lookup) == 1 and "challenges_challenge" in lookup[0]


def test_the_idea_form_still_offers_the_neighbourhoods(client, municipality):
    page = client.get(f"/{municipality.slug}/idee/").content.decode()
    for neighbourhood in municipality.neighbourhoods.all():
        assert neighbourhood.name in page


def refuse_everything(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


def test_a_page_without_neighbourhoods_uses_the_last_copy_when_the_database_is_down(municipality):
    municipality_get_public(slug=municipality.slug, neighbourhoods=False)
    with connection.execute_wrapper(refuse_everything):
        copy = municipality_get_public(slug=municipality.slug, neighbourhoods=False)
    assert copy.pk == municipality.pk


def test_the_form_keeps_its_neighbourhoods_copy_when_the_database_is_down(municipality):
    """A status page seen after the form does not replace the form's copy with one without neighbourhoods."""
    municipality_get_public(slug=municipality.slug, neighbourhoods=True)
    municipality_get_public(slug=municipality.slug, neighbourhoods=False)
    with connection.execute_wrapper(refuse_everything):
        copy = municipality_get_public(slug=municipality.slug, neighbourhoods=True)
        bare = municipality_get_public(slug=municipality.slug, neighbourhoods=False)
    assert [n.pk for n in copy.public_neighbourhoods] == list(
        municipality.neighbourhoods.order_by("name").values_list("pk", flat=True)
    )
    assert bare.pk == municipality.pk


def test_a_message_that_cannot_be_saved_shows_the_whole_page_with_the_text(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    services.message_from_resident(initiative=initiative, body="Mijn eerste vraag")
    with database_refuses_writes():
        response = client.post(status_url(municipality, token, "bericht/"), {"body": "Mijn tweede vraag"})
    page = response.content.decode()
    assert response.status_code == 503
    assert "Het is niet gelukt uw bericht op te slaan" in page
    assert "Mijn tweede vraag" in page  # the text typed
    assert "Mijn eerste vraag" in page  # the page around it: the messages so far
    assert "Wat er is gebeurd" in page and "Zo gaat het verder" in page
    assert initiative.messages.count() == 1


def test_sending_a_message_reads_only_the_initiative_row(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(status_url(municipality, token, "bericht/"), {"body": "Wanneer bellen we?"})
    assert response.status_code == 302
    sqls = [query["sql"] for query in queries.captured_queries]
    assert not any('FROM "initiatives_initiator"' in sql or 'FROM "initiatives_message"' in sql for sql in sqls), sqls
    assert not any('FROM "records_timelineevent"' in sql for sql in sqls), sqls
    assert initiative.messages.get().body == "Wanneer bellen we?"
