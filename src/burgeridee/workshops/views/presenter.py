"""The trainer during and after the session: the big screen with its controls and live results, merging duplicate
success factors, and the read-only review of a finished session."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..constants import SessionStatus
from ..forms import posted_id
from ..modules import module_for
from ..qr import qr_data_uri
from ..services import WorkshopError
from .shared import join_url, to_detail, trainer_view

TRANSITIONS = {
    "openen": lambda s: services.session_open(session=s),
    "starten": lambda s: services.session_start(session=s),
    "volgende": lambda s: services.session_next(session=s),
    "vorige": lambda s: services.session_previous(session=s),
    "volgende-stap": lambda s: services.session_step(session=s, offset=1),
    "vorige-stap": lambda s: services.session_step(session=s, offset=-1),
    "uitleg": lambda s: services.session_reveal(session=s),
    "afronden": lambda s: services.session_finish(session=s),
}


@require_POST
@trainer_view
def session_transition(request, municipality, pk, action):
    session = selectors.session_get(municipality=municipality, pk=pk)
    if action not in TRANSITIONS:
        raise Http404
    try:
        TRANSITIONS[action](session)
    except WorkshopError as error:
        messages.error(request, str(error))
    if action in ("openen", "afronden") and request.POST.get("terug") == "detail":
        return to_detail(session)
    return redirect("workshops:presenter", municipality_slug=municipality.slug, pk=session.pk)


def _presenter_context(session, item) -> dict:
    """The presenter, its live fragment and the review: the agenda item, its module's results and the timer."""
    context = {"municipality": session.municipality, "session": session, "item": item, "module": None}
    if item is not None:
        module = module_for(item.module)
        context["module"] = module
        context.update(module.results(session=session, item=item))
        context.update(module.presenter_context(session=session, item=item))
        if session.status == SessionStatus.RUNNING:
            context["timer"] = selectors.timer(session=session, item=item)
    context["participant_count"] = selectors.participant_count(session=session)
    context["items"] = selectors.agenda(session=session)
    return context


@never_cache
@require_GET
@trainer_view
def presenter(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    item = selectors.current_item(session=session)
    context = _presenter_context(session, item)
    context.update(join_url=join_url(request, session), qr=qr_data_uri(join_url(request, session)))
    return render(request, "workshops/staff/presenter.html", context)


@never_cache
@require_GET
@trainer_view
def presenter_live(request, municipality, pk):
    """The presenter's live results, polled every few seconds."""
    session = selectors.session_get(municipality=municipality, pk=pk)
    item = selectors.current_item(session=session)
    return render(request, "workshops/staff/_live.html", _presenter_context(session, item))


@require_POST
@trainer_view
def factor_merge(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    source = selectors.board_factor(session=session, pk=posted_id(request.POST, "source"))
    target = selectors.board_factor(session=session, pk=posted_id(request.POST, "target"))
    if source is None or target is None:
        messages.error(request, _("Kies twee succesfactoren om samen te voegen."))
    else:
        try:
            services.factor_merge(source=source, target=target)
            messages.success(request, _("Samengevoegd: „%(a)s” valt nu onder „%(b)s”.") % {"a": source, "b": target})
        except WorkshopError as error:
            messages.error(request, str(error))
    return redirect("workshops:presenter", municipality_slug=municipality.slug, pk=session.pk)


@never_cache
@require_GET
@trainer_view
def review(request, municipality, pk):
    """A finished session reopened read-only: every module's results, one at a time."""
    session = selectors.session_get(municipality=municipality, pk=pk)
    if session.status != SessionStatus.FINISHED:
        return redirect("workshops:presenter", municipality_slug=municipality.slug, pk=session.pk)
    items = selectors.agenda(session=session)
    try:
        position = int(request.GET.get("onderdeel", "0"))
    except ValueError:
        position = 0
    item = next((i for i in items if i.position == position), items[0] if items else None)
    context = _presenter_context(session, item)
    context["read_only"] = True
    context["previous_item"] = next((i for i in items if item and i.position == item.position - 1), None)
    context["next_item"] = next((i for i in items if item and i.position == item.position + 1), None)
    return render(request, "workshops/staff/review.html", context)
