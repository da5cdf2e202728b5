"""The functional administrator chooses which version of the right to challenge's conversation model new first
conversations use, in Inrichting, like the ordinary model's; the choice is a ConfigurationChange naming the variant."""

from burgeridee.accounts.constants import Role
from burgeridee.challenges.constants import CONVERSATION_VARIANT
from burgeridee.challenges.tests.test_conversation_variant import VARIANT, _edit_and_publish_the_variant
from burgeridee.conversations.constants import ModelStatus
from burgeridee.conversations.models import ConversationModel
from burgeridee.conversations.services import conversation_model_ensure_default

from ..models import ConfigurationChange


def test_administrator_chooses_the_variant_version_audited(municipality, staff_client_factory):
    _edit_and_publish_the_variant(staff_client_factory(municipality, Role.COORDINATOR), municipality)
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    url = "/werkplek/voorbeeld/beheer/gespreksmodel/"
    settings = admin.get("/werkplek/voorbeeld/uitdaagrecht/instellingen/").content.decode()
    assert f'href="{url}{VARIANT}"' in settings  # the way there from the right to challenge's settings
    page = admin.get(url + VARIANT).content.decode()
    assert "Versie van het gespreksmodel: Uitdaagrecht" in page and "versie 2" in page
    version_1 = ConversationModel.objects.get(
        municipality=municipality, variant=CONVERSATION_VARIANT, version=1, status=ModelStatus.PUBLISHED
    )
    response = admin.post(url, {"variant": CONVERSATION_VARIANT, "model": version_1.pk})
    assert response.status_code == 302 and response["Location"] == url + VARIANT
    assert conversation_model_ensure_default(municipality=municipality, variant=CONVERSATION_VARIANT) == version_1
    change = ConfigurationChange.objects.get(municipality=municipality, activity="conversation_model_choose")
    assert "Uitdaagrecht" in change.summary and change.after == {"version": 1, "variant": CONVERSATION_VARIANT}
    # A version of the ordinary model is not offered for the variant, and the reverse.
    ordinary = conversation_model_ensure_default(municipality=municipality)
    assert admin.post(url, {"variant": CONVERSATION_VARIANT, "model": ordinary.pk}).status_code == 400
    assert admin.get(url + "?variant=bestaat-niet").status_code == 404
