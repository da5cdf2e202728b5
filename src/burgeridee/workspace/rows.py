"""The inbox's table rows, rendered by Jinja2 instead of the Django template language.

Twenty-five rows with a dozen values each made the row loop the heaviest part of the inbox's templates
(docs/benchmark.md, "inbox: levers taken (session 6)"). Jinja2 compiles the row template to Python, and
everything that is the same for every row is worked out once per page here: the link to an initiative
(reversed once, the pk filled in per row), the translated texts, the labels of phases, channels and kinds
of help, the month names. The output is the same HTML the Django template gave: every value is escaped by
Django's own `conditional_escape` (Jinja2's `finalize`), so quotes come out as `&quot;`/`&#x27;` as before.

The texts keep their Dutch msgids and are translated in Python (makemessages reads this module, not the
Jinja2 template), in the language of the request.
"""

from datetime import datetime
from pathlib import Path

from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from burgeridee.core.jinja import environment
from burgeridee.initiatives.constants import Channel, Phase, SupportType
from burgeridee.initiatives.selectors import overdue_reasons

_PK = 2_147_000_001  # a stand-in pk: the initiative link is reversed once per page and the real pk put in its place
_TEMPLATES = Path(__file__).resolve().parent / "jinja2"


def _link(url_name: str, slug: str):
    before, after = reverse(url_name, args=[slug, _PK]).split(str(_PK))
    return lambda pk: f"{before}{pk}{after}"


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices.choices}


def inbox_rows(initiatives, *, municipality) -> SafeString:
    """The <tr> of each initiative on the page (the inbox query's objects, with its annotations)."""
    months = {number: str(name) for number, name in MONTHS.items()}
    zone = timezone.get_current_timezone()

    def day(value) -> str:
        """`|date:"j F Y"` of the Django template: an aware date-time in the current time zone."""
        if value is None:
            return ""
        if isinstance(value, datetime) and timezone.is_aware(value):
            value = value.astimezone(zone)
        return f"{value.day} {months[value.month]} {value.year}"

    initiative_url = _link("initiatives:staff_initiative", municipality.slug)
    report_url = _link("conversations:report", municipality.slug)
    phases, channels, support_types = _labels(Phase), _labels(Channel), _labels(SupportType)
    rows = []
    for initiative in initiatives:
        neighbourhood, contact = initiative.neighbourhood, initiative.contact_person
        unread = initiative.unread_messages
        rows.append(
            {
                "pk": initiative.pk,
                "url": initiative_url(initiative.pk),
                "title": initiative.title,
                "meta": f"{initiative.reference} · {day(initiative.submitted_at)} · "
                f"{channels.get(initiative.channel, initiative.channel)}",
                "unread": unread and ngettext("%(n)s nieuw bericht", "%(n)s nieuwe berichten", unread) % {"n": unread},
                "report_url": initiative.report_disputed and report_url(initiative.pk),
                "overdue": initiative.is_overdue,
                "reasons": overdue_reasons(initiative) if initiative.is_overdue else (),
                "neighbourhood": (neighbourhood and neighbourhood.name) or "—",
                "phase": phases.get(initiative.phase, initiative.phase),
                "support": "; ".join(
                    support_types.get(request.support_type, request.support_type)
                    for request in initiative.support_requests.all()
                )
                or "—",
                "contact": contact.display_name if contact else None,
                "first_contact": initiative.first_contact_at and day(initiative.first_contact_at),
                "due": day(initiative.first_contact_due),
            }
        )
    html = (
        environment(_TEMPLATES)
        .get_template("workspace/inbox_rows.jinja")
        .render(
            rows=rows,
            text={
                "disputed": _("Verslag betwist"),
                "nobody": _("Nog niemand"),
                "made_on": _("Gehad op"),
                "due": _("Uiterlijk"),
                "late": _("Te laat"),
            },
        )
    )
    return SafeString(html)  # nosec B703 - every value was escaped by django_escape
