"""Staff pages (trainer: sessions, agenda, presenter, export) and participant pages (/doe-mee/)."""

import csv
import logging

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.core.forms import clean_text
from burgeridee.core.ratelimit import over_limit
from burgeridee.municipalities.decorators import public_municipality
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from . import selectors, services
from .constants import CASE_QUESTIONS, MAX_VOTES, Module, RoleplayRole, SessionStatus
from .dialogues import DIALOGUES
from .forms import (
    AgendaAddForm,
    AgendaItemForm,
    CaseAnswerForm,
    FactorAddForm,
    JoinCodeForm,
    JoinNameForm,
    LadderForm,
    ObservationForm,
    PitfallPickForm,
    SessionForm,
    WorkshopRequestForm,
)
from .models import AgendaItem, BoardFactor
from .pdf import render_pdf
from .qr import qr_data_uri
from .services import WorkshopError
from .sources import library

logger = logging.getLogger(__name__)
trainer_view = staff_view(roles=(Role.TRAINER,))
SESSION_KEY = "workshop_participants"


def _join_url(request, session) -> str:
    return request.build_absolute_uri(reverse("workshops:participant", kwargs={"code": session.code}))


def _to_detail(session):
    return redirect("workshops:detail", municipality_slug=session.municipality.slug, pk=session.pk)


# --- Trainer ------------------------------------------------------------------------------------------------


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
    return _to_detail(session)


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
    return _to_detail(session)


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
            "join_url": _join_url(request, session),
            "qr": qr_data_uri(_join_url(request, session)),
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
                return _to_detail(session)
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
    return _to_detail(session)


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
    return _to_detail(session)


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
        return _to_detail(session)
    return redirect("workshops:presenter", municipality_slug=municipality.slug, pk=session.pk)


def _presenter_context(request, session, item):
    context = {"municipality": session.municipality, "session": session, "item": item}
    if item is not None:
        context.update(selectors.module_results(session=session, item=item))
        context["step_count"] = len(DIALOGUES)
        if item.module == Module.PITFALLS and not session.is_finished:
            context["step_label"] = _("Dialoog %(n)s van %(total)s") % {"n": session.step + 1, "total": len(DIALOGUES)}
        if session.status == SessionStatus.RUNNING:
            context["timer"] = selectors.timer(session=session, item=item)
        if item.module == Module.ROLEPLAY:
            context["round"] = session.step + 1
        if item.module in (Module.CASES, Module.LADDER):
            context["case_questions"] = [str(q) for q in CASE_QUESTIONS]
    context["participant_count"] = selectors.participant_count(session=session)
    context["items"] = selectors.agenda(session=session)
    return context


@never_cache
@require_GET
@trainer_view
def presenter(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    item = selectors.current_item(session=session)
    context = _presenter_context(request, session, item)
    context.update(join_url=_join_url(request, session), qr=qr_data_uri(_join_url(request, session)))
    return render(request, "workshops/staff/presenter.html", context)


@never_cache
@require_GET
@trainer_view
def presenter_live(request, municipality, pk):
    """The presenter's live results, polled every few seconds."""
    session = selectors.session_get(municipality=municipality, pk=pk)
    item = selectors.current_item(session=session)
    return render(request, "workshops/staff/_live.html", _presenter_context(request, session, item))


@require_POST
@trainer_view
def factor_merge(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    factors = BoardFactor.objects.filter(agenda_item__session=session)
    source = factors.filter(pk=_posted_id(request, "source")).first()
    target = factors.filter(pk=_posted_id(request, "target")).first()
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
    context = _presenter_context(request, session, item)
    context["read_only"] = True
    context["previous_item"] = next((i for i in items if item and i.position == item.position - 1), None)
    context["next_item"] = next((i for i in items if item and i.position == item.position + 1), None)
    return render(request, "workshops/staff/review.html", context)


@require_GET
@trainer_view
def export_csv(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="workshop-{session.pk}-bijdragen.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["onderdeel", "module", "deelnemer", "soort", "sleutel", "groepje", "tekst", "gegevens", "tijd"])
    sources = library(session)
    for c in selectors.contributions_for_export(session=session):
        writer.writerow(
            [
                c.agenda_item.position + 1,
                c.agenda_item.get_module_display(),
                c.participant.label,
                c.get_kind_display(),
                c.key,
                "" if c.group is None else c.group + 1,
                _safe_cell(c.text),
                _safe_cell(_data_text(c, sources)),
                c.created_at.isoformat(timespec="seconds"),
            ]
        )
    for f in selectors.factors_for_export(session=session):
        writer.writerow(
            [
                f.agenda_item.position + 1,
                f.agenda_item.get_module_display(),
                f.participant.label if f.participant else "",
                _("Succesfactor"),
                f.source_key,
                "",
                _safe_cell(f.text),
                _safe_cell(
                    _("%(votes)s stemmen") % {"votes": f.vote_count}
                    + (f"; {_('samengevoegd met')} {f.merged_into.text}" if f.merged_into else "")
                ),
                f.created_at.isoformat(timespec="seconds"),
            ]
        )
    processing_record(municipality=municipality, actor=request.user, activity=Activity.WORKSHOP_CONTRIBUTIONS_EXPORT)
    return response


def _safe_cell(value: str) -> str:
    """No spreadsheet formulas from participants' text."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _data_text(contribution, sources) -> str:
    data = contribution.data or {}
    if "pitfalls" in data:
        return ", ".join(sources.pitfall_label(key) for key in data["pitfalls"])
    if "rung" in data:
        return sources.role_title(data["rung"])
    if "ticked" in data:
        return "; ".join(str(n) for n in data["ticked"])
    if "items" in data:
        kept = sum(1 for entry in data["items"] if entry.get("kept"))
        return _("%(kept)s punten gehouden, %(own)s eigen punten") % {"kept": kept, "own": len(data.get("own", []))}
    return ""


@require_GET
@trainer_view
def export_pdf(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    sections = []
    for item in selectors.agenda(session=session):
        results = selectors.module_results(session=_as_finished(session), item=item)
        sections.append({"item": item, **results})
    pdf = render_pdf(
        "workshops/pdf/summary.html",
        {
            "municipality": municipality,
            "session": session,
            "sections": sections,
            "participant_count": selectors.participant_count(session=session),
            "top_factors": selectors.top_factors(session=session),
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="workshop-{session.pk}-verslag.pdf"'
    return response


def _as_finished(session):
    """For the summary, show all dialogues' results, not just the one on screen."""
    session.status = SessionStatus.FINISHED
    return session


# --- Participants -------------------------------------------------------------------------------------------


def _posted_id(request, name) -> int:
    """A database id from the form; 0 (matches nothing) when it is not a plausible id, so no error page."""
    try:
        value = int(request.POST.get(name, ""))
    except ValueError:
        return 0
    return value if 0 < value < 2**31 else 0


def _participant(request, session):
    pk = request.session.get(SESSION_KEY, {}).get(str(session.pk))
    return selectors.participant_get(session=session, pk=pk)


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
    session = selectors.session_get_by_code(code=form.cleaned_data["code"])
    if session is None:
        form.add_error("code", _("Deze code kennen we niet. Kijk nog eens goed op het scherm of de flip-over."))
        return render(request, "workshops/participant/join.html", {"form": form}, status=404)
    return redirect("workshops:participant", code=session.code)


@never_cache
@require_http_methods(["GET", "POST"])
def participant_page(request, code):
    session = selectors.session_get_by_code(code=code)
    if session is None:
        form = JoinCodeForm({"code": code})
        form.is_valid()
        form.add_error("code", _("Deze code kennen we niet. Kijk nog eens goed op het scherm of de flip-over."))
        return render(request, "workshops/participant/join.html", {"form": form}, status=404)
    participant = _participant(request, session)
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
                return render(
                    request,
                    "workshops/participant/name.html",
                    {"form": form, "session": session, "municipality": session.municipality},
                    status=429,
                )
            if form.is_valid():
                try:
                    participant = services.participant_join(
                        session=session, display_name=form.cleaned_data["display_name"]
                    )
                except WorkshopError as error:
                    messages.error(request, str(error))
                    return redirect("workshops:participant", code=session.code)
                joined = request.session.get(SESSION_KEY, {})
                joined[str(session.pk)] = participant.pk
                request.session[SESSION_KEY] = joined
                return redirect("workshops:participant", code=session.code)
            return render(
                request,
                "workshops/participant/name.html",
                {"form": form, "session": session, "municipality": session.municipality},
                status=400,
            )
        return render(
            request,
            "workshops/participant/name.html",
            {"form": JoinNameForm(), "session": session, "municipality": session.municipality},
        )
    if request.method == "POST":
        return redirect("workshops:participant", code=session.code)
    return render(request, "workshops/participant/page.html", _participant_context(session, participant))


def _participant_context(session, participant, bound=None, problem=""):
    sources = library(session)
    item = selectors.current_item(session=session)
    context = {
        "municipality": session.municipality,
        "session": session,
        "participant": participant,
        "item": item,
        "problem": problem,
        "checklist_saved": selectors.saved_checklist(session=session, participant=participant) is not None,
    }
    if item is None:
        return context
    module = item.module
    if module == Module.INTRO:
        context["phases"] = sources.phases
    elif module == Module.CASES:
        context["case"] = selectors.participant_case(item=item, participant=participant)
        context["form"] = bound or CaseAnswerForm(
            initial={f"q{n}": text for n, text in context["case"]["answers"].items()}
        )
    elif module == Module.PITFALLS:
        dialogue = DIALOGUES[session.step]
        context["dialogue"] = dialogue
        context["step_count"] = len(DIALOGUES)
        mine = selectors.own_pitfall_pick(item=item, participant=participant, dialogue_key=dialogue.key)
        context["mine"] = mine
        context["form"] = bound or PitfallPickForm(library=sources, initial={"pitfalls": mine})
        if session.revealed:
            context["results"] = selectors.pitfall_results(item=item, dialogue_key=dialogue.key)
    elif module == Module.ROLEPLAY:
        assignment = selectors.roleplay_assignment(item=item, participant=participant, round_index=session.step)
        context["assignment"] = assignment
        context["round"] = session.step + 1
        if assignment and assignment["role"] == RoleplayRole.OBSERVER:
            own = selectors.own_observation(item=item, participant=participant, round_index=session.step)
            context["form"] = bound or ObservationForm(
                library=sources, initial={"ticked": own.data.get("ticked", []), "feedback": own.text} if own else None
            )
        elif assignment and assignment["role"] == RoleplayRole.CIVIL_SERVANT:
            context["phases"] = sources.phases
        context["feedback"] = selectors.feedback_received(item=item, participant=participant)
    elif module == Module.FACTORS:
        context["board"] = selectors.factor_board(item=item, participant=participant)
        context["votes_left"] = selectors.votes_left(item=item, participant=participant)
        context["max_votes"] = MAX_VOTES
        context["form"] = bound or FactorAddForm(library=sources)
    elif module == Module.LADDER:
        own = selectors.own_ladder_place(item=item, participant=participant)
        spread = selectors.ladder_spread(item=item)
        context["case"] = spread["case"]
        context["form"] = bound or LadderForm(
            library=sources, initial={"rung": own.data.get("rung"), "explanation": own.text} if own else None
        )
        if own:
            context["spread"] = spread
    elif module == Module.CHECKLIST:
        context["rows"] = bound or selectors.checklist_form_rows(session=session, participant=participant)
        context["top_factors"] = selectors.top_factors(session=session)
        saved = selectors.saved_checklist(session=session, participant=participant)
        context["own_points"] = "\n".join(saved.data.get("own", [])) if saved else ""
        context["include_factors"] = saved.data.get("include_factors", True) if saved else True
    return context


# Every form a participant sends, with the module it belongs to ("stem" is a vote on the success-factor board).
PARTICIPANT_ACTIONS = {
    "casus": Module.CASES,
    "valkuil": Module.PITFALLS,
    "observatie": Module.ROLEPLAY,
    "factor": Module.FACTORS,
    "stem": Module.FACTORS,
    "rol": Module.LADDER,
    "checklist": Module.CHECKLIST,
}
PARTICIPANT_FORMS = {
    "casus": CaseAnswerForm,
    "valkuil": PitfallPickForm,
    "observatie": ObservationForm,
    "factor": FactorAddForm,
    "rol": LadderForm,
}


def _submission_refused(session, participant, action) -> str:
    """Why the page this form came from is out of date ("" when it is not): the trainer moved on, the answer was
    revealed, or a new round gave the participant another role. The page no longer shows this form."""
    item = selectors.current_item(session=session)
    if item is None:
        return _("Deze bijeenkomst is niet bezig; uw antwoord is niet opgeslagen.")
    if item.module != PARTICIPANT_ACTIONS[action]:
        return _("De trainer is al naar een ander onderdeel gegaan; uw antwoord is niet opgeslagen.")
    if action == "valkuil" and session.revealed:
        return _("De uitleg is al getoond; uw keuze is niet opgeslagen.")
    if action == "observatie":
        assignment = selectors.roleplay_assignment(item=item, participant=participant, round_index=session.step)
        if assignment is None or assignment["role"] != RoleplayRole.OBSERVER:
            return _("In deze ronde bent u geen observator.")
    return ""


def _participant_over_limit(request, participant) -> bool:
    """Counted per participant, not per address: the whole room shares the venue's Wi-Fi, and one participant's
    clicks must not use up the others' (RATELIMIT_WORKSHOP_PARTICIPANT)."""
    return over_limit(
        request,
        group="workshop-participant",
        key=lambda _group, _request: f"participant-{participant.pk}",
        rate=settings.RATELIMIT_WORKSHOP_PARTICIPANT,
    )


def _participant_limited(request, session, participant, action):
    """Over the limit: nothing is saved, and the page shows what was typed with the reason."""
    problem = _(
        "U heeft in korte tijd heel vaak iets verstuurd. Uw antwoord is niet opgeslagen maar staat er nog. "
        "Probeer het later opnieuw of vraag de trainer om hulp."
    )
    if action == "checklist":
        rows = selectors.checklist_form_rows(session=session, participant=participant)
        items, own, include = _checklist_post(request, rows)
        context = _participant_context(session, participant, bound=_checklist_bound(rows, items), problem=problem)
        context.update(own_points="\n".join(own), include_factors=include)
    else:
        form = PARTICIPANT_FORMS[action](request.POST) if action in PARTICIPANT_FORMS else None
        context = _participant_context(session, participant, bound=form, problem=problem)
    return render(request, "workshops/participant/page.html", context, status=429)


@require_POST
def participant_submit(request, code, action):
    session = selectors.session_get_by_code(code=code)
    if session is None or action not in PARTICIPANT_ACTIONS:
        raise Http404
    participant = _participant(request, session)
    if participant is None:
        return redirect("workshops:participant", code=session.code)
    refused = _submission_refused(session, participant, action)
    if refused:
        messages.error(request, refused)
        return redirect("workshops:participant", code=session.code)
    if _participant_over_limit(request, participant):
        return _participant_limited(request, session, participant, action)
    form = None
    sources = library(session)
    try:
        if action == "casus":
            form = CaseAnswerForm(request.POST)
            if form.is_valid():
                services.case_answers_submit(participant=participant, answers=form.answers())
        elif action == "valkuil":
            form = PitfallPickForm(request.POST, library=sources)
            if form.is_valid():
                services.pitfalls_pick(participant=participant, pitfalls=form.cleaned_data["pitfalls"])
        elif action == "observatie":
            form = ObservationForm(request.POST, library=sources)
            if form.is_valid():
                services.observation_submit(
                    participant=participant, ticked=form.cleaned_data["ticked"], feedback=form.cleaned_data["feedback"]
                )
        elif action == "factor":
            form = FactorAddForm(request.POST, library=sources)
            if form.is_valid():
                services.factor_add(
                    participant=participant, text=form.cleaned_data["text"], source_key=form.cleaned_data["source_key"]
                )
        elif action == "stem":
            factor = BoardFactor.objects.filter(agenda_item__session=session, pk=_posted_id(request, "factor")).first()
            if factor is None:
                raise Http404
            voted = services.factor_vote(participant=participant, factor=factor)
            messages.success(request, _("Uw stem is geteld.") if voted else _("Uw stem is ingetrokken."))
            return redirect("workshops:participant", code=session.code)
        elif action == "rol":
            form = LadderForm(request.POST, library=sources)
            if form.is_valid():
                services.ladder_place(
                    participant=participant,
                    rung=form.cleaned_data["rung"],
                    explanation=form.cleaned_data["explanation"],
                )
        elif action == "checklist":
            return _checklist_submit(request, session, participant)
    except WorkshopError as error:
        messages.error(request, str(error))
        return redirect("workshops:participant", code=session.code)
    except DatabaseError:
        logger.exception("Workshop contribution could not be saved")
        context = _participant_context(session, participant, bound=form)
        context["problem"] = _("Het opslaan lukte niet. Probeer het over een paar seconden opnieuw.")
        return render(request, "workshops/participant/page.html", context, status=503)
    if form is not None and not form.is_valid():
        return render(
            request,
            "workshops/participant/page.html",
            _participant_context(session, participant, bound=form),
            status=400,
        )
    messages.success(request, _("Opgeslagen. U kunt uw antwoord nog aanpassen."))
    return redirect("workshops:participant", code=session.code)


def _checklist_post(request, rows):
    """(items, own points, include factors) as posted; text without control characters (NUL included)."""
    items = []
    for row in rows:
        number = row["number"]
        text = clean_text(request.POST.get(f"text_{number}", row["current"]))[:300]
        kept = request.POST.get(f"keep_{number}") == "1"
        items.append({"number": number, "kept": kept, "text": text})
    own = clean_text(request.POST.get("own_points", ""))[:5000].splitlines()
    include = request.POST.get("include_factors") == "1"
    return items, own, include


def _checklist_bound(rows, items):
    """The checklist rows as the participant left them, to show again."""
    return [{**row, "kept": item["kept"], "current": item["text"]} for row, item in zip(rows, items, strict=True)]


def _checklist_submit(request, session, participant):
    rows = selectors.checklist_form_rows(session=session, participant=participant)
    items, own, include = _checklist_post(request, rows)
    try:
        services.checklist_save(participant=participant, items=items, own_points=own, include_factors=include)
    except WorkshopError as error:
        context = _participant_context(session, participant, bound=_checklist_bound(rows, items), problem=str(error))
        context["own_points"] = "\n".join(own)
        context["include_factors"] = include
        return render(request, "workshops/participant/page.html", context, status=400)
    messages.success(request, _("Uw checklist is opgeslagen. U kunt hem nu downloaden."))
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
    session = selectors.session_get_by_code(code=code)
    participant = _participant(request, session) if session else None
    item = selectors.current_item(session=session) if participant else None
    if item is None or item.module != Module.ROLEPLAY:
        return HttpResponse("")
    return render(
        request,
        "workshops/participant/_feedback.html",
        {"feedback": selectors.feedback_received(item=item, participant=participant)},
    )


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
    pdf = render_pdf(
        "workshops/pdf/checklist.html",
        {"municipality": session.municipality, "session": session, "participant": participant, **checklist},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="mijn-checklist-eerste-gesprek.pdf"'
    return response


# --- Request a workshop, training or coaching (public) -----------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def request_form(request, municipality):
    context = {"municipality": municipality}
    if request.method == "GET":
        return render(request, "workshops/request_form.html", {**context, "form": WorkshopRequestForm()})
    form = WorkshopRequestForm(request.POST)
    context["form"] = form
    if form.is_spam:
        return render(
            request,
            "core/message.html",
            {"title": _("Niet verstuurd"), "message": _("Uw formulier kon niet worden verwerkt.")},
            status=400,
        )
    if over_limit(request, group="workshop-request", rate=settings.RATELIMIT_WORKSHOP_REQUEST):
        context["problem"] = _(
            "Vanaf uw internetadres zijn veel aanvragen verstuurd. Probeer het over een uur opnieuw."
        )
        return render(request, "workshops/request_form.html", context, status=429)
    if not form.is_valid():
        return render(request, "workshops/request_form.html", context, status=400)
    data = {key: value for key, value in form.cleaned_data.items() if key != "website"}
    try:
        services.workshop_request_submit(municipality=municipality, **data)
    except DatabaseError:
        logger.exception("Workshop request could not be saved")
        context["problem"] = _("Het opslaan lukte niet. Uw tekst staat hieronder nog. Probeer het straks opnieuw.")
        return render(request, "workshops/request_form.html", context, status=503)
    return render(
        request,
        "core/message.html",
        {
            "municipality": municipality,
            "title": _("Bedankt voor uw aanvraag"),
            "message": _("De trainer neemt contact met u op om de data en de inhoud af te stemmen."),
        },
    )


@require_POST
@trainer_view
def request_handled(request, municipality, request_pk):
    workshop_request = selectors.workshop_requests_open(municipality=municipality).filter(pk=request_pk).first()
    if workshop_request is None:
        raise Http404
    services.workshop_request_handle(workshop_request=workshop_request, actor=request.user)
    messages.success(request, _("De aanvraag is afgehandeld."))
    return redirect("workshops:list", municipality_slug=municipality.slug)
