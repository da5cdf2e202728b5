"""What the retention task removes from training: sign-ups for past meetings and finished coaching.

- A meeting's sign-ups (name, email, organisation, attendance) are deleted
  `TRAINING_MEETING_SIGNUP_RETENTION_MONTHS` after the meeting. The meeting itself (agenda, outcomes) stays.
- A coaching trajectory (goals, sessions, private notes, shared initiatives) is deleted as a whole
  `TRAINING_COACHING_RETENTION_MONTHS` after it ended: when it was marked finished, or, if never marked, after its
  last session (its creation when it has none).

Requests for a workshop, training or coaching are the workshops app's (`workshops/retention.py`); the intake note and
the proposals of a request go with it.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Count, F, Max, Q
from django.db.models.functions import Coalesce
from django.utils.translation import ngettext

from burgeridee.municipalities.models import Municipality
from burgeridee.records.processing import processing_record
from burgeridee.records.retention import retention_rule
from burgeridee.records.vocabulary import Activity

from .models import CoachingTrajectory, MeetingSignup


def meeting_signups_expired(*, now):
    """Sign-ups for meetings that started longer ago than the retention period."""
    cutoff = now - relativedelta(months=settings.TRAINING_MEETING_SIGNUP_RETENTION_MONTHS)
    return MeetingSignup.objects.filter(meeting__starts_at__lt=cutoff)


def coaching_expired(*, now):
    """Trajectories that ended longer ago than the retention period."""
    cutoff = now - relativedelta(months=settings.TRAINING_COACHING_RETENTION_MONTHS)
    return (
        CoachingTrajectory.objects.annotate(last_session=Max("sessions__starts_at"))
        .annotate(ended=Coalesce("finished_at", "last_session", "created_at"))
        .filter(Q(ended__lt=cutoff) & (Q(last_session__isnull=True) | Q(last_session__lt=cutoff)))
    )


def _by_municipality(queryset, field: str) -> dict[int, int]:
    return {
        row["municipality"]: row["count"]
        for row in queryset.order_by()
        .annotate(municipality=F(field))
        .values("municipality")
        .annotate(count=Count("pk"))
    }


@retention_rule("meeting sign-ups")
def meeting_signups_delete(*, now, dry_run: bool) -> list[str]:
    expired = meeting_signups_expired(now=now)
    counts = _by_municipality(expired, "meeting__municipality")
    lines = []
    for municipality in Municipality.objects.filter(pk__in=counts).order_by("name"):
        count = counts[municipality.pk]
        removed = ngettext(
            "%(count)d aanmelding voor een voorbije bijeenkomst: naam, e-mail, organisatie en aanwezigheid",
            "%(count)d aanmeldingen voor voorbije bijeenkomsten: naam, e-mail, organisatie en aanwezigheid",
            count,
        ) % {"count": count}
        lines.append(f"{municipality.name}: {removed}")
        if dry_run:
            continue
        expired.filter(meeting__municipality=municipality).delete()
        processing_record(municipality=municipality, actor=None, activity=Activity.MEETING_SIGNUPS_DELETE)
    return lines


@retention_rule("coaching")
def coaching_delete(*, now, dry_run: bool) -> list[str]:
    expired = list(coaching_expired(now=now).select_related("municipality", "coachee").order_by("municipality__name"))
    counts: dict[Municipality, int] = {}
    for trajectory in expired:
        counts[trajectory.municipality] = counts.get(trajectory.municipality, 0) + 1
    lines = [
        f"{municipality.name}: "
        + ngettext(
            "%(count)d afgerond coachingstraject: doelen, gesprekken, aantekeningen en gedeelde initiatieven",
            "%(count)d afgeronde coachingstrajecten: doelen, gesprekken, aantekeningen en gedeelde initiatieven",
            count,
        )
        % {"count": count}
        for municipality, count in counts.items()
    ]
    if dry_run:
        return lines
    for trajectory in expired:
        processing_record(
            municipality=trajectory.municipality,
            actor=None,
            activity=Activity.COACHING_DELETE,
            data_subject=trajectory.coachee,  # None when no coachee was named yet
        )
        trajectory.delete()
    return lines
