"""The effect of the workshop (trainer and coordinator) and a participant's own opt-in and follow-up."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import selectors, services
from ..effect import effect
from ..forms import OptInForm, SelfAssessmentForm
from .shared import attempt, effect_view, member_view


@never_cache
@require_GET
@effect_view
def effect_page(request, municipality):
    return render(
        request,
        "training/staff/effect.html",
        {"municipality": municipality, "effect": effect(municipality=municipality)},
    )


def _participation_context(request, municipality, **forms):
    today = timezone.localdate()
    participations = list(selectors.participations_of(municipality=municipality, user=request.user))
    for participation in participations:
        due = participation.session.date + timezone.timedelta(days=settings.TRAINING_FOLLOWUP_DAYS)
        participation.followup_due = due
        participation.followup_open = due <= today
        participation.assessment_form = forms.get(participation.pk) or SelfAssessmentForm(prefix=f"p{participation.pk}")
    return {
        "municipality": municipality,
        "participations": participations,
        "form": forms.get("form")
        or OptInForm(sessions=selectors.sessions_to_link(municipality=municipality, user=request.user)),
        "min_size": settings.TRAINING_MIN_GROUP_SIZE,
    }


TEMPLATE = "training/staff/participation.html"


@never_cache
@require_http_methods(["GET", "POST"])
@member_view
def participation(request, municipality):
    if request.method == "GET":
        return render(request, TEMPLATE, _participation_context(request, municipality))
    sessions = list(selectors.sessions_to_link(municipality=municipality, user=request.user))
    form = OptInForm(request.POST, sessions=sessions)
    context = _participation_context(request, municipality, form=form)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    session = next(session for session in sessions if session.pk == form.cleaned_data["session"])
    result = attempt(
        request,
        TEMPLATE,
        context,
        form,
        lambda: services.participation_opt_in(
            municipality=municipality, user=request.user, session=session, baseline=form.scores
        ),
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(
        request, _("Dank u wel. Uw werk telt mee in de cijfers over het effect. U kunt dit altijd intrekken.")
    )
    return redirect("training:participation", municipality_slug=municipality.slug)


def _own(request, municipality, pk):
    found = selectors.participations_of(municipality=municipality, user=request.user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@require_POST
@member_view
def participation_withdraw(request, municipality, pk):
    services.participation_withdraw(participation=_own(request, municipality, pk))
    messages.success(request, _("Uw toestemming is ingetrokken. Uw werk telt niet meer mee."))
    return redirect("training:participation", municipality_slug=municipality.slug)


@require_POST
@member_view
def self_assessment(request, municipality, pk):
    own = _own(request, municipality, pk)
    form = SelfAssessmentForm(request.POST, prefix=f"p{own.pk}")
    context = _participation_context(request, municipality, **{str(own.pk): form})
    for item in context["participations"]:
        if item.pk == own.pk:
            item.assessment_form = form
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    result = attempt(
        request,
        TEMPLATE,
        context,
        form,
        lambda: services.self_assessment_submit(participation=own, scores=form.cleaned_data),
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("Dank u wel voor het invullen."))
    return redirect("training:participation", municipality_slug=municipality.slug)
