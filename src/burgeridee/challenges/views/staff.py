"""The workspace pages of the right to challenge: the administrator's settings, the list of challenges, and
one challenge's route (plan, advice, assessment, decision with its letter, agreement, evaluation)."""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.conversations.models import Conversation
from burgeridee.documents.rendering import pdf_response, render_pdf
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.selectors import initiative_get_for_staff
from burgeridee.initiatives.services import ActionRefused
from burgeridee.municipalities.models import Department
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .. import selectors, services
from ..constants import GRANTING_DECISIONS, OBJECTION_WEEKS, Decision
from ..forms import (
    OTHER_TASK,
    AdviceForm,
    AgreementForm,
    AssessmentForm,
    ConvertForm,
    CriterionForm,
    DecisionForm,
    EvaluationForm,
    PlanForm,
    SettingsForm,
    TaskForm,
)
from ..models import ChallengeCriterion

logger = logging.getLogger(__name__)

ADMIN_ROLES = (Role.ADMINISTRATOR,)
HANDLER_ROLES = (Role.COORDINATOR, Role.CONTACT)
SAVE_FAILED = gettext_lazy(
    "Het opslaan is niet gelukt. Uw tekst staat er nog. Probeer het over een paar minuten opnieuw."
)


# --- Settings (functional administrator) --------------------------------------------------------------------


def _settings_context(municipality, **extra):
    current = services.settings_get_or_default(municipality=municipality)
    return {
        "settings_form": SettingsForm(
            initial={
                "is_enabled": current.is_enabled,
                "bylaw_text": current.bylaw_text,
                "bylaw_url": current.bylaw_url,
                "decision_weeks": current.decision_weeks,
            }
        ),
        "tasks": selectors.all_tasks(municipality=municipality),
        "criteria": list(ChallengeCriterion.objects.filter(municipality=municipality))
        or selectors.criteria_active(municipality=municipality),
        "changes": selectors.settings_changes(municipality=municipality),
        **extra,
    }


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN_ROLES)
def settings_page(request, municipality):
    if request.method == "GET":
        return render(request, "challenges/staff/settings.html", _settings_context(municipality))
    form = SettingsForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            services.challenge_settings_update(municipality=municipality, actor=request.user, **form.cleaned_data)
        except DatabaseError:
            logger.exception("Challenge settings could not be saved")
            form.add_error(None, SAVE_FAILED)
            status = 503
        else:
            messages.success(request, _("De instellingen van het uitdaagrecht zijn opgeslagen."))
            return redirect("challenges:settings", municipality_slug=municipality.slug)
    return render(
        request, "challenges/staff/settings.html", _settings_context(municipality, settings_form=form), status=status
    )


def _departments(municipality):
    return Department.objects.filter(municipality=municipality)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN_ROLES)
def task_edit(request, municipality, pk=None):
    task = selectors.task_get(municipality=municipality, pk=pk) if pk else None
    departments = _departments(municipality)
    status = 200
    if request.method == "POST":
        form = TaskForm(request.POST, departments=departments)
        if form.is_valid():
            try:
                services.task_save(municipality=municipality, actor=request.user, task=task, **form.cleaned_data)
            except DatabaseError:
                logger.exception("Challenge task could not be saved")
                form.add_error(None, SAVE_FAILED)
                status = 503
            else:
                messages.success(request, _("De taak is opgeslagen."))
                return redirect("challenges:settings", municipality_slug=municipality.slug)
        else:
            status = 400
    else:
        initial = (
            {
                "title": task.title,
                "description": task.description,
                "department": task.department_id,
                "cost": task.cost,
                "quality": task.quality,
                "is_active": task.is_active,
            }
            if task
            else {"is_active": True}
        )
        form = TaskForm(initial=initial, departments=departments)
    return render(request, "challenges/staff/task_form.html", {"form": form, "task": task}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN_ROLES)
def criterion_edit(request, municipality, pk=None):
    criterion = get_object_or_404(ChallengeCriterion, municipality=municipality, pk=pk) if pk else None
    status = 200
    if request.method == "POST":
        form = CriterionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if criterion:
                services.criterion_update(criterion=criterion, actor=request.user, **data)
            else:
                services.criterion_add(
                    municipality=municipality, actor=request.user, title=data["title"], explanation=data["explanation"]
                )
            messages.success(request, _("Het beoordelingspunt is opgeslagen."))
            return redirect("challenges:settings", municipality_slug=municipality.slug)
        status = 400
    else:
        form = CriterionForm(
            initial={"title": criterion.title, "explanation": criterion.explanation, "is_active": criterion.is_active}
            if criterion
            else {"is_active": True}
        )
    return render(
        request, "challenges/staff/criterion_form.html", {"form": form, "criterion": criterion}, status=status
    )


@require_POST
@staff_view(roles=ADMIN_ROLES)
def criteria_defaults(request, municipality):
    """Store the default criteria, so the administrator can change them one by one."""
    services.criteria_ensure_default(municipality=municipality)
    return redirect("challenges:settings", municipality_slug=municipality.slug)


# --- Challenges -------------------------------------------------------------------------------------------


@require_GET
@staff_view(roles=(*HANDLER_ROLES, Role.ADMINISTRATOR))
def challenge_list(request, municipality):
    return render(
        request,
        "challenges/staff/list.html",
        {
            "challenges": selectors.challenge_list(municipality=municipality),
            "settings": services.settings_get_or_default(municipality=municipality),
        },
    )


def _first_conversation_at(initiative):
    conversation = Conversation.objects.filter(initiative=initiative).first()
    if conversation is None:
        return None
    return conversation.held_at or conversation.starts_at


def _detail_context(request, challenge, **bound):
    municipality = challenge.municipality
    criteria = selectors.criteria_active(municipality=municipality)
    assessed = {a.criterion_id: a for a in challenge.assessments.all()}
    forms = {
        "plan_form": PlanForm(
            prefix="plan",
            initial={
                name: getattr(challenge, name)
                for name in (
                    "plan_what",
                    "plan_where",
                    "plan_budget",
                    "plan_quality",
                    "plan_insurance",
                    "plan_support_evidence",
                    "plan_support_count",
                    "plan_support_note",
                )
            },
        ),
        "advice_form": AdviceForm(
            prefix="advies",
            initial={
                "question": _(
                    "Wilt u advies geven over dit plan? Is het niet duurder en is de kwaliteit minstens gelijk?"
                )
            },
        ),
        "assessment_form": AssessmentForm(
            prefix="beoordeling",
            criteria=criteria,
            initial={
                **{f"verdict_{pk}": a.verdict for pk, a in assessed.items()},
                **{f"reasoning_{pk}": a.reasoning for pk, a in assessed.items()},
            },
        ),
        "decision_form": DecisionForm(prefix="besluit"),
        "agreement_form": AgreementForm(
            prefix="overeenkomst",
            initial={"budget": challenge.plan_budget, "quality": challenge.plan_quality},
        ),
        "evaluation_form": EvaluationForm(prefix="evaluatie"),
    }
    forms.update(bound)
    return {
        "challenge": challenge,
        "initiative": challenge.initiative,
        "steps": selectors.resident_steps(
            challenge=challenge, first_conversation_at=_first_conversation_at(challenge.initiative)
        ),
        "advice": Handover.objects.filter(initiative=challenge.initiative).select_related("department"),
        "granting": challenge.decision in GRANTING_DECISIONS,
        **forms,
    }


def _render_detail(request, municipality, pk, *, status=200, **bound):
    challenge = selectors.challenge_get_for_staff(municipality=municipality, pk=pk)
    return render(request, "challenges/staff/detail.html", _detail_context(request, challenge, **bound), status=status)


@never_cache
@require_GET
@staff_view(roles=(*HANDLER_ROLES, Role.ADMINISTRATOR))
def challenge_detail(request, municipality, pk):
    return _render_detail(request, municipality, pk)


def _step(request, municipality, pk, *, form_name, form, action, done_message):
    """Validate `form`, run `action(challenge, cleaned_data)`; on a refusal or an outage show the page again
    with everything typed and the reason."""
    if not form.is_valid():
        return _render_detail(request, municipality, pk, status=400, **{form_name: form})
    challenge = selectors.challenge_get_for_staff(municipality=municipality, pk=pk)
    try:
        action(challenge, form.cleaned_data)
    except ActionRefused as refused:
        form.add_error(None, str(refused))
        return _render_detail(request, municipality, pk, status=400, **{form_name: form})
    except DatabaseError:
        logger.exception("Challenge step could not be saved")
        form.add_error(None, SAVE_FAILED)
        return _render_detail(request, municipality, pk, status=503, **{form_name: form})
    messages.success(request, done_message)
    return redirect("challenges:detail", municipality_slug=municipality.slug, pk=pk)


@require_POST
@staff_view(roles=HANDLER_ROLES)
def plan_save(request, municipality, pk):
    complete = "compleet" in request.POST
    return _step(
        request,
        municipality,
        pk,
        form_name="plan_form",
        form=PlanForm(request.POST, prefix="plan"),
        action=lambda challenge, data: services.challenge_plan_save(
            challenge=challenge, actor=request.user, complete=complete, **data
        ),
        done_message=_("Het plan is compleet. De beslistermijn loopt.") if complete else _("Het plan is opgeslagen."),
    )


@require_POST
@staff_view(roles=HANDLER_ROLES)
def advice_ask(request, municipality, pk):
    return _step(
        request,
        municipality,
        pk,
        form_name="advice_form",
        form=AdviceForm(request.POST, prefix="advies"),
        action=lambda challenge, data: services.challenge_advice_ask(
            challenge=challenge, actor=request.user, question=data["question"]
        ),
        done_message=_("Uw vraag om advies staat bij de afdeling van de taak."),
    )


@require_POST
@staff_view(roles=HANDLER_ROLES)
def assess(request, municipality, pk):
    criteria = selectors.criteria_for_assessment(municipality=municipality)
    form = AssessmentForm(request.POST, prefix="beoordeling", criteria=criteria)

    def action(challenge, data):
        scores = [
            services.CriterionScore(criterion=c, verdict=data[f"verdict_{c.pk}"], reasoning=data[f"reasoning_{c.pk}"])
            for c in criteria
        ]
        services.challenge_assess(challenge=challenge, actor=request.user, scores=scores)

    return _step(
        request,
        municipality,
        pk,
        form_name="assessment_form",
        form=form,
        action=action,
        done_message=_("De beoordeling is opgeslagen."),
    )


@require_POST
@staff_view(roles=HANDLER_ROLES)
def decide(request, municipality, pk):
    return _step(
        request,
        municipality,
        pk,
        form_name="decision_form",
        form=DecisionForm(request.POST, prefix="besluit"),
        action=lambda challenge, data: services.challenge_decide(
            challenge=challenge, actor=request.user, decision=data["decision"], reasons=data["reasons"]
        ),
        done_message=_("Het besluit is vastgelegd. Print of verstuur de besluitbrief."),
    )


@require_POST
@staff_view(roles=HANDLER_ROLES)
def agreement_make(request, municipality, pk):
    def action(challenge, data):
        services.challenge_agreement_make(
            challenge=challenge,
            actor=request.user,
            starts=data["starts"],
            ends=data["ends"],
            budget=data["budget"],
            quality=data["quality"],
            moments=[services.Moment(due_date=day, description=what) for day, what in form.moments],
        )

    form = AgreementForm(request.POST, prefix="overeenkomst")
    return _step(
        request,
        municipality,
        pk,
        form_name="agreement_form",
        form=form,
        action=action,
        done_message=_("De overeenkomst is vastgelegd. De monitoringsmomenten staan bij de termijnen."),
    )


@require_POST
@staff_view(roles=HANDLER_ROLES)
def evaluate(request, municipality, pk):
    return _step(
        request,
        municipality,
        pk,
        form_name="evaluation_form",
        form=EvaluationForm(request.POST, prefix="evaluatie"),
        action=lambda challenge, data: services.challenge_evaluate(
            challenge=challenge, actor=request.user, note=data["note"]
        ),
        done_message=_("De evaluatie is vastgelegd."),
    )


@require_GET
@staff_view(roles=(*HANDLER_ROLES, Role.ADMINISTRATOR))
def decision_letter(request, municipality, pk):
    """The decision letter as PDF: the decision, the reasons per criterion, and how to object (Awb)."""
    challenge = selectors.challenge_get_for_staff(municipality=municipality, pk=pk)
    if not challenge.is_decided:
        return redirect("challenges:detail", municipality_slug=municipality.slug, pk=pk)
    initiative = challenge.initiative
    initiator = initiative.primary_initiator
    processing_record(
        municipality=municipality,
        actor=request.user,
        activity=Activity.CHALLENGE_DECISION_LETTER,
        initiative=initiative,
        data_subject=initiator,
    )
    decided_on = timezone.localdate(challenge.decided_at)
    pdf = render_pdf(
        "challenges/pdf/decision_letter.html",
        {
            "municipality": municipality,
            "challenge": challenge,
            "initiative": initiative,
            "initiator": initiator,
            "decided_on": decided_on,
            "objection_weeks": OBJECTION_WEEKS,
            "refused": challenge.decision == Decision.REFUSED,
            "partly": challenge.decision == Decision.PARTLY,
        },
    )
    return pdf_response(pdf, filename=f"besluit-uitdaging-{initiative.reference}.pdf")


# --- Turning an idea into a challenge (the contact person, with the resident's agreement) ------------------


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.CONTACT,))
def convert(request, municipality, pk):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    existing = selectors.challenge_for(initiative=initiative)
    if existing is not None:
        return redirect("challenges:detail", municipality_slug=municipality.slug, pk=existing.pk)
    tasks = selectors.public_tasks(municipality=municipality)
    status = 200
    if request.method == "POST":
        form = ConvertForm(request.POST, tasks=tasks)
        if form.is_valid():
            data = form.cleaned_data
            task = form.tasks.get(data["task"]) if data["task"] != OTHER_TASK else None
            try:
                challenge = services.challenge_convert(
                    initiative=initiative,
                    actor=request.user,
                    resident_agreement=data["resident_agreement"],
                    task=task,
                    other_task=data["other_task"],
                )
            except ActionRefused as refused:
                form.add_error(None, str(refused))
                status = 400
            else:
                messages.success(request, _("Het idee is nu een uitdaging."))
                return redirect("challenges:detail", municipality_slug=municipality.slug, pk=challenge.pk)
        else:
            status = 400
    else:
        form = ConvertForm(tasks=tasks)
    return render(
        request,
        "challenges/staff/convert.html",
        {"form": form, "initiative": initiative, "is_open": selectors.is_open(municipality=municipality)},
        status=status,
    )
