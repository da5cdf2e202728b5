"""Callback dates and other follow-ups agreed with the resident."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.core.dates import add_working_days, local_date
from burgeridee.initiatives.selectors import initiative_get_for_staff

from . import selectors, services
from .forms import FollowUpForm

logger = logging.getLogger(__name__)

HANDLERS = (Role.CONTACT, Role.COORDINATOR)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=HANDLERS)
def follow_ups(request, municipality, pk):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    assignees = selectors.follow_up_assignees(municipality=municipality)
    status = 200
    if request.method == "POST":
        form = FollowUpForm(request.POST, assignees=assignees)
        if form.is_valid():
            data = form.cleaned_data
            try:
                follow_up = services.follow_up_create(
                    initiative=initiative,
                    kind=data["kind"],
                    due_date=data["due_date"],
                    assigned_to=data["assigned_to"],
                    note=data["note"],
                    actor=request.user,
                )
            except DatabaseError:
                logger.exception("Follow-up could not be saved")
                form.add_error(None, _("Het opslaan is niet gelukt. Probeer het over een paar minuten opnieuw."))
                status = 503
            else:
                messages.success(
                    request,
                    _("Afspraak vastgelegd voor %(day)s.") % {"day": date_format(follow_up.due_date, "j F Y")},
                )
                return redirect("deadlines:follow_ups", municipality_slug=municipality.slug, pk=initiative.pk)
        else:
            status = 400
    else:
        default_assignee = initiative.contact_person_id or request.user.pk
        form = FollowUpForm(
            assignees=assignees,
            initial={
                "due_date": add_working_days(local_date(), 1),
                "assigned_to": default_assignee if assignees.filter(pk=default_assignee).exists() else None,
            },
        )
    return render(
        request,
        "deadlines/follow_ups.html",
        {
            "initiative": initiative,
            "form": form,
            "follow_ups": selectors.follow_up_list_for_initiative(initiative=initiative),
        },
        status=status,
    )


@never_cache
@require_http_methods(["POST"])
@staff_view(roles=HANDLERS)
def follow_up_done(request, municipality, pk, follow_up_id):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    follow_up = selectors.follow_up_get_for_staff(municipality=municipality, initiative=initiative, pk=follow_up_id)
    try:
        services.follow_up_complete(follow_up=follow_up, actor=request.user)
    except ValidationError:
        messages.info(request, _("Deze afspraak was al afgerond."))
    else:
        messages.success(request, _("De afspraak is afgerond."))
    return redirect("deadlines:follow_ups", municipality_slug=municipality.slug, pk=initiative.pk)
