"""Security sweep over the public forms: unusual input is validated or saved, never a 500, always escaped.

The tenancy sweep over staff URLs (every staff URL with another municipality's ids -> 404) belongs to
the staff pages and is added with them.
"""

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burgeridee.initiatives.models import Initiative

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "\u202eevil\u202c العربية עברית",
            "🌳🏘️👩‍👩‍👧‍👦" * 20,
            "a\x00b",
            "\x01\x02\x1b[31m\x7f",
            "x" * 6000,
            "{{ 7*7 }} {% now 'Y' %}",
            "'; DROP TABLE initiatives_initiative; --",
            "\r\n\r\nSet-Cookie: x=1",
        ]
    ),
)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def assert_safe(response, value):
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code != 302:
        content = response.content.decode()
        assert "<script>alert(1)</script>" not in content
        assert "<img src=x" not in content
        assert "Traceback" not in content


def valid_idea(municipality):
    return {
        "title": "Buurtmoestuin",
        "description": "Samen groente kweken.",
        "target_group": "De straat",
        "neighbourhood": "onbekend",
        "theme": "leefbaar",
        "name": "Fatima Bakker",
        "email": "fatima@example.org",
        "preferred_contact": "email",
    }


@override_settings(RATELIMIT_ENABLE=False)
@SETTINGS
@given(
    field=st.sampled_from(
        [
            "title",
            "description",
            "target_group",
            "location",
            "name",
            "phone",
            "postal_code",
            "email",
            "involved",
            "neighbourhood",
            "theme",
        ]
    ),
    value=NASTY,
)
def test_idea_form_survives_unusual_input(client, municipality, field, value):
    data = valid_idea(municipality) | {field: value}
    response = client.post(f"/{municipality.slug}/idee/", data)
    assert_safe(response, value)
    if response.status_code == 302:
        stored = Initiative.objects.order_by("-pk").first()
        page = client.get(response["Location"])
        assert_safe(page, value)
        assert stored.reference in page.content.decode()
    else:
        assert response.status_code == 400
        assert (
            'class="utrecht-form-field-error-message' in response.content.decode()
            or "Fout" in response.content.decode()
        )


@override_settings(RATELIMIT_ENABLE=False)
@SETTINGS
@given(value=NASTY)
def test_status_message_box_survives_unusual_input(client, municipality, submit_idea, value):
    _initiative, token = submit_idea(municipality)
    response = client.post(f"/{municipality.slug}/mijn-initiatief/{token}/bericht/", {"body": value})
    assert_safe(response, value)
    page = client.get(f"/{municipality.slug}/mijn-initiatief/{token}/")
    assert_safe(page, value)


@SETTINGS
@given(value=NASTY)
def test_withdraw_form_survives_unusual_input(client, municipality, submit_idea, value):
    _initiative, token = submit_idea(municipality)
    response = client.post(f"/{municipality.slug}/mijn-initiatief/{token}/intrekken/", {"note": value})
    assert_safe(response, value)
    assert_safe(client.get(f"/{municipality.slug}/mijn-initiatief/{token}/"), value)


@pytest.mark.parametrize("token", ["<script>", "../../etc/passwd", "%00", "a" * 500, "🌳"])
def test_odd_tokens_are_a_plain_404(client, municipality, token):
    response = client.get(f"/{municipality.slug}/mijn-initiatief/{token}/")
    assert response.status_code == 404
    assert "<script>" not in response.content.decode()


@override_settings(RATELIMIT_MESSAGE_FORM="2/h")
def test_message_form_is_rate_limited_per_address(client, municipality, submit_idea):
    _initiative, token = submit_idea(municipality)
    url = f"/{municipality.slug}/mijn-initiatief/{token}/bericht/"
    assert [client.post(url, {"body": f"Bericht {n}"}).status_code for n in range(3)] == [302, 302, 429]
