"""Warm hand-over pages: the contact person asks; the department colleague answers in their own list."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.core.dates import local_date
from burgeridee.initiatives.selectors import initiative_get_for_staff

from . import selectors, services
from .forms import HandoverAnswerForm, HandoverAskForm

logger = logging.getLogger(__name__)

ASKERS = (Role.CONTACT, Role.COORDINATOR)
SAVE_FAILED = gettext_lazy(
    "Het opslaan is niet gelukt. Uw tekst staat er nog. Probeer het over een paar minuten opnieuw."
)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=ASKERS)
def ask(request, municipality, pk):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    departments = selectors.department_list(municipality=municipality)
    status = 200
    if request.method == "POST":
        form = HandoverAskForm(request.POST, departments=departments)
        if form.is_valid():
            data = form.cleaned_data
            try:
                handover = services.handover_ask(
                    initiative=initiative,
                    department=data["department"],
                    question=data["question"],
                    context=data["context"],
                    due_date=data["due_date"],
                    actor=request.user,
                )
            except DatabaseError:
                logger.exception("Hand-over could not be saved")
                form.add_error(None, SAVE_FAILED)
                status = 503
            else:
                messages.success(
                    request,
                    _("Uw vraag staat bij %(department)s. Antwoord uiterlijk %(day)s.")
                    % {"department": handover.department.name, "day": date_format(handover.due_date, "j F Y")},
                )
                return redirect("handovers:ask", municipality_slug=municipality.slug, pk=initiative.pk)
        else:
            status = 400
    else:
        form = HandoverAskForm(
            departments=departments, initial={"due_date": services.handover_due_default(today=local_date())}
        )
    return render(
        request,
        "handovers/ask.html",
        {
            "initiative": initiative,
            "form": form,
            "handovers": selectors.handover_list_for_initiative(initiative=initiative),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET"])
@staff_view(roles=(Role.DEPARTMENT,))
def department_list(request, municipality):
    membership = request.membership
    return render(
        request,
        "handovers/list.html",
        {
            "department": membership.department,
            "open_handovers": list(selectors.handover_list_for_department(membership=membership)),
            "answered_handovers": list(
                selectors.handover_list_for_department(membership=membership, answered=True)[:50]
            ),
            "today": local_date(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.DEPARTMENT,))
def detail(request, municipality, pk):
    handover = selectors.handover_get_for_department(membership=request.membership, pk=pk)
    status = 200
    form = HandoverAnswerForm()
    if request.method == "POST" and handover.is_open:
        form = HandoverAnswerForm(request.POST)
        if form.is_valid():
            try:
                services.handover_answer(handover=handover, answer=form.cleaned_data["answer"], actor=request.user)
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            except DatabaseError:
                logger.exception("Hand-over answer could not be saved")
                form.add_error(None, SAVE_FAILED)
                status = 503
            else:
                messages.success(request, _("Uw antwoord is verstuurd naar de contactpersoon."))
                return redirect("handovers:list", municipality_slug=municipality.slug)
        else:
            status = 400
    elif request.method == "POST":
        messages.info(request, _("Deze vraag is al beantwoord."))
        return redirect("handovers:detail", municipality_slug=municipality.slug, pk=handover.pk)
    initiative = handover.initiative
    return render(
        request,
        "handovers/detail.html",
        {
            "handover": handover,
            "initiative": initiative,
            "support_requests": list(initiative.support_requests.all()),
            "form": form,
            "today": local_date(),
        },
        status=status,
    )
