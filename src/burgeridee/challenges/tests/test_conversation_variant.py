"""The challenge variant of the conversation model is edited like the ordinary one: the coordinator works in a
draft and publishes it in the model editor, and a challenge's first conversation uses the edited variant. (The
functional administrator's choice of version, audited: administration/tests/test_conversation_variant.py.)"""

from datetime import timedelta

from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.conversations import selectors as conversation_selectors
from burgeridee.conversations.services import conversation_model_ensure_default, conversation_plan
from burgeridee.initiatives.services import initiative_assign_contact

from ..constants import CONVERSATION_VARIANT
from .test_route import _submit

EDITOR = "/werkplek/voorbeeld/gespreksmodel/"
VARIANT = f"?variant={CONVERSATION_VARIANT}"


def _edit_and_publish_the_variant(client, municipality):
    """Through the pages, as a coordinator: a draft of the variant, a phase renamed, an item added, published."""
    page = client.get(EDITOR + VARIANT).content.decode()
    assert "Gespreksmodel en checklist: Uitdaagrecht" in page and "Plan, kosten en kwaliteit" in page
    assert client.post(EDITOR + "concept/", {"variant": CONVERSATION_VARIANT}).status_code == 302
    draft = conversation_selectors.conversation_model_draft(municipality=municipality, variant=CONVERSATION_VARIANT)
    assert draft is not None and draft.variant == CONVERSATION_VARIANT
    assert conversation_selectors.conversation_model_draft(municipality=municipality) is None  # ordinary untouched
    phase = draft.phases.get(key="plan-kosten-kwaliteit")
    response = client.post(
        EDITOR + f"fase/{phase.pk}/",
        {"title": "Het plan: geld, kwaliteit en verzekering", "guiding_questions": "Kosten?", "is_active": "on"},
    )
    assert response.status_code == 302 and response["Location"] == EDITOR + VARIANT
    added = client.post(
        EDITOR + f"checklist/nieuw/?moment=tijdens&variant={CONVERSATION_VARIANT}",
        {"moment": "tijdens", "text": "Vraag naar de verzekering van de vrijwilligers."},
    )
    assert added.status_code == 302 and added["Location"] == EDITOR + VARIANT
    published = client.post(EDITOR + "publiceren/", {"variant": CONVERSATION_VARIANT}, follow=True)
    assert "Versie 2 is gepubliceerd" in published.content.decode()


def test_coordinator_edits_and_publishes_the_challenge_variant(municipality, staff_client_factory):
    coordinator = staff_client_factory(municipality, Role.COORDINATOR)
    assert "Uitdaagrecht" in coordinator.get(EDITOR).content.decode()  # the way to the variant
    _edit_and_publish_the_variant(coordinator, municipality)
    current = conversation_model_ensure_default(municipality=municipality, variant=CONVERSATION_VARIANT)
    assert current.version == 2
    assert current.phases.filter(title="Het plan: geld, kwaliteit en verzekering").exists()
    assert current.checklist_items.filter(text="Vraag naar de verzekering van de vrijwilligers.").exists()
    ordinary = conversation_model_ensure_default(municipality=municipality)
    assert ordinary.version == 1 and not ordinary.phases.filter(title__startswith="Het plan:").exists()
    assert coordinator.get(EDITOR + "?variant=bestaat-niet").status_code == 404


def test_a_challenges_conversation_screen_uses_the_edited_variant(
    municipality, challenge_tasks, contact, coordinator, staff_client_factory, initiative
):
    _edit_and_publish_the_variant(staff_client_factory(municipality, Role.COORDINATOR, user=coordinator), municipality)
    challenge = _submit(municipality, challenge_tasks["square"])
    screen = staff_client_factory(municipality, user=contact)
    for each in (challenge.initiative, initiative):
        initiative_assign_contact(initiative=each, contact=contact, actor=coordinator)
        conversation_plan(
            initiative=each, starts_at=timezone.now() + timedelta(days=2), place="Buurthuis", actor=contact
        )
    page = screen.get(f"/werkplek/voorbeeld/initiatieven/{challenge.initiative.pk}/gesprek/").content.decode()
    assert "Het plan: geld, kwaliteit en verzekering" in page
    ordinary = screen.get(f"/werkplek/voorbeeld/initiatieven/{initiative.pk}/gesprek/").content.decode()
    assert "Het plan: geld, kwaliteit en verzekering" not in ordinary and "Kennismaken" in ordinary
