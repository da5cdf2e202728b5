"""Agreements end to end, seen by both sides: the resident disputes one on a phone, the contact person is told
(mail and inbox marker), revises, the resident confirms, the contact person marks one done and drops the other
with a reason (by keyboard), the initiative ends; at every step both read the true state. axe-core on every page.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from burgeridee.conversations import selectors, services
from burgeridee.conversations.constants import AgreementStatus
from burgeridee.conversations.models import Report
from burgeridee.conversations.tests.helpers import next_weekday_at
from burgeridee.initiatives import services as initiative_services
from burgeridee.initiatives.constants import Phase, StopReason
from burgeridee.initiatives.models import Initiative

from .helpers import assert_accessible, login_as, tab_to

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("library")]

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}
SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/burgeridee-e2e-agreements"))


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def fits(page, viewport):
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], page.url


@pytest.fixture
def report_with_two_agreements(municipality, submit_idea, contact):
    """Karim's initiative: the conversation held three days ago, its report with two agreements sent."""
    initiative, token = submit_idea(municipality, now=timezone.now() - timedelta(days=10))
    Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
    conversation = services.conversation_plan(
        initiative=initiative, starts_at=next_weekday_at(19, days=-3), place="Buurthuis", actor=contact
    )
    services.conversation_mark_held(
        conversation=conversation, actor=contact, held_on=timezone.localdate() - timedelta(days=3)
    )
    report = selectors.report_latest(conversation=conversation)
    services.report_update(
        report=report,
        summary="Fatima wil met de buren een moestuin op het grasveld.",
        next_step="De gemeente zoekt uit of er kabels liggen.",
        callback_date=timezone.localdate() + timedelta(days=14),
        municipal_roles=["faciliteren"],
        initiator_role="",
        agreements=[
            services.AgreementData(
                what="Kabels en leidingen nagaan",
                who="Gemeente (Karim)",
                due_date=timezone.localdate() + timedelta(days=10),
            ),
            services.AgreementData(what="Handtekeningen van de buren verzamelen", who="Fatima"),
        ],
    )
    services.report_send(report=report, actor=contact)
    return initiative, token, conversation


def test_agreements_seen_by_staff_and_resident(
    live_server, new_page, municipality, contact, coordinator, report_with_two_agreements
):
    initiative, token, conversation = report_with_two_agreements
    status_url = f"{live_server.url}/voorbeeld/mijn-initiatief/{token}/"
    base = f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/"

    # 1. On a phone, the resident reads the report: both agreements wait for them; they dispute one.
    resident = new_page(viewport=PHONE)
    resident.goto(status_url)
    main = resident.locator("main")
    assert main.inner_text().count("Wacht op uw reactie") == 2
    assert_accessible(resident)
    fits(resident, PHONE)
    resident.click("text=Lees het verslag en reageer")
    assert "Gesprek gehouden op" in resident.locator("main").inner_text()
    report = Report.objects.get(conversation=conversation)
    cables, signatures = report.agreements.all()
    resident.check(f"#id_response_{cables.pk}_0")
    resident.check(f"#id_response_{signatures.pk}_1")
    resident.fill(f"#id_note_{signatures.pk}", "Joost verzamelt de handtekeningen, niet ik.")
    mail.outbox.clear()
    resident.click("main button[type=submit]")
    resident.wait_for_selector("text=Uw contactpersoon past het verslag aan")
    text = resident.locator("main").inner_text()
    assert "Klopt niet volgens u" in text and "U heeft dit bevestigd" in text
    assert "Hier wordt aan gewerkt" not in text
    assert_accessible(resident)
    fits(resident, PHONE)
    shot(resident, "1-resident-disputed-390")

    # 2. Karim is told: a mail, and a marker in the inbox until he has read the comments.
    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert "Verslag betwist" in mail.outbox[0].subject
    staff = new_page(viewport=DESK)
    login_as(staff, live_server, contact)
    staff.goto(f"{live_server.url}/werkplek/voorbeeld/?tab=mijn")
    row = staff.locator(f"tr[data-initiative='{initiative.pk}']")
    assert "Verslag betwist" in row.inner_text()
    assert_accessible(staff)
    shot(staff, "2-inbox-marker-1280")
    row.locator("a:has-text('Verslag betwist')").click()
    staff.wait_for_url("**/verslag/")
    assert "Joost verzamelt de handtekeningen, niet ik." in staff.locator("main").inner_text()
    assert_accessible(staff)
    staff.click("button[name=seen]")
    staff.wait_for_selector("text=De inbox meldt deze opmerkingen niet meer")
    staff.goto(f"{live_server.url}/werkplek/voorbeeld/?tab=mijn")
    assert "Verslag betwist" not in staff.locator(f"tr[data-initiative='{initiative.pk}']").inner_text()

    # 3. Karim revises; the resident confirms: both agreements now run.
    staff.goto(base + "gesprek/verslag/")
    staff.click("button[name=new_version]")
    staff.fill("#id_agreement_1_who", "Joost")
    staff.click("button[name=send]")
    staff.wait_for_selector("text=Het verslag is verstuurd")
    resident.goto(status_url + "gesprek/")
    v2 = Report.objects.get(conversation=conversation, version=2)
    for agreement in v2.agreements.all():
        resident.check(f"#id_response_{agreement.pk}_0")
    resident.click("main button[type=submit]")
    resident.wait_for_selector("text=U heeft het verslag bevestigd")
    assert resident.locator("main").inner_text().count("Hier wordt aan gewerkt") == 2
    assert_accessible(resident)

    # 4. The initiative page: the agreements' states and the callback the report promised.
    staff.goto(base)
    main = staff.locator("main").inner_text()
    assert "Er zijn nog geen terugbelafspraken" not in main
    assert "Terugbellen" in main and "Loopt" in main
    assert_accessible(staff)

    # 5. Follow-up: one done; the other dropped, by keyboard, first without a reason.
    staff.click("text=Afspraken bijwerken: gedaan of vervallen")
    staff.wait_for_url("**/opvolging/**")
    cables2, signatures2 = v2.agreements.all()
    staff.click(f"#afspraak-{cables2.pk} button[value=done]")
    staff.wait_for_selector("text=Bijgewerkt.")
    tab_to(staff, f"#afspraak-{signatures2.pk} .bi-agreement__drop summary")
    staff.keyboard.press("Enter")
    tab_to(staff, f"#afspraak-{signatures2.pk} button[value=drop]")
    staff.keyboard.press("Enter")
    staff.wait_for_selector("[data-error-summary]")
    assert "Schrijf op waarom deze afspraak vervalt." in staff.locator("main").inner_text()
    assert_accessible(staff)
    staff.fill(f"#reden-{signatures2.pk}", "De buren tekenen al online.")
    tab_to(staff, f"#afspraak-{signatures2.pk} button[value=drop]")
    staff.keyboard.press("Enter")
    staff.wait_for_selector("text=Bijgewerkt.")
    main = staff.locator("main").inner_text()
    assert "Gedaan" in main and "Vervallen" in main and "De buren tekenen al online." in main
    assert "Karim" in main
    assert_accessible(staff)
    fits(staff, DESK)
    shot(staff, "3-follow-up-1280")
    phone_staff = new_page(viewport=PHONE)
    login_as(phone_staff, live_server, contact)
    phone_staff.goto(base + "gesprek/opvolging/")
    assert_accessible(phone_staff)
    fits(phone_staff, PHONE)
    shot(phone_staff, "4-follow-up-390")

    # 6. The resident reads the same: done, not going ahead and why; nothing "running" that is not.
    resident.goto(status_url)
    text = resident.locator("main").inner_text()
    assert "Gedaan" in text and "Gaat niet door" in text and "De buren tekenen al online." in text
    assert "Hier wordt aan gewerkt" not in text
    assert_accessible(resident)
    fits(resident, PHONE)
    shot(resident, "5-resident-done-dropped-390")

    # 7. The initiative ends: what was still open is closed with the reason, visible to the resident.
    services.agreement_transition(agreement=signatures2, to="open", actor=contact)
    signatures2.refresh_from_db()
    assert signatures2.status == AgreementStatus.RUNNING
    initiative_services.initiative_phase_change(
        initiative=initiative, to_phase=Phase.STOPPED, actor=coordinator, stop_reason=StopReason.FUNDING_ENDED
    )
    resident.goto(status_url)
    text = resident.locator("main").inner_text()
    assert "Het initiatief is gestopt." in text and "Hier wordt aan gewerkt" not in text
    assert_accessible(resident)
    shot(resident, "6-resident-closed-390")


def test_finishing_a_conversation_asks_the_real_day(live_server, new_page, municipality, contact, submit_idea):
    """Finishing before the planned day: the day is asked (today prefilled), a future day is refused."""
    initiative, _ = submit_idea(municipality, now=timezone.now() - timedelta(days=10))
    services.conversation_plan(initiative=initiative, starts_at=next_weekday_at(10), place="Buurthuis", actor=contact)
    page = new_page(viewport=PHONE)
    login_as(page, live_server, contact)
    page.goto(f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/gesprek/")
    assert page.input_value("#id_held_on") == timezone.localdate().isoformat()
    page.fill("#id_held_on", (timezone.localdate() + timedelta(days=1)).isoformat())
    page.click("button[name=finish]")
    page.wait_for_selector("[data-error-summary]")
    assert "Het gesprek kan niet in de toekomst zijn gehouden." in page.locator("main").inner_text()
    assert_accessible(page)
    fits(page, PHONE)
    page.locator("#afronden").screenshot(path=str(SHOTS / "0-finish-390.png"))
    page.fill("#id_held_on", (timezone.localdate() - timedelta(days=1)).isoformat())
    page.click("button[name=finish]")
    page.wait_for_url("**/verslag/")
    assert "Gesprek gehouden op" in page.locator("main").inner_text()
    assert_accessible(page)


# Every visible cell (and the caption) of the agreements table must be wider than its longest word (no word broken
# into pieces, no header squeezed to a letter a line) and hold its text (nothing spills over the next line), and the
# table must stay inside its container.
SQUEEZED_CELLS = """() => {
  const table = document.querySelector('.bi-agreement-table');
  const measure = document.createElement('canvas').getContext('2d');
  const squeezed = [];
  for (const cell of table.querySelectorAll('caption, th, td')) {
    const box = cell.getBoundingClientRect();
    const head = cell.closest('thead');
    if (head && head.getBoundingClientRect().height <= 1) continue;  // a visually hidden header
    const style = getComputedStyle(cell);
    measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const words = cell.innerText.split(/\\s+/).filter(Boolean);
    const longest = Math.max(0, ...words.map((word) => measure.measureText(word).width));
    if (longest > room + 1 || cell.scrollHeight > cell.clientHeight + 1) squeezed.push(cell.innerText);
  }
  const wrap = table.parentElement.getBoundingClientRect();
  if (table.getBoundingClientRect().right > wrap.right + 1) squeezed.push('table wider than its container');
  return squeezed;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["390px", "1280px"])
def test_the_agreements_table_reads_well_on_a_phone_and_a_desk(
    live_server, new_page, contact, report_with_two_agreements, viewport
):
    """Found when tried: at 390 px the table's header ("Uiterlijk", "Reactie bewoner") wrapped letter by letter.
    On a phone each agreement is a stacked block of label and value; on a desk it stays a table."""
    initiative, token, _conversation = report_with_two_agreements
    resident = new_page(viewport=viewport)
    resident.goto(f"{live_server.url}/voorbeeld/mijn-initiatief/{token}/gesprek/")
    staff = new_page(viewport=viewport)
    login_as(staff, live_server, contact)
    staff.goto(f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/gesprek/verslag/")
    for name, page in (("resident", resident), ("staff", staff)):
        table = page.locator(".bi-agreement-table").first
        table.scroll_into_view_if_needed()
        shot(page, f"agreements-table-{name}-{viewport['width']}")
        assert page.evaluate(SQUEEZED_CELLS) == [], page.url
        fits(page, viewport)
        text = table.inner_text()
        assert "Kabels en leidingen nagaan" in text and "Gemeente (Karim)" in text
        header_shown = page.locator(".bi-agreement-table thead").bounding_box()["height"] > 1
        assert header_shown == (viewport is DESK)
        if viewport is PHONE:  # each value has its label beside it
            who = page.locator(".bi-agreement-table td[data-label='Wie']").first
            label = who.evaluate("cell => getComputedStyle(cell, '::before').content")
            assert "Wie" in label
        assert_accessible(page)
