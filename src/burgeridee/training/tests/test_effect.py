"""Does the learning change the work? The figures against hand-computed data, and the minimum group size."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.conversations.constants import ConversationStatus, ReportStatus
from burgeridee.conversations.models import Conversation, Report
from burgeridee.conversations.services import conversation_model_ensure_default
from burgeridee.evaluations.models import Evaluation
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.tests.factories import InitiativeFactory
from burgeridee.workshops.tests.factories import WorkshopSessionFactory

from ..effect import effect
from ..models import SelfAssessment, WorkshopParticipation
from ..services import followups_offer
from ..services import participation_opt_in as opt_in

pytestmark = pytest.mark.django_db
WORKSHOP_DAY = date(2026, 3, 2)  # a Monday; no public holidays in February or March 2026


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def idea(municipality, contact, submitted: date, first_contact: date, *, held=False):
    initiative = InitiativeFactory(municipality=municipality, now=at(submitted))
    Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact, first_contact_at=at(first_contact, 15))
    initiative.refresh_from_db()
    conversation = None
    if held:
        conversation = Conversation.objects.create(
            initiative=initiative,
            model=conversation_model_ensure_default(municipality=municipality),
            status=ConversationStatus.HELD,
            starts_at=at(first_contact, 15),
            place="Buurthuis",
            held_by=contact,
            held_at=at(first_contact, 16),
        )
    return initiative, conversation


def report(conversation, version: int, sent: date, status: str, *, answered=True):
    return Report.objects.create(
        conversation=conversation,
        version=version,
        status=status,
        summary="Samenvatting",
        next_step="Bellen",
        callback_date=sent + timedelta(days=14),
        sent_at=at(sent),
        responded_at=at(sent + timedelta(days=1)) if answered else None,
    )


def evaluation(initiative, *scores):
    names = ["reachability", "speed", "clarity", "personal_contact", "result"]
    Evaluation.objects.create(
        initiative=initiative,
        invited_at=timezone.now(),
        submitted_at=timezone.now(),
        **dict(zip(names, scores, strict=True)),
    )


def staff(municipality, name):
    return StaffFactory(municipality=municipality, roles=[Role.CONTACT], username=name)


SCORES_3 = {"model": 3, "showstoppers": 3, "role": 3, "callback": 3}


def participation_opt_in(*, baseline=SCORES_3, **kwargs):
    return opt_in(baseline=baseline, **kwargs)


def figures(group):
    return {c.key: (c.before, c.before_n, c.after, c.after_n) for c in group.comparisons}


def test_before_and_after_against_hand_computed_figures(municipality, settings):
    settings.TRAINING_MIN_GROUP_SIZE = 2
    u1, u2, u3 = (staff(municipality, name) for name in ("u1", "u2", "u3"))
    session_a = WorkshopSessionFactory(municipality=municipality, date=WORKSHOP_DAY, title="Groep A")
    session_b = WorkshopSessionFactory(municipality=municipality, date=WORKSHOP_DAY, title="Groep B")
    a1 = participation_opt_in(
        municipality=municipality,
        user=u1,
        session=session_a,
        baseline={"model": 2, "showstoppers": 2, "role": 3, "callback": 1},
    )
    a2 = participation_opt_in(
        municipality=municipality,
        user=u2,
        session=session_a,
        baseline={"model": 3, "showstoppers": 2, "role": 4, "callback": 2},
    )
    b3 = participation_opt_in(municipality=municipality, user=u3, session=session_b)

    # Before: 4 and 6 working days; after: 1, 2 and 3.
    u1_before, _ = idea(municipality, u1, date(2026, 2, 2), date(2026, 2, 6))
    _, u2_before_conv = idea(municipality, u2, date(2026, 2, 9), date(2026, 2, 17), held=True)
    u1_after, u1_after_conv = idea(municipality, u1, date(2026, 3, 9), date(2026, 3, 10), held=True)
    u2_after, u2_after_conv = idea(municipality, u2, date(2026, 3, 16), date(2026, 3, 18), held=True)
    idea(municipality, u2, date(2026, 3, 23), date(2026, 3, 26))
    u3_after, u3_conv = idea(municipality, u3, date(2026, 3, 9), date(2026, 3, 31), held=True)  # hidden group

    report(u2_before_conv, 1, date(2026, 2, 18), ReportStatus.COMMENTED)
    report(u1_after_conv, 1, date(2026, 3, 11), ReportStatus.SUPERSEDED)  # answered with comments, then replaced
    report(u1_after_conv, 2, date(2026, 3, 13), ReportStatus.CONFIRMED)
    report(u2_after_conv, 1, date(2026, 3, 19), ReportStatus.CONFIRMED)
    report(u2_after_conv, 2, date(2026, 3, 20), ReportStatus.SENT, answered=False)  # not answered: not counted
    report(u3_conv, 1, date(2026, 4, 1), ReportStatus.COMMENTED)

    evaluation(u1_before, 2, 3, 2, 3, None)
    evaluation(u1_after, 4, 5, 4, 5, 5)
    evaluation(u2_after, 5, 5, 5, 4, 4)
    evaluation(u3_after, 1, 1, 1, 1, 1)

    SelfAssessment.objects.create(participation=a1, scores={"model": 4, "showstoppers": 3, "role": 5, "callback": 2})
    SelfAssessment.objects.create(participation=a2, scores={"model": 5, "showstoppers": 3, "role": 4, "callback": 4})
    SelfAssessment.objects.create(participation=b3, scores={"model": 1, "showstoppers": 1, "role": 1, "callback": 1})

    result = effect(municipality=municipality)
    group_a, group_b = result.groups
    assert group_b.hidden and group_b.comparisons == [] and group_b.self_assessment == []
    assert not group_a.hidden and group_a.size == 2
    expected = {
        "first_contact": (5.0, 2, 2.0, 3),  # median of 4, 6 / of 1, 2, 3 working days
        "model": (50, 2, 67, 3),  # 1 of 2 / 2 of 3 first conversations held with the model
        "confirmed": (0, 1, 67, 3),  # 0 of 1 / 2 of 3 answered reports confirmed
        "evaluation": (2.5, 1, 4.6, 2),  # 10 / 4 scores; 46 / 10 scores
    }
    assert figures(group_a) == expected
    assert group_a.respondents == 2 and not group_a.self_assessment_hidden
    # Baseline at opt-in against the follow-up, per statement: (2+3)/2, (2+2)/2, (3+4)/2, (1+2)/2 before;
    # (4+5)/2, (3+3)/2, (5+4)/2, (2+4)/2 after.
    assert [(before, after) for _label, before, after in group_a.self_assessment] == [
        (2.5, 4.5),
        (2.0, 3.0),
        (3.5, 4.5),
        (1.5, 3.0),
    ]
    # The total leaves the hidden group out entirely, so it cannot be subtracted back out.
    assert result.total.size == 2 and figures(result.total) == expected
    assert result.participants == 3


def test_the_minimum_group_size_hides_small_groups(municipality, coordinator_client, trainer_client, contact_client):
    small = WorkshopSessionFactory(municipality=municipality, date=WORKSHOP_DAY, title="Klein")
    large = WorkshopSessionFactory(municipality=municipality, date=WORKSHOP_DAY, title="Groot")
    for index in range(4):
        participation_opt_in(municipality=municipality, user=staff(municipality, f"k{index}"), session=small)
    people = [staff(municipality, f"g{index}") for index in range(5)]
    participations = [participation_opt_in(municipality=municipality, user=user, session=large) for user in people]
    # Five follow-ups, but one participant has no baseline (opted in before the baseline existed): four pairs,
    # fewer than five, so the self-assessment stays hidden.
    WorkshopParticipation.objects.filter(pk=participations[0].pk).update(baseline_scores={})
    for participation in participations:
        SelfAssessment.objects.create(
            participation=participation, scores={"model": 5, "showstoppers": 5, "role": 5, "callback": 5}
        )

    result = effect(municipality=municipality)  # the default minimum: 5
    assert result.min_size == 5
    hidden, shown = result.groups
    assert hidden.label.startswith("Klein") and hidden.hidden
    assert shown.label.startswith("Groot") and not shown.hidden and shown.size == 5
    assert shown.self_assessment_hidden and shown.self_assessment == []
    assert result.total.size == 5

    page = coordinator_client.get("/werkplek/voorbeeld/workshop-effect/").content.decode()
    assert "geen gecontroleerd onderzoek" in page
    assert "Niet getoond: minder dan 5 deelnemers" in page
    assert "Nog te weinig antwoorden" in page
    assert trainer_client.get("/werkplek/voorbeeld/workshop-effect/").status_code == 200
    assert contact_client.get("/werkplek/voorbeeld/workshop-effect/").status_code == 403
    assert (
        "/werkplek/voorbeeld/workshop-effect/"
        in coordinator_client.get("/werkplek/voorbeeld/inzicht/").content.decode()
    )


def test_opt_in_is_explained_revocable_and_the_follow_up_comes_after_three_months(municipality, committed):
    user = staff(municipality, "omar")
    client = login_with_second_factor(user)
    old = WorkshopSessionFactory(
        municipality=municipality, date=timezone.localdate() - timedelta(days=100), title="Voorjaar"
    )
    page = client.get("/werkplek/voorbeeld/mijn-workshop/").content.decode()
    assert "Meedoen is vrijwillig" in page and "minstens 5 deelnemers" in page
    assert "Hoe werkte u vóór de workshop?" in page
    refused = client.post("/werkplek/voorbeeld/mijn-workshop/", {"session": old.pk, "model": "2"})
    assert refused.status_code == 400  # consent must be ticked, and every baseline statement scored
    text = refused.content.decode()
    assert "Vink aan dat u meedoet" in text and "Kies een score bij: Ik bel terug op de afgesproken datum" in text
    assert f'<option value="{old.pk}" selected>' in text  # what was chosen stays chosen
    assert (
        'name="model" value="2" class="utrecht-radio-button utrecht-radio-button--html-input" id="id_model_1" checked'
        in text
    )
    assert not WorkshopParticipation.objects.exists()
    baseline = {"model": 2, "showstoppers": 1, "role": 3, "callback": 2}
    assert (
        client.post("/werkplek/voorbeeld/mijn-workshop/", {"session": old.pk, "consent": "on", **baseline}).status_code
        == 302
    )
    participation = WorkshopParticipation.objects.get()
    assert participation.baseline_scores == baseline

    committed(followups_offer)
    assert mail.outbox[-1].to == [user.email] and "/werkplek/voorbeeld/mijn-workshop/" in mail.outbox[-1].body
    assert followups_offer() == []  # once

    answers = {f"p{participation.pk}-{key}": value for key, value in (("model", 4), ("showstoppers", 3), ("role", 5))}
    assert client.post(f"/werkplek/voorbeeld/mijn-workshop/{participation.pk}/vragenlijst/", answers).status_code == 400
    answers[f"p{participation.pk}-callback"] = 2
    assert client.post(f"/werkplek/voorbeeld/mijn-workshop/{participation.pk}/vragenlijst/", answers).status_code == 302
    assert participation.self_assessment.scores == {"model": 4, "showstoppers": 3, "role": 5, "callback": 2}

    assert client.post(f"/werkplek/voorbeeld/mijn-workshop/{participation.pk}/intrekken/").status_code == 302
    assert not WorkshopParticipation.objects.exists() and not SelfAssessment.objects.exists()


def test_no_self_assessment_before_three_months(municipality):
    user = staff(municipality, "nina")
    recent = WorkshopSessionFactory(municipality=municipality, date=timezone.localdate() - timedelta(days=10))
    participation = participation_opt_in(municipality=municipality, user=user, session=recent)
    client = login_with_second_factor(user)
    answers = {f"p{participation.pk}-{key}": 3 for key in ("model", "showstoppers", "role", "callback")}
    assert client.post(f"/werkplek/voorbeeld/mijn-workshop/{participation.pk}/vragenlijst/", answers).status_code == 400
    assert not SelfAssessment.objects.exists()
    assert followups_offer() == []


def csv_rows(response):
    import csv
    import io

    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_a_date_window_and_the_csv_show_the_same_aggregates_never_below_the_minimum(
    municipality, settings, coordinator_client, contact_client
):
    settings.TRAINING_MIN_GROUP_SIZE = 2
    u1, u2, u3, u4, u5 = (staff(municipality, name) for name in ("u1", "u2", "u3", "u4", "u5"))
    spring = WorkshopSessionFactory(municipality=municipality, date=WORKSHOP_DAY, title="Voorjaar")
    autumn = WorkshopSessionFactory(municipality=municipality, date=date(2026, 9, 7), title="Najaar")
    small = WorkshopSessionFactory(municipality=municipality, date=WORKSHOP_DAY, title="Klein")
    p1 = participation_opt_in(municipality=municipality, user=u1, session=spring)
    p2 = participation_opt_in(municipality=municipality, user=u2, session=spring)
    for user in (u3, u4):
        participation_opt_in(municipality=municipality, user=user, session=autumn)
    participation_opt_in(municipality=municipality, user=u5, session=small)
    idea(municipality, u1, date(2026, 2, 2), date(2026, 2, 6))  # before: 4 working days, no conversation
    idea(municipality, u2, date(2026, 3, 9), date(2026, 3, 11), held=True)  # after: 2, with the model
    idea(municipality, u1, date(2026, 3, 16), date(2026, 3, 17))  # after: 1, without
    idea(municipality, u3, date(2026, 9, 14), date(2026, 9, 16), held=True)  # autumn group: outside the window
    idea(municipality, u5, date(2026, 3, 9), date(2026, 4, 1))  # the small group: 17 working days, never shown
    SelfAssessment.objects.create(participation=p1, scores={"model": 4, "showstoppers": 4, "role": 4, "callback": 4})
    SelfAssessment.objects.create(participation=p2, scores={"model": 5, "showstoppers": 5, "role": 5, "callback": 5})

    window = {"date_from": "01-01-2026", "date_to": "30-06-2026"}
    result = effect(municipality=municipality, date_from=date(2026, 1, 1), date_to=date(2026, 6, 30))
    assert [(group.label, group.hidden) for group in result.groups] == [
        ("Voorjaar (02-03-2026)", False),
        ("Klein (02-03-2026)", True),
    ]
    expected = {
        "first_contact": (4.0, 1, 1.5, 2),  # 4 / median of 2 and 1
        "model": (0, 1, 50, 2),
        "confirmed": (None, 0, None, 0),
        "evaluation": (None, 0, None, 0),
    }
    assert figures(result.groups[0]) == expected and figures(result.total) == expected and result.total.size == 2

    page = coordinator_client.get("/werkplek/voorbeeld/workshop-effect/", window)
    text = page.content.decode()
    assert page.status_code == 200 and "Workshops gehouden van 1 januari 2026 tot en met 30 juni 2026." in text
    assert "Najaar" not in text and 'value="01-01-2026"' in text
    assert "/werkplek/voorbeeld/workshop-effect/cijfers.csv?date_from=01-01-2026&amp;date_to=30-06-2026" in text

    response = coordinator_client.get("/werkplek/voorbeeld/workshop-effect/cijfers.csv", window)
    assert response["Content-Type"].startswith("text/csv")
    assert "workshop-effect-voorbeeld-2026-01-01-2026-06-30.csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:3] == ["groep", "workshopdatum", "deelnemers"]
    total = [row for row in rows if row[0] == "Alle getoonde groepen samen"]
    assert total[0] == ["Alle getoonde groepen samen", "", "2", "Tijd tot eerste contact", "werkdagen (mediaan)"] + [
        "4.0",
        "1",
        "1.5",
        "2",
    ]
    assert total[1][3:] == ["Eerste gesprekken gevoerd met het gespreksmodel", "procent", "0", "1", "50", "2"]
    assert total[4][3:] == [
        "zelfevaluatie: Ik voer het eerste gesprek met het gespreksmodel.",
        "gemiddeld, 1-5",
        "3.0",
        "2",
        "4.5",
        "2",
    ]
    assert [row for row in rows if row[0].startswith("Klein")] == [
        ["Klein (02-03-2026)", "2026-03-02", "niet getoond: minder dan 2", "", "", "", "", "", ""]
    ]
    assert not any("Najaar" in row[0] for row in rows)
    assert not any("17" in cell for row in rows for cell in row[5:])  # the small group's 17 days appear nowhere

    # Without a window every group counts, the autumn one too.
    everything = csv_rows(coordinator_client.get("/werkplek/voorbeeld/workshop-effect/cijfers.csv"))
    assert any(row[0] == "Najaar (07-09-2026)" for row in everything)
    assert contact_client.get("/werkplek/voorbeeld/workshop-effect/cijfers.csv").status_code == 403


def test_the_date_window_says_what_is_wrong_in_dutch_and_keeps_what_was_typed(coordinator_client):
    bad = coordinator_client.get("/werkplek/voorbeeld/workshop-effect/", {"date_from": "31-02-2026", "date_to": ""})
    text = bad.content.decode()
    assert bad.status_code == 400 and "Vul een datum in zoals 3-12-2026." in text
    assert 'value="31-02-2026"' in text and "data-error-summary" in text
    assert "<title>Fout:" in text
    backwards = coordinator_client.get(
        "/werkplek/voorbeeld/workshop-effect/", {"date_from": "01-07-2026", "date_to": "01-01-2026"}
    )
    text = backwards.content.decode()
    assert backwards.status_code == 400 and "De einddatum ligt voor de begindatum." in text
    assert 'value="01-07-2026"' in text and 'value="01-01-2026"' in text
    csv_refused = coordinator_client.get(
        "/werkplek/voorbeeld/workshop-effect/cijfers.csv", {"date_from": "gisteren", "date_to": ""}
    )
    assert csv_refused.status_code == 400 and "Vul een datum in zoals 3-12-2026." in csv_refused.content.decode()
