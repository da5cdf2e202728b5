"""The trainer's pages: the list of sessions (with open requests), a session's page, its details and its agenda."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .. import selectors, services
from ..constants import SessionStatus
from ..forms import AgendaAddForm, AgendaItemForm, SessionForm
from ..models import AgendaItem
from ..qr import qr_data_uri
from ..services import WorkshopError
from ..sources import library
from .shared import join_url, to_detail, trainer_view


@never_cache
@require_GET
@trainer_view
def session_list(request, municipality):
    requests = list(selectors.workshop_requests_open(municipality=municipality))
    if requests:
        processing_record(municipality=municipality, actor=request.user, activity=Activity.WORKSHOP_REQUESTS_READ)
    return render(
        request,
        "workshops/staff/list.html",
        {
            "municipality": municipality,
            "sessions": selectors.session_list(municipality=municipality),
            "requests": requests,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@trainer_view
def session_create(request, municipality):
    if request.method == "GET":
        form = SessionForm(initial={"place": services.default_place(municipality), "expected_participants": 20})
        return render(request, "workshops/staff/session_form.html", {"municipality": municipality, "form": form})
    form = SessionForm(request.POST)
    if not form.is_valid():
        return render(
            request, "workshops/staff/session_form.html", {"municipality": municipality, "form": form}, status=400
        )
    session = services.session_create(municipality=municipality, created_by=request.user, **form.cleaned_data)
    messages.success(request, _("De bijeenkomst is aangemaakt met de standaardagenda."))
    return to_detail(session)


@never_cache
@require_http_methods(["GET", "POST"])
@trainer_view
def session_edit(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    context = {"municipality": municipality, "session": session}
    if request.method == "GET":
        context["form"] = SessionForm(
            initial={
                "title": session.title,
                "date": session.date.strftime("%d-%m-%Y"),
                "place": session.place,
                "expected_participants": session.expected_participants,
            }
        )
        return render(request, "workshops/staff/session_form.html", context)
    form = SessionForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return render(request, "workshops/staff/session_form.html", context, status=400)
    try:
        services.session_update(session=session, **form.cleaned_data)
    except WorkshopError as error:
        messages.error(request, str(error))
    return to_detail(session)


@never_cache
@require_GET
@trainer_view
def session_detail(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    participants = list(session.participants.all())
    if participants:
        processing_record(municipality=municipality, actor=request.user, activity=Activity.WORKSHOP_PARTICIPANTS_READ)
    items = selectors.agenda(session=session)
    editable = session.status in (SessionStatus.DRAFT, SessionStatus.OPEN)
    sources = library(session)
    return render(
        request,
        "workshops/staff/detail.html",
        {
            "municipality": municipality,
            "session": session,
            "items": [
                {
                    "item": item,
                    "form": AgendaItemForm(
                        item=item, library=sources, prefix=f"item{item.pk}", initial=_item_initial(item)
                    ),
                }
                for item in items
            ],
            "total_minutes": sum(item.minutes for item in items),
            "add_form": AgendaAddForm(prefix="add"),
            "editable": editable,
            "participants": participants,
            "join_url": join_url(request, session),
            "qr": qr_data_uri(join_url(request, session)),
        },
    )


def _item_initial(item):
    return {"minutes": item.minutes, "case_numbers": item.case_numbers}


def _agenda_item(session, item_pk) -> AgendaItem:
    item = session.agenda_items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    return item


@require_POST
@trainer_view
def agenda_change(request, municipality, pk, item_pk, action):
    session = selectors.session_get(municipality=municipality, pk=pk)
    item = _agenda_item(session, item_pk)
    try:
        if action == "bijwerken":
            form = AgendaItemForm(request.POST, item=item, library=library(session), prefix=f"item{item.pk}")
            if not form.is_valid():
                messages.error(request, _("Vul een aantal minuten tussen 1 en 240 in."))
                return to_detail(session)
            services.agenda_item_update(
                item=item, minutes=form.cleaned_data["minutes"], case_numbers=form.cleaned_data.get("case_numbers", [])
            )
            messages.success(request, _("Onderdeel bijgewerkt."))
        elif action in ("omhoog", "omlaag"):
            services.agenda_item_move(item=item, offset=-1 if action == "omhoog" else 1)
        elif action == "verwijderen":
            services.agenda_item_remove(item=item)
            messages.success(request, _("Onderdeel verwijderd."))
        else:
            raise Http404
    except WorkshopError as error:
        messages.error(request, str(error))
    return to_detail(session)


@require_POST
@trainer_view
def agenda_add(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    form = AgendaAddForm(request.POST, prefix="add")
    if form.is_valid():
        try:
            services.agenda_item_add(session=session, **form.cleaned_data)
            messages.success(request, _("Onderdeel toegevoegd."))
        except WorkshopError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Kies een onderdeel en een aantal minuten tussen 1 en 240."))
    return to_detail(session)
