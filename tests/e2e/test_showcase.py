import pytest

from burgeridee.initiatives.models import Initiative

from .helpers import assert_accessible, login_as, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_prepares_and_resident_consents(live_server, new_page, municipality, submit_idea, contact):
    initiative, token = submit_idea(municipality, title="Geveltuinen")
    Initiative.objects.filter(pk=initiative.pk).update(phase="afgerond")
    staff = new_page()
    login_as(staff, live_server, contact)
    staff.goto(f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/etalage/")
    assert_accessible(staff)
    staff.fill("#id_achievement", "Twintig geveltuinen.")
    staff.click("main button[type=submit]")
    staff.wait_for_selector("text=Opgeslagen")
    assert_accessible(staff)

    resident = new_page()
    resident.goto(f"{live_server.url}/voorbeeld/mijn-initiatief/{token}/")
    assert_accessible(resident)
    tab_to(resident, "button[name=consent][value=ja]")
    resident.keyboard.press("Enter")
    resident.wait_for_selector("text=Uw initiatief staat nu op onze website")
    resident.goto(f"{live_server.url}/voorbeeld/initiatieven/")
    assert "Twintig geveltuinen." in resident.locator("main").inner_text()
    assert_accessible(resident)
