"""The conversation screen drawn by Jinja2 (screen_html.py) and its model kept per published version.

The Jinja2 part must draw exactly what Django's templates and widgets draw (compared control by control and part
by part, in Dutch and English, with typed values, quotes and errors); the outline of a model version is kept per
process but never shows a draft's old text, another version's or another municipality's.
"""

from datetime import timedelta

import pytest
from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from burgeridee.accounts.constants import Role
from burgeridee.conversations import selectors, services
from burgeridee.conversations.constants import Moment
from burgeridee.conversations.screen_html import (
    _OPTION_TEMPLATES,
    _PLAIN_TEMPLATES,
    _TEMPLATES,
    _agreement_rows,
    _choice_group,
    _field,
    option_html,
    texts,
    widget_html,
)
from burgeridee.conversations.views.screen import _conversation_form
from burgeridee.core.jinja import environment
from burgeridee.knowledge.selectors import participation_ladder

from .helpers import base, next_weekday_at

pytestmark = pytest.mark.django_db

TRICKY = "Fatima's \"moestuin\" <b>&amp;</b> > 3 & 'x'\nregel 2"


def _forms(municipality, conversation):
    """The screen's form as a visit shows it (typed values with quotes and markup), as a post with errors shows
    it, and as finishing without the day shows it."""
    due = timezone.localdate() + timedelta(days=14)
    services.conversation_save(
        conversation=conversation,
        captures={"motivation": TRICKY, "core_group": "Joost 'invaller'", "summary": "<script>x</script>"},
        phase_notes={"kennismaken": TRICKY},
        municipal_roles=["faciliteren", "reguleren"],
        checked_items=["tijdens-1", "tijdens-4"],
        callback_date=due,
        rating=4,
        agreements=[
            {"what": TRICKY[:200], "who": 'Gemeente "Karim"', "due": due},
            {"what": "", "who": "", "due": None},
        ],
    )
    conversation.refresh_from_db()
    ladder = participation_ladder(municipality=municipality)
    shown = _conversation_form(conversation, ladder, ask_held_on=True)
    posted_data = {
        "cap_motivation": TRICKY,
        "callback_date": "volgende week",
        "agreement_1_due": "morgen",
        "agreement_2_what": "x" * 301,
        "agreement_2_who": "",
        "held_on": "gisteren",
        "rating": "9",
        "municipal_roles": ["bestaat-niet"],
        "checked": ["nee"],
    }
    posted = _conversation_form(conversation, ladder, posted_data, names=posted_data.keys(), ask_held_on=True)
    assert not posted.is_valid()
    finishing = _conversation_form(conversation, ladder, {"held_on": "", "finish": "1"}, ask_held_on=True)
    assert finishing.is_valid()
    finishing.require_held_on()
    return [shown, posted, finishing]


def _is_group(bound) -> bool:
    return isinstance(bound.field.widget, forms.RadioSelect)  # CheckboxSelectMultiple is one too


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_control_is_drawn_as_django_draws_it(municipality, planned, language):
    _, _, conversation = planned
    drawn_here = 0
    with translation.override(language):
        for form in _forms(municipality, conversation):
            form.errors  # noqa: B018 - as the view: cleaning first links errors to the controls
            for name in form.fields:
                bound = form[name]
                if _is_group(bound):
                    for option in bound:
                        assert option_html(option) == option.tag(), name
                        drawn_here += option.data["template_name"] in _OPTION_TEMPLATES
                else:
                    assert widget_html(bound) == str(bound), name
                    drawn_here += bound.field.widget.template_name in _PLAIN_TEMPLATES
    # Every control of the screen is drawn here, none handed back to Django: text areas, text and date inputs and
    # the options of the groups, 60 or more per form.
    assert drawn_here >= 3 * 60


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_page_parts_are_the_django_components_markup(municipality, planned, language):
    _, _, conversation = planned
    macros = environment(_TEMPLATES).get_template("conversations/_screen_macros.jinja").module
    with translation.override(language):
        text = texts()
        for form in _forms(municipality, conversation):
            form.errors  # noqa: B018
            for name in form.fields:
                bound = form[name]
                if _is_group(bound):
                    expected = render_to_string("components/choice_group.html", {"field": bound})
                    assert str(macros.choice_group(_choice_group(bound), text)) == expected, name
                else:
                    expected = render_to_string("components/field.html", {"field": bound})
                    assert str(macros.field(_field(bound), text)) == expected, name
            rows = form.agreement_rows()
            expected = render_to_string("conversations/_agreement_rows.html", {"rows": rows})
            assert str(macros.agreement_rows(_agreement_rows(rows), text)) == expected


def test_the_screen_shows_errors_and_typed_text_escaped(contact_client, municipality, planned):
    initiative, _, _ = planned
    response = contact_client.post(
        base(municipality, initiative),
        {"cap_motivation": TRICKY, "agreement_0_due": "morgen", "agreement_0_what": "<i>"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    typed = "Fatima&#39;s &#34;moestuin&#34; &lt;b&gt;&amp;amp;&lt;/b&gt; &gt; 3 &amp; &#39;x&#39;\nregel 2</textarea>"
    assert typed in page
    assert 'value="&lt;i&gt;"' in page and "<i>" not in page
    assert 'id="id_agreement_0_due_error">Vul een datum in, zoals 2026-12-01.</div>' in page
    assert 'aria-invalid="true"' in page


def test_a_published_versions_outline_is_read_once(municipality, django_assert_num_queries):
    model = services.conversation_model_ensure_default(municipality=municipality)
    outline = selectors.model_outline(model=model)
    with django_assert_num_queries(0):
        assert selectors.model_outline(model=model) == outline
    assert [phase.title for phase in outline.phases] == [phase.title for phase in selectors.phases_active(model=model)]
    assert outline.during == tuple(
        (item.key, item.text) for item in selectors.checklist(model=model, moment=Moment.DURING)
    )


def _reword_first_phase(draft, title: str) -> None:
    phase = draft.phases.get(key="kennismaken")
    services.phase_update(
        phase=phase,
        title=title,
        purpose=phase.purpose,
        guiding_questions="Wat brengt u hier?",
        pitfall_reminder=phase.pitfall_reminder,
        pitfall_ids=list(phase.pitfall_ids),
        is_active=True,
    )


def test_a_draft_is_read_afresh_and_a_new_version_is_shown_to_new_conversations(
    contact_client, municipality, planned, submit_idea, django_assert_num_queries
):
    initiative, _, _ = planned
    before = contact_client.get(base(municipality, initiative)).content.decode()  # version 1 is now kept
    assert "1. Kennismaken</h2>" in before
    draft = services.conversation_model_draft_get_or_create(municipality=municipality)
    assert selectors.model_outline(model=draft).phases[0].title == "Kennismaken"
    _reword_first_phase(draft, "Kennismaken en koffie")
    item = draft.checklist_items.get(key="tijdens-1")
    services.checklist_item_update(item=item, text="Vraag wat de bewoner drinkt.", is_active=True)
    with django_assert_num_queries(2):  # a draft is never kept: it can still change
        outline = selectors.model_outline(model=draft)
    assert outline.phases[0].title == "Kennismaken en koffie"
    assert ("tijdens-1", "Vraag wat de bewoner drinkt.") in outline.during
    services.conversation_model_publish(model=draft, actor=None)

    # The conversation held with version 1 keeps it; a conversation planned now has version 2 (the same row as the
    # draft was, now published: a new key).
    kept = contact_client.get(base(municipality, initiative)).content.decode()
    assert "1. Kennismaken</h2>" in kept and "koffie" not in kept and "Vraag wat de bewoner drinkt." not in kept
    second, _ = submit_idea(municipality, title="Bankje")
    services.conversation_plan(initiative=second, starts_at=next_weekday_at(11), place="Bij de bank")
    new = contact_client.get(base(municipality, second)).content.decode()
    assert "1. Kennismaken en koffie</h2>" in new and "Wat brengt u hier?" in new
    assert "Vraag wat de bewoner drinkt." in new


def test_two_municipalities_never_see_each_others_model(
    contact_client, municipality, other_municipality, planned, submit_idea, staff_client_factory
):
    initiative, _, _ = planned
    draft = services.conversation_model_draft_get_or_create(municipality=other_municipality)
    _reword_first_phase(draft, "Welkom in Anders")
    services.conversation_model_publish(model=draft, actor=None)
    theirs, _ = submit_idea(other_municipality)
    services.conversation_plan(initiative=theirs, starts_at=next_weekday_at(11), place="Dorpshuis")
    their_client = staff_client_factory(other_municipality, Role.CONTACT)

    ours = contact_client.get(base(municipality, initiative)).content.decode()
    their_page = their_client.get(base(other_municipality, theirs)).content.decode()
    ours_again = contact_client.get(base(municipality, initiative)).content.decode()
    assert "1. Welkom in Anders</h2>" in their_page
    assert "/werkplek/anders/kennisbank/" in their_page and "/werkplek/voorbeeld/" not in their_page
    for page in (ours, ours_again):
        assert "Welkom in Anders" not in page and "1. Kennismaken</h2>" in page
        assert "/werkplek/voorbeeld/kennisbank/" in page and "/werkplek/anders/" not in page
    # Neither can open the other's screen.
    assert their_client.get(base(other_municipality, initiative)).status_code == 404


def test_the_screen_follows_the_language_once_the_model_is_kept(contact_client, municipality, planned):
    initiative, _, _ = planned
    dutch = contact_client.get(base(municipality, initiative)).content.decode()
    assert "<strong>Doel:</strong>" in dutch and "Aantekeningen bij Kennismaken" in dutch
    assert "Afspraak 1: wat" in dutch and "Gepland op " in dutch
    contact_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = contact_client.get(base(municipality, initiative)).content.decode()
    assert "<strong>Purpose:</strong>" in english and "Notes on Kennismaken" in english
    assert "Agreement 1: what" in english and "Checklist during the conversation" in english
    assert "Scheduled for " in english
    assert "Aantekeningen bij" not in english and "<strong>Doel:</strong>" not in english
    del contact_client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert "<strong>Doel:</strong>" in contact_client.get(base(municipality, initiative)).content.decode()
