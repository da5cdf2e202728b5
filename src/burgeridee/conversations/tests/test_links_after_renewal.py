"""A renewed status link ends every link made under the old one (issue #19, finding 3).

Before: after staff renewed a resident's link, the conversation page from the invitation mail, its
report confirmation and its .ics still answered 200, and inherited the fresh expiry.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from burgeridee.conversations import services
from burgeridee.initiatives.services import initiative_status_token_renew

pytestmark = pytest.mark.django_db


def test_renewing_the_status_link_ends_the_conversation_links(client, planned, contact):
    initiative, old_token, conversation = planned
    mailed = re.search(r"http://\S+(/voorbeeld/mijn-initiatief/\S+/gesprek/)", mail.outbox[-1].body).group(1)
    pages = [mailed, mailed + "uitnodiging.ics"]
    assert [client.get(page).status_code for page in pages] == [200, 200]

    new_token = initiative_status_token_renew(initiative=initiative, actor=contact)

    assert [client.get(page).status_code for page in pages] == [404, 404]
    assert client.post(mailed, {"comment": "Klopt"}).status_code == 404
    assert client.get(f"/voorbeeld/mijn-initiatief/{old_token}/gesprek/").status_code == 404
    # The resident's new link opens the conversation, and links made from now on work.
    assert client.get(f"/voorbeeld/mijn-initiatief/{new_token}/gesprek/").status_code == 200
    fresh = urlsplit(services.resident_link_make(conversation=conversation, purpose="test")).path
    assert client.get(fresh).status_code == 200
