"""No GET writes anything: every conversation page a browser can open leaves the database as it was.

The one exception is on purpose: the processing log records every staff read of personal data (Logboek
dataverwerkingen), so its tables (the log line and who acted) are left out of the count.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from burgeridee.conversations import selectors, services
from burgeridee.conversations.models import ConversationModel, Report
from burgeridee.conversations.urls import staff_urlpatterns, urlpatterns
from burgeridee.municipalities.models import Municipality
from burgeridee.records.models import ProcessingLogEntry, StaffAuditEntry

from .helpers import next_weekday_at

pytestmark = pytest.mark.django_db

POST_ONLY = {"model_draft", "model_publish", "model_discard", "model_move", "autosave"}
NOT_COUNTED = {ProcessingLogEntry._meta.db_table, StaffAuditEntry._meta.db_table}


def row_counts() -> dict[str, int]:
    """Rows per table, in one query (table names from the database's own catalogue)."""
    with connection.cursor() as cursor:
        tables = [table for table in connection.introspection.table_names(cursor) if table not in NOT_COUNTED]
        cursor.execute(" UNION ALL ".join(f"SELECT '{table}', COUNT(*) FROM \"{table}\"" for table in tables))
        return dict(cursor.fetchall())


@pytest.fixture
def sent(municipality, submit_idea, contact):
    """A second initiative whose conversation was held and whose report went to the resident."""
    initiative, token = submit_idea(municipality, title="Bankje bij de speeltuin")
    conversation = services.conversation_plan(
        initiative=initiative, starts_at=next_weekday_at(10), place="Buurthuis", actor=contact
    )
    services.conversation_mark_held(conversation=conversation, actor=contact)
    report = selectors.report_latest(conversation=conversation)
    services.report_update(
        report=report,
        summary="Een bankje.",
        next_step="Plek zoeken.",
        callback_date=timezone.localdate() + timedelta(days=10),
        municipal_roles=["faciliteren"],
        initiator_role="",
        agreements=[services.AgreementData(what="Plek zoeken", who="Gemeente")],
    )
    services.report_send(report=report, actor=contact)
    return initiative, token


def test_every_conversation_page_reads_only(coordinator_client, municipality, planned, sent, submit_idea):
    initiative, token, conversation = planned
    services.conversation_save(
        conversation=conversation,
        captures={"summary": "Uit het gesprek"},
        agreements=[{"what": "Kabels nagaan", "who": "Karim", "due": ""}],
    )
    unplanned, _ = submit_idea(municipality, title="Nog geen gesprek")
    draft = services.conversation_model_draft_get_or_create(municipality=municipality)
    slug = {"municipality_slug": municipality.slug}
    mine = slug | {"pk": initiative.pk}
    pages = {
        "model": [slug],
        "model_phase_add": [slug],
        "model_item_add": [slug],
        "model_phase": [slug | {"pk": draft.phases.first().pk}],
        "model_item": [slug | {"pk": draft.checklist_items.first().pk}],
        "checklist_pdf": [slug],
        "screen": [mine],
        "plan": [mine, slug | {"pk": unplanned.pk}],
        "invitation_letter": [mine],
        "prepare": [mine, slug | {"pk": unplanned.pk}],
        "prepare_pdf": [mine, slug | {"pk": unplanned.pk}],
        "report": [mine, slug | {"pk": sent[0].pk}],  # no report yet; a sent one
        "report_pdf": [mine, slug | {"pk": sent[0].pk}],
        "checklist_filled_pdf": [mine, slug | {"pk": sent[0].pk}],
        "follow_up": [mine, slug | {"pk": sent[0].pk}],
        "reflection": [mine],
        "resident": [slug | {"token": token}, slug | {"token": sent[1]}],
        "resident_ics": [slug | {"token": token}],
        "resident_report_pdf": [slug | {"token": sent[1]}],
    }
    # Every GET route of the app is in the list, so a new page cannot slip past this test.
    assert {pattern.name for pattern in staff_urlpatterns + urlpatterns} - POST_ONLY == set(pages)

    before = row_counts()
    for name, kwargs_list in pages.items():
        for kwargs in kwargs_list:
            response = coordinator_client.get(reverse(f"conversations:{name}", kwargs=kwargs))
            assert response.status_code == 200, (name, kwargs, response.status_code)
            after = row_counts()
            changed = {table: (before[table], after[table]) for table in before if after[table] != before[table]}
            assert not changed, (name, kwargs, changed)
    assert not Report.objects.filter(conversation=conversation).exists()


def test_report_page_shows_the_draft_from_the_notes_and_the_first_post_saves_it(contact_client, municipality, planned):
    initiative, _, conversation = planned
    services.conversation_save(
        conversation=conversation,
        captures={"summary": "Samenvatting uit het gesprek", "next_step": "Kabels nagaan"},
        municipal_roles=["faciliteren"],
        agreements=[{"what": "Kabels nagaan", "who": "Karim", "due": ""}],
    )
    url = reverse("conversations:report", kwargs={"municipality_slug": municipality.slug, "pk": initiative.pk})
    page = contact_client.get(url).content.decode()
    assert "Versie 1" in page and "Samenvatting uit het gesprek" in page and 'value="Kabels nagaan"' in page
    assert re.search(r'value="faciliteren"[^>]*checked', page) and not re.search(r'value="reguleren"[^>]*checked', page)
    assert not Report.objects.filter(conversation=conversation).exists()

    contact_client.post(
        url,
        {
            "summary": "Samenvatting uit het gesprek",
            "municipal_roles": ["faciliteren"],
            "next_step": "Kabels nagaan",
            "callback_date": (timezone.localdate() + timedelta(days=10)).isoformat(),
            "agreement_0_what": "Kabels nagaan",
            "agreement_0_who": "Karim",
            "save": "1",
        },
    )
    report = Report.objects.get(conversation=conversation)
    assert report.version == 1 and not report.is_frozen and report.created_by is not None
    assert [a.what for a in report.agreements.all()] == ["Kabels nagaan"]


def test_marking_the_conversation_held_makes_the_first_draft_from_the_notes(planned, contact):
    _, _, conversation = planned
    services.conversation_save(conversation=conversation, captures={"summary": "Wat we bespraken"})
    services.conversation_mark_held(conversation=conversation, actor=contact)
    report = Report.objects.get(conversation=conversation)
    assert (report.version, report.summary, report.created_by) == (1, "Wat we bespraken", contact)
    # Marking it held again (sending the report does that too) makes no second draft.
    services.conversation_mark_held(conversation=conversation, actor=contact)
    assert Report.objects.filter(conversation=conversation).count() == 1


def test_a_new_municipality_gets_its_first_conversation_model_at_once(db):
    municipality = Municipality.objects.create(slug="nieuw", name="Gemeente Nieuw")
    (model,) = ConversationModel.objects.filter(municipality=municipality, variant="")
    assert model.version == 1 and not model.is_draft and model.phases.count() == 6
