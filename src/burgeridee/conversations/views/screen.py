"""The conversation screen: the phases with their questions, and everything captured, saved as it goes.

The page posts the whole form; `conversation.js` autosaves the fields changed since the last save one by one.
"""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.accounts.decorators import staff_view
from burgeridee.core.dates import local_date
from burgeridee.knowledge.selectors import participation_ladder
from burgeridee.records.vocabulary import Activity

from .. import selectors, services
from ..forms import ConversationForm
from ..screen_html import screen_form_html
from .shared import STAFF, _log, agreement_count, conversation_or_redirect, to_plan

logger = logging.getLogger(__name__)


def _conversation_form(conversation, ladder, data=None, names=(), ask_held_on=False):
    outline = selectors.model_outline(model=conversation.model)
    form = ConversationForm(
        data,
        initial=ConversationForm.initial_from(conversation),
        phases=outline.phases,
        during_choices=outline.during,
        ladder=ladder,
        agreement_count=agreement_count(len(conversation.agreements_draft), names),
    )
    if ask_held_on and conversation.held_at is None:
        form.add_held_on(
            suggestion=selectors.held_on_suggestion(conversation=conversation),
            earliest=local_date(conversation.initiative.submitted_at),
        )
    return form


def _as_data(form) -> MultiValueDict:
    """The form's initial values as posted data, so a partial post can be merged over them."""
    data = MultiValueDict()
    for name, field in form.fields.items():
        value = form.get_initial_for_field(field, name)
        if value is None:
            data.setlist(name, [])
        elif isinstance(value, list | tuple):
            data.setlist(name, [str(v) for v in value])
        elif hasattr(value, "isoformat"):
            data.setlist(name, [value.isoformat()])
        else:
            data.setlist(name, [str(value)])
    return data


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def conversation_screen(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is None:
        messages.info(request, _("Plan eerst het gesprek."))
        return to_plan(municipality, initiative)
    ladder = participation_ladder(municipality=municipality)
    form = _conversation_form(conversation, ladder, request.POST or None, names=request.POST.keys(), ask_held_on=True)
    finishing = "finish" in request.POST
    status = 200
    if request.method == "POST":
        # Finishing marks the conversation held: on the day the civil servant confirms, never silently.
        held_on = form.require_held_on() if form.is_valid() and finishing else None
        if form.is_valid():
            try:
                services.conversation_save(conversation=conversation, **form.changes())
                if finishing:
                    services.conversation_mark_held(conversation=conversation, actor=request.user, held_on=held_on)
            except DatabaseError:
                logger.exception("Conversation could not be saved")
                form.add_error(None, _("Opslaan lukte niet. Uw aantekeningen staan er nog; probeer het zo opnieuw."))
                status = 503
            else:
                _log(request, initiative, Activity.CONVERSATION_RECORD)
                if finishing:
                    return redirect("conversations:report", municipality_slug=municipality.slug, pk=initiative.pk)
                messages.success(request, _("Opgeslagen."))
                return redirect("conversations:screen", municipality_slug=municipality.slug, pk=initiative.pk)
        else:
            status = 400
    else:
        _log(request, initiative, Activity.CONVERSATION_HOLD)
    return render(
        request,
        "conversations/screen.html",
        {
            "initiative": initiative,
            "conversation": conversation,
            "form": form,
            "phases": form.phases,
            "screen_form": screen_form_html(form, conversation=conversation, municipality=municipality),
            "server_updated": int(conversation.updated_at.timestamp() * 1000),
        },
        status=status,
    )


@require_POST
@staff_view(roles=STAFF)
def conversation_autosave(request, municipality, pk):
    """Save the fields named in `_fields` (the ones changed since the last save). Answers JSON."""
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is None:
        raise Http404
    names = {name for name in request.POST.getlist("_fields") if name}
    ladder = participation_ladder(municipality=municipality)
    blank = _conversation_form(conversation, ladder, names=names)
    unknown = names - set(blank.fields)
    if not names or unknown:
        return JsonResponse({"saved": False, "errors": {name: [_("Onbekend veld.")] for name in unknown}}, status=400)
    data = _as_data(blank)
    for name in names:
        data.setlist(name, request.POST.getlist(name))
    form = _conversation_form(conversation, ladder, data, names=names)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return JsonResponse({"saved": False, "errors": errors}, status=400)
    try:
        conversation = services.conversation_save(conversation=conversation, **form.changes(names))
    except DatabaseError:
        logger.exception("Autosave failed")
        return JsonResponse({"saved": False, "errors": {}}, status=503)
    _log(request, initiative, Activity.CONVERSATION_RECORD)
    saved_at = timezone.localtime(conversation.updated_at)
    return JsonResponse(
        {
            "saved": True,
            "fields": sorted(names),
            "saved_at": saved_at.isoformat(),
            "message": _("Opgeslagen om %(time)s") % {"time": saved_at.strftime("%H:%M:%S")},
            "server_updated": int(conversation.updated_at.timestamp() * 1000),
        }
    )
