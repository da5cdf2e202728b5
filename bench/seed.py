"""Seed realistic data at scale with bulk inserts: municipalities, staff, initiatives and their history.

Call `seed(size=...)` after django.setup() on an empty (migrated) database. Rows are written in
chunks with bulk_create, so memory stays flat and the full size takes minutes. A share of the
initiatives past the idea phase get a held first conversation with a sent report and agreements.

Every seeded initiative has a status link whose token is derived from its reference
(`bench_token(reference)`), so the benchmark can open any seeded status page.
"""

import enum
import functools
import hashlib
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership, User
from burgeridee.core.dates import add_working_days
from burgeridee.initiatives.constants import (
    CLOSED_PHASES,
    LIFE_CYCLE,
    Channel,
    ContactPreference,
    MessageDirection,
    Phase,
    StopReason,
    SupportType,
    Theme,
)
from burgeridee.initiatives.models import (
    Initiative,
    Initiator,
    Message,
    ReferenceSequence,
    SupportRequest,
)
from burgeridee.initiatives.tokens import token_hash
from burgeridee.municipalities.models import Department, Municipality, Neighbourhood
from burgeridee.records.models import ProcessingLogEntry, StaffAuditEntry, TimelineEvent
from burgeridee.records.processing import data_subject_pseudonym
from burgeridee.records.vocabulary import Action, Activity, DataSubjectType, PersonalDataField, Purpose


@dataclass(frozen=True)
class Size:
    municipalities: int
    initiatives: int
    staff: int


SIZES = {
    "tiny": Size(municipalities=2, initiatives=40, staff=6),  # the test suite
    "loadtest": Size(municipalities=2, initiatives=200, staff=44),  # 20+ contact people in the largest
    "small": Size(municipalities=5, initiatives=10_000, staff=100),
    "medium": Size(municipalities=30, initiatives=60_000, staff=600),
    "full": Size(municipalities=100, initiatives=200_000, staff=2_000),
    # Every municipality in the Netherlands, a few hundred ideas each per year over ten years.
    "national": Size(municipalities=342, initiatives=1_000_000, staff=10_000),
}

# Share of the initiatives past the idea phase that had their first conversation (with a sent report).
CONVERSATION_SHARE = 0.6
AGREEMENTS_PER_REPORT = 3

CHUNK = 5_000
PASSWORD = "bench-burgeridee-wachtwoord"  # noqa: S105 - benchmark data only, never a real account

NEIGHBOURHOODS = [
    "Centrum",
    "Oosterpark",
    "De Weide",
    "Havenkwartier",
    "Noorderhout",
    "Rivierenbuurt",
    "Schildersbuurt",
    "Vogelwijk",
    "Bloemenbuurt",
    "Stationsgebied",
    "Oude Dorp",
    "Zuiderkwartier",
]
DEPARTMENTS = ["Subsidies", "Vastgoed", "Beheer openbare ruimte", "Vergunningen", "Communicatie"]
FIRST_NAMES = ["Fatima", "Jan", "Sanne", "Mohammed", "Anouk", "Pieter", "Yara", "Kees", "Noor", "Daan", "Lotte"]
LAST_NAMES = ["Bakker", "de Vries", "Jansen", "El Amrani", "Visser", "Smit", "Yilmaz", "de Boer", "Mulder"]
IDEAS = [
    ("Moestuin aan de {street}", "Wij willen met de buren een moestuin maken op het grasveld."),
    ("Samen eten in {hood}", "Eén keer per maand koken wij voor buren die alleen wonen."),
    ("Speelstraat {street}", "Op zondag is de straat een speelplek voor kinderen."),
    ("Buurtkast bij {street}", "Een kast waar buren spullen ruilen en boeken lenen."),
    ("Opschoondag {hood}", "Vier keer per jaar maken wij samen de buurt schoon."),
    ("Taalcafé {hood}", "Nieuwe buren oefenen Nederlands met vrijwilligers."),
    ("Bankje bij de {street}", "Een bankje zodat ouderen onderweg kunnen rusten."),
]
STREETS = ["Kastanjelaan", "Dorpsstraat", "Kerkplein", "Molenweg", "Havenkade", "Lindelaan", "Schoolstraat"]
MESSAGES_IN = ["Wanneer hoor ik iets?", "Wij hebben nu tien buren die meedoen.", "Kunnen we volgende week bellen?"]
MESSAGES_OUT = ["Dank voor uw bericht. Ik bel u donderdag.", "De vergunning is aangevraagd.", "Goed nieuws!"]
PHASES = [
    (Phase.IDEA, 14),
    (Phase.EXPLORING, 14),
    (Phase.PLANNING, 10),
    (Phase.AGREEMENTS, 8),
    (Phase.EXECUTION, 14),
    (Phase.SUSTAINING, 6),
    (Phase.EVALUATING, 4),
    (Phase.COMPLETED, 16),
    (Phase.PAUSED, 3),
    (Phase.STOPPED, 8),
    (Phase.NOT_AN_INITIATIVE, 3),
]


def bench_token(reference: str) -> str:
    """The status-link token of a seeded initiative (only its hash is stored, as for real ones)."""
    return hashlib.sha256(f"burgeridee-bench:{reference}".encode()).hexdigest()[:43]


def bench_totp_key(username: str) -> str:
    """The TOTP secret (hex) of a seeded staff member, so the benchmark can log in with a real second factor."""
    return hashlib.sha1(f"burgeridee-bench-totp:{username}".encode()).hexdigest()  # noqa: S324 - not a hash of a secret


def bench_workshop_code(slug: str) -> str | None:
    """The join code of the seeded running workshop of `slug`."""
    from burgeridee.workshops.constants import SessionStatus
    from burgeridee.workshops.models import WorkshopSession

    return (
        WorkshopSession.objects.filter(municipality__slug=slug, status=SessionStatus.RUNNING)
        .values_list("code", flat=True)
        .first()
    )


def municipality_slug(number: int) -> str:
    return f"proefstad-{number:03d}"


def _weights(count: int) -> list[float]:
    """A few large municipalities and many small ones, as in the Netherlands."""
    raw = [1 / (rank**0.8) for rank in range(1, count + 1)]
    total = sum(raw)
    return [w / total for w in raw]


def _bulk(model, rows: list, counts: dict) -> list:
    """Insert `rows` (unsaved model instances) and give each its primary key.

    On PostgreSQL with COPY (several times faster than INSERT: no SQL per row, no RETURNING): the keys are
    taken from the table's sequence first, so children can point at their parents. Elsewhere (SQLite, the
    test suite) with bulk_create."""
    if not rows:
        return rows
    if connection.vendor == "postgresql":
        _copy(model, rows)
    else:
        instances = [model(**row.__dict__) if isinstance(row, _Row) else row for row in rows]
        model.objects.bulk_create(instances, batch_size=CHUNK)
        attname = model._meta.pk.attname
        for row, instance in zip(rows, instances, strict=True):
            setattr(row, attname, instance.pk)
    counts[model._meta.label] = counts.get(model._meta.label, 0) + len(rows)
    return rows


def _copy(model, rows: list) -> None:
    meta = model._meta
    pk = meta.pk
    missing = [row for row in rows if getattr(row, pk.attname) is None]
    if missing and pk.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField"}:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, pk.column, len(missing)],
            )
            for row, (key,) in zip(missing, cursor.fetchall(), strict=True):
                setattr(row, pk.attname, key)
    fields = _copy_fields(model)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field, _kind in fields)
    statement = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([_copy_value(row, field, kind) for field, kind in fields])


class _Row:
    """A row of a model's table as plain attributes (by attname), for the tables with millions of rows: making
    a model instance per row was a third of the seeder's time. `_bulk` writes it like an instance."""

    def __init__(self, values: dict):
        self.__dict__.update(values)

    @property
    def pk(self):
        return self.id


@functools.cache
def _defaults(model) -> list[tuple[str, object, bool]]:
    """(attname, default, call it per row?) per column, with Django's defaults ("" for a text column)."""
    return [
        (field.attname, field.default, True)
        if field.has_default() and callable(field.default)
        else (field.attname, field.get_default(), False)
        for field in model._meta.concrete_fields
        if not getattr(field, "generated", False)
    ]


def _row(model, **values) -> _Row:
    """A new row of `model` with its defaults, as `model(**values)` would have (keyword names are attnames)."""
    row = {name: default() if call else default for name, default, call in _defaults(model)}
    row.update(values)
    return _Row(row)


@functools.cache
def _copy_fields(model) -> list[tuple]:
    """The columns COPY writes, each with how its value is read: psycopg adapts plain Python values itself,
    which is several times cheaper than Django's per-field preparation."""
    from django.db.models import JSONField

    fields = []
    for field in model._meta.concrete_fields:
        if getattr(field, "generated", False):
            continue  # computed by the database (the search vector)
        if isinstance(field, JSONField):
            kind = "json"
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            kind = "pre_save"
        else:
            kind = "plain"
        fields.append((field, kind))
    return fields


def _copy_value(row, field, kind):
    if kind == "json":
        from psycopg.types.json import Jsonb

        value = getattr(row, field.attname)
        return None if value is None else Jsonb(value)
    value = field.pre_save(row, True) if kind == "pre_save" else getattr(row, field.attname)
    return value.value if isinstance(value, enum.Enum) else value  # a TextChoices member: its stored value


def _triggers_off() -> bool:
    """Skip foreign-key checks (triggers) in this session while bulk loading, where allowed (a superuser)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("SET synchronous_commit = off")
    return True


def _seed_conversations(municipalities, rng: random.Random, now: datetime, counts: dict, log) -> str:
    """First conversations with a sent report and agreements, for a share of the initiatives."""
    from burgeridee.conversations.constants import ConversationStatus, ReportStatus
    from burgeridee.conversations.models import Agreement, Conversation, Report
    from burgeridee.conversations.services import conversation_model_ensure_default

    models_by_municipality = {m.pk: conversation_model_ensure_default(municipality=m).pk for m in municipalities}
    initiatives = list(Initiative.objects.exclude(phase="idee").values_list("pk", "municipality_id", "submitted_at"))
    chosen = [row for row in initiatives if rng.random() < CONVERSATION_SHARE]
    conversations, reports, agreements = 0, 0, 0
    for start in range(0, len(chosen), CHUNK):
        batch = chosen[start : start + CHUNK]
        with transaction.atomic():
            made = _bulk(
                Conversation,
                [
                    Conversation(
                        initiative_id=pk,
                        model_id=models_by_municipality[municipality_id],
                        status=ConversationStatus.HELD,
                        starts_at=submitted_at + timedelta(days=7),
                        held_at=submitted_at + timedelta(days=7),
                        place="Buurthuis",
                        municipal_roles=["faciliteren"],
                        captures={"cap_core_group": "Drie buren", "cap_help_asked": "Spullen lenen"},
                    )
                    for pk, municipality_id, submitted_at in batch
                ],
                counts,
            )
            made_reports = _bulk(
                Report,
                [
                    Report(
                        conversation_id=conversation.pk,
                        status=ReportStatus.SENT,
                        summary="We spraken over het idee en wat de bewoners zelf doen.",
                        next_step="De contactpersoon vraagt de afdeling om advies.",
                        callback_date=(conversation.starts_at + timedelta(days=14)).date(),
                        sent_at=conversation.starts_at + timedelta(days=2),
                    )
                    for conversation in made
                ],
                counts,
            )
            _bulk(
                Agreement,
                [
                    _row(
                        Agreement,
                        report_id=report.pk,
                        order=order,
                        what=f"Afspraak {order + 1}",
                        who="Bewoner",
                        due_date=(now + timedelta(days=rng.randint(-20, 40))).date(),
                    )
                    for report in made_reports
                    for order in range(AGREEMENTS_PER_REPORT)
                ],
                counts,
            )
        conversations += len(made)
        reports += len(made_reports)
        agreements += len(made_reports) * AGREEMENTS_PER_REPORT
    return f"conversations: {conversations:,} held, {reports:,} reports, {agreements:,} agreements"


def _seed_workshop(municipality) -> str:
    """A running live workshop in the largest municipality, for the participant page."""
    from burgeridee.workshops import services as workshop_services

    session = workshop_services.session_create(
        municipality=municipality, title="Oké, een burger-idee (proef)", date=timezone.localdate()
    )
    workshop_services.session_open(session=session)
    workshop_services.session_start(session=session)
    return f"workshop: one running session in {municipality.slug}"


def seed(*, size: str = "small", seed_value: int = 2026, log=print) -> dict:
    """Fill the database; returns {"counts": {...}, "notes": [...], "seconds": float}."""
    spec = SIZES[size]
    rng = random.Random(seed_value)
    started = time.monotonic()
    cpu_started = time.process_time()
    now = timezone.now()
    counts: dict[str, int] = {}
    notes: list[str] = []
    password = make_password(PASSWORD)

    # Municipalities, neighbourhoods, departments.
    municipalities = _bulk(
        Municipality,
        [
            Municipality(
                slug=municipality_slug(number),
                name=f"Gemeente Proefstad {number}",
                contact_email=f"initiatieven@proefstad-{number:03d}.example",
                contact_phone="14 020",
                first_contact_working_days=5,
            )
            for number in range(1, spec.municipalities + 1)
        ],
        counts,
    )
    municipalities = list(Municipality.objects.filter(slug__startswith="proefstad-").order_by("slug"))
    hoods = []
    departments = []
    for municipality in municipalities:
        for name in rng.sample(NEIGHBOURHOODS, rng.randint(6, len(NEIGHBOURHOODS))):
            hoods.append(Neighbourhood(municipality=municipality, name=name))
        for name in DEPARTMENTS:
            departments.append(Department(municipality=municipality, name=name))
    _bulk(Neighbourhood, hoods, counts)
    _bulk(Department, departments, counts)
    hoods_by_municipality: dict[int, list[int]] = {}
    for pk, municipality_id in Neighbourhood.objects.values_list("pk", "municipality_id"):
        hoods_by_municipality.setdefault(municipality_id, []).append(pk)
    departments_by_municipality: dict[int, list[int]] = {}
    for pk, municipality_id in Department.objects.values_list("pk", "municipality_id"):
        departments_by_municipality.setdefault(municipality_id, []).append(pk)

    # Staff: spread like the initiatives, at least two per municipality.
    weights = _weights(len(municipalities))
    per_municipality = [max(2, round(w * spec.staff)) for w in weights]
    users = []
    memberships_plan = []
    number = 0
    for municipality, staff_count in zip(municipalities, per_municipality, strict=True):
        for index in range(staff_count):
            number += 1
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            users.append(
                User(
                    username=f"bench-{number:05d}",
                    first_name=first,
                    last_name=last,
                    email=f"bench-{number:05d}@proefstad.example",
                    password=password,
                    job_title="Initiatievenmakelaar",
                    phone="06 12345678",
                )
            )
            if index == 0:
                roles = [Role.COORDINATOR, Role.CONTACT]
            elif index % 7 == 6:
                roles = [Role.DEPARTMENT]
            elif index % 11 == 10:
                roles = [Role.TRAINER]
            else:
                roles = [Role.CONTACT]
            memberships_plan.append((municipality.pk, roles))
    _bulk(User, users, counts)
    user_ids = list(
        User.objects.filter(username__startswith="bench-").order_by("username").values_list("pk", flat=True)
    )
    memberships = []
    contacts_by_municipality: dict[int, list[int]] = {}
    for user_id, (municipality_id, roles) in zip(user_ids, memberships_plan, strict=True):
        department = rng.choice(departments_by_municipality[municipality_id]) if Role.DEPARTMENT in roles else None
        memberships.append(
            Membership(user_id=user_id, municipality_id=municipality_id, roles=roles, department_id=department)
        )
        if Role.CONTACT in roles:
            contacts_by_municipality.setdefault(municipality_id, []).append(user_id)
    _bulk(Membership, memberships, counts)
    # Every seeded staff member has a confirmed authenticator app with a known secret.
    _bulk(
        TOTPDevice,
        [
            TOTPDevice(user_id=pk, name="bench", key=bench_totp_key(username), confirmed=True)
            for pk, username in User.objects.filter(username__startswith="bench-").values_list("pk", "username")
        ],
        counts,
    )
    log(f"  municipalities, neighbourhoods, {len(user_ids)} staff: {time.monotonic() - started:.1f}s")

    # Initiatives with initiators, help asked, time line and messages, in chunks. On PostgreSQL as superuser
    # (the benchmark's private cluster) the foreign-key triggers are skipped while loading: the seeder makes
    # the keys itself, and checking 15 rows per initiative against their parents is most of a COPY's cost.
    triggers_off = _triggers_off()
    municipality_ids = [m.pk for m in municipalities]
    phases, phase_weights = zip(*PHASES, strict=True)
    years_back = 6
    sequence: dict[int, int] = {}
    support_values = [value for value, _label in SupportType.choices]
    theme_values = [value for value, _label in Theme.choices]
    stop_reasons = [value for value, _label in StopReason.choices if value != StopReason.WITHDRAWN]
    created = 0
    while created < spec.initiatives:
        batch_size = min(CHUNK, spec.initiatives - created)
        plans = []
        initiatives = []
        for _ in range(batch_size):
            municipality_id = rng.choices(municipality_ids, weights)[0]
            # More recent years have more initiatives.
            submitted_at = now - timedelta(
                days=int(rng.triangular(0, 365 * years_back, 0)), minutes=rng.randint(0, 1440)
            )
            year = submitted_at.astimezone(UTC).year
            sequence[year] = sequence.get(year, 0) + 1
            reference = f"BI-{year}-{sequence[year]:06d}"
            phase = rng.choices(phases, phase_weights)[0]
            if (now - submitted_at).days < 30 and rng.random() < 0.7:
                phase = Phase.IDEA
            title, description = rng.choice(IDEAS)
            hood_ids = hoods_by_municipality[municipality_id]
            contacts = contacts_by_municipality.get(municipality_id) or [None]
            contact_id = None if phase == Phase.IDEA else rng.choice(contacts)
            closed = phase in CLOSED_PHASES
            initiatives.append(
                Initiative(
                    municipality_id=municipality_id,
                    reference=reference,
                    title=title.format(street=rng.choice(STREETS), hood=rng.choice(NEIGHBOURHOODS))[:120],
                    description=description + " " + "Wij hebben er veel zin in. " * rng.randint(0, 6),
                    target_group="Buren, kinderen en ouderen in de wijk",
                    neighbourhood_id=rng.choice(hood_ids) if rng.random() < 0.9 else None,
                    location=rng.choice(STREETS),
                    theme=rng.choice(theme_values),
                    involved="Buren en de school" if rng.random() < 0.5 else "",
                    help_description="",
                    own_contribution="Wij zorgen voor vrijwilligers." if rng.random() < 0.5 else "",
                    channel=Channel.ONLINE if rng.random() < 0.85 else Channel.PHONE,
                    phase=phase,
                    stop_reason=rng.choice(stop_reasons) if phase == Phase.STOPPED else "",
                    submitted_at=submitted_at,
                    first_contact_due=add_working_days(submitted_at.date(), 5),
                    first_contact_at=None if phase == Phase.IDEA else submitted_at + timedelta(days=rng.randint(1, 6)),
                    contact_person_id=contact_id,
                    status_token_hash=token_hash(bench_token(reference)),
                    status_token_expires_at=now + timedelta(days=730),
                    closed_at=submitted_at + timedelta(days=rng.randint(60, 700)) if closed else None,
                )
            )
            plans.append((phase, submitted_at, contact_id))
        with transaction.atomic():
            _bulk(Initiative, initiatives, counts)
            initiators, support, events, messages = [], [], [], []
            for initiative, (phase, submitted_at, contact_id) in zip(initiatives, plans, strict=True):
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
                for index in range(1 if rng.random() < 0.8 else 2):
                    initiators.append(
                        _row(
                            Initiator,
                            initiative_id=initiative.pk,
                            name=f"{first} {last}" if index == 0 else f"{rng.choice(FIRST_NAMES)} {last}",
                            email=f"bewoner{initiative.pk}-{index}@example.org",
                            phone="06 12345678",
                            postal_code="1234 AB",
                            city="Proefstad",
                            preferred_contact=ContactPreference.EMAIL,
                            is_primary=index == 0,
                        )
                    )
                for support_type in rng.sample(support_values, rng.randint(0, 3)):
                    support.append(_row(SupportRequest, initiative_id=initiative.pk, support_type=support_type))
                moment = submitted_at
                events.append(
                    _row(TimelineEvent, initiative_id=initiative.pk, kind="ingediend", created_at=moment, data={})
                )
                events.append(
                    _row(
                        TimelineEvent,
                        initiative_id=initiative.pk,
                        kind="bevestiging",
                        created_at=moment + timedelta(seconds=5),
                        data={"channel": "email"},
                    )
                )
                if contact_id:
                    moment += timedelta(days=rng.randint(1, 5))
                    events.append(
                        _row(
                            TimelineEvent,
                            initiative_id=initiative.pk,
                            kind="contactpersoon",
                            created_at=moment,
                            actor_id=contact_id,
                            data={"user_id": contact_id},
                        )
                    )
                reached = LIFE_CYCLE.index(phase) if phase in LIFE_CYCLE else rng.randint(1, 4)
                previous = Phase.IDEA
                for step in LIFE_CYCLE[1 : reached + 1]:
                    moment += timedelta(days=rng.randint(5, 60))
                    events.append(
                        _row(
                            TimelineEvent,
                            initiative_id=initiative.pk,
                            kind="fase",
                            created_at=moment,
                            actor_id=contact_id,
                            data={"from": previous, "to": step},
                        )
                    )
                    previous = step
                if phase not in LIFE_CYCLE:
                    events.append(
                        _row(
                            TimelineEvent,
                            initiative_id=initiative.pk,
                            kind="fase",
                            created_at=moment + timedelta(days=3),
                            actor_id=contact_id,
                            data={"from": previous, "to": phase},
                        )
                    )
                message_count = 0 if phase == Phase.IDEA and rng.random() < 0.7 else rng.randint(0, 4)
                for index in range(message_count):
                    moment += timedelta(hours=rng.randint(2, 200))
                    inbound = index % 2 == 0
                    messages.append(
                        _row(
                            Message,
                            initiative_id=initiative.pk,
                            direction=MessageDirection.INBOUND if inbound else MessageDirection.OUTBOUND,
                            body=rng.choice(MESSAGES_IN if inbound else MESSAGES_OUT),
                            created_at=moment,
                            author_id=None if inbound else contact_id,
                        )
                    )
                    events.append(
                        _row(
                            TimelineEvent,
                            initiative_id=initiative.pk,
                            kind="bericht_bewoner" if inbound else "bericht_gemeente",
                            created_at=moment,
                            actor_id=None if inbound else contact_id,
                            visible_to_resident=True,
                            data={},
                        )
                    )
            _bulk(Initiator, initiators, counts)
            _bulk(SupportRequest, support, counts)
            _bulk(TimelineEvent, events, counts)
            _bulk(Message, messages, counts)
            # The processing log: a staff read of the personal data of most initiatives, and who read it.
            read = [(initiative, plan) for initiative, plan in zip(initiatives, plans, strict=True) if plan[2]]
            primary = {initiator.initiative_id: initiator.pk for initiator in initiators if initiator.is_primary}
            log_lines = _bulk(
                ProcessingLogEntry,
                [
                    _row(
                        ProcessingLogEntry,
                        trace_id=f"{rng.getrandbits(128):032x}",
                        span_id=f"{rng.getrandbits(64):016x}",
                        started_at=plan[1] + timedelta(days=1),
                        ended_at=plan[1] + timedelta(days=1),
                        municipality_id=initiative.municipality_id,
                        activity=Activity.INITIATIVE_READ,
                        action=Action.READ,
                        purpose=Purpose.INITIATIVE_SUPPORT,
                        processing_activity_id=f"urn:burgeridee:processing-activity:{Activity.INITIATIVE_READ}",
                        initiative_id=initiative.pk,
                        initiative_reference=initiative.reference,
                        data_subject_type=DataSubjectType.INITIATOR,
                        data_subject_id=data_subject_pseudonym(DataSubjectType.INITIATOR, primary[initiative.pk]),
                        fields=[PersonalDataField.NAME, PersonalDataField.EMAIL],
                    )
                    for initiative, plan in read
                ],
                counts,
            )
            _bulk(
                StaffAuditEntry,
                [
                    _row(StaffAuditEntry, processing_id=line.pk, actor_id=plan[2], actor_label="Proef medewerker")
                    for line, (_initiative, plan) in zip(log_lines, read, strict=True)
                ],
                counts,
            )
        created += batch_size
        if created % (CHUNK * 10) == 0 or created == spec.initiatives:
            log(f"  {created:,} initiatives: {time.monotonic() - started:.1f}s")

    # New submissions during the benchmark continue the numbering.
    for year, last in sequence.items():
        ReferenceSequence.objects.update_or_create(year=year, defaults={"last_number": last})

    notes.append(_seed_conversations(municipalities, rng, now, counts, log))
    if triggers_off:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")
    notes.append(_seed_workshop(municipalities[0]))
    # bulk_create sends no signals: the initiatives' stored next deadline (the inbox's "Te laat") in one pass.
    from burgeridee.initiatives.deadlines import deadlines_repair

    notes.append(f"next deadline stored for {deadlines_repair():,} initiatives")

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # As autovacuum would do on a live system: statistics, and the visibility map that index-only scans
            # need. VACUUM cannot run inside a transaction (the test suite seeds inside one).
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    seconds = time.monotonic() - started
    cpu_seconds = time.process_time() - cpu_started
    for note in notes:
        log(f"  {note}")
    log(f"  seeded in {seconds:.1f}s ({cpu_seconds:.1f}s CPU in this process)")
    return {
        "counts": counts,
        "notes": notes,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu_seconds, 1),
        "size": size,
    }


def seeded_conversation_sample(*, count: int = 50, seed_value: int = 7, number: int = 1) -> list[int]:
    """Initiatives of municipality `number` (1: the largest) that had their first conversation, for the
    conversation screen."""
    from burgeridee.conversations.models import Conversation

    rng = random.Random(seed_value)
    pks = list(
        Conversation.objects.filter(initiative__municipality__slug=municipality_slug(number))
        .order_by("pk")
        .values_list("initiative_id", flat=True)[:2000]
    )
    rng.shuffle(pks)
    return pks[:count]


def seeded_sample(*, count: int = 50, seed_value: int = 7, number: int = 1) -> list[dict]:
    """Seeded initiatives of municipality `number` (1: the largest), open and with a typical history, for the
    pages."""
    largest = municipality_slug(number)
    rng = random.Random(seed_value)
    rows = list(
        Initiative.objects.filter(municipality__slug=largest, closed_at__isnull=True)
        .exclude(phase=Phase.IDEA)
        .order_by("pk")
        .values("pk", "reference", "municipality__slug")[:2000]
    )
    rng.shuffle(rows)
    return [
        {"pk": row["pk"], "slug": row["municipality__slug"], "token": bench_token(row["reference"])}
        for row in rows[:count]
    ]
