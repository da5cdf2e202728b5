"""The municipality's public home page shows the way to the right to challenge only when the bylaw grants it."""

from ..models import ChallengeSettings

LINK = 'href="/voorbeeld/uitdaagrecht/"'


def test_home_page_links_to_the_right_to_challenge_when_granted(client, municipality, challenge_tasks):
    page = client.get("/voorbeeld/").content.decode()
    assert "Wilt u een taak van de gemeente overnemen?" in page
    assert LINK in page and "Lees hoe het uitdaagrecht werkt" in page


def test_home_page_has_no_link_without_the_right(client, municipality):
    page = client.get("/voorbeeld/").content.decode()
    assert LINK not in page and "uitdaagrecht" not in page.lower()


def test_home_page_link_goes_when_the_administrator_turns_the_right_off(client, municipality, challenge_tasks):
    ChallengeSettings.objects.filter(municipality=municipality).update(is_enabled=False)
    assert LINK not in client.get("/voorbeeld/").content.decode()


def test_the_challenge_route_comes_after_the_call_to_share_an_idea(client, municipality, challenge_tasks):
    # Most residents come to share an idea: the button for that comes first, the other route after it.
    page = client.get("/voorbeeld/").content.decode()
    assert page.index("Deel uw idee") < page.index("Wilt u een taak van de gemeente overnemen?")
