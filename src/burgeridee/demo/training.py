"""Demo data for training on measure: an accepted proposal (with what it planned), a meeting with sign-ups and
outcomes, and a coaching trajectory with a goal, sessions and notes. Made through the training services."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from burgeridee.training import services as training
from burgeridee.training.constants import ItemKind, MeetingKind
from burgeridee.workshops import services as workshop_services
from burgeridee.workshops.constants import Module


def training_seed(*, municipality, trainer, coachee, now) -> None:
    today = timezone.localdate(now)
    workshop_request = workshop_services.workshop_request_submit(
        municipality=municipality,
        kind="workshop",
        organisation="Team Wijken en Participatie",
        contact_name="Sanne Vermeer",
        email="contact2@voorbeeld.example",
        phone="14 020",
        preferred_dates="Dinsdagmiddagen in het voorjaar",
        participants=14,
        wishes="Veel nieuwe collega's. Graag de workshop en daarna intervisie; één collega wil coaching.",
    )
    training.intake_save(
        workshop_request=workshop_request,
        held_on=today - timedelta(days=10),
        note="Veertien collega's, de helft nieuw. Doel: eerste gesprekken binnen twee weken en met het model. "
        "Intervisie twee maanden later. Sanne wil coaching op lastige gesprekken.",
        actor=trainer,
    )
    proposal = training.proposal_create(workshop_request=workshop_request, trainer=trainer)
    training.proposal_update(
        proposal=proposal,
        title="Voorstel: van eerste gesprek tot intervisie",
        introduction="In het intakegesprek hoorde ik dat veel collega's nieuw zijn. Ik stel de workshop voor, "
        "gevolgd door intervisie en coaching voor wie dat wil.",
        place=proposal.place,
        group_size=14,
        vat_percentage=Decimal("21"),
    )
    workshop = proposal.items.get()
    training.proposal_item_update(
        item=workshop,
        title="Workshop Oké, een burger-idee",
        modules=[value for value, _label in Module.choices],
        date=today + timedelta(days=21),
        start_time=time(13, 30),
        duration_minutes=210,
        unit_price=Decimal("1250.00"),
        quantity=1,
    )
    training.proposal_item_add(
        proposal=proposal,
        kind=ItemKind.INTERVISION,
        title="Intervisie eerste gesprekken",
        description="Twee maanden na de workshop: eigen casussen bespreken.",
        date=today + timedelta(days=80),
        start_time=time(15, 0),
        duration_minutes=120,
        quantity=1,
        unit_price=Decimal("450.00"),
    )
    training.proposal_item_add(
        proposal=proposal,
        kind=ItemKind.COACHING,
        title="Coaching op het eerste gesprek",
        date=today + timedelta(days=28),
        start_time=time(10, 0),
        duration_minutes=60,
        quantity=3,
        unit_price=Decimal("165.00"),
    )
    training.proposal_send(proposal=proposal, actor=trainer)
    proposal.refresh_from_db()
    training.proposal_accept(proposal=proposal, name="Sanne Vermeer")

    # The accepted coaching: the coachee, a goal linked to the model, the library; a held session with notes.
    trajectory = proposal.trajectories.get()
    training.trajectory_set_coachee(trajectory=trajectory, coachee=coachee)
    training.goal_add(
        trajectory=trajectory,
        actor=coachee,
        text="Eerst luisteren en doorvragen, pas daarna over regels praten.",
        phase_keys=["kennismaken", "behoefte-mogelijkheden"],
        pitfall_keys=["V5", "V8"],
        factor_keys=["SF13", "SF15"],
    )
    first = training.coaching_session_add(
        trajectory=trajectory, starts_at=now - timedelta(days=7), place="Gemeentehuis, kamer 2.14"
    )
    training.coaching_note_add(
        session=first,
        author=coachee,
        text="Ik merk dat ik snel 'dat mag niet' zeg als het over de openbare ruimte gaat.",
    )
    training.coaching_note_add(
        session=first, author=trainer, text="Volgende keer oefenen: eerst drie vragen stellen voordat je iets uitlegt."
    )

    # A meeting with active residents that took place: sign-ups, attendance, outcomes.
    meeting = training.meeting_create(
        municipality=municipality,
        organiser=trainer,
        kind=MeetingKind.RESIDENTS,
        title="Bewonersavond Oosterpark: ideeën voor het plein",
        starts_at=timezone.make_aware(datetime.combine(today + timedelta(days=2), time(19, 30))),
        duration_minutes=90,
        place="Buurthuis De Kastanje, Oosterpark",
        description="Een avond voor bewoners met ideeën voor het plein, met de wijkcoördinator.",
        agenda="Welkom en kennismaken\nWat werkt al op het plein?\nIdeeën in groepjes\n"
        "Wie doet mee, en wat is de volgende stap?",
        capacity=30,
    )
    for name, email in (("Fatima", "fatima@voorbeeld.example"), ("Johan", "johan@voorbeeld.example")):
        training.meeting_sign_up(meeting=meeting, name=name, email=email, organisation="Oosterpark")
