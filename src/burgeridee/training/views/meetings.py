"""Meetings: the trainer's pages (agenda, invitations, sign-ups, attendance, outcomes) and the participants' pages
(sign up through the invitation link; their own page with the calendar file, signing off and the outcomes)."""

from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.core.ratelimit import over_limit
from burgeridee.municipalities.decorators import public_municipality
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity
from burgeridee.workshops.services import default_place

from .. import selectors, services
from ..forms import InviteForm, MeetingForm, OutcomesForm, SignupForm
from ..ics import meeting_ics
from .shared import attempt, trainer_view


def _fields(data) -> dict:
    fields = dict(data)
    day, at = fields.pop("date"), fields.pop("start_time")
    fields["starts_at"] = timezone.make_aware(datetime.combine(day, at))
    return fields


def _to_meeting(meeting):
    return redirect("training:meeting", municipality_slug=meeting.municipality.slug, pk=meeting.pk)


@never_cache
@require_GET
@trainer_view
def meeting_list(request, municipality):
    return render(
        request,
        "training/staff/meetings.html",
        {"municipality": municipality, "meetings": selectors.meeting_list(municipality=municipality)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@trainer_view
def meeting_create(request, municipality):
    template = "training/staff/meeting_form.html"
    if request.method == "GET":
        form = MeetingForm(
            initial={"place": default_place(municipality), "duration_minutes": 120, "start_time": "14:00"}
        )
        return render(request, template, {"municipality": municipality, "form": form})
    form = MeetingForm(request.POST)
    context = {"municipality": municipality, "form": form}
    if not form.is_valid():
        return render(request, template, context, status=400)
    result = attempt(
        request,
        template,
        context,
        form,
        lambda: services.meeting_create(
            municipality=municipality, organiser=request.user, **_fields(form.cleaned_data)
        ),
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("De bijeenkomst is aangemaakt. Nodig nu deelnemers uit."))
    return _to_meeting(result)


@never_cache
@require_http_methods(["GET", "POST"])
@trainer_view
def meeting_edit(request, municipality, pk):
    meeting = selectors.meeting_get(municipality=municipality, pk=pk)
    template = "training/staff/meeting_form.html"
    if request.method == "GET":
        local = timezone.localtime(meeting.starts_at)
        form = MeetingForm(
            initial={
                "kind": meeting.kind,
                "title": meeting.title,
                "date": local.strftime("%d-%m-%Y"),
                "start_time": local.strftime("%H:%M"),
                "duration_minutes": meeting.duration_minutes,
                "place": meeting.place,
                "description": meeting.description,
                "agenda": meeting.agenda,
                "capacity": meeting.capacity,
            }
        )
        return render(request, template, {"municipality": municipality, "form": form, "meeting": meeting})
    form = MeetingForm(request.POST)
    context = {"municipality": municipality, "form": form, "meeting": meeting}
    if not form.is_valid():
        return render(request, template, context, status=400)
    result = attempt(
        request, template, context, form, lambda: services.meeting_update(meeting=meeting, **_fields(form.cleaned_data))
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("De bijeenkomst is opgeslagen."))
    return _to_meeting(meeting)


def _detail_context(request, municipality, meeting, **forms):
    signups = list(meeting.signups.all())
    if signups:
        processing_record(municipality=municipality, actor=request.user, activity=Activity.MEETING_SIGNUPS_READ)
    return {
        "municipality": municipality,
        "meeting": meeting,
        "signups": signups,
        "active_signups": [signup for signup in signups if signup.cancelled_at is None],
        "invite_link": services.meeting_invite_link(meeting),
        "invite_form": forms.get("invite_form") or InviteForm(prefix="invite"),
        "outcomes_form": forms.get("outcomes_form")
        or OutcomesForm(prefix="outcomes", initial={"outcomes": meeting.outcomes}),
    }


@never_cache
@require_GET
@trainer_view
def meeting_detail(request, municipality, pk):
    meeting = selectors.meeting_get(municipality=municipality, pk=pk)
    return render(request, "training/staff/meeting.html", _detail_context(request, municipality, meeting))


@require_POST
@trainer_view
def meeting_invite(request, municipality, pk):
    meeting = selectors.meeting_get(municipality=municipality, pk=pk)
    form = InviteForm(request.POST, prefix="invite")
    context = _detail_context(request, municipality, meeting, invite_form=form)
    template = "training/staff/meeting.html"
    if not form.is_valid():
        return render(request, template, context, status=400)
    result = attempt(
        request,
        template,
        context,
        form,
        lambda: services.meeting_invite(meeting=meeting, emails=form.cleaned_data["emails"], actor=request.user),
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("%(count)s uitnodiging(en) verstuurd, met het agendabestand.") % {"count": result})
    return _to_meeting(meeting)


@require_POST
@trainer_view
def meeting_attendance(request, municipality, pk):
    meeting = selectors.meeting_get(municipality=municipality, pk=pk)
    present = {int(value) for value in request.POST.getlist("present") if value.isdigit()}
    services.meeting_attendance_save(meeting=meeting, present_ids=present)
    messages.success(request, _("De aanwezigheid is opgeslagen."))
    return _to_meeting(meeting)


@require_POST
@trainer_view
def meeting_outcomes(request, municipality, pk):
    meeting = selectors.meeting_get(municipality=municipality, pk=pk)
    form = OutcomesForm(request.POST, prefix="outcomes")
    context = _detail_context(request, municipality, meeting, outcomes_form=form)
    template = "training/staff/meeting.html"
    if not form.is_valid():
        return render(request, template, context, status=400)
    result = attempt(
        request,
        template,
        context,
        form,
        lambda: services.meeting_outcomes_publish(meeting=meeting, outcomes=form.cleaned_data["outcomes"]),
    )
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, _("De opbrengst is gedeeld met de deelnemers."))
    return _to_meeting(meeting)


def _ics_response(meeting):
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bijeenkomst.ics"'
    return response


@require_GET
@trainer_view
def meeting_ics_staff(request, municipality, pk):
    return _ics_response(selectors.meeting_get(municipality=municipality, pk=pk))


# --- Participants -------------------------------------------------------------------------------------------


def _meeting_public(municipality, token):
    meeting = selectors.meeting_by_invite_token(municipality=municipality, token=token)
    if meeting is None:
        raise Http404
    return meeting


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def meeting_public(request, municipality, token):
    meeting = _meeting_public(municipality, token)
    template = "training/public/meeting.html"
    form = SignupForm(request.POST if request.method == "POST" else None)
    context = {"municipality": municipality, "meeting": meeting, "form": form, "token": token}
    if request.method == "GET":
        return render(request, template, context)
    if over_limit(request, group="meeting-signup", rate=settings.RATELIMIT_WORKSHOP_REQUEST):
        context["problem"] = _(
            "Vanaf uw internetadres zijn veel aanmeldingen verstuurd. Probeer het over een uur opnieuw."
        )
        return render(request, template, context, status=429)
    if not form.is_valid():
        return render(request, template, context, status=400)
    result = attempt(
        request, template, context, form, lambda: services.meeting_sign_up(meeting=meeting, **form.cleaned_data)
    )
    if isinstance(result, HttpResponse):
        return result
    _signup, personal_token = result
    messages.success(request, _("U bent aangemeld. De bevestiging met de link naar deze pagina staat in uw mail."))
    return redirect("training:signup_page", municipality_slug=municipality.slug, token=personal_token)


@require_GET
@public_municipality
def meeting_public_ics(request, municipality, token):
    return _ics_response(_meeting_public(municipality, token))


def _signup(municipality, token):
    signup = selectors.signup_by_token(municipality=municipality, token=token)
    if signup is None:
        raise Http404
    return signup


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def signup_page(request, municipality, token):
    signup = _signup(municipality, token)
    if request.method == "POST":
        services.meeting_sign_off(signup=signup)
        messages.success(request, _("U bent afgemeld."))
        return redirect("training:signup_page", municipality_slug=municipality.slug, token=token)
    return render(
        request,
        "training/public/signup.html",
        {"municipality": municipality, "signup": signup, "meeting": signup.meeting, "token": token},
    )


@require_GET
@public_municipality
def signup_ics(request, municipality, token):
    return _ics_response(_signup(municipality, token).meeting)
