"""The idea form's hidden key recognises a double click and opens nothing (issue #19, finding 1).

Before: posting a known key again, from any browser, showed the confirmation with the current status
token, even after staff renewed the link; keys were stored in plain text and never expired; the
confirmation cookie kept the raw token for an hour.
"""

import hashlib
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from burgeridee.initiatives import services
from burgeridee.initiatives.models import Initiative
from burgeridee.testing.helpers import idea_form_data

pytestmark = pytest.mark.django_db
KEY = "0123456789abcdef0123456789abcdef"


def form(municipality, **overrides):
    return idea_form_data(municipality, submission_key=KEY, **overrides)


def url(municipality):
    return reverse("initiatives:idea_form", kwargs={"municipality_slug": municipality.slug})


def test_a_known_key_from_another_browser_shows_received_without_the_link(client, municipality, django_user_model):
    first = client.post(url(municipality), form(municipality))
    assert first.status_code == 302
    initiative = Initiative.objects.get()
    services.initiative_status_token_renew(initiative=initiative, actor=None)  # staff renewed the link

    stranger = client.__class__()
    again = stranger.post(url(municipality), form(municipality), follow=True)
    page = again.content.decode()
    assert again.status_code == 200
    assert "Uw idee is al ontvangen" in page
    assert "mijn-initiatief" not in page and initiative.reference not in page
    assert Initiative.objects.count() == 1


def test_only_the_hash_of_the_key_is_stored_and_it_expires(client, municipality):
    client.post(url(municipality), form(municipality))
    initiative = Initiative.objects.get()
    assert initiative.submission_key_hash == hashlib.sha256(KEY.encode()).hexdigest()
    assert KEY not in str(Initiative.objects.filter(pk=initiative.pk).values().get())
    assert initiative.submission_key_expires_at <= timezone.now() + timedelta(minutes=15)

    Initiative.objects.filter(pk=initiative.pk).update(submission_key_expires_at=timezone.now() - timedelta(seconds=1))
    later = client.post(url(municipality), form(municipality, title="Een nieuw idee"))
    assert later.status_code == 302  # an expired key recognises nothing: this is a new form
    assert Initiative.objects.count() == 2


def test_the_confirmation_shows_the_link_once(client, municipality):
    response = client.post(url(municipality), form(municipality))
    cookie = response.cookies["burgeridee_submitted"]
    assert int(cookie["max-age"]) <= 5 * 60
    shown = client.get(response["Location"])
    assert re.search(r"/voorbeeld/mijn-initiatief/[^/]+/", shown.content.decode())
    assert shown.cookies["burgeridee_submitted"].value == ""  # deleted once shown
    assert client.get(response["Location"]).status_code == 302  # the next person gets the empty form
