import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import OperationalError, connection
from django.test import override_settings
from django.urls import reverse
from django.utils.dateformat import format as date_format

from burgeridee.initiatives.constants import Channel, Phase
from burgeridee.initiatives.models import Initiative, Initiator, SupportRequest
from burgeridee.records.models import TimelineEvent
from burgeridee.testing.helpers import database_refuses_writes

pytestmark = pytest.mark.django_db


def form_url(municipality):
    return reverse("initiatives:idea_form", kwargs={"municipality_slug": municipality.slug})


def valid_data(municipality, **overrides):
    data = {
        "title": "Buurtmoestuin",
        "description": "Samen groente kweken op het grasveld.",
        "target_group": "Iedereen in de straat",
        "neighbourhood": str(municipality.neighbourhoods.get(name="Oosterpark").pk),
        "location": "Kastanjelaan",
        "theme": "leefbaar",
        "involved": "Vijf buren",
        "support_types": ["materialen", "openbare_ruimte"],
        "help_description": "Gereedschap lenen",
        "own_contribution": "Wij doen het werk",
        "name": "Fatima Bakker",
        "email": "fatima@example.org",
        "phone": "06 12345678",
        "preferred_contact": "email",
        "street_address": "",
        "postal_code": "",
        "city": "",
        "website": "",
    }
    data.update(overrides)
    return data


def test_form_page_shows_every_question_and_the_privacy_text(client, municipality):
    response = client.get(form_url(municipality))
    content = response.content.decode()
    assert response.status_code == 200
    for label in (
        "Geef uw idee een korte naam",
        "Voor wie is het?",
        "In welke wijk?",
        "Oosterpark",
        "Welke hulp zoekt u",
        "Wat regelt u zelf?",
        "Hoe wilt u dat wij contact met u opnemen?",
        "Wat wij met uw gegevens doen",
        "24 maanden",
    ):
        assert label in content
    assert 'name="csrfmiddlewaretoken"' in content


def test_valid_idea_is_saved_with_initiator_help_and_event(client, municipality):
    response = client.post(form_url(municipality), valid_data(municipality))
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.municipality == municipality
    assert initiative.title == "Buurtmoestuin"
    assert initiative.neighbourhood.name == "Oosterpark"
    assert initiative.phase == Phase.IDEA
    assert initiative.channel == Channel.ONLINE
    assert re.fullmatch(r"BI-\d{4}-\d{6}", initiative.reference)
    assert Initiator.objects.get().email == "fatima@example.org"
    assert set(SupportRequest.objects.values_list("support_type", flat=True)) == {
        "materialen",
        "openbare_ruimte",
    }
    assert TimelineEvent.objects.filter(initiative=initiative, kind="ingediend").exists()


def test_confirmation_page_shows_reference_and_first_contact_date(client, municipality):
    response = client.post(form_url(municipality), valid_data(municipality), follow=True)
    initiative = Initiative.objects.get()
    content = response.content.decode()
    assert initiative.reference in content
    assert "Bedankt! Uw idee is verstuurd" in content

    assert date_format(initiative.first_contact_due, "j F Y") in content
    assert "/voorbeeld/mijn-initiatief/" in content


def test_confirmation_mail_carries_the_personal_link(client, municipality, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_url(municipality), valid_data(municipality))
    initiative = Initiative.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@example.org"]
    assert initiative.reference in message.subject
    link = re.search(r"http://\S+/voorbeeld/mijn-initiatief/(\S+)/", message.body)
    assert link, message.body
    token = link.group(1)
    assert token not in initiative.status_token_hash  # only a hash of the token is stored
    page = client.get(f"/voorbeeld/mijn-initiatief/{token}/")
    assert page.status_code == 200
    assert "Buurtmoestuin" in page.content.decode()
    assert TimelineEvent.objects.filter(kind="bevestiging").count() == 1


def test_missing_answers_show_an_error_summary_and_keep_what_was_typed(client, municipality):
    data = valid_data(municipality, title="", theme="", name="", description="Mijn lange verhaal <script>x</script>")
    response = client.post(form_url(municipality), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert "Er is iets niet goed ingevuld" in content
    assert 'href="#id_title"' in content
    assert 'href="#id_theme_0"' in content
    assert 'href="#id_name"' in content
    assert "Geef uw idee een korte naam." in content
    assert "Mijn lange verhaal &lt;script&gt;x&lt;/script&gt;" in content  # kept, and escaped
    assert 'value="fatima@example.org"' in content
    assert 'value="materialen" class="utrecht-checkbox utrecht-checkbox--html-input"' in content or re.search(
        r'value="materialen"[^>]*checked', content
    )
    assert 'aria-invalid="true"' in content
    assert Initiative.objects.count() == 0


def test_preferred_contact_needs_the_matching_details(client, municipality):
    response = client.post(form_url(municipality), valid_data(municipality, email="", preferred_contact="email"))
    assert "U wilt contact per e-mail. Vul daarom uw e-mailadres in." in response.content.decode()
    response = client.post(form_url(municipality), valid_data(municipality, phone="", preferred_contact="telefoon"))
    assert "U wilt contact per telefoon. Vul daarom uw telefoonnummer in." in response.content.decode()
    response = client.post(form_url(municipality), valid_data(municipality, preferred_contact="post"))
    content = response.content.decode()
    assert "U wilt contact per post. Vul daarom uw straat en huisnummer in." in content
    assert "U wilt contact per post. Vul daarom uw postcode in." in content
    assert "U wilt contact per post. Vul daarom uw woonplaats in." in content
    assert "van de bewoner" not in content  # the staff wording stays on the intake form
    assert Initiative.objects.count() == 0


def test_post_contact_with_an_address_and_no_email_is_accepted(client, municipality):
    data = valid_data(
        municipality,
        email="",
        phone="",
        preferred_contact="post",
        street_address="Dorpsstraat 1",
        postal_code="1234ab",
        city="Voorbeeld",
    )
    response = client.post(form_url(municipality), data)
    assert response.status_code == 302
    initiator = Initiator.objects.get()
    assert initiator.postal_code == "1234 AB"
    assert len(mail.outbox) == 0


def test_invalid_email_phone_and_postcode_get_plain_messages(client, municipality):
    data = valid_data(municipality, email="fatima@", phone="bel me", postal_code="12345")
    content = client.post(form_url(municipality), data).content.decode()
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in content
    assert "Vul een telefoonnummer in met alleen cijfers" in content
    assert "Vul een postcode in zoals 1234 AB." in content


def test_a_neighbourhood_of_another_municipality_is_refused(client, municipality, other_municipality):
    foreign = other_municipality.neighbourhoods.get()
    content = client.post(form_url(municipality), valid_data(municipality, neighbourhood=str(foreign.pk))).content
    assert "Kies een wijk uit de lijst." in content.decode()
    assert Initiative.objects.count() == 0


def test_unknown_neighbourhood_is_allowed(client, municipality):
    client.post(form_url(municipality), valid_data(municipality, neighbourhood="onbekend"))
    assert Initiative.objects.get().neighbourhood is None


def test_honeypot_filled_in_saves_nothing(client, municipality):
    response = client.post(form_url(municipality), valid_data(municipality, website="http://spam.example"))
    assert response.status_code == 400
    assert Initiative.objects.count() == 0


@override_settings(RATELIMIT_IDEA_FORM="2/h")
def test_rate_limit_per_address_keeps_the_typed_text(client, municipality):
    for _ in range(2):
        assert client.post(form_url(municipality), valid_data(municipality)).status_code == 302
    response = client.post(form_url(municipality), valid_data(municipality, title="Derde idee"))
    assert response.status_code == 429
    assert 'value="Derde idee"' in response.content.decode()
    assert Initiative.objects.count() == 2
    other_address = client.post(form_url(municipality), valid_data(municipality), REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302


def test_database_down_keeps_every_typed_value_and_saves_nothing(client, municipality):
    client.get(form_url(municipality))  # the page was opened while the database was up
    data = valid_data(municipality, description="Mijn hele verhaal\nover de tuin")
    with database_refuses_writes():
        response = client.post(form_url(municipality), data)
    content = response.content.decode()
    assert response.status_code == 503
    assert "Het is niet gelukt uw idee op te slaan" in content
    assert "Mijn hele verhaal\nover de tuin" in content
    assert 'value="Buurtmoestuin"' in content
    assert re.search(r'value="materialen"[^>]*checked', content)
    assert Initiative.objects.count() == 0
    assert Initiator.objects.count() == 0


def test_unknown_municipality_is_a_404(client, db):
    assert client.get("/bestaat-niet/idee/").status_code == 404


def test_inactive_municipality_is_a_404(client, municipality):
    municipality.is_active = False
    municipality.save()
    assert client.get(form_url(municipality)).status_code == 404


def submission_key_of(response):
    match = re.search(r'name="submission_key" value="([0-9a-f]{32})"', response.content.decode())
    assert match, "the form carries a submission key"
    return match.group(1)


def test_sending_the_same_form_again_stores_the_idea_once(client, municipality, django_capture_on_commit_callbacks):
    """A double click, or a retry after an error whose commit did go through, is not a second idea."""
    key = submission_key_of(client.get(form_url(municipality)))
    data = valid_data(municipality, submission_key=key)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(form_url(municipality), data, follow=True)
        again = client.post(form_url(municipality), data, follow=True)
    initiative = Initiative.objects.get()
    assert initiative.reference in first.content.decode()
    assert "Uw idee is al ontvangen" in again.content.decode()
    assert "mijn-initiatief" not in again.content.decode()  # the link is shown once, not to a second post
    assert TimelineEvent.objects.filter(kind="ingediend").count() == 1
    # The confirmation mail carries the link that works.
    token = re.search(r"/voorbeeld/mijn-initiatief/(\S+)/", mail.outbox[-1].body).group(1)
    assert client.get(f"/voorbeeld/mijn-initiatief/{token}/").status_code == 200
    # Another form (another key) is another idea.
    other = submission_key_of(client.get(form_url(municipality)))
    assert other != key
    client.post(form_url(municipality), valid_data(municipality, submission_key=other))
    assert Initiative.objects.count() == 2


def test_the_key_is_kept_when_the_form_comes_back_with_an_error(client, municipality):
    key = submission_key_of(client.get(form_url(municipality)))
    response = client.post(form_url(municipality), valid_data(municipality, title="", submission_key=key))
    assert response.status_code == 400
    assert submission_key_of(response) == key
    with database_refuses_writes():
        response = client.post(form_url(municipality), valid_data(municipality, submission_key=key))
    assert response.status_code == 503
    assert submission_key_of(response) == key


def test_a_malformed_key_is_ignored_not_an_error(client, municipality):
    response = client.post(form_url(municipality), valid_data(municipality, submission_key="'><script>"))
    assert response.status_code == 302
    assert Initiative.objects.get().submission_key_hash is None


def test_confirmation_needs_no_session_so_an_outage_after_saving_cannot_lose_it(client, municipality):
    """After the idea is committed nothing else writes to the database: no session row is made."""

    response = client.post(form_url(municipality), valid_data(municipality))
    assert response.status_code == 302
    assert Session.objects.count() == 0
    assert "sessionid" not in response.cookies
    cookie = response.cookies["burgeridee_submitted"]
    assert cookie["httponly"]
    assert cookie["path"] == "/voorbeeld/idee/"
    assert Initiative.objects.get().reference in client.get(response["Location"]).content.decode()


def test_a_forged_confirmation_cookie_shows_nothing(client, municipality, submit_idea):
    submit_idea(municipality)
    client.cookies["burgeridee_submitted"] = "forged-token"
    response = client.get(reverse("initiatives:submitted", kwargs={"municipality_slug": municipality.slug}))
    assert response.status_code == 302
    assert response["Location"] == form_url(municipality)


@override_settings(
    RATELIMIT_ENABLE=True,
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "burgeridee_cache"},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "outage-test"},
    },
)
def test_outage_with_the_database_rate_limit_cache_is_a_503_with_the_typed_text(client, municipality):
    """As in production: the rate limiter's cache lives in the database too, and is down as well."""
    client.get(form_url(municipality))
    data = valid_data(municipality, title="Mijn eigen titel")
    queries = []

    def refuse(execute, sql, params, many, context):
        queries.append(sql)
        raise OperationalError("connection refused")

    with connection.execute_wrapper(refuse):
        response = client.post(form_url(municipality), data)
    assert any("burgeridee_cache" in sql for sql in queries)  # the rate limiter did try its cache
    assert response.status_code == 503
    assert 'value="Mijn eigen titel"' in response.content.decode()
    assert Initiative.objects.count() == 0


def test_the_form_describes_itself_to_search_engines(client, municipality):
    content = client.get(form_url(municipality)).content.decode()
    assert (
        '<meta name="description" content="Vertel Gemeente Voorbeeld over uw idee voor de buurt. '
        'Dat duurt ongeveer 10 minuten en het hoeft niet perfect te zijn.">'
    ) in content


def test_a_line_break_counts_as_one_character_and_is_stored_as_one(client, municipality):
    """A browser sends each line break as CRLF but counts it as one character; so does the server."""
    limit = 5000
    line = "a" * (limit // 25 - 1)  # 24 breaks between 25 lines: each line plus its break is limit/25 long
    text = "\r\n".join([line] * 24 + ["a" * (limit // 25)])
    assert len(text.replace("\r\n", "\n")) == limit
    response = client.post(form_url(municipality), valid_data(municipality, description=text))
    assert response.status_code == 302
    stored = Initiative.objects.get().description
    assert "\r" not in stored
    assert stored == text.replace("\r\n", "\n")
    assert len(stored) == limit

    longer = text + "b"
    response = client.post(form_url(municipality), valid_data(municipality, description=longer))
    content = response.content.decode()
    assert response.status_code == 400
    assert "Maak de tekst korter: hooguit 5000 tekens." in content
    assert longer.replace("\r\n", "\n")[-50:] in content.replace("\r\n", "\n")
    assert Initiative.objects.count() == 1


@override_settings(RATELIMIT_IDEA_FORM="2/h")
def test_the_rate_limit_counts_stored_ideas_not_forms_with_errors(client, municipality):
    for _ in range(5):
        assert client.post(form_url(municipality), valid_data(municipality, title="")).status_code == 400
    for title in ("Eerste idee", "Tweede idee"):
        assert client.post(form_url(municipality), valid_data(municipality, title=title)).status_code == 302
    response = client.post(form_url(municipality), valid_data(municipality, title="Derde idee"))
    assert response.status_code == 429
    assert "Uw idee is nog niet verstuurd" in response.content.decode()
    assert 'value="Derde idee"' in response.content.decode()
    assert Initiative.objects.count() == 2


@override_settings(RATELIMIT_IDEA_FORM="2/h")
def test_the_same_form_sent_twice_counts_once_towards_the_rate_limit(client, municipality):
    key = submission_key_of(client.get(form_url(municipality)))
    data = valid_data(municipality, title="Eerste idee", submission_key=key)
    assert client.post(form_url(municipality), data).status_code == 302
    assert client.post(form_url(municipality), data).status_code == 200  # "Uw idee is al ontvangen"
    assert client.post(form_url(municipality), valid_data(municipality, title="Tweede idee")).status_code == 302
    # The allowance is used up now; a double click on the last idea is still answered as received.
    again = client.post(form_url(municipality), data)
    assert again.status_code == 200
    assert "Uw idee is al ontvangen" in again.content.decode()
    refused = client.post(form_url(municipality), valid_data(municipality, title="Derde idee"))
    assert refused.status_code == 429
    assert Initiative.objects.count() == 2
