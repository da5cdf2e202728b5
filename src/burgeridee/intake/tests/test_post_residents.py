"""Residents without internet (issue #11): the letter with their status link is reachable from the initiative
page, the confirmation says a letter follows, and a new letter (which ends the old link) warns first."""

import re

import pytest
from django.urls import reverse

from burgeridee.initiatives.constants import Channel, ContactPreference
from burgeridee.initiatives.services import InitiatorData
from burgeridee.records.models import ProcessingLogEntry, TimelineEvent

from .test_intake import FORM_URL, intake_data

pytestmark = pytest.mark.django_db

BY_POST = InitiatorData(
    name="Henk de Boer",
    street_address="Vijverlaan 3",
    postal_code="1234 AB",
    city="Voorbeeld",
    preferred_contact=ContactPreference.POST,
)


def urls(municipality, initiative) -> tuple[str, str, str]:
    kwargs = {"municipality_slug": municipality.slug, "pk": initiative.pk}
    return (
        reverse("initiatives:staff_initiative", kwargs=kwargs),
        reverse("intake:letter", kwargs=kwargs),
        reverse("intake:letter_renew", kwargs=kwargs),
    )


def test_the_initiative_page_of_a_resident_by_post_leads_to_the_letter(
    municipality, contact_client, coordinator_client, submit_idea
):
    initiative, _ = submit_idea(municipality, initiator=BY_POST)
    page_url, letter_url, _renew = urls(municipality, initiative)
    page = contact_client.get(page_url).content.decode()
    assert "Brief met persoonlijke link" in page
    assert f'href="{letter_url}"' in page
    assert "De bewoner wil contact per post." in page
    # Submitted online: no letter made yet, and the page says so.
    assert "Er is nog geen brief gemaakt." in page
    assert f'href="{letter_url}"' in coordinator_client.get(page_url).content.decode()


def test_a_resident_by_email_gets_no_letter_section(municipality, contact_client, submit_idea):
    initiative, _ = submit_idea(municipality)
    page_url, letter_url, _renew = urls(municipality, initiative)
    assert f'href="{letter_url}"' not in contact_client.get(page_url).content.decode()


def test_a_new_letter_warns_first_and_a_get_changes_nothing(municipality, contact_client, submit_idea, client):
    initiative, old_token = submit_idea(
        municipality, initiator=InitiatorData(**{**BY_POST.__dict__, "email": "henk@example.org"})
    )
    _page, letter_url, renew_url = urls(municipality, initiative)
    for url in (letter_url, renew_url):
        warning = contact_client.get(url)
        assert warning.status_code == 200
        html = warning.content.decode()
        assert "utrecht-alert--warning" in html
        assert "De link die de bewoner nu heeft, werkt daarna niet meer." in html
        assert "ook de link in de e-mail aan henk@example.org" in html
        assert f'<form method="post" action="{renew_url}"' in html
        assert old_token not in html
    # Nothing was renewed by looking.
    assert client.get(f"/{municipality.slug}/mijn-initiatief/{old_token}/").status_code == 200
    assert not TimelineEvent.objects.filter(initiative=initiative, kind="statuslink_vernieuwd").exists()
    # Only the confirmation (a POST) makes the new link and the letter.
    response = contact_client.post(renew_url)
    assert response.status_code == 302 and response["Location"] == letter_url
    letter = contact_client.get(letter_url).content.decode()
    assert "Vijverlaan 3" in letter and re.search(r"/voorbeeld/mijn-initiatief/[\w-]+/", letter)
    assert client.get(f"/{municipality.slug}/mijn-initiatief/{old_token}/").status_code == 404
    # The initiative page now says when the last letter was made.
    page = contact_client.get(urls(municipality, initiative)[0]).content.decode()
    assert "Er is nog geen brief gemaakt." not in page
    assert "Laatste brief gemaakt op" in page


def test_the_warning_names_the_letter_already_made(municipality, contact, staff_client, submit_idea):
    initiative, _ = submit_idea(municipality, initiator=BY_POST, channel=Channel.PHONE)
    _page, _letter, renew_url = urls(municipality, initiative)
    first = staff_client(contact)
    html = first.get(renew_url).content.decode()
    assert "de link in de brief die bij de registratie op" in html
    assert "e-mail" not in html  # no email address: no email link to warn about
    first.post(renew_url)
    html = staff_client(contact).get(renew_url).content.decode()  # another session: the new link is not in it
    assert "de link in de brief van" in html


def test_after_an_assisted_intake_by_post_the_page_says_the_letter_goes_by_post(municipality, contact, staff_client):
    staff = staff_client(contact)
    response = staff.post(FORM_URL, intake_data(municipality, email="henk@example.org", channel=Channel.COUNTER))
    page = staff.get(response["Location"]).content.decode()
    assert "De bewoner wil contact per post. Stuur deze brief vandaag op." in page
    assert "Wilt u de bewoner ook iets op papier geven?" not in page


def test_the_public_confirmation_says_a_letter_follows_when_post_was_chosen(client, municipality):
    form = reverse("initiatives:idea_form", kwargs={"municipality_slug": municipality.slug})
    data = {
        "title": "Bankjes bij de vijver",
        "description": "Bankjes om uit te rusten.",
        "target_group": "Ouderen",
        "neighbourhood": str(municipality.neighbourhoods.get(name="Oosterpark").pk),
        "theme": "leefbaar",
        "name": "Henk de Boer",
        "preferred_contact": "post",
        "street_address": "Vijverlaan 3",
        "postal_code": "1234 AB",
        "city": "Voorbeeld",
    }
    response = client.post(form, data, follow=True)
    page = response.content.decode()
    assert "Bedankt! Uw idee is verstuurd" in page
    assert "U krijgt van ons een brief op Vijverlaan 3, 1234 AB Voorbeeld" in page
    assert "de link hieronder werkt dan niet meer" in page
    # Chose email: no letter promised.
    by_email = data | {"preferred_contact": "email", "email": "h@example.org", "title": "Ander idee"}
    email = client.post(form, by_email, follow=True)
    assert "U krijgt van ons een brief" not in email.content.decode()


def test_only_intake_roles_see_the_section(municipality, staff_client, submit_idea, trainer):
    initiative, _ = submit_idea(municipality, initiator=BY_POST)
    _page, _letter, renew_url = urls(municipality, initiative)
    assert staff_client(trainer).get(renew_url).status_code == 403
    assert not ProcessingLogEntry.objects.filter(activity="intake_letter_make").exists()
