"""The resident's time line tells what really happened (issue #11): staff plan and hold the first conversation,
the resident confirms the report, and the status page follows; a second idea is closed as "geen initiatief"
and its status page shows only what happened and where the resident can go now. Each page is checked with
axe-core at a phone's width (390 px) and a desktop's (1280 px); screenshots go to $E2E_SCREENSHOTS if set."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from burgeridee.conversations.constants import ReportStatus
from burgeridee.conversations.models import Report
from burgeridee.initiatives.constants import ContactPreference, Delivery, Phase
from burgeridee.initiatives.models import Initiative, Message
from burgeridee.initiatives.services import InitiatorData

from .helpers import assert_accessible, login_as

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("library")]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = os.environ.get("E2E_SCREENSHOTS", "")


def steps_on(page) -> dict[str, str]:
    """Each time-line step's title and its state as a screen reader hears it ("gedaan", "nu bezig")."""
    titles = page.locator(".bi-timeline__title").all_inner_texts()
    states = {}
    for text in titles:
        match = re.match(r"(.*?)\s*\((gedaan|nu bezig|nog niet)\)\s*$", text.strip(), re.S)
        assert match, f"a step without its state: {text!r}"
        states[match.group(1).strip()] = match.group(2)
    return states


def look_at_both_widths(new_page, url: str, name: str) -> dict[str, str]:
    """Open `url` at 390 and 1280 px: accessible, no sideways scrolling; returns the steps (the same on both)."""
    seen = []
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport)
        page.goto(url)
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SCREENSHOTS}/{name}-{viewport['width']}.png", full_page=True)
        seen.append((steps_on(page), page.locator("main").inner_text()))
        page.close()
    assert seen[0][0] == seen[1][0]
    return seen[0]


def test_status_page_follows_the_conversation_and_a_closing(live_server, new_page, municipality, contact, submit_idea):
    initiative, token = submit_idea(municipality, title="Moestuin op het grasveld")
    status_url = f"{live_server.url}/voorbeeld/mijn-initiatief/{token}/"
    staff = new_page()
    login_as(staff, live_server, contact)
    base = f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/gesprek/"

    # Before anything: first contact promised by its date.
    steps, text = look_at_both_widths(new_page, status_url, "1-ontvangen")
    assert steps["Een contactpersoon neemt contact met u op"] == "nu bezig"
    assert "Uiterlijk" in text

    # Staff plan the conversation: the resident sees its date, time and place.
    day = timezone.localdate() + timedelta(days=6)
    staff.goto(base + "plannen/")
    staff.fill("#id_day", day.isoformat())
    staff.fill("#id_start", "19:30")
    staff.fill("#id_place", "Buurthuis Oosterpark")
    staff.click("main button[type=submit]")
    staff.wait_for_selector("text=Het gesprek is gepland")
    steps, text = look_at_both_widths(new_page, status_url, "2-gepland")
    assert steps["Het eerste gesprek"] in {"nu bezig", "nog niet"}
    assert "om 19:30 uur" in text and "Plek: Buurthuis Oosterpark" in text

    # Staff hold it and send the report; the resident confirms it from the status page.
    staff.goto(base)
    staff.check("#id_municipal_roles_1")
    staff.fill("#id_agreement_0_what", "Kabels en leidingen nagaan")
    staff.fill("#id_agreement_0_who", "Gemeente (Karim)")
    staff.fill("#id_cap_summary", "Fatima wil met de buren een moestuin op het grasveld.")
    staff.fill("#id_cap_next_step", "De gemeente zoekt uit of er kabels liggen.")
    staff.wait_for_selector("[data-autosave-status]:has-text('Opgeslagen om')")
    staff.click("button[name=finish]")
    staff.wait_for_url("**/verslag/")
    staff.click("button[name=send]")
    staff.wait_for_selector("text=Het verslag is verstuurd")
    steps, _text = look_at_both_widths(new_page, status_url, "3-verslag")
    assert steps["Het eerste gesprek"] == "gedaan"
    assert steps["Wij hebben u het verslag gestuurd"] == "gedaan"
    assert steps["Kloppen de afspraken?"] == "nu bezig"

    resident = new_page()
    resident.goto(status_url)
    resident.click("text=Lees het verslag en reageer")
    report = Report.objects.get(conversation__initiative=initiative)
    for agreement in report.agreements.all():
        resident.check(f"#id_response_{agreement.pk}_0")
    resident.click("main button[type=submit]")
    resident.wait_for_selector("text=U heeft het verslag bevestigd")
    assert Report.objects.get(pk=report.pk).status == ReportStatus.CONFIRMED

    steps, text = look_at_both_widths(new_page, status_url, "4-bevestigd")
    assert steps["Het eerste gesprek"] == "gedaan"
    assert steps["U heeft de afspraken bevestigd"] == "gedaan"
    assert "Afspraken op papier" not in steps
    assert "nu bezig" not in {steps["Het eerste gesprek"], steps["U heeft de afspraken bevestigd"]}
    states = list(steps.values())
    assert states == sorted(states, key=["gedaan", "nu bezig", "nog niet"].index)  # what happened comes first

    # A second idea, from a resident who wants post, is no initiative: staff close it and refer her on.
    other, other_token = submit_idea(
        municipality,
        title="Losliggende stoeptegel",
        initiator=InitiatorData(
            name="Henk de Vries",
            street_address="Dorpsstraat 1",
            postal_code="1234 AB",
            city="Voorbeeld",
            preferred_contact=ContactPreference.POST,
        ),
    )
    staff.goto(f"{live_server.url}/werkplek/voorbeeld/initiatieven/{other.pk}/")
    staff.select_option("#id_fase-to_phase", Phase.NOT_AN_INITIATIVE)
    staff.fill("#id_fase-note", "Meld de stoeptegel bij Fixi: www.voorbeeld.nl/melden, of bel 14 030.")
    staff.click("text=Fase wijzigen")
    staff.wait_for_selector("text=Er ligt een brief klaar om te printen")
    assert_accessible(staff)
    assert Initiative.objects.get(pk=other.pk).phase == Phase.NOT_AN_INITIATIVE
    letter = Message.objects.filter(initiative=other).last()
    assert letter.delivery == Delivery.LETTER and "Fixi" in letter.body

    steps, text = look_at_both_widths(
        new_page, f"{live_server.url}/voorbeeld/mijn-initiatief/{other_token}/", "5-doorverwezen"
    )
    assert list(steps) == ["Wij hebben uw idee ontvangen", "Wij hebben u doorverwezen"]
    assert set(steps.values()) == {"gedaan"}
    assert "Waar kunt u nu terecht?" in text and "Meld de stoeptegel bij Fixi" in text
    assert "Uiterlijk" not in text

    # The letter is printed and posted: staff say so, and the page stops asking.
    staff.click("text=Brief van")
    staff.click("text=De brief is geprint en verstuurd")
    staff.wait_for_selector("text=Vastgelegd: de brief is verstuurd.")
    assert "Er ligt een brief klaar om te printen" not in staff.locator("main").inner_text()
    assert_accessible(staff)
