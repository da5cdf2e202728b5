"""The conversation screen: phases, pitfalls, capture fields, and saving as it goes."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from burgeridee.conversations.constants import TaskKind
from burgeridee.conversations.models import Conversation
from burgeridee.core.dates import add_working_days
from burgeridee.initiatives.constants import Phase

from .helpers import base

pytestmark = pytest.mark.django_db


def test_screen_shows_each_phase_with_questions_pitfall_and_fields(contact_client, municipality, planned):
    initiative, _, _ = planned
    content = contact_client.get(base(municipality, initiative)).content.decode()
    for title in ("Kennismaken", "Mensen en draagvlak", "Rollen en afspraken", "Samenvatten en vervolg"):
        assert title in content
    assert "Wie doen er mee? En wie neemt het over als u uitvalt?" in content
    assert "Praat niet alleen met de trekker." in content
    # The pitfall ids link into the knowledge library.
    assert 'href="/werkplek/voorbeeld/kennisbank/valkuilen/V16/">V16</a>' in content
    for name in ("cap_core_group", "cap_support", "cap_help_asked", "cap_own_contribution", "cap_showstoppers"):
        assert f'name="{name}"' in content
    assert content.count('name="municipal_roles"') == 5  # the five rungs, more than one may be ticked
    assert 'name="agreement_0_what"' in content and 'name="agreement_0_due"' in content
    assert "Begin met kennismaken en de motivatie, niet met regels." in content  # the 'during' checklist
    assert "conversations/conversation.js" in content
    assert "<script>" not in content  # no inline script (CSP)


def test_save_button_posts_everything_without_javascript(contact_client, municipality, planned):
    initiative, _, conversation = planned
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = contact_client.post(
        base(municipality, initiative),
        {
            "cap_core_group": "Fatima (trekker), Joost (invaller)",
            "cap_showstoppers": "Kabels onder het grasveld?",
            "municipal_roles": ["faciliteren", "reguleren"],
            "agreement_0_what": "Kabels en leidingen nagaan",
            "agreement_0_who": "Gemeente (Karim)",
            "agreement_0_due": due,
            "checked": ["tijdens-1", "tijdens-4"],
            "rating": "4",
            "save": "",
        },
    )
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.captures["core_group"] == "Fatima (trekker), Joost (invaller)"
    assert conversation.municipal_roles == ["faciliteren", "reguleren"]
    assert conversation.agreements_draft == [
        {"what": "Kabels en leidingen nagaan", "who": "Gemeente (Karim)", "due": due}
    ]
    assert conversation.checked_items == ["tijdens-1", "tijdens-4"]
    assert conversation.rating == 4
    page = contact_client.get(base(municipality, initiative)).content.decode()
    assert "Kabels onder het grasveld?" in page


def test_an_invalid_date_keeps_every_typed_value(contact_client, municipality, planned):
    initiative, _, conversation = planned
    response = contact_client.post(
        base(municipality, initiative),
        {"cap_motivation": "Ik woon hier dertig jaar", "callback_date": "volgende week"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Vul een datum in" in content and "Ik woon hier dertig jaar" in content
    conversation.refresh_from_db()
    assert conversation.captures == {}


def test_autosave_saves_only_the_changed_fields(contact_client, municipality, planned):
    initiative, _, conversation = planned
    url = base(municipality, initiative) + "opslaan/"
    first = contact_client.post(url, {"_fields": ["cap_motivation"], "cap_motivation": "Mijn kinderen spelen hier"})
    assert first.status_code == 200
    assert first.json()["saved"] is True
    assert first.json()["message"].startswith("Opgeslagen om")
    # A second field, posted on its own, does not wipe the first.
    contact_client.post(url, {"_fields": ["cap_support"], "cap_support": "Twintig handtekeningen"})
    # A checkbox group: all ticked values; an empty group is sent by name only.
    contact_client.post(url, {"_fields": ["municipal_roles"], "municipal_roles": ["faciliteren", "stimuleren"]})
    contact_client.post(url, {"_fields": ["agreement_1_what"], "agreement_1_what": "Handtekeningen verzamelen"})
    contact_client.post(url, {"_fields": ["checked"]})
    conversation.refresh_from_db()
    assert conversation.captures == {"motivation": "Mijn kinderen spelen hier", "support": "Twintig handtekeningen"}
    assert conversation.municipal_roles == ["faciliteren", "stimuleren"]
    assert conversation.agreements_draft[1]["what"] == "Handtekeningen verzamelen"
    assert conversation.checked_items == []

    bad = contact_client.post(url, {"_fields": ["callback_date"], "callback_date": "morgen"})
    assert bad.status_code == 400 and "callback_date" in bad.json()["errors"]
    unknown = contact_client.post(url, {"_fields": ["is_admin"], "is_admin": "1"})
    assert unknown.status_code == 400
    conversation.refresh_from_db()
    assert conversation.callback_date is None


def test_autosave_needs_staff_of_this_municipality(client, municipality, planned):
    initiative, _, _ = planned
    url = base(municipality, initiative) + "opslaan/"
    response = client.post(url, {"_fields": ["cap_motivation"], "cap_motivation": "x"})
    assert response.status_code == 302 and response["Location"].startswith("/werkplek/inloggen/")


def test_finishing_the_conversation_makes_tasks_from_the_after_checklist(contact_client, municipality, planned):
    initiative, _, conversation = planned
    callback = timezone.localdate() + timedelta(days=20)
    response = contact_client.post(
        base(municipality, initiative),
        {
            "cap_summary": "Moestuin",
            "callback_date": callback.isoformat(),
            "finish": "1",
            "held_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/verslag/")
    conversation.refresh_from_db()
    initiative.refresh_from_db()
    assert conversation.held_at is not None
    assert initiative.phase == Phase.EXPLORING and initiative.first_contact_at is not None
    assert initiative.events.filter(kind="gesprek_gehouden").exists()
    tasks = {task.kind: task for task in conversation.tasks.all()}
    today = timezone.localdate()
    assert tasks[TaskKind.CONFIRM_IN_WRITING].due_date == add_working_days(today, 3)
    # No call-back task: the report's callback date becomes the one callback appointment (deadlines).
    assert TaskKind.CALL_BACK not in tasks
    assert tasks[TaskKind.HAND_OVER].due_date == add_working_days(today, 5)
    assert conversation.tasks.count() == 6
    assert Conversation.objects.get(pk=conversation.pk).tasks.filter(done_at__isnull=True).count() == 6


def test_reading_and_saving_the_conversation_is_logged(contact_client, municipality, planned, contact):
    from burgeridee.records.models import ProcessingLogEntry
    from burgeridee.records.processing import data_subject_of

    initiative, _, _ = planned
    contact_client.get(base(municipality, initiative))
    contact_client.post(
        base(municipality, initiative) + "opslaan/", {"_fields": ["cap_motivation"], "cap_motivation": "x"}
    )
    entries = ProcessingLogEntry.objects.filter(initiative=initiative, staff_audit__actor=contact)
    assert {entry.action for entry in entries} >= {"read", "update"}
    assert {entry.activity for entry in entries} >= {"conversation_hold", "conversation_record"}
    _kind, pseudonym = data_subject_of(initiative.primary_initiator)
    assert all(entry.data_subject_id == pseudonym for entry in entries)


def test_initiative_section_links_every_step_with_its_state(municipality, planned):
    from django.template.loader import render_to_string

    initiative, _, _ = planned
    html = render_to_string("conversations/_initiative_section.html", {"initiative": initiative})
    assert f"/werkplek/voorbeeld/initiatieven/{initiative.pk}/gesprek/plannen/" in html
    assert "Gepland:" in html and "Gesprek voeren" in html
    assert f"/initiatieven/{initiative.pk}/gesprek/verslag/" in html


AUTOSAVE_JS = Path(__file__).resolve().parents[1] / "static" / "conversations" / "conversation.js"


def test_autosave_texts_come_translated_from_the_page(contact_client, municipality, planned):
    initiative, _, _ = planned
    dutch = contact_client.get(base(municipality, initiative)).content.decode()
    assert 'data-text-ready="Wat u invult, wordt vanzelf opgeslagen."' in dutch
    assert 'data-text-invalid="Niet opgeslagen: {errors} Druk op Opslaan om het te zien."' in dutch
    contact_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = contact_client.get(base(municipality, initiative)).content.decode()
    assert 'data-text-ready="What you enter is saved automatically."' in english
    assert 'data-text-offline="No connection. Your text is kept on this device' in english
    assert "Wat u invult" not in english
    saved = contact_client.post(base(municipality, initiative) + "opslaan/", {"_fields": ["cap_motivation"]})
    assert saved.json()["message"].startswith("Saved at ")
    # The script itself holds no text for people: every status line is one of the page's texts.
    script = AUTOSAVE_JS.read_text()
    assert re.findall(r"say\((.+?)(?:, true)?\);", script) == [
        'text("restored")',
        'text("saving")',
        'result.data.message || text("saved")',
        'text("invalid").replace("{errors}", function () { return errors; })',
        'text("retry")',
        'text("offline")',
        'text("ready")',
    ]


def test_initiative_section_shows_the_sent_reports_agreements_without_loading_their_history(
    municipality, planned, contact, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext

    from burgeridee.conversations import selectors, services

    initiative, _, conversation = planned
    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_mark_held(
            conversation=conversation, actor=contact, held_on=timezone.localdate() - timedelta(days=1)
        )
        report = selectors.report_latest(conversation=conversation)
        services.report_update(
            report=report,
            summary="Een moestuin op het grasveld.",
            next_step="Kabels nagaan.",
            callback_date=timezone.localdate() + timedelta(days=10),
            municipal_roles=["faciliteren"],
            initiator_role="",
            agreements=[
                services.AgreementData(what="Kabels nagaan", who="Gemeente", due_date=timezone.localdate()),
                services.AgreementData(
                    what="Handtekeningen verzamelen", who="Bewoner", due_date=timezone.localdate() - timedelta(days=2)
                ),
            ],
        )
        services.report_send(report=report, actor=contact)
    with CaptureQueriesContext(connection) as captured:
        html = render_to_string("conversations/_initiative_section.html", {"initiative": initiative})
    assert "versie 1" in html
    states = re.findall(r"<li>([^<]+): <span[^>]*>([^<]+)</span>( <span[^>]*>te laat</span>)?</li>", html)
    assert [(what, bool(late)) for what, _status, late in states] == [
        ("Kabels nagaan", False),
        ("Handtekeningen verzamelen", True),
    ]
    assert not any("conversations_agreementstep" in query["sql"] for query in captured.captured_queries)
