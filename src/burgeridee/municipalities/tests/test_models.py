"""What a municipality may be: its theme and its address (slug)."""

import pytest
from django.core.exceptions import ValidationError

from burgeridee.municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def test_theme_refuses_values_that_could_escape_css(municipality):
    municipality.theme = {"--x": "red;} body{display:none"}
    with pytest.raises(ValidationError):
        municipality.full_clean()


@pytest.mark.parametrize("slug", ["werkplek", "doe-mee", "taal", "healthz", "static"])
def test_a_municipality_cannot_take_a_slug_the_application_uses(slug):
    with pytest.raises(ValidationError):
        Municipality(slug=slug, name="Gemeente X").full_clean()
