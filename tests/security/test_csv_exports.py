"""No CSV the product writes can carry a live spreadsheet formula (issue #19, finding 2).

Before: the workshop export's participant column and the processing-log export's data-subject column
wrote typed text unescaped. Now every CSV goes through `core.csvexport`: a guard below fails when a
module writes CSV another way, and each export is fetched with formula text in every typed field.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.core.csvexport import csv_cell
from burgeridee.initiatives.services import InitiatorData
from burgeridee.knowledge.defaults import defaults_load
from burgeridee.municipalities.models import Neighbourhood
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity
from burgeridee.workshops import services as workshop_services
from burgeridee.workshops.constants import Module
from burgeridee.workshops.tests.helpers import go_to

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","Klik")'
SRC = Path(settings.BASE_DIR) / "src" / "burgeridee"


def cells(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return [cell for row in rows for cell in row]


def assert_no_live_formula(all_cells):
    live = [cell for cell in all_cells if cell.lstrip(" ")[:1] in ("=", "+", "-", "@")]
    assert live == [], live
    assert any(cell == "'" + FORMULA for cell in all_cells), "the typed text is there, as text"


def test_every_csv_is_written_by_the_safe_writer():
    """A guard for the class of bug: no module writes CSV except core/csvexport.py."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts or path.name == "csvexport.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"csv\.(writer|DictWriter)\(|text/csv", text):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        (FORMULA, "'" + FORMULA),
        ("+31 6 1234", "'+31 6 1234"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        (" =1+1", "' =1+1"),
        ("Gewoon", "Gewoon"),
        (-1, -1),
        (3.5, 3.5),
    ],
)
def test_cells(typed, shown):
    assert csv_cell(typed) == shown


def test_the_workshop_export(municipality):
    defaults_load()
    trainer = StaffFactory(municipality=municipality, roles=[Role.TRAINER])
    session = workshop_services.session_create(
        municipality=municipality, title="Oké", date=__import__("datetime").date(2026, 12, 3), created_by=trainer
    )
    workshop_services.session_open(session=session)
    participant = workshop_services.participant_join(session=session, display_name=FORMULA)
    go_to(session, Module.CASES)
    workshop_services.case_answers_submit(participant=participant, answers={1: FORMULA, 2: "-1", 3: ""})
    client = login_with_second_factor(trainer)
    assert_no_live_formula(cells(client.get(f"/werkplek/voorbeeld/workshops/{session.pk}/bijdragen.csv")))


def test_the_processing_log_export(municipality, submit_idea):
    initiative, _ = submit_idea(municipality, initiator=InitiatorData(name=FORMULA, email="klik@example.org"))
    client = login_with_second_factor(StaffFactory(municipality=municipality, roles=[Role.ADMINISTRATOR]))
    processing_record(
        municipality=municipality,
        actor=client.user,
        activity=Activity.INITIATIVE_READ,
        initiative=initiative,
        data_subject=initiative.primary_initiator,
    )
    response = client.post("/werkplek/voorbeeld/privacy/logboek-betrokkene.csv", {"person": "klik@example.org"})
    assert_no_live_formula(cells(response))


def test_the_insight_export(municipality, submit_idea):
    neighbourhood = Neighbourhood.objects.create(municipality=municipality, name=FORMULA)
    submit_idea(municipality, neighbourhood=neighbourhood)
    client = login_with_second_factor(StaffFactory(municipality=municipality, roles=[Role.COORDINATOR]))
    assert_no_live_formula(cells(client.get("/werkplek/voorbeeld/inzicht/export.csv")))
