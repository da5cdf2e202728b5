"""Security sweep over the live workshop's public pages (/doe-mee/) and the public workshop request form.

Every form a participant can send, with unusual input: a 400 with a Dutch message or a save (302), never a 500; what
is shown back (to the participant, the rest of the group and the trainer's presenter screen) is escaped.
"""

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from burgeridee.workshops import services, sources
from burgeridee.workshops.constants import Module, RoleplayRole
from burgeridee.workshops.models import BoardFactor, Contribution, Participant, WorkshopRequest
from burgeridee.workshops.modules import PARTICIPANT_ACTIONS
from burgeridee.workshops.tests.factories import WorkshopSessionFactory
from burgeridee.workshops.tests.helpers import go_to

from .inputs import NASTY, QUICK, assert_dutch_problem, assert_escaped, assert_safe, clean

# The stable keys of the knowledge library's defaults (the texts behind them come from the library).
PITFALL_KEYS = [f"V{n}" for n in range(1, 18)]
FACTOR_KEYS = [f"SF{n}" for n in range(1, 20)]
ROLE_KEYS = ["loslaten", "faciliteren", "stimuleren", "regisseren", "reguleren"]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limits")]

ACTIONS = ["casus", "valkuil", "observatie", "factor", "stem", "rol", "checklist"]


@pytest.fixture
def no_rate_limits(settings):
    """The rate limits have their own tests below; hypothesis sends far more than a person would."""
    settings.RATELIMIT_ENABLE = False


@pytest.fixture
def presenter(trainer_client):
    """`presenter(workshop)` checks the live results on the trainer's big screen."""

    def check(workshop):
        url = f"/werkplek/{workshop.municipality.slug}/workshops/{workshop.pk}/presentatie/live/"
        response = trainer_client.get(url)
        assert response.status_code == 200
        assert_escaped(response)

    return check


@pytest.fixture
def new_workshop(municipality, trainer):
    def make(module=None, *names):
        """A fresh workshop (one per example), open, with `names` joined through the name form, at `module`."""
        workshop = WorkshopSessionFactory(municipality=municipality, created_by=trainer, opened=True)
        clients = [joined(workshop, name) for name in names]
        if module:
            go_to(workshop, module)
        workshop.refresh_from_db()
        return workshop, clients

    return make


def joined(workshop, name):
    client = Client()
    response = client.post(f"/doe-mee/{workshop.code}/", {"display_name": name})
    assert response.status_code == 302
    return client, Participant.objects.get(session=workshop, display_name=name)


def submit(client, workshop, action, data):
    return client.post(f"/doe-mee/{workshop.code}/{action}/", data)


def page(client, workshop):
    response = client.get(f"/doe-mee/{workshop.code}/")
    assert response.status_code == 200
    assert_escaped(response)
    return response.content.decode()


def check_answer(response, *, saved: bool):
    """A saved answer goes back to the page (302); a refused one is a 400 with the reason in Dutch."""
    assert_safe(response)
    if response.status_code == 400:
        assert_dutch_problem(response)
        assert not saved
    else:
        assert response.status_code == 302


# --- Joining --------------------------------------------------------------------------------------------------


@QUICK
@given(code=NASTY)
def test_join_code_form_survives_unusual_input(client, new_workshop, code):
    workshop, _ = new_workshop()
    response = client.post("/doe-mee/", {"code": code})
    assert_safe(response, code, allowed=(302, 400, 404))
    if response.status_code == 302:
        assert response["Location"] == f"/doe-mee/{workshop.code}/"
    else:
        assert_dutch_problem(response)
    # The code in the link of a QR code, filled in by the page.
    assert_safe(client.get("/doe-mee/", {"code": code}), code, allowed=(200, 302, 404))


@pytest.mark.parametrize("code", ["<script>", "../../etc/passwd", "%00", "a" * 500, "🌳", "ＡＢＣＤＥＦ"])
def test_odd_codes_in_the_address_are_a_plain_404(client, code):
    for path in ("", "status/", "feedback/", "mijn-checklist.pdf", "casus/"):
        response = client.get(f"/doe-mee/{code}/{path}") if path != "casus/" else client.post(f"/doe-mee/{code}/casus/")
        assert response.status_code in (200, 404), (path, response.status_code)
        assert "<script>" not in response.content.decode()


@QUICK
@given(name=NASTY)
def test_name_form_survives_unusual_input(new_workshop, presenter, name):
    workshop, _ = new_workshop()
    client = Client()
    response = client.post(f"/doe-mee/{workshop.code}/", {"display_name": name})
    check_answer(response, saved=workshop.participants.exists())
    if response.status_code == 302:
        participant = workshop.participants.get()
        assert participant.display_name == clean(name) != ""
        page(client, workshop)
    presenter(workshop)


# --- Every participant submission in a running workshop -------------------------------------------------------


@QUICK
@given(question=st.integers(min_value=1, max_value=6), answer=NASTY)
def test_case_answers_survive_unusual_input(new_workshop, presenter, question, answer):
    workshop, [(anna, participant), (bas, _)] = new_workshop(Module.CASES, "Anna", "Bas")
    response = submit(anna, workshop, "casus", {f"q{question}": answer})
    saved = Contribution.objects.filter(participant=participant)
    check_answer(response, saved=saved.exists())
    if saved.exists():
        assert saved.get().text == clean(answer)
    page(anna, workshop)
    page(bas, workshop)
    presenter(workshop)


@QUICK
@given(picks=st.lists(st.one_of(st.sampled_from(PITFALL_KEYS), NASTY), max_size=4))
def test_pitfall_picks_survive_unusual_input(new_workshop, presenter, picks):
    workshop, [(anna, participant)] = new_workshop(Module.PITFALLS, "Anna")
    response = submit(anna, workshop, "valkuil", {"pitfalls": picks})
    saved = Contribution.objects.filter(participant=participant).first()
    check_answer(response, saved=saved is not None)
    if saved:
        assert set(saved.data["pitfalls"]) <= set(sources.library(workshop).pitfall_keys())
    page(anna, workshop)
    presenter(workshop)


@QUICK
@given(ticked=st.lists(st.one_of(st.sampled_from(["10", "11", "12"]), NASTY), max_size=3), feedback=NASTY)
def test_observation_feedback_survives_unusual_input(new_workshop, presenter, ticked, feedback):
    workshop, clients = new_workshop(Module.ROLEPLAY, "Anna", "Bas", "Chris")
    item = workshop.agenda_items.get(module=Module.ROLEPLAY)
    roles = services.roleplay_roles(item, 0)[0]
    by_role = {role: next(c for c in clients if c[1].pk == pk) for pk, role in roles.items()}
    observer, _ = by_role[RoleplayRole.OBSERVER]
    civil_servant, _ = by_role[RoleplayRole.CIVIL_SERVANT]
    response = submit(observer, workshop, "observatie", {"ticked": ticked, "feedback": feedback})
    saved = Contribution.objects.filter(agenda_item=item).first()
    check_answer(response, saved=saved is not None)
    if saved:
        assert saved.text == clean(feedback)
    page(observer, workshop)
    page(civil_servant, workshop)
    fragment = civil_servant.get(f"/doe-mee/{workshop.code}/feedback/")
    assert fragment.status_code == 200
    assert_escaped(fragment)
    presenter(workshop)


@QUICK
@given(text=NASTY, source_key=st.one_of(st.just(""), st.sampled_from(FACTOR_KEYS), NASTY))
def test_success_factor_add_survives_unusual_input(new_workshop, presenter, text, source_key):
    workshop, [(anna, _), (bas, _)] = new_workshop(Module.FACTORS, "Anna", "Bas")
    response = submit(anna, workshop, "factor", {"text": text, "source_key": source_key})
    factor = BoardFactor.objects.filter(agenda_item__session=workshop).first()
    check_answer(response, saved=factor is not None)
    if factor:
        assert factor.text in (clean(text), sources.library(workshop).factor_title(source_key))
    page(anna, workshop)
    page(bas, workshop)
    presenter(workshop)


@QUICK
@given(factor=st.one_of(NASTY, st.integers().map(str)))
def test_success_factor_vote_survives_unusual_input(new_workshop, factor):
    workshop, [(anna, _)] = new_workshop(Module.FACTORS, "Anna")
    response = submit(anna, workshop, "stem", {"factor": factor})
    assert_safe(response, factor, allowed=(302, 404))
    page(anna, workshop)


@QUICK
@given(rung=st.one_of(st.sampled_from(ROLE_KEYS), NASTY), explanation=NASTY)
def test_ladder_survives_unusual_input(new_workshop, presenter, rung, explanation):
    workshop, [(anna, participant)] = new_workshop(Module.LADDER, "Anna")
    response = submit(anna, workshop, "rol", {"rung": rung, "explanation": explanation})
    saved = Contribution.objects.filter(participant=participant).first()
    check_answer(response, saved=saved is not None)
    if saved:
        assert (saved.data["rung"], saved.text) == (rung, clean(explanation))
    page(anna, workshop)
    presenter(workshop)


@QUICK
@given(
    number=st.integers(min_value=1, max_value=26),
    text=NASTY,
    own_points=NASTY,
    keep=st.one_of(st.just("1"), NASTY),
)
def test_personal_checklist_survives_unusual_input(new_workshop, number, text, own_points, keep):
    workshop, [(anna, participant)] = new_workshop(Module.CHECKLIST, "Anna")
    data = {f"keep_{n}": "1" for n in range(1, 27)} | {f"keep_{number}": keep, f"text_{number}": text}
    data |= {"own_points": own_points, "include_factors": "1"}
    response = submit(anna, workshop, "checklist", data)
    check_answer(response, saved=Contribution.objects.filter(participant=participant).exists())
    saved = Contribution.objects.get(participant=participant)
    row = next(entry for entry in saved.data["items"] if entry["number"] == number)
    assert row["text"] == (clean(text)[:300].strip() or sources.library(workshop).checklist[number - 1]["text"])
    assert all(clean(point) == point and point for point in saved.data["own"])
    page(anna, workshop)
    pdf = anna.get(f"/doe-mee/{workshop.code}/mijn-checklist.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


@QUICK
@given(
    module=st.sampled_from([m for m in Module if m != Module.INTRO]),
    action=st.one_of(st.sampled_from(ACTIONS), st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1)),
    value=NASTY,
)
def test_a_form_from_an_earlier_module_or_an_unknown_action_is_no_error(new_workshop, module, action, value):
    """The trainer moved on while the participant was typing: the old form arrives at the new module."""
    workshop, [(anna, _), (_bas, _), (_chris, _)] = new_workshop(module, "Anna", "Bas", "Chris")
    data = dict.fromkeys(("q1", "pitfalls", "feedback", "ticked", "text", "rung", "explanation", "factor"), value)
    response = submit(anna, workshop, action, data | {"own_points": value})
    assert_safe(response, value, allowed=(302, 400, 404))
    if action not in ACTIONS:
        assert response.status_code == 404
    elif response.status_code == 400:
        assert_dutch_problem(response)
    shown = page(anna, workshop)
    if action in ACTIONS and PARTICIPANT_ACTIONS[action] != module:
        assert response.status_code == 302 and "uw antwoord is niet opgeslagen" in shown
        assert not Contribution.objects.filter(session=workshop).exists()
        assert not BoardFactor.objects.filter(agenda_item__session=workshop).exists()


@pytest.mark.parametrize("value", ["abc", ":", "9" * 30, "-1", "1.5", "١٢", "²"])
def test_the_trainers_merge_with_odd_ids_is_no_error(new_workshop, trainer, staff_client_factory, value):
    """Not a public form, but the same odd ids as the vote: a message, not a 500."""
    workshop, _ = new_workshop(Module.FACTORS)
    url = f"/werkplek/{workshop.municipality.slug}/workshops/{workshop.pk}/samenvoegen/"
    response = staff_client_factory(user=trainer).post(url, {"source": value, "target": value}, follow=True)
    assert response.status_code == 200 and "Kies twee succesfactoren" in response.content.decode()


# --- The public request form for a workshop, training or coaching ---------------------------------------------


@QUICK
@given(
    field=st.sampled_from(
        ["kind", "organisation", "contact_name", "email", "phone", "preferred_dates", "participants", "wishes"]
    ),
    value=NASTY,
)
def test_workshop_request_form_survives_unusual_input(
    client, municipality, trainer, staff_client_factory, field, value
):
    data = {
        "kind": "workshop",
        "organisation": "Team Wijken",
        "contact_name": "Sanne de Vries",
        "email": "sanne@voorbeeld.example",
        "preferred_dates": "Een dinsdagochtend in maart",
        "participants": "12",
        "wishes": "Veel oefenen",
    } | {field: value}
    before = WorkshopRequest.objects.count()
    response = client.post(f"/{municipality.slug}/workshop-aanvragen/", data)
    assert_safe(response, value, allowed=(200, 400))
    if response.status_code == 400:
        assert_dutch_problem(response)
        assert WorkshopRequest.objects.count() == before
    else:
        assert WorkshopRequest.objects.count() == before + 1
    listing = staff_client_factory(user=trainer).get(f"/werkplek/{municipality.slug}/workshops/")
    assert listing.status_code == 200
    assert_escaped(listing)


def test_every_public_workshop_url_is_covered():
    """A new participant action gets a test here: the list above is every action the view knows."""
    assert set(ACTIONS) == set(PARTICIPANT_ACTIONS)


# --- Rate limits: a room full of people on one Wi-Fi is normal use --------------------------------------------


def test_forty_participants_on_one_address_join_and_answer(settings, new_workshop):
    """The default limits: 40 phones behind the venue's one address all join and send their answers."""
    settings.RATELIMIT_ENABLE = True
    workshop, _ = new_workshop()
    clients = [joined(workshop, f"Deelnemer {n}") for n in range(40)]
    go_to(workshop, Module.FACTORS)
    for client, participant in clients:
        assert submit(client, workshop, "factor", {"text": f"Factor van {participant.label}"}).status_code == 302
    assert BoardFactor.objects.filter(agenda_item__session=workshop).count() == 40


def test_joining_is_rate_limited_per_address_per_workshop(settings, new_workshop):
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_WORKSHOP_JOIN = "2/h"
    workshop, _ = new_workshop()
    other, _ = new_workshop()

    def join(session, name, address="127.0.0.1"):
        return Client(REMOTE_ADDR=address).post(f"/doe-mee/{session.code}/", {"display_name": name})

    assert [join(workshop, name).status_code for name in ("Anna", "Bas")] == [302, 302]
    refused = join(workshop, "Chris")
    assert refused.status_code == 429
    content = refused.content.decode()
    assert "heel veel deelnemers aangemeld" in content and 'value="Chris"' in content
    assert not workshop.participants.filter(display_name="Chris").exists()
    # Another workshop, or another address, is not affected.
    assert join(other, "Chris").status_code == 302
    assert join(workshop, "Dirk", address="192.0.2.7").status_code == 302


def test_participant_posts_are_rate_limited_per_participant(settings, new_workshop):
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_WORKSHOP_PARTICIPANT = "2/h"
    workshop, [(anna, participant), (bas, _)] = new_workshop(Module.CASES, "Anna", "Bas")
    assert [submit(anna, workshop, "casus", {"q1": f"Antwoord {n}"}).status_code for n in range(2)] == [302, 302]
    refused = submit(anna, workshop, "casus", {"q1": "Mijn derde antwoord"})
    assert refused.status_code == 429
    content = refused.content.decode()
    assert "heel vaak iets verstuurd" in content and "Mijn derde antwoord" in content  # nothing typed is lost
    assert Contribution.objects.get(participant=participant).text == "Antwoord 1"
    # Bas, on the same Wi-Fi, is not affected.
    assert submit(bas, workshop, "casus", {"q1": "Antwoord van Bas"}).status_code == 302


def test_a_rate_limited_checklist_keeps_what_was_typed(settings, new_workshop):
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_WORKSHOP_PARTICIPANT = "0/h"
    workshop, [(anna, participant)] = new_workshop(Module.CHECKLIST, "Anna")
    data = {"keep_1": "1", "text_1": "Begin met koffie", "own_points": "Vraag naar de buren", "include_factors": "1"}
    refused = submit(anna, workshop, "checklist", data)
    assert refused.status_code == 429
    content = refused.content.decode()
    assert "Begin met koffie" in content and "Vraag naar de buren" in content
    assert not Contribution.objects.filter(participant=participant).exists()
