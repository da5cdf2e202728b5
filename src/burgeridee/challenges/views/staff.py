"""The workspace pages of the right to challenge: the administrator's settings, the list of challenges, and
one challenge's route (plan, advice, assessment, decision with its letter, agreement, evaluation)."""

import logging
from collections.abc import Callable
from dataclasses import dataclass

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
from ..constants import CONVERSATION_VARIANT, GRANTING_DECISIONS, OBJECTION_WEEKS, Decision
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
        "variant": CONVERSATION_VARIANT,
        **extra,
    }


def _admin_save(request, municipality, form, *, save, done: str, page):
    """Validate `form` and run `save(cleaned_data)`, then back to the settings with `done`; or `page(form)` again
    with everything typed and the reason (400 on bad input or a refusal, 503 when the database refuses)."""
    status = 400
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        except DatabaseError:
            logger.exception("Challenge settings could not be saved")
            form.add_error(None, SAVE_FAILED)
            status = 503
        else:
            messages.success(request, done)
            return redirect("challenges:settings", municipality_slug=municipality.slug)
    return page(form, status)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN_ROLES)
def settings_page(request, municipality):
    def page(form, status=200):
        context = _settings_context(municipality, **({"settings_form": form} if form else {}))
        return render(request, "challenges/staff/settings.html", context, status=status)

    if request.method == "GET":
        return page(None)
    return _admin_save(
        request,
        municipality,
        SettingsForm(request.POST),
        save=lambda data: services.challenge_settings_update(municipality=municipality, actor=request.user, **data),
        done=_("De instellingen van het uitdaagrecht zijn opgeslagen."),
        page=page,
    )


TASK_FIELDS = ("title", "description", "department", "cost", "quality", "public_url", "is_active")


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN_ROLES)
def task_edit(request, municipality, pk=None):
    task = selectors.task_get(municipality=municipality, pk=pk) if pk else None
    departments = Department.objects.filter(municipality=municipality)

    def page(form, status=200):
        return render(request, "challenges/staff/task_form.html", {"form": form, "task": task}, status=status)

    if request.method == "GET":
        initial = {name: getattr(task, name) for name in TASK_FIELDS} if task else {"is_active": True}
        return page(TaskForm(initial=initial, departments=departments))
    return _admin_save(
        request,
        municipality,
        TaskForm(request.POST, departments=departments),
        save=lambda data: services.task_save(municipality=municipality, actor=request.user, task=task, **data),
        done=_("De taak is opgeslagen."),
        page=page,
    )


def _criterion_save(*, municipality, criterion, actor, title, explanation, is_active):
    if criterion:
        services.criterion_update(
            criterion=criterion, actor=actor, title=title, explanation=explanation, is_active=is_active
        )
    else:
        services.criterion_add(municipality=municipality, actor=actor, title=title, explanation=explanation)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ADMIN_ROLES)
def criterion_edit(request, municipality, pk=None):
    criterion = get_object_or_404(ChallengeCriterion, municipality=municipality, pk=pk) if pk else None

    def page(form, status=200):
        context = {"form": form, "criterion": criterion}
        return render(request, "challenges/staff/criterion_form.html", context, status=status)

    if request.method == "GET":
        fields = ("title", "explanation", "is_active")
        initial = {name: getattr(criterion, name) for name in fields} if criterion else {"is_active": True}
        return page(CriterionForm(initial=initial))
    return _admin_save(
        request,
        municipality,
        CriterionForm(request.POST),
        save=lambda data: _criterion_save(municipality=municipality, criterion=criterion, actor=request.user, **data),
        done=_("Het beoordelingspunt is opgeslagen."),
        page=page,
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


# The route's steps. Each names its form in the page's context, makes it (bound to the POST, or unbound with the
# challenge's values), and says what saving it does; one view serves them all (`_route_step`).

PLAN_FIELDS = (
    "plan_what",
    "plan_where",
    "plan_budget",
    "plan_quality",
    "plan_insurance",
    "plan_support_evidence",
    "plan_support_count",
    "plan_support_note",
)


@dataclass(frozen=True)
class RouteStep:
    form_name: str
    # (data or None, challenge) -> the form
    form: Callable
    # (request, challenge, form) -> None; raises ActionRefused or DatabaseError
    save: Callable
    # (request) -> the message after saving
    done: Callable
    # (request, challenge) -> a form to show again without saving (a button such as "add a moment"), or None
    again: Callable = lambda request, challenge: None


def _plan_form(data, challenge):
    return PlanForm(data, prefix="plan", initial={name: getattr(challenge, name) for name in PLAN_FIELDS})


def _plan_save(request, challenge, form):
    complete = "compleet" in request.POST
    services.challenge_plan_save(challenge=challenge, actor=request.user, complete=complete, **form.cleaned_data)


def _advice_form(data, challenge):
    question = _("Wilt u advies geven over dit plan? Is het niet duurder en is de kwaliteit minstens gelijk?")
    return AdviceForm(data, prefix="advies", initial={"question": question})


def _assessment_form(data, challenge):
    # Saving points at stored criteria (made from the defaults the first time); showing writes nothing.
    pick = selectors.criteria_active if data is None else selectors.criteria_for_assessment
    assessed = {a.criterion_id: a for a in challenge.assessments.all()}
    initial = {f"verdict_{pk}": a.verdict for pk, a in assessed.items()} | {
        f"reasoning_{pk}": a.reasoning for pk, a in assessed.items()
    }
    return AssessmentForm(
        data, prefix="beoordeling", criteria=pick(municipality=challenge.municipality), initial=initial
    )


def _assess(request, challenge, form):
    data = form.cleaned_data
    scores = [
        services.CriterionScore(criterion=c, verdict=data[f"verdict_{c.pk}"], reasoning=data[f"reasoning_{c.pk}"])
        for c in form.criteria
    ]
    services.challenge_assess(challenge=challenge, actor=request.user, scores=scores)


def _agreement_initial(challenge) -> dict:
    return {"budget": challenge.plan_budget, "quality": challenge.plan_quality}


def _agreement_again(request, challenge):
    if AgreementForm.ADD_MOMENT not in request.POST:
        return None
    return AgreementForm.with_another_moment(request.POST, prefix="overeenkomst")


def _agreement_make(request, challenge, form):
    data = form.cleaned_data
    services.challenge_agreement_make(
        challenge=challenge,
        actor=request.user,
        starts=data["starts"],
        ends=data["ends"],
        budget=data["budget"],
        quality=data["quality"],
        moments=[services.Moment(due_date=day, description=what) for day, what in form.moments],
    )


ROUTE_STEPS = {
    "plan": RouteStep(
        "plan_form",
        _plan_form,
        _plan_save,
        lambda request: (
            _("Het plan is compleet. De beslistermijn loopt.")
            if "compleet" in request.POST
            else _("Het plan is opgeslagen.")
        ),
    ),
    "advice": RouteStep(
        "advice_form",
        _advice_form,
        lambda request, challenge, form: services.challenge_advice_ask(
            challenge=challenge, actor=request.user, question=form.cleaned_data["question"]
        ),
        lambda request: _("Uw vraag om advies staat bij de afdeling van de taak."),
    ),
    "assessment": RouteStep(
        "assessment_form", _assessment_form, _assess, lambda request: _("De beoordeling is opgeslagen.")
    ),
    "decision": RouteStep(
        "decision_form",
        lambda data, challenge: DecisionForm(data, prefix="besluit"),
        lambda request, challenge, form: services.challenge_decide(
            challenge=challenge,
            actor=request.user,
            decision=form.cleaned_data["decision"],
            reasons=form.cleaned_data["reasons"],
        ),
        lambda request: _("Het besluit is vastgelegd. Print of verstuur de besluitbrief."),
    ),
    "agreement": RouteStep(
        "agreement_form",
        lambda data, challenge: AgreementForm(data, prefix="overeenkomst", initial=_agreement_initial(challenge)),
        _agreement_make,
        lambda request: _("De overeenkomst is vastgelegd. De monitoringsmomenten staan bij de termijnen."),
        again=_agreement_again,
    ),
    "evaluation": RouteStep(
        "evaluation_form",
        lambda data, challenge: EvaluationForm(data, prefix="evaluatie"),
        lambda request, challenge, form: services.challenge_evaluate(
            challenge=challenge, actor=request.user, note=form.cleaned_data["note"]
        ),
        lambda request: _("De evaluatie is vastgelegd."),
    ),
}


def _detail_context(challenge, **shown):
    """The challenge page: every step's form unbound with the challenge's values, except those in `shown`."""
    forms = {step.form_name: step.form(None, challenge) for step in ROUTE_STEPS.values()} | shown
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


def _render_detail(request, municipality, pk, *, status=200, **shown):
    challenge = selectors.challenge_get_for_staff(municipality=municipality, pk=pk)
    return render(request, "challenges/staff/detail.html", _detail_context(challenge, **shown), status=status)


@never_cache
@require_GET
@staff_view(roles=(*HANDLER_ROLES, Role.ADMINISTRATOR))
def challenge_detail(request, municipality, pk):
    return _render_detail(request, municipality, pk)


@require_POST
@staff_view(roles=HANDLER_ROLES)
def route_step(request, municipality, pk, step):
    """Save one step of the route. Bad input, a refusal or an outage shows the page again with everything typed
    and the reason; a button that only changes the form (add a moment) shows it again without saving."""
    step = ROUTE_STEPS[step]
    challenge = selectors.challenge_get_for_staff(municipality=municipality, pk=pk)
    if (again := step.again(request, challenge)) is not None:
        return _render_detail(request, municipality, pk, **{step.form_name: again})
    form = step.form(request.POST, challenge)
    if not form.is_valid():
        return _render_detail(request, municipality, pk, status=400, **{step.form_name: form})
    try:
        step.save(request, challenge, form)
    except ActionRefused as refused:
        form.add_error(None, str(refused))
        return _render_detail(request, municipality, pk, status=400, **{step.form_name: form})
    except DatabaseError:
        logger.exception("Challenge step could not be saved")
        form.add_error(None, SAVE_FAILED)
        return _render_detail(request, municipality, pk, status=503, **{step.form_name: form})
    messages.success(request, step.done(request))
    return redirect("challenges:detail", municipality_slug=municipality.slug, pk=pk)


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
