"""The participant's pages at /doe-mee/: joining by code and name, the phone that follows the trainer, sending an
answer, the polled status and feedback, and the personal checklist as a PDF. No account: the participant's id is
kept in the Django session. What a page shows and accepts per module comes from `workshops/modules/`."""

import logging

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.core.ratelimit import limit_count, limit_reached, over_limit
from burgeridee.documents.rendering import pdf_response

from .. import selectors, services
from ..constants import SessionStatus
from ..forms import JoinCodeForm, JoinNameForm
from ..modules import module_for, module_for_action
from ..pdf import workshop_pdf
from ..services import WorkshopError

logger = logging.getLogger(__name__)
SESSION_KEY = "workshop_participants"
PAGE = "workshops/participant/page.html"


def _participant(request, session):
    pk = request.session.get(SESSION_KEY, {}).get(str(session.pk))
    return selectors.participant_get(session=session, pk=pk)


def _unknown_code(request, form):
    # Only wrong codes count, per address: a room on the venue's Wi-Fi that types the right code is
    # never held up, and guessing the six letters stops long before it could find a workshop
    # (RATELIMIT_WORKSHOP_CODE_MISSES).
    limit_count(request, group="workshop-code-miss", rate=settings.RATELIMIT_WORKSHOP_CODE_MISSES)
    form.add_error("code", _("Deze code kennen we niet. Kijk nog eens goed op het scherm of de flip-over."))
    return render(request, "workshops/participant/join.html", {"form": form}, status=404)


def _guessing(request) -> bool:
    return limit_reached(request, group="workshop-code-miss", rate=settings.RATELIMIT_WORKSHOP_CODE_MISSES)


def _too_many_misses(request, form):
    form.add_error(
        None,
        _(
            "Vanaf dit internetadres zijn te veel verkeerde codes geprobeerd. Wacht een uur, of vraag de "
            "trainer om de link of de QR-code."
        ),
    )
    response = render(request, "workshops/participant/join.html", {"form": form}, status=429)
    response["Retry-After"] = "3600"
    return response


def _closed_message(request, title, message, status):
    return render(
        request,
        "workshops/participant/message.html",
        {"title": title, "message": message, "join_form": JoinCodeForm()},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def join(request):
    if request.method == "GET":
        if request.GET.get("code"):  # a link with the code filled in
            form = JoinCodeForm({"code": request.GET["code"]})
            if form.is_valid():
                return _join_code(request, form)
        return render(request, "workshops/participant/join.html", {"form": JoinCodeForm()})
    form = JoinCodeForm(request.POST)
    if not form.is_valid():
        return render(request, "workshops/participant/join.html", {"form": form}, status=400)
    return _join_code(request, form)


def _join_code(request, form):
    if _guessing(request):
        return _too_many_misses(request, form)
    session = selectors.session_get_by_code(code=form.cleaned_data["code"])
    if session is None:
        return _unknown_code(request, form)
    return redirect("workshops:participant", code=session.code)


def _name_page(request, session, form, status=200):
    return render(
        request,
        "workshops/participant/name.html",
        {"form": form, "session": session, "municipality": session.municipality},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def participant_page(request, code):
    session = selectors.session_get_by_code(code=code)
    participant = _participant(request, session) if session is not None else None
    # Someone who already joined is never held up by others' wrong codes on the same Wi-Fi; anyone else
    # over the limit learns nothing, not even whether the code exists.
    if participant is None and _guessing(request):
        form = JoinCodeForm({"code": code})
        form.is_valid()
        return _too_many_misses(request, form)
    if session is None:
        form = JoinCodeForm({"code": code})
        form.is_valid()
        return _unknown_code(request, form)
    if participant is None:
        if session.status == SessionStatus.DRAFT:
            return _closed_message(
                request,
                _("Nog even geduld"),
                _("Deze bijeenkomst is nog niet geopend. De trainer zegt het als u kunt meedoen."),
                409,
            )
        if session.status == SessionStatus.FINISHED:
            return _closed_message(
                request, _("Deze bijeenkomst is afgelopen"), _("U kunt niet meer meedoen aan deze bijeenkomst."), 410
            )
        if request.method == "POST":
            return _participant_join(request, session)
        return _name_page(request, session, JoinNameForm())
    if request.method == "POST":
        return redirect("workshops:participant", code=session.code)
    return render(request, PAGE, _participant_context(session, participant))


def _participant_join(request, session):
    form = JoinNameForm(request.POST)
    # Per address *per workshop*: everyone in the room shares the venue's Wi-Fi (RATELIMIT_WORKSHOP_JOIN).
    if over_limit(request, group=f"workshop-join-{session.pk}", rate=settings.RATELIMIT_WORKSHOP_JOIN):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Vanaf dit netwerk hebben zich in korte tijd heel veel deelnemers aangemeld. Probeer het "
                "later opnieuw of vraag de trainer om hulp."
            ),
        )
        return _name_page(request, session, form, status=429)
    if not form.is_valid():
        return _name_page(request, session, form, status=400)
    try:
        participant = services.participant_join(session=session, display_name=form.cleaned_data["display_name"])
    except WorkshopError as error:
        messages.error(request, str(error))
        return redirect("workshops:participant", code=session.code)
    joined = request.session.get(SESSION_KEY, {})
    joined[str(session.pk)] = participant.pk
    request.session[SESSION_KEY] = joined
    return redirect("workshops:participant", code=session.code)


def _participant_context(session, participant, *, posted=None, problem="") -> dict:
    """The participant's page: the current agenda item's module, with what they sent shown again (`posted`)."""
    item = selectors.current_item(session=session)
    context = {
        "municipality": session.municipality,
        "session": session,
        "participant": participant,
        "item": item,
        "module": None,
        "problem": problem,
        # Asked by the template only where it offers the checklist's PDF (the checklist module, a finished session):
        # a callable, so other pages run no query for it.
        "checklist_saved": lambda: selectors.saved_checklist(session=session, participant=participant) is not None,
    }
    if item is None:
        return context
    module = module_for(item.module)
    context["module"] = module
    context.update(module.participant_context(session=session, item=item, participant=participant))
    if posted is not None:
        context.update(posted.shown)
    return context


def _submission_refused(session, participant, module, action) -> str:
    """Why the page this form came from is out of date ("" when it is not): the trainer moved on, the answer was
    revealed, or a new round gave the participant another role. The page no longer shows this form."""
    item = selectors.current_item(session=session)
    if item is None:
        return _("Deze bijeenkomst is niet bezig; uw antwoord is niet opgeslagen.")
    if item.module != module.key:
        return _("De trainer is al naar een ander onderdeel gegaan; uw antwoord is niet opgeslagen.")
    return module.refusal(session=session, item=item, participant=participant, action=action)


def _participant_over_limit(request, participant) -> bool:
    """Counted per participant, not per address: the whole room shares the venue's Wi-Fi, and one participant's
    clicks must not use up the others' (RATELIMIT_WORKSHOP_PARTICIPANT)."""
    return over_limit(
        request,
        group="workshop-participant",
        key=lambda _group, _request: f"participant-{participant.pk}",
        rate=settings.RATELIMIT_WORKSHOP_PARTICIPANT,
    )


def _participant_limited(request, session, participant, module, action):
    """Over the limit: nothing is saved, and the page shows what was typed with the reason."""
    problem = _(
        "U heeft in korte tijd heel vaak iets verstuurd. Uw antwoord is niet opgeslagen maar staat er nog. "
        "Probeer het later opnieuw of vraag de trainer om hulp."
    )
    posted = module.posted(action=action, data=request.POST, session=session, participant=participant)
    return render(request, PAGE, _participant_context(session, participant, posted=posted, problem=problem), status=429)


@require_POST
def participant_submit(request, code, action):
    session = selectors.session_get_by_code(code=code)
    module = module_for_action(action)
    if session is None or module is None:
        raise Http404
    participant = _participant(request, session)
    if participant is None:
        return redirect("workshops:participant", code=session.code)
    refused = _submission_refused(session, participant, module, action)
    if refused:
        messages.error(request, refused)
        return redirect("workshops:participant", code=session.code)
    if _participant_over_limit(request, participant):
        return _participant_limited(request, session, participant, module, action)
    posted = None
    try:
        posted = module.posted(action=action, data=request.POST, session=session, participant=participant)
        if posted.is_valid():
            saved = module.save(action=action, posted=posted, session=session, participant=participant)
    except WorkshopError as error:
        if module.errors_on_page:
            context = _participant_context(session, participant, posted=posted, problem=str(error))
            return render(request, PAGE, context, status=400)
        messages.error(request, str(error))
        return redirect("workshops:participant", code=session.code)
    except DatabaseError:
        logger.exception("Workshop contribution could not be saved")
        context = _participant_context(session, participant, posted=posted)
        context["problem"] = _("Het opslaan lukte niet. Probeer het over een paar seconden opnieuw.")
        return render(request, PAGE, context, status=503)
    if not posted.is_valid():
        return render(request, PAGE, _participant_context(session, participant, posted=posted), status=400)
    messages.success(request, saved)
    return redirect("workshops:participant", code=session.code)


@never_cache
@require_GET
def participant_status(request, code):
    """Polled every few seconds: 204 while nothing changed; HX-Refresh when the trainer moved on."""
    session = selectors.session_get_by_code(code=code)
    if session is None:
        raise Http404
    if request.GET.get("v") == str(session.version):
        return HttpResponse(status=204)
    response = HttpResponse("")
    response["HX-Refresh"] = "true"
    return response


@never_cache
@require_GET
def participant_feedback(request, code):
    """Polled while the module gives participants feedback from others (the role-play): what arrived for them."""
    session = selectors.session_get_by_code(code=code)
    participant = _participant(request, session) if session else None
    item = selectors.current_item(session=session) if participant else None
    feedback = module_for(item.module).feedback(item=item, participant=participant) if item else None
    if feedback is None:
        return HttpResponse("")
    return render(request, "workshops/participant/_feedback.html", {"feedback": feedback})


@require_GET
def participant_checklist_pdf(request, code):
    session = selectors.session_get_by_code(code=code)
    participant = _participant(request, session) if session else None
    if participant is None:
        raise Http404
    checklist = selectors.personal_checklist(session=session, participant=participant)
    if checklist is None:
        messages.error(request, _("Sla eerst uw checklist op."))
        return redirect("workshops:participant", code=session.code)
    pdf = workshop_pdf(
        "workshops/pdf/checklist.html",
        {"municipality": session.municipality, "session": session, "participant": participant, **checklist},
    )
    return pdf_response(pdf, filename="mijn-checklist-eerste-gesprek.pdf", inline=False)
