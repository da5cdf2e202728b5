"""A conversation is never silently recorded as held: the civil servant confirms the real date it was held.

The date is asked when the conversation is finished on the conversation screen and when a report is sent
for a conversation not marked held yet; it is prefilled sensibly, may not lie in the future, and the
report (page and PDF) carries it.
"""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from burgeridee.conversations.models import Conversation
from burgeridee.core.dates import local_date
from burgeridee.initiatives.models import Initiative

from .helpers import base
from .test_report import report_post

pytestmark = pytest.mark.django_db


def long_date(day) -> str:
    months = ["januari", "februari", "maart", "april", "mei", "juni"]
    months += ["juli", "augustus", "september", "oktober", "november", "december"]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def test_finishing_before_the_planned_date_asks_the_real_date(contact_client, municipality, planned):
    initiative, _, conversation = planned  # planned a week from now
    Initiative.objects.filter(pk=initiative.pk).update(submitted_at=timezone.now() - timedelta(days=10))
    url = base(municipality, initiative)
    today = timezone.localdate()

    page = contact_client.get(url).content.decode()
    # Prefilled with today: the planned day has not come yet.
    assert 'name="held_on"' in page and f'value="{today.isoformat()}"' in page
    assert "Op welke dag was het gesprek?" in page

    # No date: not finished, a clear message, the notes kept.
    response = contact_client.post(url, {"cap_summary": "Moestuin", "finish": "1", "held_on": ""})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Vul in op welke dag het gesprek was." in content and "Moestuin" in content
    assert Conversation.objects.get(pk=conversation.pk).held_at is None

    # A day in the future cannot be the day it was held.
    tomorrow = today + timedelta(days=1)
    response = contact_client.post(url, {"cap_summary": "Moestuin", "finish": "1", "held_on": tomorrow.isoformat()})
    assert response.status_code == 400
    assert "Het gesprek kan niet in de toekomst zijn gehouden." in response.content.decode()
    assert Conversation.objects.get(pk=conversation.pk).held_at is None

    # Before the idea came in: not possible.
    response = contact_client.post(
        url, {"cap_summary": "Moestuin", "finish": "1", "held_on": (today - timedelta(days=11)).isoformat()}
    )
    assert response.status_code == 400
    assert "Het gesprek kan niet zijn gehouden voordat het idee binnenkwam." in response.content.decode()

    # The real date: three days ago (the resident came by early).
    held_on = today - timedelta(days=3)
    response = contact_client.post(url, {"cap_summary": "Moestuin", "finish": "1", "held_on": held_on.isoformat()})
    assert response.status_code == 302
    conversation.refresh_from_db()
    initiative.refresh_from_db()
    assert local_date(conversation.held_at) == held_on
    assert local_date(initiative.first_contact_at) == held_on
    event = initiative.events.get(kind="gesprek_gehouden")
    assert event.data["held_on"] == held_on.isoformat()
    assert event.data["planned_on"] == local_date(conversation.starts_at).isoformat()

    report_page = contact_client.get(url + "verslag/").content.decode()
    assert f"Gesprek gehouden op {long_date(held_on)}" in report_page
    pdf = contact_client.get(url + "verslag.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages).split())
    assert f"gesprek gehouden op {long_date(held_on)}" in text


def test_after_the_planned_day_the_planned_day_is_prefilled(contact_client, municipality, planned):
    initiative, _, conversation = planned
    planned_at = timezone.now() - timedelta(days=2)
    Conversation.objects.filter(pk=conversation.pk).update(starts_at=planned_at)
    page = contact_client.get(base(municipality, initiative)).content.decode()
    assert f'value="{local_date(planned_at).isoformat()}"' in page


def test_sending_the_report_of_a_conversation_not_marked_held_asks_the_date(contact_client, municipality, planned):
    initiative, _, conversation = planned
    url = base(municipality, initiative) + "verslag/"
    page = contact_client.get(url).content.decode()
    assert 'name="held_on"' in page
    post = report_post(send="1")
    post.pop("held_on", None)
    response = contact_client.post(url, post)
    assert response.status_code == 400
    assert "Vul in op welke dag het gesprek was." in response.content.decode()
    assert Conversation.objects.get(pk=conversation.pk).held_at is None

    Initiative.objects.filter(pk=initiative.pk).update(submitted_at=timezone.now() - timedelta(days=10))
    held_on = timezone.localdate() - timedelta(days=1)
    contact_client.post(url, report_post(send="1", held_on=held_on.isoformat()))
    conversation.refresh_from_db()
    assert local_date(conversation.held_at) == held_on
    # Once held, the report page no longer asks.
    assert 'name="held_on"' not in contact_client.get(url).content.decode()
