"""Reading conversation models, conversations, reports and tasks. Always scoped to one municipality."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import caches
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from burgeridee.core.dates import add_working_days, local_date
from burgeridee.initiatives.constants import SupportType
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import initiative_get_by_token
from burgeridee.initiatives.tokens import token_hash
from burgeridee.knowledge.selectors import participation_ladder, pitfall_titles
from burgeridee.municipalities.models import Municipality

from .constants import (
    TEXT_CAPTURES,
    AgreementStatus,
    CaptureField,
    Facilitation,
    ModelStatus,
    Moment,
    Rating,
    ReportStatus,
    TaskKind,
)
from .models import (
    Agreement,
    AgreementStep,
    ChecklistItem,
    Conversation,
    ConversationModel,
    FollowUpTask,
    ModelPhase,
    Reflection,
    Report,
    ResidentLink,
)

AGREEMENT_TO_DO = (AgreementStatus.PROPOSED, AgreementStatus.CONFIRMED, AgreementStatus.RUNNING)
TEXT_CAPTURE_KEYS = frozenset(c.value for c in TEXT_CAPTURES)

# --- The model -----------------------------------------------------------------------------------------


def conversation_model_draft(*, municipality: Municipality, variant: str = "") -> ConversationModel | None:
    return ConversationModel.objects.filter(
        municipality=municipality, variant=variant, status=ModelStatus.DRAFT
    ).first()


def conversation_model_versions(*, municipality: Municipality, variant: str = "") -> list[ConversationModel]:
    return list(
        ConversationModel.objects.filter(municipality=municipality, variant=variant, status=ModelStatus.PUBLISHED)
        .annotate(conversation_count=Count("conversations"))
        .order_by("-version")
    )


def model_phase_get(*, municipality: Municipality, pk: int) -> ModelPhase:
    return get_object_or_404(ModelPhase.objects.select_related("model"), model__municipality=municipality, pk=pk)


def checklist_item_get(*, municipality: Municipality, pk: int) -> ChecklistItem:
    return get_object_or_404(ChecklistItem.objects.select_related("model"), model__municipality=municipality, pk=pk)


def phases_active(*, model: ConversationModel) -> list[ModelPhase]:
    return [phase for phase in model.phases.all() if phase.is_active]


@dataclass(frozen=True)
class PhaseOutline:
    """One active phase of a conversation model, as the conversation screen shows it (plain values, no row)."""

    key: str
    title: str
    purpose: str
    questions: tuple[str, ...]
    pitfall_reminder: str
    pitfall_ids: tuple[str, ...]
    capture_fields: tuple[str, ...]


@dataclass(frozen=True)
class ModelOutline:
    """What a conversation screen needs of its model version: the active phases and the active 'during' items
    as (key, text), both in the model's order."""

    phases: tuple[PhaseOutline, ...]
    during: tuple[tuple[str, str], ...]


# A published version never changes (services refuse to edit it), so its outline is kept per process
# (settings CACHES "local"). The key names the row, its municipality, variant, version and the moment it was
# published: a newly published version is a new key. No personal data. A day only limits unused entries.
MODEL_OUTLINE_SECONDS = 24 * 60 * 60


def _model_outline_read(model: ConversationModel) -> ModelOutline:
    phases = tuple(
        PhaseOutline(
            key=phase.key,
            title=phase.title,
            purpose=phase.purpose,
            questions=tuple(phase.questions),
            pitfall_reminder=phase.pitfall_reminder,
            pitfall_ids=tuple(phase.pitfall_ids),
            capture_fields=tuple(phase.capture_fields),
        )
        for phase in phases_active(model=model)
    )
    during = tuple((item.key, item.text) for item in checklist(model=model, moment=Moment.DURING))
    return ModelOutline(phases=phases, during=during)


def model_outline_key(model: ConversationModel) -> str | None:
    """The cache key of a published version's outline; None for a draft (it can still change)."""
    if model.is_draft or model.version is None or model.published_at is None:
        return None
    published = model.published_at.timestamp()
    return f"conversations:outline:{model.municipality_id}:{model.variant}:{model.pk}:{model.version}:{published}"


def model_outline(*, model: ConversationModel) -> ModelOutline:
    """The active phases and 'during' items of `model`: read once per published version (two queries saved per
    conversation screen and per autosave), afresh for a draft."""
    key = model_outline_key(model)
    if key is None:
        return _model_outline_read(model)
    cache = caches["local"]
    outline = cache.get(key)
    if outline is None:
        outline = _model_outline_read(model)
        cache.set(key, outline, MODEL_OUTLINE_SECONDS)
    return outline


def checklist(*, model: ConversationModel, moment: str, active_only: bool = True) -> list[ChecklistItem]:
    items = model.checklist_items.filter(moment=moment)
    if active_only:
        items = items.filter(is_active=True)
    return list(items.order_by("order", "id"))


def checklist_by_moment(*, model: ConversationModel) -> list[tuple[str, str, list[ChecklistItem]]]:
    """The active items per moment (before, during, after the conversation), in one query."""
    items = list(model.checklist_items.filter(is_active=True).order_by("order", "id"))
    return [(moment.value, moment.label, [item for item in items if item.moment == moment]) for moment in Moment]


def checklist_by_moment_all(*, model: ConversationModel) -> list[tuple[str, str, list[ChecklistItem]]]:
    """For the editor: switched-off items too."""
    return [(moment.value, moment.label, checklist(model=model, moment=moment, active_only=False)) for moment in Moment]


# --- A conversation ------------------------------------------------------------------------------------


def conversation_for_initiative(*, initiative: Initiative) -> Conversation | None:
    # One per initiative (a one-to-one field): no ORDER BY, which made Django hash every joined column.
    queryset = Conversation.objects.select_related("model", "held_by").filter(initiative=initiative).order_by()
    return next(iter(queryset[:1]), None)


def held_on_suggestion(*, conversation: Conversation, today: date | None = None) -> date:
    """The day to offer when the conversation is marked held: the planned day once it has come, else today."""
    today = today or local_date()
    planned = local_date(conversation.starts_at)
    return planned if planned <= today else today


def report_latest(*, conversation: Conversation) -> Report | None:
    return conversation.reports.prefetch_related(AGREEMENTS_WITH_STEPS).order_by("-version").first()


def report_latest_brief(*, conversation: Conversation) -> Report | None:
    """The newest report with its agreements but not their history (the initiative page's panel shows no steps)."""
    agreements = Prefetch("agreements", queryset=Agreement.objects.order_by("order"))
    return conversation.reports.prefetch_related(agreements).order_by("-version").first()


def report_draft_from_notes(*, conversation: Conversation) -> tuple[Report, list[Agreement]]:
    """Version 1 of the report as it is made from the conversation's notes, NOT saved, with its agreements.

    The report page shows this until the first post saves it (a GET writes nothing);
    `services.report_draft_get_or_create` saves exactly this.
    """
    captures = conversation.captures
    report = Report(
        conversation=conversation,
        version=1,
        status=ReportStatus.DRAFT,
        summary=captures.get("summary", ""),
        municipal_roles=list(conversation.municipal_roles),
        initiator_role=captures.get("initiator_role", ""),
        next_step=captures.get("next_step", ""),
        callback_date=conversation.callback_date or add_working_days(local_date(), 10),
    )
    agreements = [
        Agreement(
            report=report,
            order=index,
            what=row.get("what", "")[:300],
            who=row.get("who", "")[:120],
            due_date=date.fromisoformat(row["due"]) if row.get("due") else None,
        )
        for index, row in enumerate(conversation.agreements_draft, start=1)
        if row.get("what")
    ]
    return report, agreements


AGREEMENTS_WITH_STEPS = Prefetch(
    "agreements",
    queryset=Agreement.objects.order_by("order").prefetch_related(
        Prefetch("steps", queryset=AgreementStep.objects.select_related("actor").order_by("at", "id"))
    ),
)


def report_for_resident(*, conversation: Conversation) -> Report | None:
    """The newest report the resident has received (drafts stay inside the municipality)."""
    return (
        conversation.reports.exclude(status=ReportStatus.DRAFT)
        .prefetch_related(AGREEMENTS_WITH_STEPS)
        .order_by("-version")
        .first()
    )


def reports_history(*, conversation: Conversation) -> list[Report]:
    return list(
        conversation.reports.exclude(status=ReportStatus.DRAFT)
        .prefetch_related(AGREEMENTS_WITH_STEPS)
        .order_by("-version")
    )


@dataclass(frozen=True)
class ResidentAccess:
    initiative: Initiative
    conversation: Conversation | None


def resident_access_by_token(*, municipality: Municipality, token: str) -> ResidentAccess | None:
    """The resident's own status link, or a link from one of our emails about the conversation."""
    initiative = initiative_get_by_token(municipality=municipality, token=token)
    if initiative is not None:
        return ResidentAccess(initiative=initiative, conversation=conversation_for_initiative(initiative=initiative))
    if not token or len(token) > 100:
        return None
    link = (
        ResidentLink.objects.select_related("conversation__initiative__municipality", "conversation__model")
        .filter(
            token_hash=token_hash(token),
            conversation__initiative__municipality=municipality,
        )
        .first()
    )
    if link is None:
        return None
    initiative = link.conversation.initiative
    # A link made under a status link that was renewed since is dead, like that status link.
    if initiative.status_token_expires_at <= timezone.now() or link.status_token_nonce != initiative.status_token_nonce:
        return None
    return ResidentAccess(initiative=initiative, conversation=link.conversation)


def agreement_is_overdue(agreement: Agreement, today: date | None = None) -> bool:
    """Past its date and still to do (proposed, confirmed or running; a disputed one is being rewritten)."""
    today = today or local_date()
    return agreement.status in AGREEMENT_TO_DO and agreement.due_date is not None and agreement.due_date < today


def agreements_current(*, conversation: Conversation, report: Report | None = None) -> list[Agreement]:
    """The agreements of the newest sent report (pass it when already fetched), with `is_overdue` set on each."""
    report = report or report_for_resident(conversation=conversation)
    if report is None:
        return []
    today = local_date()
    agreements = list(report.agreements.all())
    for agreement in agreements:
        agreement.is_overdue = agreement_is_overdue(agreement, today)
    return agreements


# --- Preparation ---------------------------------------------------------------------------------------

STOPWORDS = frozenset(
    [
        "aan",
        "als",
        "bij",
        "dan",
        "dat",
        "deze",
        "die",
        "dit",
        "door",
        "een",
        "elke",
        "en",
        "er",
        "het",
        "hier",
        "hun",
        "iedereen",
        "ieder",
        "in",
        "is",
        "met",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "onze",
        "ook",
        "op",
        "over",
        "te",
        "tegen",
        "tot",
        "uit",
        "van",
        "veel",
        "voor",
        "wat",
        "wij",
        "wil",
        "willen",
        "zijn",
        "zich",
        "zo",
    ]
)
WORD = re.compile(r"[a-zà-ÿ]{4,}")


def _words(text: str) -> set[str]:
    return {word for word in WORD.findall(text.lower()) if word not in STOPWORDS}


@dataclass
class Similar:
    initiative: Initiative
    score: int
    reasons: list[str] = field(default_factory=list)


def initiatives_similar(*, initiative: Initiative, limit: int = 5, scan: int = 300) -> list[Similar]:
    """Earlier or similar initiatives of the same municipality: same neighbourhood, shared words, theme, help.

    A simple score, explained per result, over the most recent `scan` initiatives.
    """
    words = _words(f"{initiative.title} {initiative.description}")
    support = {request.support_type for request in initiative.support_requests.all()}
    candidates = (
        Initiative.objects.filter(municipality=initiative.municipality)
        .exclude(pk=initiative.pk)
        .select_related("neighbourhood")
        .prefetch_related("support_requests")
        .order_by("-submitted_at")[:scan]
    )
    results = []
    for candidate in candidates:
        score = 0
        reasons = []
        if initiative.neighbourhood_id and candidate.neighbourhood_id == initiative.neighbourhood_id:
            score += 3
            reasons.append(str(_("zelfde wijk")))
        shared = sorted(words & _words(f"{candidate.title} {candidate.description}"))
        if shared:
            score += 2 * len(shared)
            reasons.append(str(_("zelfde woorden: %(words)s")) % {"words": ", ".join(shared[:5])})
        if candidate.theme == initiative.theme:
            score += 1
            reasons.append(str(_("zelfde thema")))
        same_help = support & {request.support_type for request in candidate.support_requests.all()}
        if same_help:
            score += len(same_help)
            reasons.append(str(_("zelfde soort hulp")))
        if score >= 3:
            results.append(Similar(initiative=candidate, score=score, reasons=reasons))
    results.sort(key=lambda s: (-s.score, -s.initiative.submitted_at.timestamp()))
    return results[:limit]


RULE_CHECKS = {
    SupportType.PERMIT: [
        _("Is een melding klein evenement genoeg, of is een vergunning nodig? Hoe lang duurt de aanvraag?"),
    ],
    SupportType.PUBLIC_SPACE: [
        _("Van wie is de grond? Liggen er kabels of leidingen?"),
        _("Past het bij het bestemmingsplan? Wie onderhoudt het later?"),
    ],
    SupportType.SPACE: [
        _("Wie is eigenaar van de ruimte (gemeente, woningcorporatie)? Is een bruikleenovereenkomst nodig?"),
    ],
    SupportType.INSURANCE: [
        _("Vallen de vrijwilligers onder de vrijwilligersverzekering van de gemeente? Zijn er risico's voor anderen?"),
    ],
    SupportType.PRIVACY: [
        _("Worden gegevens van buren verzameld? Alleen met toestemming, niet meer dan nodig, en veilig bewaard."),
    ],
    SupportType.SAFETY: [
        _("Gelden er veiligheidseisen, zoals voor speeltoestellen, verkeer of het aanmelden van een AED?"),
        _("Is de wijkagent of de afdeling openbare orde en veiligheid nodig?"),
    ],
    SupportType.MONEY: [
        _("Past het bij het wijkbudget of een subsidie? Houd de verantwoording in verhouding tot het bedrag."),
        _("Zijn er ook andere bronnen: fondsen, sponsors, eigen inzameling?"),
    ],
    SupportType.MATERIALS: [
        _("Wat is te leen via wijkbeheer of de uitleen? Wie haalt en brengt het terug?"),
    ],
    SupportType.NETWORK: [
        _("Welke andere initiatieven, de sociaal makelaar of het wijkteam kunnen helpen?"),
    ],
    SupportType.ADVICE: [
        _("Wie helpt bij het plan en de begroting? Vraag niet meer dan nodig."),
    ],
    SupportType.PUBLICITY: [
        _("Hoe zetten we de bewoners in de schijnwerpers, niet de gemeente?"),
    ],
}
RULE_CHECKS_ALWAYS = [
    _("Wie zorgt voor onderhoud en beheer als het er eenmaal is, ook over een paar jaar?"),
    _("Is er iets dat het idee later alsnog kan tegenhouden? Noem het nu."),
]


@dataclass(frozen=True)
class RuleCheck:
    support_type: str
    label: str
    questions: list


def rule_checks(*, initiative: Initiative) -> list[RuleCheck]:
    """The checks that fit the help asked (a permit, public space, insurance, privacy, safety...)."""
    checks = []
    for request in initiative.support_requests.all():
        questions = RULE_CHECKS.get(request.support_type)
        if questions:
            checks.append(
                RuleCheck(
                    support_type=request.support_type, label=request.get_support_type_display(), questions=questions
                )
            )
    checks.append(RuleCheck(support_type="altijd", label=str(_("Altijd")), questions=RULE_CHECKS_ALWAYS))
    return checks


# --- After ---------------------------------------------------------------------------------------------


def tasks_open(*, municipality: Municipality, assignee=None) -> list[FollowUpTask]:
    """Open follow-up tasks with their due dates, for the inbox (soonest first)."""
    tasks = FollowUpTask.objects.filter(initiative__municipality=municipality, done_at__isnull=True).select_related(
        "initiative", "assignee"
    )
    if assignee is not None:
        tasks = tasks.filter(assignee=assignee)
    return list(tasks.order_by("due_date", "id"))


@dataclass
class FilledPhase:
    """One phase of a held (or planned) conversation with what was written down in it."""

    phase: ModelPhase
    captured: list[tuple[str, str]]  # (label, text), in the phase's order
    note: str


@dataclass
class FilledChecklist:
    """The checklist of one conversation as it stands: which items were covered, which remain open, the notes."""

    before: list[ChecklistItem]
    during: list[tuple[ChecklistItem, bool]]  # (item, covered in the conversation)
    after: list[tuple[ChecklistItem, FollowUpTask | None]]  # the task the item became once the conversation was held
    phases: list[FilledPhase]
    held: bool
    # The call-back item is no task: the report's callback date becomes the callback appointment (deadlines).
    callback: list[ChecklistItem] = field(default_factory=list)

    @property
    def during_done(self) -> int:
        return sum(1 for _item, done in self.during if done)

    @property
    def after_done(self) -> int:
        return sum(1 for _item, task in self.after if task is not None and task.done_at is not None)


def _agreement_lines(rows: list[dict]) -> list[str]:
    """The agreements noted during the conversation, as 'what (who, due date)'."""
    lines = []
    for row in rows:
        what = (row.get("what") or "").strip()
        if not what:
            continue
        due = date_format(date.fromisoformat(row["due"]), "j F Y") if row.get("due") else ""
        details = ", ".join(part for part in ((row.get("who") or "").strip(), due) if part)
        lines.append(f"{what} ({details})" if details else what)
    return lines


def checklist_filled(*, conversation: Conversation) -> FilledChecklist:
    """The conversation's own checklist, from its model version: ticked during the conversation (`checked_items`),
    the 'after' items as the tasks they became, and the notes and captured texts per phase."""
    model = conversation.model
    items = list(model.checklist_items.filter(is_active=True).order_by("order", "id"))
    checked = set(conversation.checked_items)
    tasks = {task.checklist_key: task for task in tasks_for_conversation(conversation=conversation)}
    ladder = participation_ladder(municipality=conversation.initiative.municipality)
    phases = []
    for phase in phases_active(model=model):
        captured = [
            (str(CaptureField(key).label), conversation.captures[key].strip())
            for key in phase.capture_fields
            if key in TEXT_CAPTURE_KEYS and (conversation.captures.get(key) or "").strip()
        ]
        if CaptureField.MUNICIPAL_ROLES in phase.capture_fields and conversation.municipal_roles:
            # The rung's title only ("Faciliteren"), not its summary.
            roles = "; ".join(str(ladder.get(key, key)).split(":", 1)[0] for key in conversation.municipal_roles)
            captured.append((str(CaptureField.MUNICIPAL_ROLES.label), roles))
        if CaptureField.AGREEMENTS in phase.capture_fields:
            captured += [(str(_("Afspraak")), text) for text in _agreement_lines(conversation.agreements_draft)]
        if CaptureField.CALLBACK_DATE in phase.capture_fields and conversation.callback_date:
            captured.append((str(CaptureField.CALLBACK_DATE.label), date_format(conversation.callback_date, "j F Y")))
        if CaptureField.RATING in phase.capture_fields and conversation.rating:
            captured.append((str(CaptureField.RATING.label), str(Rating(conversation.rating).label)))
        phases.append(FilledPhase(phase, captured, (conversation.phase_notes.get(phase.key) or "").strip()))
    return FilledChecklist(
        before=[item for item in items if item.moment == Moment.BEFORE],
        during=[(item, item.key in checked) for item in items if item.moment == Moment.DURING],
        after=[
            (item, tasks.get(item.key))
            for item in items
            if item.moment == Moment.AFTER and item.task_kind != TaskKind.CALL_BACK
        ],
        callback=[item for item in items if item.moment == Moment.AFTER and item.task_kind == TaskKind.CALL_BACK],
        phases=phases,
        held=conversation.held_at is not None,
    )


def tasks_for_conversation(*, conversation: Conversation) -> list[FollowUpTask]:
    today = local_date()
    tasks = list(conversation.tasks.select_related("assignee").order_by("due_date", "id"))
    for task in tasks:
        task.is_overdue = task.done_at is None and task.due_date < today
    return tasks


def agreements_overdue(*, municipality: Municipality) -> list[Agreement]:
    """Agreements of current (sent, not superseded) reports that passed their date and are not done."""
    return list(
        Agreement.objects.filter(
            report__conversation__initiative__municipality=municipality,
            report__status__in=[ReportStatus.SENT, ReportStatus.CONFIRMED, ReportStatus.COMMENTED],
            status__in=AGREEMENT_TO_DO,
            due_date__lt=local_date(),
        )
        .select_related("report__conversation__initiative")
        .order_by("due_date")
    )


def reflection_of(*, user, conversation: Conversation) -> Reflection | None:
    return Reflection.objects.filter(user=user, conversation=conversation).first()


REFLECTION_MIN_PEOPLE = 3


def reflection_totals(*, municipality: Municipality) -> dict:
    """Anonymous totals only: how often facilitated or took over, and which pitfalls were felt.

    Shown only once at least three different people reflected, so no one's answers can be singled out.
    """
    reflections = Reflection.objects.filter(conversation__initiative__municipality=municipality)
    people = reflections.values("user").distinct().count()
    if people < REFLECTION_MIN_PEOPLE:
        return {"count": 0, "enough": False, "facilitation": [], "pitfalls": []}
    by_facilitation = dict(
        reflections.values_list("facilitation").annotate(n=Count("id")).values_list("facilitation", "n")
    )
    pitfall_counts: dict[str, int] = {}
    for felt in reflections.values_list("pitfalls_felt", flat=True):
        for key in felt:
            pitfall_counts[key] = pitfall_counts.get(key, 0) + 1
    titles = pitfall_titles(municipality=municipality, keys=pitfall_counts)
    return {
        "count": reflections.count(),
        "enough": True,
        "facilitation": [(choice.label, by_facilitation.get(choice.value, 0)) for choice in Facilitation],
        "pitfalls": sorted(((key, titles[key], n) for key, n in pitfall_counts.items()), key=lambda row: -row[2]),
    }


def conversations_awaiting_resident(*, municipality: Municipality) -> list[Report]:
    return list(
        Report.objects.filter(conversation__initiative__municipality=municipality, status=ReportStatus.SENT)
        .select_related("conversation__initiative")
        .order_by("sent_at")
    )


def reports_disputed_unseen_q():
    """Reports whose resident's comments nobody has read yet (for the inbox marker "Verslag betwist")."""
    return Report.objects.filter(status=ReportStatus.COMMENTED, comments_seen_at__isnull=True)
