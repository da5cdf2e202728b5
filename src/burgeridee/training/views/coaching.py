"""Individual coaching. Every page is for the coach and the coachee only: `selectors.trajectory_get` gives anyone
else (a coordinator, another trainer) a 404."""

from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .. import selectors, services
from ..forms import CoacheeForm, CoachingSessionForm, GoalForm, NoteForm, ShareForm, TrajectoryForm
from .shared import attempt, member_view, trainer_view

TEMPLATE = "training/staff/trajectory.html"


def _to_trajectory(trajectory):
    return redirect("training:trajectory", municipality_slug=trajectory.municipality.slug, pk=trajectory.pk)


def _save(request, context, form, work, message, *, template=TEMPLATE, trajectory=None):
    """Run `work` (a service call); on a failed save the page again with what was typed, else `message` and
    back to the trajectory (the one given, or the one `work` made)."""
    result = attempt(request, template, context, form, work)
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, message)
    return _to_trajectory(trajectory or result)


@never_cache
@require_GET
@member_view
def coaching_list(request, municipality):
    return render(
        request,
        "training/staff/coaching.html",
        {
            "municipality": municipality,
            "trajectories": selectors.trajectories_of(municipality=municipality, user=request.user),
            "is_trainer": request.membership.has_role("trainer"),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@trainer_view
def trajectory_create(request, municipality):
    candidates = selectors.coachee_candidates(municipality=municipality, exclude=request.user)
    form = TrajectoryForm(request.POST if request.method == "POST" else None, candidates=candidates)
    context = {"municipality": municipality, "form": form}
    template = "training/staff/trajectory_form.html"
    if request.method == "GET":
        return render(request, template, context)
    if not form.is_valid():
        return render(request, template, context, status=400)
    coachee = next(user for user in candidates if user.pk == form.cleaned_data["coachee"])
    return _save(
        request,
        context,
        form,
        lambda: services.trajectory_create(
            municipality=municipality, coach=request.user, coachee=coachee, title=form.cleaned_data["title"]
        ),
        _("Het coachingstraject is aangemaakt."),
        template=template,
    )


def _context(request, municipality, trajectory, **forms):
    sources = selectors.coaching_sources(municipality=municipality)
    is_coachee = request.user.pk == trajectory.coachee_id
    sessions = list(trajectory.sessions.prefetch_related("notes__author"))
    goals = [
        {
            "goal": goal,
            "phases": [sources["phases"].get(key, key) for key in goal.phase_keys],
            "pitfalls": [f"{key} {sources['pitfalls'].get(key, '')}".strip() for key in goal.pitfall_keys],
            "factors": [f"{key} {sources['factors'].get(key, '')}".strip() for key in goal.factor_keys],
        }
        for goal in trajectory.goals.all()
    ]
    if trajectory.coachee_id and not is_coachee:
        processing_record(
            municipality=municipality,
            actor=request.user,
            activity=Activity.COACHING_READ,
            data_subject=trajectory.coachee,
        )
    context = {
        "municipality": municipality,
        "trajectory": trajectory,
        "is_coach": request.user.pk == trajectory.coach_id,
        "is_coachee": is_coachee,
        "goals": goals,
        "retention_months": settings.TRAINING_COACHING_RETENTION_MONTHS,
        "sessions": sessions,
        "shared": list(
            trajectory.shared_initiatives.select_related("initiative").only(
                "pk", "summary", "question", "shared_at", "trajectory_id", "initiative__reference", "initiative__title"
            )
        ),
        "goal_form": forms.get("goal_form") or GoalForm(sources=sources, prefix="goal"),
        "session_form": forms.get("session_form") or CoachingSessionForm(prefix="session"),
        "note_form": NoteForm(prefix="note"),
        "note_errors": forms.get("note_errors", {}),
        "share_form": None,
        "coachee_form": None,
    }
    if is_coachee:
        context["share_form"] = forms.get("share_form") or ShareForm(
            initiatives=selectors.coachee_initiatives(municipality=municipality, user=request.user), prefix="share"
        )
    if context["is_coach"] and trajectory.coachee_id is None:
        context["coachee_form"] = forms.get("coachee_form") or CoacheeForm(
            candidates=selectors.coachee_candidates(municipality=municipality, exclude=request.user), prefix="coachee"
        )
    return context


def _trajectory(request, municipality, pk):
    return selectors.trajectory_get(municipality=municipality, user=request.user, pk=pk)


@never_cache
@require_GET
@member_view
def trajectory_detail(request, municipality, pk):
    trajectory = _trajectory(request, municipality, pk)
    return render(request, TEMPLATE, _context(request, municipality, trajectory))


@require_POST
@member_view
def goal_add(request, municipality, pk):
    trajectory = _trajectory(request, municipality, pk)
    form = GoalForm(request.POST, sources=selectors.coaching_sources(municipality=municipality), prefix="goal")
    context = _context(request, municipality, trajectory, goal_form=form)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    return _save(
        request,
        context,
        form,
        lambda: services.goal_add(trajectory=trajectory, actor=request.user, **form.cleaned_data),
        _("Het doel is vastgelegd."),
        trajectory=trajectory,
    )


@require_POST
@member_view
def session_add(request, municipality, pk):
    trajectory = _trajectory(request, municipality, pk)
    if request.user.pk != trajectory.coach_id:
        raise Http404
    form = CoachingSessionForm(request.POST, prefix="session")
    context = _context(request, municipality, trajectory, session_form=form)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    data = form.cleaned_data
    starts_at = timezone.make_aware(datetime.combine(data["date"], data["start_time"]))
    return _save(
        request,
        context,
        form,
        lambda: services.coaching_session_add(trajectory=trajectory, starts_at=starts_at, place=data["place"]),
        _("Het gesprek is ingepland."),
        trajectory=trajectory,
    )


@require_POST
@member_view
def note_add(request, municipality, pk, session_pk):
    trajectory = _trajectory(request, municipality, pk)
    session = trajectory.sessions.filter(pk=session_pk).first()
    if session is None:
        raise Http404
    form = NoteForm(request.POST, prefix="note")
    if not form.is_valid():
        context = _context(request, municipality, trajectory, note_errors={session.pk: form})
        return render(request, TEMPLATE, context, status=400)
    services.coaching_note_add(session=session, author=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("De aantekening is bewaard."))
    return _to_trajectory(trajectory)


@require_POST
@member_view
def initiative_share(request, municipality, pk):
    trajectory = _trajectory(request, municipality, pk)
    if request.user.pk != trajectory.coachee_id:
        raise Http404
    initiatives = list(selectors.coachee_initiatives(municipality=municipality, user=request.user))
    form = ShareForm(request.POST, initiatives=initiatives, prefix="share")
    context = _context(request, municipality, trajectory, share_form=form)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    chosen = form.cleaned_data["initiative"]
    initiative = next((item for item in initiatives if item.pk == chosen), None)
    return _save(
        request,
        context,
        form,
        lambda: services.initiative_share(
            trajectory=trajectory,
            actor=request.user,
            initiative=initiative,
            summary=form.cleaned_data["summary"],
            question=form.cleaned_data["question"],
        ),
        _("Gedeeld met uw coach: alleen wat u zelf schreef."),
        trajectory=trajectory,
    )


@require_POST
@member_view
def shared_withdraw(request, municipality, pk, shared_pk):
    trajectory = _trajectory(request, municipality, pk)
    shared = trajectory.shared_initiatives.filter(pk=shared_pk).first()
    if shared is None or request.user.pk != trajectory.coachee_id:
        raise Http404
    services.shared_initiative_withdraw(shared=shared, actor=request.user)
    messages.success(request, _("Het gedeelde initiatief is weggehaald."))
    return _to_trajectory(trajectory)


@require_POST
@member_view
def coachee_set(request, municipality, pk):
    trajectory = _trajectory(request, municipality, pk)
    if request.user.pk != trajectory.coach_id or trajectory.coachee_id:
        raise Http404
    candidates = selectors.coachee_candidates(municipality=municipality, exclude=request.user)
    form = CoacheeForm(request.POST, candidates=candidates, prefix="coachee")
    context = _context(request, municipality, trajectory, coachee_form=form)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    coachee = next(user for user in candidates if user.pk == form.cleaned_data["coachee"])
    return _save(
        request,
        context,
        form,
        lambda: services.trajectory_set_coachee(trajectory=trajectory, coachee=coachee),
        _("De coachee is gekoppeld."),
        trajectory=trajectory,
    )


@require_POST
@member_view
def trajectory_finish(request, municipality, pk):
    trajectory = _trajectory(request, municipality, pk)
    if request.user.pk != trajectory.coach_id:
        raise Http404
    services.trajectory_finish(trajectory=trajectory, actor=request.user)
    messages.success(request, _("Het traject is afgerond."))
    return _to_trajectory(trajectory)
