"""The staff roles' journeys for the manual, in the order the work happens (docs/manual/<role>.md), in each
language of the interface. Each page is checked with axe-core and saved as the manual's picture (shots.shoot)."""

import pytest
from django.urls import reverse
from django.utils import translation

from burgeridee.challenges.models import Challenge
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.models import Initiative
from burgeridee.training.models import CoachingTrajectory, Meeting, Proposal
from burgeridee.workshops.models import WorkshopSession
from burgeridee.workspace.help import manual_prefix

from .shots import shoot, shoot_element, shoot_plain, staff

pytestmark = pytest.mark.django_db(transaction=True)

SLUG = {"municipality_slug": "voorbeeld"}
# A workshop's join code is new on every run: the pictures show a fixed one, and cover its QR code.
QR_CODE = ("img.bi-qr",)


def url(live_server, name, **kwargs):
    return live_server.url + reverse(name, kwargs={**SLUG, **kwargs} if name not in NO_SLUG else kwargs)


NO_SLUG = {"accounts:login", "accounts:password_change", "accounts:second_factors"}


def initiative(title):
    return Initiative.objects.get(municipality__slug="voorbeeld", title=title).pk


def shown(text: str, language: str) -> str:
    """`text` (a Dutch msgid) as the interface shows it in `language`."""
    with translation.override(language):
        return translation.gettext(text)


def test_contact_person_journey(live_server, manual_page, demo_at_fixed_moment, language):
    page = manual_page()
    page.goto(url(live_server, "accounts:login"))
    page.fill("#id_username", "contact")
    shoot(page, "contactpersoon-inloggen")

    staff(page, live_server, "contact")
    page.goto(url(live_server, "workspace:inbox"))
    shoot(page, "contactpersoon-inbox")
    # "Hulp bij deze pagina" opens the manual (built by `make docs`, served with the static files) at the inbox,
    # in the language of the screens.
    with page.context.expect_page() as opened:
        page.get_by_role("link", name=shown("Hulp bij deze pagina", language)).click()
    manual = opened.value
    manual.wait_for_load_state()
    assert manual.url.endswith(f"/handleiding/{manual_prefix(language)}contactpersoon.html#inbox"), manual.url
    assert manual.locator("h2#inbox").is_visible(), "the manual is not built: run `make docs`"
    manual.close()

    new = initiative("Moestuin op het grasveld aan de Kastanjelaan")
    page.goto(url(live_server, "initiatives:staff_initiative", pk=new))
    shoot(page, "contactpersoon-initiatief", full_page=True)
    page.goto(url(live_server, "conversations:plan", pk=new))
    shoot(page, "contactpersoon-gesprek-plannen")

    planned = initiative("Zwerfafval prikken langs de gracht")
    page.goto(url(live_server, "conversations:prepare", pk=planned))
    shoot(page, "contactpersoon-gesprek-voorbereiden")
    page.goto(url(live_server, "handovers:ask", pk=planned))
    shoot(page, "contactpersoon-overdracht")

    held = initiative("Buurtfeest in de Rivierenbuurt")
    page.goto(url(live_server, "conversations:report", pk=held))
    shoot(page, "contactpersoon-verslag")
    page.goto(url(live_server, "conversations:follow_up", pk=held))
    shoot(page, "contactpersoon-opvolging")
    page.goto(url(live_server, "deadlines:follow_ups", pk=held))
    shoot(page, "contactpersoon-terugbellen")

    page.goto(url(live_server, "intake:form"))
    shoot(page, "contactpersoon-intake")
    page.goto(url(live_server, "knowledge:overview"))
    shoot(page, "contactpersoon-kennisbank")

    # The conversation itself, on a tablet.
    tablet = manual_page(viewport={"width": 1024, "height": 768})
    staff(tablet, live_server, "contact")
    tablet.goto(url(live_server, "conversations:screen", pk=planned))
    shoot(tablet, "contactpersoon-gesprek-voeren")


def test_coordinator_journey(live_server, manual_page, demo_at_fixed_moment):
    page = manual_page()
    staff(page, live_server, "coordinator")
    page.goto(url(live_server, "workspace:inbox") + "?tab=te-laat")
    shoot(page, "coordinator-te-laat")
    page.goto(url(live_server, "initiatives:staff_initiative", pk=initiative("Samen eten met oudere buurtbewoners")))
    shoot(page, "coordinator-verdelen", scroll_to="section[aria-labelledby=contactpersoon]")
    page.goto(url(live_server, "insights:dashboard"))
    shoot(page, "coordinator-inzicht")
    page.goto(url(live_server, "challenges:list"))
    shoot(page, "coordinator-uitdagingen")
    challenge = Challenge.objects.filter(municipality__slug="voorbeeld").order_by("pk").first()
    page.goto(url(live_server, "challenges:detail", pk=challenge.pk))
    shoot(page, "coordinator-uitdaging")
    page.goto(url(live_server, "privacy:overview"))
    shoot(page, "coordinator-privacy")
    page.goto(url(live_server, "conversations:model"))
    shoot(page, "coordinator-gespreksmodel")
    page.goto(url(live_server, "workspace:mail_stuck"))
    shoot(page, "coordinator-mail")
    page.goto(url(live_server, "administration:staff"))
    shoot(page, "coordinator-medewerkers")


def test_department_colleague_journey(live_server, manual_page, demo_at_fixed_moment):
    page = manual_page()
    staff(page, live_server, "afdeling")
    page.goto(url(live_server, "handovers:list"))
    shoot(page, "afdeling-vragen")
    open_question = Handover.objects.filter(answered_at__isnull=True, department__name="Vergunningen").first()
    page.goto(url(live_server, "handovers:detail", pk=open_question.pk))
    shoot(page, "afdeling-beantwoorden", full_page=True)


def test_trainer_journey(live_server, manual_page, demo_at_fixed_moment, language):
    page = manual_page()
    staff(page, live_server, "trainer")
    page.goto(url(live_server, "workshops:list"))
    shoot(page, "trainer-workshops")
    session = WorkshopSession.objects.filter(municipality__slug="voorbeeld").order_by("pk").first()
    page.goto(url(live_server, "workshops:detail", pk=session.pk))
    shown_code = {session.code: "K7M2QX"}
    shoot(page, "trainer-workshop", mask=QR_CODE, replace=shown_code)
    page.get_by_role("button", name=shown("Openen voor aanmelden", language)).click()
    page.wait_for_load_state("load")
    page.goto(url(live_server, "workshops:presenter", pk=session.pk))
    shoot(page, "trainer-presenteren", mask=QR_CODE, replace=shown_code)
    page.goto(url(live_server, "training:list"))
    shoot(page, "trainer-training-op-maat")
    proposal = Proposal.objects.order_by("pk").first()
    if proposal is not None:
        page.goto(url(live_server, "training:proposal", pk=proposal.pk))
        shoot(page, "trainer-voorstel")
    page.goto(url(live_server, "training:meetings"))
    shoot(page, "trainer-bijeenkomsten")
    meeting = Meeting.objects.order_by("pk").first()
    page.goto(url(live_server, "training:meeting", pk=meeting.pk))
    shoot(page, "trainer-bijeenkomst")
    page.goto(url(live_server, "training:coaching"))
    shoot(page, "trainer-coaching")
    trajectory = CoachingTrajectory.objects.order_by("pk").first()
    page.goto(url(live_server, "training:trajectory", pk=trajectory.pk))
    shoot(page, "trainer-coachtraject")
    page.goto(url(live_server, "training:effect"))
    shoot(page, "trainer-effect")


def test_functional_administrator_journey(live_server, manual_page, demo_at_fixed_moment):
    page = manual_page()
    staff(page, live_server, "beheer")
    for name, picture in [
        ("administration:overview", "beheer-inrichting"),
        ("administration:settings", "beheer-gemeente"),
        ("administration:theme", "beheer-thema"),
        ("administration:neighbourhoods", "beheer-wijken"),
        ("administration:departments", "beheer-afdelingen"),
        ("administration:staff", "beheer-medewerkers"),
        ("administration:staff_invite", "beheer-medewerker-uitnodigen"),
        ("administration:conversation_model", "beheer-gespreksmodel"),
        ("administration:retention", "beheer-bewaartermijnen"),
        ("administration:register", "beheer-verwerkingsregister"),
        ("administration:changes", "beheer-wijzigingen"),
        ("sso:settings", "beheer-werkaccount"),
        ("challenges:settings", "beheer-uitdaagrecht"),
        ("api:clients", "beheer-koppelingen"),
    ]:
        page.goto(url(live_server, name))
        shoot(page, picture)


def test_operator_sees_the_release(live_server, manual_page, demo_at_fixed_moment, language):
    page = manual_page(viewport={"width": 800, "height": 300})
    page.goto(f"{live_server.url}/healthz/ready")
    assert '"version": "0.1.0"' in page.content() or '"version":"0.1.0"' in page.content()
    shoot_plain(page, "technisch-ready")  # a JSON answer: the same in every language
    staff(page, live_server, "beheer")
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto(url(live_server, "administration:overview"))
    page.locator("footer").scroll_into_view_if_needed()
    footer = page.locator("footer").inner_text()
    assert shown("Burgeridee versie %(version)s", language) % {"version": "0.1.0"} in footer
    shoot_element(page, "technisch-versie", "footer")
