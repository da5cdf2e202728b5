"""The blank idea form's questions come from a per-process cache (views/resident.py, _idea_form_fields).

Every test here fails when the cached part is stale (a neighbourhood added, renamed or removed, another
language) or shared (one municipality's neighbourhoods in another's form), or when a filled-in form is cached.
"""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from burgeridee.municipalities.models import Neighbourhood

pytestmark = pytest.mark.django_db

FIELDS_TEMPLATE = "initiatives/_idea_form_fieldsets.html"


def form_url(municipality):
    return reverse("initiatives:idea_form", kwargs={"municipality_slug": municipality.slug})


def neighbourhood_options(html: str) -> list[str]:
    select = re.search(r'<select name="neighbourhood".*?</select>', html, re.S).group(0)
    return re.findall(r"<option [^>]*>([^<]*)</option>", select)


def get_form(client, municipality):
    response = client.get(form_url(municipality))
    assert response.status_code == 200
    return response


def without_per_request_values(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'nonce="[^"]+"', "", html)
    return re.sub(r'name="submission_key" value="[0-9a-f]{32}"', "", html)


def test_the_second_blank_form_comes_from_the_cache_with_the_same_html(client, municipality):
    first = get_form(client, municipality)
    second = get_form(client, municipality)
    assert FIELDS_TEMPLATE in [template.name for template in first.templates]
    assert FIELDS_TEMPLATE not in [template.name for template in second.templates]
    assert without_per_request_values(first.content.decode()) == without_per_request_values(second.content.decode())
    # The one-time key stays per request: a cached key would merge two residents' ideas into one.
    keys = [re.search(r'name="submission_key" value="([0-9a-f]{32})"', r.content.decode()) for r in (first, second)]
    assert keys[0] and keys[1] and keys[0].group(1) != keys[1].group(1)


def test_a_new_renamed_or_removed_neighbourhood_shows_at_once(client, municipality):
    assert neighbourhood_options(get_form(client, municipality).content.decode()) == [
        "Kies een wijk",
        "Centrum",
        "Oosterpark",
        "Weet ik niet",
    ]
    new = Neighbourhood.objects.create(municipality=municipality, name="Dijkzicht")
    assert "Dijkzicht" in neighbourhood_options(get_form(client, municipality).content.decode())
    new.name = "Dijkzicht-Noord"
    new.save()
    options = neighbourhood_options(get_form(client, municipality).content.decode())
    assert "Dijkzicht-Noord" in options and "Dijkzicht" not in options
    new.delete()
    assert "Dijkzicht-Noord" not in neighbourhood_options(get_form(client, municipality).content.decode())


def test_a_municipality_never_gets_another_municipalitys_choices(client, municipality, other_municipality):
    ours = neighbourhood_options(get_form(client, municipality).content.decode())
    theirs = neighbourhood_options(get_form(client, other_municipality).content.decode())
    ours_again = neighbourhood_options(get_form(client, municipality).content.decode())
    assert "Dorp" in theirs and "Oosterpark" not in theirs and "Centrum" not in theirs
    assert "Dorp" not in ours and "Dorp" not in ours_again and "Oosterpark" in ours_again


def test_the_questions_follow_the_chosen_language(client, municipality):
    assert "In welke wijk?" in get_form(client, municipality).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = get_form(client, municipality).content.decode()
    assert "In which neighbourhood?" in english and "In welke wijk?" not in english
    assert "Choose a neighbourhood" in neighbourhood_options(english)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    dutch = get_form(client, municipality).content.decode()
    assert "In welke wijk?" in dutch and "In which neighbourhood?" not in dutch


def test_a_filled_in_form_is_never_cached_or_served_from_the_cache(client, municipality):
    get_form(client, municipality)  # the blank form is cached
    response = client.post(form_url(municipality), {"title": "", "description": "Een moestuin in het park"})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Een moestuin in het park" in content and 'aria-invalid="true"' in content
    blank = get_form(client, municipality).content.decode()
    assert "Een moestuin in het park" not in blank and 'aria-invalid="true"' not in blank
