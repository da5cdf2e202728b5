"""The first conversation end to end: plan, prepare, hold it on a tablet, send the report, the resident
confirms one agreement and comments on another, the civil servant revises, the resident confirms."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from burgeridee.conversations import services as conversation_services
from burgeridee.conversations.constants import ReportStatus
from burgeridee.conversations.models import Conversation, Report
from burgeridee.initiatives.constants import SupportType

from .helpers import assert_accessible, login_as

# Pitfalls and the participation ladder come from the knowledge library; transactional tests flush it.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("library")]

TABLET = {"width": 1024, "height": 768}


@pytest.fixture
def idea(municipality, submit_idea):
    """Fatima's idea the conversation is about: (initiative, token)."""
    return submit_idea(
        municipality,
        title="Moestuin op het grasveld",
        description="Een moestuin voor de hele straat, met de kinderen van de school.",
        neighbourhood=municipality.neighbourhoods.get(name="Oosterpark"),
        location="Kastanjelaan",
        support_types=[SupportType.PUBLIC_SPACE, SupportType.MATERIALS],
    )


def staff_page(new_page, live_server, user, **kwargs):
    page = new_page(**kwargs)
    login_as(page, live_server, user)
    return page


def last_link(outbox) -> str:
    return re.search(r"http://\S+?(/voorbeeld/mijn-initiatief/\S+/gesprek/)", outbox[-1].body).group(1)


def test_plan_prepare_hold_report_confirm(live_server, new_page, municipality, contact, idea):
    initiative, token = idea
    base = f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/gesprek/"
    page = staff_page(new_page, live_server, contact)

    # 1. Plan: the place is suggested from the initiative; the resident gets an invitation.
    page.goto(base + "plannen/")
    assert page.input_value("#id_place") == "Kastanjelaan, Oosterpark"
    assert_accessible(page)
    page.click("main button[type=submit]")  # empty date and time: the error summary
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)
    day = timezone.localdate() + timedelta(days=6)
    page.fill("#id_day", day.isoformat())
    page.fill("#id_start", "19:30")
    page.fill("#id_place", "Buurthuis Oosterpark")
    page.fill("#id_participants", "Fatima en buurman Joost")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Het gesprek is gepland")
    assert_accessible(page)
    assert any(name == "uitnodiging.ics" for name, *_ in mail.outbox[-1].attachments)

    # 2. Prepare.
    page.goto(base + "voorbereiden/")
    assert "Liggen er kabels of leidingen?" in page.locator("main").inner_text()
    assert_accessible(page)

    # 3. The conversation, on a tablet. Fields save themselves.
    tablet = staff_page(new_page, live_server, contact, viewport=TABLET)
    tablet.goto(base)
    assert_accessible(tablet)
    assert tablet.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]  # no sideways scrolling
    tablet.fill("#id_cap_motivation", "Mijn kinderen spelen op dit grasveld.")
    tablet.wait_for_selector("[data-autosave-status]:has-text('Opgeslagen om')")
    conversation = Conversation.objects.get(initiative=initiative)
    conversation.refresh_from_db()
    assert conversation.captures["motivation"] == "Mijn kinderen spelen op dit grasveld."

    # The connection drops: nothing is lost; the tab closes; next time the notes come back and are saved.
    tablet.context.set_offline(True)
    tablet.fill("#id_cap_core_group", "Fatima (trekker), Joost (invaller)")
    tablet.wait_for_selector("[data-autosave-status]:has-text('Geen verbinding')")
    tablet.close()
    tablet.context.set_offline(False)
    tablet = tablet.context.new_page()
    tablet.goto(base)
    tablet.wait_for_selector("[data-autosave-status]:has-text('Opgeslagen om')")
    assert tablet.input_value("#id_cap_core_group") == "Fatima (trekker), Joost (invaller)"
    conversation.refresh_from_db()
    assert conversation.captures["core_group"] == "Fatima (trekker), Joost (invaller)"

    tablet.check("#id_municipal_roles_1")  # faciliteren
    tablet.check("#id_municipal_roles_4")  # reguleren
    tablet.fill("#id_agreement_0_what", "Kabels en leidingen nagaan")
    tablet.fill("#id_agreement_0_who", "Gemeente (Karim)")
    tablet.fill("#id_agreement_0_due", (timezone.localdate() + timedelta(days=10)).isoformat())
    tablet.fill("#id_agreement_1_what", "Handtekeningen van de buren verzamelen")
    tablet.fill("#id_agreement_1_who", "Fatima")
    tablet.fill("#id_cap_summary", "Fatima wil met de buren een moestuin op het grasveld.")
    tablet.fill("#id_cap_next_step", "De gemeente zoekt uit of er kabels liggen.")
    tablet.fill("#id_callback_date", (timezone.localdate() + timedelta(days=14)).isoformat())
    tablet.check("#id_checked_0")
    tablet.wait_for_selector("[data-autosave-status]:has-text('Opgeslagen om')")
    assert_accessible(tablet)
    tablet.click("button[name=finish]")

    # 4. The report, made from the notes; sent to the resident.
    tablet.wait_for_url("**/verslag/")
    assert tablet.input_value("#id_agreement_1_what") == "Handtekeningen van de buren verzamelen"
    assert_accessible(tablet)
    tablet.click("button[name=send]")
    tablet.wait_for_selector("text=Het verslag is verstuurd")
    link = last_link(mail.outbox)

    # 5. The resident confirms one agreement and comments on the other.
    resident = new_page()
    resident.goto(live_server.url + link)
    assert_accessible(resident)
    report = Report.objects.get(conversation=conversation, version=1)
    first, second = report.agreements.all()
    resident.check(f"#id_response_{first.pk}_0")
    resident.check(f"#id_response_{second.pk}_1")
    resident.click("main button[type=submit]")
    resident.wait_for_selector("[data-error-summary]")  # 'not right' needs a word on what
    assert_accessible(resident)
    resident.fill(f"#id_note_{second.pk}", "Joost verzamelt de handtekeningen, niet ik.")
    resident.click("main button[type=submit]")
    resident.wait_for_selector("text=Uw contactpersoon past het verslag aan")
    assert_accessible(resident)
    report.refresh_from_db()
    assert report.status == ReportStatus.COMMENTED

    # 6. The civil servant revises: a new version.
    tablet.goto(base + "verslag/")
    assert "Joost verzamelt de handtekeningen, niet ik." in tablet.locator("main").inner_text()
    assert_accessible(tablet)
    tablet.click("button[name=new_version]")
    tablet.fill("#id_agreement_1_who", "Joost")
    tablet.click("button[name=send]")
    tablet.wait_for_selector("text=Het verslag is verstuurd")

    # 7. The resident confirms the new version, from their own status page.
    resident.goto(f"{live_server.url}/voorbeeld/mijn-initiatief/{token}/")
    assert "Het verslag van het gesprek is klaar" in resident.locator("main").inner_text()
    assert_accessible(resident)
    resident.click("text=Lees het verslag en reageer")
    v2 = Report.objects.get(conversation=conversation, version=2)
    for agreement in v2.agreements.all():
        resident.check(f"#id_response_{agreement.pk}_0")
    resident.click("main button[type=submit]")
    resident.wait_for_selector("text=U heeft het verslag bevestigd")
    assert_accessible(resident)
    v2.refresh_from_db()
    assert v2.status == ReportStatus.CONFIRMED
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUPERSEDED

    # After: follow-up and reflection pages.
    tablet.goto(base + "opvolging/")
    follow_up = tablet.locator("main").inner_text()
    # The callback is the report's appointment (deadlines), not a second item in the task list.
    assert "Bel terug op de afgesproken datum" not in follow_up
    assert "Plan een evaluatie" in follow_up
    assert "Terugbellen op de afgesproken datum: Termijnen en afspraken" in follow_up
    assert_accessible(tablet)
    tablet.goto(base + "reflectie/")
    assert_accessible(tablet)
    tablet.check("#id_facilitation_0")
    tablet.click("main button[type=submit]")
    tablet.wait_for_selector("text=Uw reflectie is bewaard")


def test_coordinator_edits_the_model_by_keyboard_and_pages_are_accessible(live_server, new_page, coordinator):
    page = staff_page(new_page, live_server, coordinator)
    url = f"{live_server.url}/werkplek/voorbeeld/gespreksmodel/"
    page.goto(url)
    assert_accessible(page)
    page.click("text=Aanpassen (begin een concept)")
    page.wait_for_selector("text=U werkt nu in een concept")
    assert_accessible(page)
    # Move 'Mensen en draagvlak' up, without JavaScript-only controls: a real button.
    page.click("button:has-text('Omhoog'):has(span:text-is(': Mensen en draagvlak'))")
    page.wait_for_load_state()
    page.click("a:has(span:text-is(': Kennismaken'))")
    assert_accessible(page)
    page.fill("#id_title", "Kennismaken en koffie")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=De fase is aangepast")
    page.click("button:has-text('Publiceer als nieuwe versie')")
    page.wait_for_selector("text=Versie 2 is gepubliceerd")
    headings = page.locator("main h3").all_inner_texts()
    assert headings[:3] == ["Kennismaken en koffie", "Mensen en draagvlak", "Het idee verkennen"]


AUTOSAVE_TEXTS = {
    "nl": {
        "ready": "Wat u invult, wordt vanzelf opgeslagen.",
        "saved": "Opgeslagen om",
        "invalid": "Niet opgeslagen: Vul een datum in. Druk op Opslaan om het te zien.",
        "retry": "Niet opgeslagen. Uw tekst blijft op dit apparaat bewaard",
        "offline": "Geen verbinding. Uw tekst blijft op dit apparaat bewaard",
    },
    "en": {
        "ready": "What you enter is saved automatically.",
        "saved": "Saved at",
        "invalid": "Not saved: Vul een datum in. Press Save to see it.",
        "retry": "Not saved. Your text is kept on this device",
        "offline": "No connection. Your text is kept on this device",
    },
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_autosave_status_speaks_the_chosen_language(live_server, new_page, municipality, contact, idea, language):
    initiative, _ = idea
    conversation_services.conversation_plan(
        initiative=initiative,
        starts_at=timezone.now() + timedelta(days=7),
        place="Buurthuis Oosterpark",
        participants="Fatima",
        actor=contact,
    )
    texts = AUTOSAVE_TEXTS[language]
    tablet = staff_page(new_page, live_server, contact, viewport=TABLET)
    tablet.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    tablet.goto(f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/gesprek/")
    status = tablet.locator("[data-autosave-status]")
    assert status.inner_text() == texts["ready"]
    assert_accessible(tablet)

    tablet.fill("#id_cap_motivation", "Mijn kinderen spelen op dit grasveld.")
    tablet.wait_for_selector(f"[data-autosave-status]:has-text('{texts['saved']}')")

    # The server refuses a value: its message is put into the translated sentence.
    refusal = '{"saved": false, "errors": {"callback_date": ["Vul een datum in."]}}'
    tablet.route("**/gesprek/opslaan/", lambda route: route.fulfill(status=400, body=refusal))
    tablet.fill("#id_cap_support", "Twintig handtekeningen")
    tablet.wait_for_selector(f"[data-autosave-status]:has-text('{texts['invalid']}')")
    # The server is down for a moment.
    tablet.unroute("**/gesprek/opslaan/")
    tablet.route("**/gesprek/opslaan/", lambda route: route.fulfill(status=503, body="{}"))
    tablet.fill("#id_cap_support", "Dertig handtekeningen")
    tablet.wait_for_selector(f"[data-autosave-status]:has-text('{texts['retry']}')")
    tablet.unroute("**/gesprek/opslaan/")
    # No connection at all.
    tablet.context.set_offline(True)
    tablet.fill("#id_cap_core_group", "Fatima en Joost")
    tablet.wait_for_selector(f"[data-autosave-status]:has-text('{texts['offline']}')")
    tablet.close()  # still offline: no save starts while the test database is torn down
