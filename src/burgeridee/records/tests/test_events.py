"""Time-line events: kinds declared by their apps, checked on recording, rendered per audience.

These tests reach feature apps only through fixtures and stored strings, never by importing them:
records is the foundation and knows no feature app.
"""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings
from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, UnknownEventKind, event_label, event_types
from burgeridee.records.models import TimelineEvent
from burgeridee.records.services import event_record

pytestmark = pytest.mark.django_db

# Stored in existing rows: a key may never be renamed or dropped silently (its rows would lose their text).
KEYS_PER_APP = {
    "initiatives": [
        "ingediend",
        "bevestiging",
        "bericht_bewoner",
        "bericht_gemeente",
        "contactpersoon",
        "fase",
        "ingetrokken",
        "eerste_contact",
        "initiatiefnemer",
        "notitie",
        "bericht_gelezen",
        "statuslink_vernieuwd",
    ],
    "conversations": [
        "gesprek_gepland",
        "uitnodiging",
        "gesprek_gehouden",
        "verslag_verstuurd",
        "verslag_bevestigd",
        "verslag_opmerkingen",
        "verslag_herinnering",
        "afspraak_gedaan",
        "afspraak_vervallen",
    ],
    "handovers": ["overdracht_gevraagd", "overdracht_beantwoord"],
    "deadlines": ["terugbellen_gepland", "terugbellen_gedaan"],
    "evaluations": ["evaluatie_gevraagd", "evaluatie_ingevuld"],
    "showcase": ["etalage_voorgesteld", "etalage_toestemming", "etalage_ingetrokken"],
    "privacy": ["verwijderverzoek", "gegevens_verwijderd", "verwijderverzoek_geweigerd"],
    "challenges": [
        "uitdaging_ontvangen",
        "uitdaging_omgezet",
        "uitdaging_plan_compleet",
        "uitdaging_advies_gevraagd",
        "uitdaging_beoordeeld",
        "uitdaging_besluit",
        "uitdaging_overeenkomst",
        "uitdaging_geevalueerd",
    ],
}
INTERNAL = {
    "notitie",
    "bericht_gelezen",
    "statuslink_vernieuwd",
    "overdracht_gevraagd",
    "overdracht_beantwoord",
    "terugbellen_gepland",
    "terugbellen_gedaan",
    "uitdaging_advies_gevraagd",
}


def test_every_stored_key_is_still_registered_and_only_internal_kinds_lack_a_resident_text():
    keys = [key for app_keys in KEYS_PER_APP.values() for key in app_keys]
    assert sorted(event_types.keys()) == sorted(keys)
    assert {t.key for t in event_types if not t.concerns_resident} == INTERNAL


def test_an_unknown_kind_is_refused_with_a_clear_error(initiative):
    with pytest.raises(UnknownEventKind, match=r"No time-line event kind 'fase_gewijzigd' is registered"):
        event_record(initiative=initiative, kind="fase_gewijzigd")
    event = TimelineEvent(initiative=initiative, kind="fase_gewijzigd", created_at=initiative.submitted_at)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.error_dict["kind"][0].code == "unknown_event_kind"


def test_visibility_follows_the_kind_and_an_internal_kind_cannot_be_shown_to_the_resident(initiative):
    assert event_record(initiative=initiative, kind="eerste_contact").visible_to_resident is True
    assert event_record(initiative=initiative, kind="notitie").visible_to_resident is False
    hidden = event_record(initiative=initiative, kind="eerste_contact", visible_to_resident=False)
    assert hidden.visible_to_resident is False
    with pytest.raises(ValueError, match="no resident text"):
        event_record(initiative=initiative, kind="notitie", visible_to_resident=True)


def test_registering_another_type_under_a_taken_key_fails():
    with pytest.raises(ImproperlyConfigured, match="'fase' is already registered"):
        event_types.register(EventType("fase", _("Iets anders")))


def test_an_unregistered_kind_renders_as_its_escaped_key(initiative, contact):
    actor = contact
    event = TimelineEvent(initiative=initiative, kind="<oud>", actor=actor, created_at=initiative.submitted_at)
    assert event.render("staff") == "&lt;oud&gt; · Karim Contact"
    assert event.render("resident") == "&lt;oud&gt;"
    assert event_label("<oud>") == "<oud>"
    assert str(event).startswith("<oud> (")


# --- Adding a kind in one app ----------------------------------------------------------------------------
# What an app's events.py and templates would hold; here registered from this test module, with the
# templates in memory. Nothing else changes: no other app, no migration.

EXAMPLE_TEMPLATES = {
    "example/events/buurtfeest_gemeld_staff.html": "{# staff #}\n{{ label }}: {{ data.date }} bij {{ data.place }}\n",
    "example/events/buurtfeest_gemeld_resident.html": "{{ label }} ({{ data.date }})\n",
}


@pytest.fixture
def example_kind():
    templates = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [],
            "APP_DIRS": False,
            "OPTIONS": {
                "loaders": [
                    ("django.template.loaders.locmem.Loader", EXAMPLE_TEMPLATES),
                    "django.template.loaders.app_directories.Loader",
                ],
                "builtins": ["django.templatetags.i18n"],
            },
        }
    ]
    event_type = EventType(
        "buurtfeest_gemeld",
        "Buurtfeest gemeld",
        staff_template="example/events/buurtfeest_gemeld_staff.html",
        resident_template="example/events/buurtfeest_gemeld_resident.html",
    )
    with override_settings(TEMPLATES=templates):
        event_types.register(event_type)
        yield event_type
        event_types.unregister(event_type.key)


def test_a_new_kind_is_recorded_and_rendered_without_a_migration(example_kind, initiative, contact):
    actor = contact
    event = event_record(
        initiative=initiative,
        kind="buurtfeest_gemeld",
        actor=actor,
        data={"date": "21 juni", "place": "het plein"},
    )
    event = initiative.events.select_related("actor").get(pk=event.pk)
    event.full_clean()
    assert event.visible_to_resident is True
    assert event.render("staff") == "Buurtfeest gemeld: 21 juni bij het plein · Karim Contact"
    assert event.render("resident") == "Buurtfeest gemeld (21 juni)"
    page = Template('{% load timeline %}{% event_text event "staff" %}|{% event_text event "resident" %}')
    assert page.render(Context({"event": event})) == (
        "Buurtfeest gemeld: 21 juni bij het plein · Karim Contact|Buurtfeest gemeld (21 juni)"
    )
    # The kind column has no choices, so the models still match the migrations.
    assert not TimelineEvent._meta.get_field("kind").choices
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_label_only_kind_renders_what_its_label_template_renders(language, db):
    """Kinds that show only their label skip rendering records/events/label.html per event: the same text."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from burgeridee.records.events import AUDIENCES, LABEL_TEMPLATE, event_types
    from burgeridee.records.models import TimelineEvent

    checked = 0
    with translation.override(language):
        for event_type in event_types:
            for audience in AUDIENCES:
                if event_type.template_for(audience) != LABEL_TEMPLATE or event_type.context is not None:
                    continue
                event = TimelineEvent(kind=event_type.key, data={})
                expected = render_to_string(LABEL_TEMPLATE, {"label": event_type.label}).strip()
                assert event.render(audience) == expected
                checked += 1
    assert checked > 10
