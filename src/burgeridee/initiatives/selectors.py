"""Reading initiatives for the resident's pages."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

from django.db.models import BooleanField, Case, DateField, Exists, F, OuterRef, Prefetch, Q, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.municipalities.models import Municipality
from burgeridee.records.events import ResidentStep, event_resident_steps, step_kinds
from burgeridee.records.models import TimelineEvent
from burgeridee.records.registry import Registry

from .constants import CLOSED_PHASES, Phase
from .models import Initiative, InternalNote, Message
from .tokens import token_hash

# What the status page shows of an initiative besides its own row; the pages under the status link load it with
# the initiative. A page that shows less names what it needs (`related=`): every relation left out is a query fewer.
RESIDENT_RELATED = {
    "initiators": "initiators",
    "support_requests": "support_requests",
    "events": Prefetch("events", queryset=TimelineEvent.objects.filter(visible_to_resident=True)),
    "messages": Prefetch("messages", queryset=Message.objects.select_related("author")),
}


def _resident_events() -> Prefetch:
    """The status page's events in one query, as `initiative.resident_events`: those shown to the resident ("Wat er
    is gebeurd") and those whose kind puts steps on the time line (internal ones included; `resident_timeline`
    takes them from here instead of reading them again). In the order they happened."""
    return Prefetch(
        "events",
        queryset=TimelineEvent.objects.filter(Q(visible_to_resident=True) | Q(kind__in=step_kinds())),
        to_attr="resident_events",
    )


# The status page: what it shows besides the initiative's row, with the time line's events in the same query.
STATUS_PAGE_RELATED = ("initiators", "support_requests", "resident_events", "messages")


def _related(name: str):
    return _resident_events() if name == "resident_events" else RESIDENT_RELATED[name]


def _open_deletion_request() -> Exists:
    """Whether the resident asked to remove their data and the municipality has not finished (the privacy app's
    requests, reached through the relation's name: that app sits above this one)."""
    requests = Initiative._meta.get_field("deletion_requests").related_model
    return Exists(requests.objects.filter(initiative=OuterRef("pk"), status="open"))


def initiative_get_by_token(
    *,
    municipality: Municipality,
    token: str,
    related: tuple[str, ...] | None = None,
    select: tuple[str, ...] = (),
    open_deletion_request: bool | None = None,
) -> Initiative | None:
    """The initiative a personal status link opens, or None when the link is wrong or expired.

    `related` names the relations to load with it (keys of RESIDENT_RELATED, or "resident_events": see
    `_resident_events`). By default all of RESIDENT_RELATED, and `has_open_deletion_request` in the same query
    (`open_deletion_request=True` asks for it with other `related`). With `related=()` only the initiative's own
    row is read, and its municipality is the one given. `select`: more relations to join into the same query
    (the resident routes' own, `timelines.resident_route_related`).
    """
    if not token or len(token) > 100:
        return None
    queryset = Initiative.objects.filter(
        municipality=municipality,
        status_token_hash=token_hash(token),
        status_token_expires_at__gt=timezone.now(),
    )
    if open_deletion_request or (open_deletion_request is None and related is None):
        queryset = queryset.annotate(has_open_deletion_request=_open_deletion_request())
    if related is None or related:
        queryset = queryset.select_related(
            "municipality", "neighbourhood", "contact_person", "evaluation", "showcase", *select
        ).prefetch_related(*(_related(name) for name in (RESIDENT_RELATED if related is None else related)))
    elif select:
        queryset = queryset.select_related(*select)
    # The token's hash is unique: no ORDER BY (with one, Django hashes every selected column to match the
    # ordering against the SELECT list, which for this many-column join cost more than the query).
    initiative = next(iter(queryset.order_by()[:1]), None)
    if initiative is not None and related is not None and not related:
        initiative.municipality = municipality
    return initiative


# A step of the resident's time line; the kinds of events declare theirs (records.events.ResidentStep).
Step = ResidentStep

# Before these phases the road ahead still shows the first conversation and the agreements on paper; before
# execution it shows "Aan de slag".
CONVERSATION_AHEAD = {Phase.IDEA, Phase.EXPLORING, Phase.PLANNING}
WORK_AHEAD = CONVERSATION_AHEAD | {Phase.AGREEMENTS}


def _own_steps(initiative: Initiative) -> list[Step]:
    """The steps this app knows from the initiative itself: received, first contact, and the road ahead."""
    steps = [
        Step(
            "ontvangen",
            _("Wij hebben uw idee ontvangen"),
            _("Uw kenmerk is %(reference)s.") % {"reference": initiative.reference},
            day=timezone.localdate(initiative.submitted_at),
            day_label=_("Op"),
            at=initiative.submitted_at,
        )
    ]
    if initiative.first_contact_at is not None:
        steps.append(
            Step(
                "contact",
                _("Uw contactpersoon heeft contact met u gehad"),
                _("Uw vaste contactpersoon is %(name)s.") % {"name": initiative.contact_person.display_name}
                if initiative.contact_person
                else "",
                day=timezone.localdate(initiative.first_contact_at),
                day_label=_("Op"),
                at=initiative.first_contact_at,
            )
        )
    elif not initiative.is_closed:
        steps.append(
            Step(
                "contact",
                _("Een contactpersoon neemt contact met u op"),
                _("U krijgt één vaste contactpersoon bij de gemeente. Die belt of mailt u om kennis te maken."),
                state="upcoming",
                day=initiative.first_contact_due,
                day_label=_("Uiterlijk"),
                order=20,
            )
        )
    if initiative.is_closed:
        return steps
    phase = initiative.paused_phase if initiative.phase == Phase.PAUSED else initiative.phase
    if phase in CONVERSATION_AHEAD:
        steps += [
            Step(
                "gesprek",
                _("Het eerste gesprek"),
                _("U vertelt over uw idee. Samen kijken we wat u zelf doet en welke hulp de gemeente kan geven."),
                state="upcoming",
                order=30,
            ),
            Step(
                "verslag",
                _("Afspraken op papier"),
                _("U krijgt de afspraken uit het gesprek op papier. U leest ze en zegt of ze kloppen."),
                state="upcoming",
                order=40,
            ),
        ]
    if phase in WORK_AHEAD:
        steps.append(
            Step(
                "uitvoering",
                _("Aan de slag"),
                _("U voert uw initiatief uit. Uw contactpersoon blijft uw vaste aanspreekpunt."),
                state="upcoming",
                order=60,
            )
        )
    return steps


def _done_moment(step: Step) -> datetime:
    if step.at is not None:
        return step.at
    day = step.day or date.min
    return timezone.make_aware(datetime(day.year, day.month, day.day))


def resident_timeline(*, initiative: Initiative) -> list[Step]:
    """What has happened and what comes next, with real dates, derived from the recorded events.

    The initiative's own steps come first (received, first contact and the road ahead); then every event
    whose kind declares resident steps (records.events) adds or replaces steps by key, in the order the
    events were recorded: a planned conversation replaces "Het eerste gesprek" with its date and place, holding
    it makes that step done. Done steps read in the order they happened; an open initiative then shows
    what is going on now and what comes later; a closed one shows only what happened, and how it ended.
    One query for the events (internal ones included: a kind's step says only what the resident may know).
    """
    steps: dict[str, Step] = {}

    def put(step: Step) -> None:
        for key in step.replaces:
            steps.pop(key, None)
        for key in step.fulfils:
            if key in steps and not steps[key].is_done:
                del steps[key]
        if step.title:
            steps.pop(step.key, None)
            steps[step.key] = step

    for step in _own_steps(initiative):
        put(step)
    # In the order they were recorded: an event may carry an earlier moment (a conversation recorded as held
    # on its real, earlier day), but what was recorded later is the later news.
    loaded = getattr(initiative, "resident_events", None)  # read with the initiative (STATUS_PAGE_RELATED)
    if loaded is not None:
        kinds = set(step_kinds())
        events = sorted((event for event in loaded if event.kind in kinds), key=lambda event: event.pk)
    else:
        events = TimelineEvent.objects.filter(initiative=initiative, kind__in=step_kinds()).order_by("id")
    for event in events:
        for step in event_resident_steps(event):
            if step.at is None:
                step = replace(step, at=event.created_at)
            if step.is_done and step.day is None:
                step = replace(step, day=timezone.localdate(step.at), day_label=step.day_label or _("Op"))
            put(step)

    done = sorted((s for s in steps.values() if s.is_done), key=_done_moment)
    if initiative.is_closed:
        return done
    ahead = sorted(
        (s for s in steps.values() if not s.is_done),
        key=lambda s: (s.state != "current", s.day is None, s.day or date.min, s.order),
    )
    if ahead and not any(s.state == "current" for s in ahead):
        ahead[0] = replace(ahead[0], state="current")
    return done + ahead


def initiative_get_for_staff(*, municipality: Municipality, pk: int) -> Initiative:
    """One initiative of this municipality for a staff page; another municipality's id is a 404."""
    return get_object_or_404(
        Initiative.objects.select_related("municipality", "neighbourhood", "contact_person"),
        municipality=municipality,
        pk=pk,
    )


def first_contact_overdue_q(*, today: date) -> Q:
    """Still an idea, no first contact yet, and the promised day has passed (due today is not late yet)."""
    return Q(phase=Phase.IDEA, first_contact_at__isnull=True, first_contact_due__lt=today)


@dataclass(frozen=True)
class OverdueCondition:
    """One reason an open initiative can be overdue: `q(today=...)` is a Q on Initiative; `label` says it to
    staff in a few words (the inbox row of a late initiative says why it is late).

    `deadline()` is the same condition as a date: an expression on Initiative giving the earliest day of this
    kind still open (None when there is none), so that `q(today)` holds exactly when that day < today.
    `sources` are the models (with an `initiative_id`) whose saves and deletes change it: initiatives.deadlines
    then refreshes `Initiative.next_deadline`, the column the inbox reads.
    """

    key: str
    q: Callable[..., Q]
    label: str = ""
    deadline: Callable[[], object] | None = None
    sources: tuple = ()


# What makes an open initiative overdue. This app registers the late first contact; apps above it (the
# deadlines app: agreed callback dates, hand-overs) register their own conditions from AppConfig.ready().
overdue_conditions = Registry[OverdueCondition]("overdue conditions")


def first_contact_deadline():
    """The promised day of the first contact while it is still owed (an idea without a first contact)."""
    return Case(
        When(Q(phase=Phase.IDEA, first_contact_at__isnull=True), then=F("first_contact_due")),
        default=Value(None),
        output_field=DateField(),
    )


overdue_conditions.register(
    OverdueCondition(
        "first_contact",
        first_contact_overdue_q,
        gettext_lazy("Eerste contact te laat"),
        deadline=first_contact_deadline,
        sources=(Initiative,),
    )
)


def overdue_q(*, today: date | None = None) -> Q:
    """Open initiatives with at least one passed deadline."""
    today = today or timezone.localdate()
    condition = Q()
    for overdue_condition in overdue_conditions:
        condition |= overdue_condition.q(today=today)
    # The cheap test first: PostgreSQL evaluates a FILTER's AND from the left, so closed initiatives skip
    # the EXISTS subqueries of the registered conditions.
    return ~Q(phase__in=CLOSED_PHASES) & condition


def with_overdue(queryset, *, today: date | None = None):
    """Annotate `is_overdue` (one CASE in the same query, no extra queries per row)."""
    return queryset.annotate(
        is_overdue=Case(
            When(overdue_q(today=today), then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )


def _reason_annotation(key: str) -> str:
    return f"overdue_{key}"


def with_overdue_reasons(queryset, *, today: date | None = None):
    """`with_overdue`, and per registered condition a boolean `overdue_<key>`: why a row is late.

    One CASE per condition in the same query, so a list of late initiatives says why each is late
    without a query per row; `overdue_reasons` reads the annotations back as labels.
    """
    today = today or timezone.localdate()
    is_open = ~Q(phase__in=CLOSED_PHASES)
    return with_overdue(queryset, today=today).annotate(
        **{
            _reason_annotation(condition.key): Case(
                When(is_open & condition.q(today=today), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
            for condition in overdue_conditions
        }
    )


def overdue_reasons(initiative: Initiative) -> list[str]:
    """Why `initiative` is late, as labels, from the annotations of `with_overdue_reasons` (no queries)."""
    return [
        condition.label
        for condition in overdue_conditions
        if getattr(initiative, _reason_annotation(condition.key), False)
    ]


def initiative_get_for_staff_page(*, municipality: Municipality, pk: int) -> Initiative:
    """One initiative with everything the staff initiative page shows, in a fixed number of queries."""

    return get_object_or_404(
        with_overdue(
            Initiative.objects.select_related("municipality", "neighbourhood", "contact_person")
        ).prefetch_related(
            "initiators",
            "support_requests",
            Prefetch("events", queryset=TimelineEvent.objects.select_related("actor")),
            Prefetch("messages", queryset=Message.objects.select_related("author")),
            Prefetch("notes", queryset=InternalNote.objects.select_related("author")),
        ),
        municipality=municipality,
        pk=pk,
    )


def contact_people(*, municipality: Municipality) -> list:
    """Active staff with the contact role in this municipality (one query)."""
    memberships = (
        Membership.objects.filter(municipality=municipality, is_active=True, user__is_active=True)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    )
    return [m.user for m in memberships if m.has_role(Role.CONTACT)]


@dataclass(frozen=True)
class ContactChoice:
    """A contact person as the initiative page's <select> shows them (no model instance: there may be hundreds)."""

    pk: int
    display_name: str
    job_title: str


def contact_choices(*, municipality: Municipality) -> list[ContactChoice]:
    """The same people as contact_people, in the same order, as plain values (one query, no ORM objects).

    The initiative page offers them only to a coordinator; building hundreds of User instances for every
    page view made the page's cost grow with the number of staff in a municipality.
    """
    rows = (
        Membership.objects.filter(municipality=municipality, is_active=True, user__is_active=True)
        .order_by("user__first_name", "user__last_name", "user__username")
        .values_list("user_id", "user__first_name", "user__last_name", "user__username", "user__job_title", "roles")
    )
    return [
        # The same name as User.display_name (get_full_name() or username).
        ContactChoice(pk, f"{first} {last}".strip() or username, job_title or "")
        for pk, first, last, username, job_title, roles in rows
        if Role.CONTACT in roles
    ]


def initiative_submission_received(*, municipality: Municipality, submission_key: str | None, now=None) -> bool:
    """True when the form with this key was stored here already and the key still recognises it.

    The same test initiative_submit makes before it stores a form as a new idea.
    """
    if not submission_key:
        return False
    return Initiative.objects.filter(
        municipality=municipality,
        submission_key_hash=token_hash(submission_key),
        submission_key_expires_at__gt=now or timezone.now(),
    ).exists()
