"""The effect of the workshop (trainer and coordinator) and a participant's own opt-in and follow-up."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.core.csvexport import csv_response

from .. import selectors, services
from ..effect import effect
from ..forms import EffectWindowForm, OptInForm, SelfAssessmentForm
from .shared import attempt, effect_view, member_view


def _window(request) -> tuple[EffectWindowForm, dict]:
    """The window form (bound when the page was asked with one) and the dates to use: none when it is invalid."""
    bound = "date_from" in request.GET or "date_to" in request.GET
    form = EffectWindowForm(request.GET if bound else None)
    if bound and form.is_valid():
        return form, {"date_from": form.cleaned_data["date_from"], "date_to": form.cleaned_data["date_to"]}
    return form, {}


def _effect_render(request, municipality, form, figures):
    return render(
        request,
        "training/staff/effect.html",
        {"municipality": municipality, "effect": figures, "form": form, "query": request.GET.urlencode()},
        status=400 if form.is_bound and form.errors else 200,
    )


@never_cache
@require_GET
@effect_view
def effect_page(request, municipality):
    form, window = _window(request)
    return _effect_render(request, municipality, form, effect(municipality=municipality, **window))


def _shown(value):
    return "" if value is None else value


@never_cache
@require_GET
@effect_view
def effect_csv(request, municipality):
    """The same aggregated figures as the page, as CSV; a hidden group is named with why, never with figures."""
    form, window = _window(request)
    figures = effect(municipality=municipality, **window)
    if form.is_bound and form.errors:
        return _effect_render(request, municipality, form, figures)
    period = "-".join(day.isoformat() for day in (window.get("date_from"), window.get("date_to")) if day)
    response, writer = csv_response(f"workshop-effect-{municipality.slug}{'-' + period if period else ''}.csv")
    writer.writerow(
        [
            _("groep"),
            _("workshopdatum"),
            _("deelnemers"),
            _("maat"),
            _("eenheid"),
            _("voor de workshop"),
            _("aantal voor"),
            _("na de workshop"),
            _("aantal na"),
        ]
    )
    hidden = _("niet getoond: minder dan %(n)d") % {"n": figures.min_size}
    for group in ([figures.total] if figures.total else []) + figures.groups:
        day = group.day.isoformat() if group.day else ""
        if group.hidden:
            writer.writerow([group.label, day, hidden, "", "", "", "", "", ""])
            continue
        for c in group.comparisons:
            writer.writerow(
                [
                    group.label,
                    day,
                    group.size,
                    str(c.label),
                    str(c.unit),
                    _shown(c.before),
                    c.before_n,
                    _shown(c.after),
                    c.after_n,
                ]
            )
        if group.self_assessment_hidden:
            writer.writerow([group.label, day, group.size, _("zelfevaluatie"), "", hidden, "", "", ""])
            continue
        for label, before, after in group.self_assessment:
            writer.writerow(
                [
                    group.label,
                    day,
                    group.size,
                    _("zelfevaluatie: %(statement)s") % {"statement": label},
                    _("gemiddeld, 1-5"),
                    _shown(before),
                    group.respondents,
                    _shown(after),
                    group.respondents,
                ]
            )
    return response


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
