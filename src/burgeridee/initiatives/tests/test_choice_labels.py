"""core.models.ChoiceLabelsMixin, through a model that uses it: labels follow the language of each request."""

from django.utils import translation

from burgeridee.initiatives.constants import Phase, SupportType
from burgeridee.initiatives.models import Initiative, SupportRequest


def test_choice_label_follows_the_language_of_each_request():
    initiative = Initiative(phase=Phase.EXPLORING)
    with translation.override("nl"):
        assert initiative.get_phase_display() == "Verkennen en kopgroep"
    with translation.override("en"):
        assert initiative.get_phase_display() == "Exploring and core group"
    with translation.override("nl"):
        assert initiative.get_phase_display() == "Verkennen en kopgroep"


def test_choice_label_of_every_value_and_an_unknown_value():
    for value, label in SupportType.choices:
        assert SupportRequest(support_type=value).get_support_type_display() == str(label)
    assert Initiative(phase="bestaat-niet").get_phase_display() == "bestaat-niet"
