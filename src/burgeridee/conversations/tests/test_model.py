"""The conversation model is data: per municipality, versioned, edited by a coordinator without code."""

import pytest

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.conversations import selectors, services
from burgeridee.conversations.constants import Moment
from burgeridee.conversations.models import ConversationModel

from .helpers import next_weekday_at

pytestmark = pytest.mark.django_db


def test_default_model_has_six_phases_and_the_checklist_in_dutch(municipality):
    model = services.conversation_model_ensure_default(municipality=municipality)
    assert model.version == 1 and not model.is_draft
    titles = [phase.title for phase in model.phases.all()]
    assert titles == [
        "Kennismaken",
        "Het idee verkennen",
        "Mensen en draagvlak",
        "Behoefte en mogelijkheden",
        "Rollen en afspraken",
        "Samenvatten en vervolg",
    ]
    first = model.phases.first()
    assert "Hoe bent u op dit idee gekomen?" in first.questions
    assert first.pitfall_ids == ["V5", "V6"]
    counts = {moment: len(selectors.checklist(model=model, moment=moment)) for moment in Moment}
    assert counts == {Moment.BEFORE: 8, Moment.DURING: 11, Moment.AFTER: 7}
    # Asking again gives the same version, not a second copy.
    assert services.conversation_model_ensure_default(municipality=municipality) == model


def test_a_published_version_never_changes(municipality):
    model = services.conversation_model_ensure_default(municipality=municipality)
    phase = model.phases.first()
    with pytest.raises(services.NotEditable):
        services.phase_update(
            phase=phase,
            title="X",
            purpose="",
            guiding_questions="",
            pitfall_reminder="",
            pitfall_ids=[],
            is_active=True,
        )
    with pytest.raises(services.NotEditable):
        services.checklist_item_add(model=model, moment=Moment.BEFORE, text="Nieuw")


def test_editing_publishes_a_new_version_and_an_earlier_conversation_keeps_its_own(
    municipality, other_municipality, submit_idea, django_capture_on_commit_callbacks
):
    initiative, _ = submit_idea(municipality)
    conversation = services.conversation_plan(initiative=initiative, starts_at=next_weekday_at(10), place="Buurthuis")
    version_one = conversation.model
    other = services.conversation_model_ensure_default(municipality=other_municipality)

    draft = services.conversation_model_draft_get_or_create(municipality=municipality)
    phase = draft.phases.get(key="kennismaken")
    services.phase_update(
        phase=phase,
        title="Kennismaken en koffie",
        purpose=phase.purpose,
        guiding_questions="Wat brengt u hier?\nWat betekent de buurt voor u?",
        pitfall_reminder=phase.pitfall_reminder,
        pitfall_ids=["V5"],
        is_active=True,
    )
    item = draft.checklist_items.get(key="voor-8")
    services.checklist_item_update(item=item, text=item.text, is_active=False)
    added = services.checklist_item_add(model=draft, moment=Moment.BEFORE, text="Neem de kaart van de wijk mee.")
    services.item_move(item=added, up=True)
    published = services.conversation_model_publish(model=draft, actor=None)

    assert published.version == 2
    conversation.refresh_from_db()
    assert conversation.model == version_one
    assert conversation.model.phases.get(key="kennismaken").title == "Kennismaken"
    assert "Hoe bent u op dit idee gekomen?" in conversation.model.phases.get(key="kennismaken").questions
    assert services.conversation_model_ensure_default(municipality=municipality) == published
    before = [i.text for i in selectors.checklist(model=published, moment=Moment.BEFORE)]
    assert "Neem de gespreksleidraad mee, geen formulier." not in before  # switched off
    assert before[-1] == "Neem de kaart van de wijk mee."  # moved up past the switched-off item, last active
    # Another municipality is untouched.
    assert other.phases.get(key="kennismaken").title == "Kennismaken"
    assert ConversationModel.objects.filter(municipality=other_municipality, variant="").count() == 1

    # A new conversation uses version 2.
    second, _ = submit_idea(municipality, title="Bankje")
    planned = services.conversation_plan(initiative=second, starts_at=next_weekday_at(11), place="Bij de bank")
    assert planned.model.version == 2
    assert planned.model.phases.get(key="kennismaken").questions == [
        "Wat brengt u hier?",
        "Wat betekent de buurt voor u?",
    ]


def test_coordinator_edits_through_the_pages_without_javascript(client, municipality, coordinator):
    login_with_second_factor(coordinator, client)
    url = f"/werkplek/{municipality.slug}/gespreksmodel/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Kennismaken" in page.content.decode()
    client.post(url + "concept/")
    draft = selectors.conversation_model_draft(municipality=municipality)
    phase = draft.phases.get(key="mensen-draagvlak")

    response = client.post(url + f"fase/{phase.pk}/", {"title": "", "guiding_questions": "Wie doet mee?"})
    assert response.status_code == 400
    assert "Geef de fase een titel." in response.content.decode()
    assert "Wie doet mee?" in response.content.decode()  # typed text kept

    client.post(
        url + f"fase/{phase.pk}/",
        {"title": "Wie doen er mee", "guiding_questions": "Wie doet mee?", "pitfall_ids": ["V16"], "is_active": "on"},
    )
    client.post(url + "verplaats/", {"kind": "phase", "pk": phase.pk, "direction": "up"})
    client.post(url + "checklist/nieuw/", {"moment": "tijdens", "text": "Vraag naar de naam van de buurt-app."})
    client.post(url + "fase/nieuw/", {"title": "Rondleiding", "guiding_questions": "Waar is het precies?"})
    response = client.post(url + "publiceren/", follow=True)
    assert "Versie 2 is gepubliceerd" in response.content.decode()

    current = services.conversation_model_ensure_default(municipality=municipality)
    assert [p.title for p in current.phases.all()][:3] == ["Kennismaken", "Wie doen er mee", "Het idee verkennen"]
    assert [p.title for p in current.phases.all()][-1] == "Rondleiding"
    assert "Vraag naar de naam van de buurt-app." in [
        i.text for i in selectors.checklist(model=current, moment=Moment.DURING)
    ]


def test_only_coordinators_edit_and_only_their_own_municipality(client, municipality, other_municipality, contact):
    login_with_second_factor(contact, client)
    assert client.get(f"/werkplek/{municipality.slug}/gespreksmodel/").status_code == 403
    coordinator = StaffFactory(municipality=other_municipality, roles=[Role.COORDINATOR], username="olga")
    login_with_second_factor(coordinator, client)
    assert client.get(f"/werkplek/{municipality.slug}/gespreksmodel/").status_code == 404
    services.conversation_model_draft_get_or_create(municipality=municipality)
    phase = selectors.conversation_model_draft(municipality=municipality).phases.first()
    assert client.get(f"/werkplek/{other_municipality.slug}/gespreksmodel/fase/{phase.pk}/").status_code == 404
