"""A line break in a one-line field never reaches a mail header, and a failing mail never turns a
saved action into an error page (issue #19, finding 4)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.core.dates import local_date
from burgeridee.core.mail import mail_send, subject_line
from burgeridee.handovers.models import Handover
from burgeridee.municipalities.models import Department
from burgeridee.testing.helpers import idea_form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["title", "name", "location"])
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r", "\u2028"])
def test_one_line_fields_refuse_a_line_break_and_keep_the_text(client, municipality, field, line_break):
    typed = f"Eerste regel{line_break}Subject: ingevoegd"
    response = client.post(
        reverse("initiatives:idea_form", kwargs={"municipality_slug": "voorbeeld"}),
        idea_form_data(municipality, **{field: typed}),
    )
    page = response.content.decode()
    assert response.status_code == 400  # the form again, with an error summary
    assert "Typ dit op één regel, zonder Enter." in page
    assert "Subject: ingevoegd" in page  # what was typed is still there to correct
    assert not mail.outbox


def test_a_title_with_a_line_break_still_reaches_the_department(
    municipality, submit_idea, django_capture_on_commit_callbacks
):
    """Ideas that came in before this check (or by another route) may hold one: the subject folds it."""
    department = Department.objects.create(
        municipality=municipality, name="Vergunningen", email="vergunningen@voorbeeld.example"
    )
    initiative, _ = submit_idea(municipality, title="Straatfeest\nBcc: iedereen@example.org")
    contact = login_with_second_factor(StaffFactory(municipality=municipality, roles=[Role.CONTACT]))
    mail.outbox.clear()
    url = reverse("handovers:ask", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = contact.post(
            url,
            {
                "department": department.pk,
                "question": "Mag dit?",
                "context": "",
                "due_date": (local_date() + timedelta(days=10)).isoformat(),
            },
        )
    assert response.status_code == 302
    assert Handover.objects.filter(initiative=initiative).exists()
    assert len(mail.outbox) == 1
    assert "\n" not in mail.outbox[0].subject
    assert mail.outbox[0].to == ["vergunningen@voorbeeld.example"]


def test_a_mail_server_failure_keeps_the_saved_action(
    municipality, submit_idea, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.security.test_mail_safety.RefusingBackend"
    initiative, _ = submit_idea(municipality)
    contact = login_with_second_factor(StaffFactory(municipality=municipality, roles=[Role.CONTACT]))
    url = reverse("initiatives:staff_message_send", kwargs={"municipality_slug": "voorbeeld", "pk": initiative.pk})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = contact.post(url, {"bericht-body": "Wij bellen u volgende week."})
    assert callbacks  # the mail was really attempted
    assert response.status_code == 302
    assert initiative.messages.filter(body="Wij bellen u volgende week.").exists()


def test_the_subject_is_one_line(django_capture_on_commit_callbacks):
    assert subject_line("Straatfeest\r\nBcc: x@example.org\t  ok ") == "Straatfeest Bcc: x@example.org ok"
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        assert mail_send(subject="Nieuw\nidee", body="Tekst", to=["a@example.org"]) is True
    assert mail.outbox[-1].subject == "Nieuw idee"


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ValueError("Header values can't contain newlines")
