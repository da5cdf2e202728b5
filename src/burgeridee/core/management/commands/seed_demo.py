"""Fill an empty database with the demo: Gemeente Voorbeeld, its staff and some initiatives."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.initiatives import services as initiative_services
from burgeridee.initiatives.constants import Channel, ContactPreference, Phase, SupportType, Theme
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.models import Department, Municipality, Neighbourhood

DEMO_PASSWORD = "demo-burgeridee"  # noqa: S105 - demo only; staff need a second factor outside the demo

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
        municipality = Municipality.objects.create(
            slug="voorbeeld",
            name="Gemeente Voorbeeld",
            contact_email="initiatieven@voorbeeld.example",
            contact_phone="14 020",
            contact_address="Stadhuisplein 1\n1234 AB Voorbeeld",
            website="https://www.voorbeeld.example",
            privacy_officer_email="privacy@voorbeeld.example",
            theme={"--utrecht-color-red-40": "#b3261e"},
        )
        neighbourhoods = {
            name: Neighbourhood.objects.create(municipality=municipality, name=name) for name in NEIGHBOURHOODS
        }
        departments = {
            name: Department.objects.create(municipality=municipality, name=name, support_types=list(support_types))
            for name, support_types in DEPARTMENTS
        }
        user_model = get_user_model()
        staff = {}
        for username, first, last, job, roles, department in STAFF:
            user = user_model.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                email=f"{username}@voorbeeld.example",
                job_title=job,
                phone="14 020",
            )
            Membership.objects.create(
                user=user, municipality=municipality, roles=list(roles), department=departments.get(department)
            )
            staff[username] = user
        now = timezone.now()
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
            updates = {"phase": phase}
            if phase != Phase.IDEA:
                updates.update(contact_person=staff["contact"], first_contact_at=now - timedelta(days=days_ago - 2))
            if phase == Phase.STOPPED:
                updates.update(stop_reason="anders", stop_note="Veiligheidseisen speeltoestellen", closed_at=now)
            Initiative.objects.filter(pk=submitted.initiative.pk).update(**updates)
        from burgeridee.workshops.services import session_create

        session_create(
            municipality=municipality,
            title="Oké, een burger-idee",
            date=(now + timedelta(days=14)).date(),
            expected_participants=16,
            created_by=staff["trainer"],
        )
        self.stdout.write(self.style.SUCCESS("Demo data created for Gemeente Voorbeeld."))
