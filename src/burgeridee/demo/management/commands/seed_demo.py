"""Fill an empty database with the demo: Gemeente Voorbeeld, its staff and some initiatives."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.administration.models import Source
from burgeridee.administration.services import municipality_configure, staff_invite
from burgeridee.core.dates import add_working_days, local_date
from burgeridee.deadlines import services as deadline_services
from burgeridee.demo.challenges import challenges_seed
from burgeridee.demo.conversations import conversations_seed
from burgeridee.demo.training import training_seed
from burgeridee.handovers import services as handover_services
from burgeridee.initiatives import services as initiative_services
from burgeridee.initiatives.constants import Channel, ContactPreference, Phase, StopReason, SupportType, Theme
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.models import Municipality
from burgeridee.workshops.services import session_create

# Demo only: outside the demo staff need a second factor, and demo accounts exist only in demo data.
DEMO_PASSWORD = "demo-burgeridee"  # noqa: S105  # nosec B105

NEIGHBOURHOODS = ["Centrum", "Oosterpark", "De Weide", "Havenkwartier", "Noorderhout", "Rivierenbuurt"]
DEPARTMENTS = [
    ("Subsidies", [SupportType.MONEY]),
    ("Vastgoed", [SupportType.SPACE]),
    ("Beheer openbare ruimte", [SupportType.PUBLIC_SPACE, SupportType.MATERIALS]),
    ("Vergunningen", [SupportType.PERMIT]),
    ("Openbare orde en veiligheid", [SupportType.SAFETY]),
    ("Communicatie", [SupportType.PUBLICITY]),
    ("Privacy", [SupportType.PRIVACY]),
]
DEMO_MUNICIPALITY = {
    "slug": "voorbeeld",
    "name": "Gemeente Voorbeeld",
    "contact_email": "initiatieven@voorbeeld.example",
    "contact_phone": "14 020",
    "contact_address": "Stadhuisplein 1\n1234 AB Voorbeeld",
    "website": "https://www.voorbeeld.example",
    "privacy_officer_email": "privacy@voorbeeld.example",
    "theme": {"accent": "#b3261e"},
    "neighbourhoods": NEIGHBOURHOODS,
    "departments": [{"name": name, "support_types": list(types)} for name, types in DEPARTMENTS],
}
STAFF = [
    # (username, first name, last name, job title, roles, department)
    ("coordinator", "Carla", "de Coördinator", "Coördinator initiatieven", [Role.COORDINATOR, Role.CONTACT], None),
    ("contact", "Karim", "Contactpersoon", "Initiatievenmakelaar", [Role.CONTACT], None),
    ("contact2", "Sanne", "Vermeer", "Wijkcoördinator", [Role.CONTACT], None),
    ("afdeling", "Dirk", "van Vergunningen", "Adviseur vergunningen", [Role.DEPARTMENT], "Vergunningen"),
    ("trainer", "Tineke", "Trainer", "Trainer", [Role.TRAINER], None),
    ("beheer", "Bram", "Beheerder", "Functioneel beheerder", [Role.ADMINISTRATOR], None),
]

INITIATIVES = [
    # (days ago, title, theme, neighbourhood, support, phase, description, target group)
    (
        1,
        "Moestuin op het grasveld aan de Kastanjelaan",
        Theme.LIVEABLE,
        "Oosterpark",
        [SupportType.PUBLIC_SPACE, SupportType.MATERIALS],
        Phase.IDEA,
        "Wij willen met de buren een moestuin maken op het grasveld. Iedereen mag meedoen.",
        "Buren van de Kastanjelaan en de kinderen van de basisschool",
    ),
    (
        3,
        "Samen eten met oudere buurtbewoners",
        Theme.CARING,
        "De Weide",
        [SupportType.SPACE, SupportType.MONEY],
        Phase.IDEA,
        "Eén keer per maand koken wij voor ouderen die alleen wonen.",
        "Ouderen die alleen wonen",
    ),
    (
        12,
        "AED aan de gevel van het buurthuis",
        Theme.SAFE,
        "Noorderhout",
        [SupportType.MONEY, SupportType.SAFETY],
        Phase.IDEA,
        "Wij zamelen geld in voor een AED die dag en nacht bereikbaar is.",
        "Alle bewoners van Noorderhout",
    ),
    (
        9,
        "Bankjes bij de speeltuin in Oosterpark",
        Theme.LIVEABLE,
        "Oosterpark",
        [SupportType.PUBLIC_SPACE, SupportType.MONEY],
        Phase.IDEA,
        "Ouders en grootouders willen kunnen zitten bij de speeltuin. Wij willen twee bankjes.",
        "Ouders, grootouders en oudere buurtbewoners",
    ),
    (
        20,
        "Zwerfafval prikken langs de gracht",
        Theme.LIVEABLE,
        "Centrum",
        [SupportType.MATERIALS],
        Phase.EXPLORING,
        "Elke eerste zaterdag van de maand prikken wij zwerfafval langs de gracht.",
        "Iedereen die mee wil doen",
    ),
    (
        45,
        "Buurtfeest in de Rivierenbuurt",
        Theme.LIVEABLE,
        "Rivierenbuurt",
        [SupportType.PERMIT, SupportType.MATERIALS],
        Phase.EXECUTION,
        "Een straatfeest met muziek, lange tafels en spelletjes voor de kinderen.",
        "De hele buurt",
    ),
    (
        90,
        "Speeltoestel zelf bouwen",
        Theme.SAFE,
        "Havenkwartier",
        [SupportType.PUBLIC_SPACE],
        Phase.STOPPED,
        "Wij wilden zelf een klimrek bouwen op het pleintje.",
        "Kinderen in het Havenkwartier",
    ),
]


class Command(BaseCommand):
    help = "Fill the database with demo data (Gemeente Voorbeeld). Does nothing if it is already there."

    @transaction.atomic
    def handle(self, *args, **options):
        if Municipality.objects.filter(slug="voorbeeld").exists():
            self.stdout.write("Demo data is already there.")
            return
        # The same services an installation administrator and a functional administrator use (and the
        # configuration file): a demo municipality is made like any other.
        municipality = municipality_configure(config=DEMO_MUNICIPALITY, source=Source.DEMO).municipality
        neighbourhoods = {item.name: item for item in municipality.neighbourhoods.all()}
        departments = {item.name: item for item in municipality.departments.all()}
        staff = {}
        for username, first, last, job, roles, department in STAFF:
            # Like every new account, each gets a one-time link to set up the app (mailed to var/mail/);
            # the demo itself lets them in without one.
            staff[username] = staff_invite(
                username=username,
                password=DEMO_PASSWORD,
                validate=False,
                first_name=first,
                last_name=last,
                email=f"{username}@voorbeeld.example",
                job_title=job,
                phone="14 020",
                municipality=municipality,
                roles=list(roles),
                department=departments.get(department),
                actor=None,
                source=Source.DEMO,
            ).user
        now = timezone.now()
        created = {}
        for days_ago, title, theme, hood, support, phase, description, target in INITIATIVES:
            submitted = initiative_services.initiative_submit(
                municipality=municipality,
                title=title,
                description=description,
                target_group=target,
                theme=theme,
                neighbourhood=neighbourhoods[hood],
                support_types=support,
                channel=Channel.ONLINE if days_ago % 2 else Channel.PHONE,
                initiator=initiative_services.InitiatorData(
                    name=f"Bewoner {hood}",
                    email=f"bewoner.{hood.lower()}@voorbeeld.example",
                    phone="06 12345678",
                    preferred_contact=ContactPreference.EMAIL,
                ),
                now=now - timedelta(days=days_ago),
            )
            self._bring_to_life(submitted.initiative, phase=phase, days_ago=days_ago, staff=staff, now=now)
            created[title] = submitted.initiative
        self._handovers_and_callbacks(created, departments, staff, now)
        conversations_seed(municipality=municipality, contact=staff["contact"])
        challenges_seed(
            municipality=municipality,
            administrator=staff["beheer"],
            contact=staff["contact"],
            coordinator=staff["coordinator"],
            neighbourhood=neighbourhoods["Centrum"],
            now=now,
        )
        session_create(
            municipality=municipality,
            title="Oké, een burger-idee",
            date=(now + timedelta(days=14)).date(),
            expected_participants=16,
            created_by=staff["trainer"],
        )
        training_seed(municipality=municipality, trainer=staff["trainer"], coachee=staff["contact2"], now=now)
        self.stdout.write(self.style.SUCCESS("Demo data created for Gemeente Voorbeeld."))

    def _bring_to_life(self, initiative, *, phase, days_ago, staff, now):
        """Make the inbox look real: new and overdue ideas wait; others are in conversation or stopped."""
        if phase == Phase.IDEA:
            return  # new (1 and 3 days ago) or overdue (9 and 12 days ago: first contact was due after 5 working days)
        coordinator, contact = staff["coordinator"], staff["contact"]
        initiative_services.initiative_assign_contact(initiative=initiative, contact=contact, actor=coordinator)
        initiative_services.initiative_first_contact_made(
            initiative=initiative, actor=contact, at=now - timedelta(days=days_ago - 2)
        )
        if phase == Phase.STOPPED:
            initiative_services.initiative_phase_change(
                initiative=initiative,
                to_phase=Phase.STOPPED,
                actor=contact,
                stop_reason=StopReason.MUNICIPAL_PROCESS,
                note="Een zelfgebouwd speeltoestel moet aan de veiligheidseisen voor speeltoestellen voldoen.",
            )
            return
        initiative_services.message_from_resident(
            initiative=initiative, body="Fijn dat u belde! Kunnen we de prikstokken al lenen voor zaterdag?"
        )
        initiative_services.message_to_resident(
            initiative=initiative,
            body="Ja, dat kan. U kunt ze vrijdag ophalen bij de gemeentewerf. Ik zet ze voor u klaar.",
            actor=contact,
        )
        initiative_services.note_add(
            initiative=initiative,
            body="Gemeentewerf gebeld: 20 prikstokken en vuilniszakken staan klaar.",
            actor=contact,
        )
        initiative_services.message_from_resident(initiative=initiative, body="Top, bedankt. Tot vrijdag!")
        # The demo skips the steps in between; real phase changes go one step at a time.
        Initiative.objects.filter(pk=initiative.pk).update(phase=phase)

    def _handovers_and_callbacks(self, created, departments, staff, now):
        """Warm hand-overs (one answered, one overdue, one new) and callback dates (one overdue)."""
        party = created["Buurtfeest in de Rivierenbuurt"]
        litter = created["Zwerfafval prikken langs de gracht"]
        contact = staff["contact"]
        answered = handover_services.handover_ask(
            initiative=litter,
            department=departments["Beheer openbare ruimte"],
            question="Kunnen de bewoners grijpers en vuilniszakken lenen, en wie haalt de volle zakken op?",
            context="Elke eerste zaterdag van de maand, ongeveer tien vrijwilligers langs de gracht.",
            actor=contact,
            now=now - timedelta(days=15),
        )
        handover_services.handover_answer(
            handover=answered,
            answer="Ja. Grijpers en zakken liggen klaar bij de werf aan de Havenweg; "
            "zet de volle zakken bij de container op het Marktplein, wij halen ze maandag op.",
            actor=None,
            now=now - timedelta(days=13),
        )
        handover_services.handover_ask(
            initiative=party,
            department=departments["Vergunningen"],
            question="Is voor dit straatfeest een evenementenvergunning nodig, of is een melding genoeg?",
            context="Zaterdagmiddag, ongeveer 150 bezoekers, de straat wordt afgesloten, muziek tot 22:00 uur.",
            actor=contact,
            now=now - timedelta(days=8),
        )
        handover_services.handover_ask(
            initiative=party,
            department=departments["Vergunningen"],
            question="Mogen er lange tafels op de stoep blijven staan tot de volgende ochtend?",
            actor=contact,
            now=now,
        )
        today = local_date(now)
        deadline_services.follow_up_create(
            initiative=litter,
            due_date=today - timedelta(days=2),
            assigned_to=contact,
            note="Terugbellen over de ophaalplek van de zakken.",
            actor=contact,
            now=now - timedelta(days=6),
        )
        deadline_services.follow_up_create(
            initiative=party,
            due_date=add_working_days(today, 2),
            assigned_to=contact,
            note="Bellen zodra Vergunningen heeft geantwoord.",
            actor=contact,
            now=now,
        )
