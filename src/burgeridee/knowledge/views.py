"""The knowledge library for staff: /werkplek/<slug>/kennisbank/. Everyone reads; trainers and coordinators edit."""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.initiatives.constants import Theme

from . import selectors, services
from .constants import ACTIE, KIND_PLURALS, KIND_SEGMENTS, SEGMENT_KINDS, FactorGroup, Kind
from .forms import FIELDS, ItemForm
from .links import knowledge_url

logger = logging.getLogger(__name__)

EDITORS = (Role.TRAINER, Role.COORDINATOR)
LINK_KINDS = {
    "pitfalls": (Kind.PITFALL, gettext_lazy("Valkuilen die in deze casus spelen")),
    "success_factors": (Kind.SUCCESS_FACTOR, gettext_lazy("Succesfactoren die in deze casus spelen")),
    "roles": (Kind.ROLE, gettext_lazy("Rollen van de gemeente in deze casus")),
}


KIND_INTROS = {
    Kind.PITFALL: gettext_lazy(
        "Dingen die vaak misgaan in het contact tussen de gemeente en bewoners met een idee. Bij elke valkuil: "
        "wat er misgaat, waarom, wat beter werkt, hoe je het herkent en een vraag om jezelf te stellen."
    ),
    Kind.SUCCESS_FACTOR: gettext_lazy(
        "Wat een initiatief laat slagen, bij de initiatiefnemers, in de buurt en bij de gemeente. Vijf ervan "
        "vormen de ruggengraat: ACTIE."
    ),
    Kind.ROLE: gettext_lazy(
        "De rollen die de gemeente kan nemen, van weinig naar veel bemoeienis. Klim zo weinig als nodig is. "
        "Vaak heeft de gemeente twee rollen tegelijk, bijvoorbeeld faciliteren en reguleren: leg ze allebei vast "
        "en zeg het eerlijk tegen de bewoner."
    ),
    Kind.PHASE: gettext_lazy(
        "De fasen van een initiatief, van idee tot evaluatie, en wat er daarna kan gebeuren. Daarnaast: "
        "gepauzeerd, gestopt en geen initiatief."
    ),
    Kind.CASE: gettext_lazy(
        "Verzonnen voorbeelden uit de praktijk, om samen te bespreken in een werkoverleg of workshop. Elke casus "
        "heeft vragen voor de groep en verwijst naar de valkuilen en succesfactoren die erin spelen."
    ),
    Kind.ARTICLE: gettext_lazy("Achtergrond bij bijzondere routes en regels, zoals het uitdaagrecht."),
}


def _can_edit(request) -> bool:
    return request.membership.has_role(*EDITORS)


def _kind(segment: str) -> str:
    kind = SEGMENT_KINDS.get(segment)
    if kind is None:
        raise Http404
    return kind


def _context(request, municipality, **extra) -> dict:
    return {
        "municipality": municipality,
        "can_edit": _can_edit(request),
        "segments": [(KIND_SEGMENTS[kind], KIND_PLURALS[kind]) for kind in Kind],
        **extra,
    }


def _grouped_factors(items) -> list[dict]:
    return [
        {"group": value, "label": label, "items": [item for item in items if item.group == value]}
        for value, label in FactorGroup.choices
    ]


@staff_view()
@require_http_methods(["GET"])
def overview(request, municipality):
    items = list(selectors.item_list(municipality=municipality))
    by_kind = {kind: [item for item in items if item.kind == kind] for kind in Kind}
    sections = [
        {"kind": kind, "segment": KIND_SEGMENTS[kind], "title": KIND_PLURALS[kind], "items": by_kind[kind]}
        for kind in Kind
    ]
    context = _context(
        request,
        municipality,
        sections=sections,
        actie=[(letter, word, key) for letter, word, key in ACTIE],
        switched_off=list(selectors.switched_off(municipality=municipality)) if _can_edit(request) else [],
    )
    return render(request, "knowledge/overview.html", context)


@staff_view()
@require_http_methods(["GET"])
def kind_list(request, municipality, segment):
    kind = _kind(segment)
    theme = request.GET.get("thema", "") if kind == Kind.CASE else ""
    group = request.GET.get("groep", "") if kind == Kind.SUCCESS_FACTOR else ""
    if theme not in Theme.values:
        theme = ""
    if group not in FactorGroup.values:
        group = ""
    items = list(selectors.item_list(municipality=municipality, kind=kind, theme=theme, group=group))
    context = _context(
        request,
        municipality,
        kind=kind,
        segment=segment,
        title=KIND_PLURALS[kind],
        intro=KIND_INTROS[kind],
        items=items,
        groups=_grouped_factors(items) if kind == Kind.SUCCESS_FACTOR else None,
        themes=Theme.choices if kind == Kind.CASE else None,
        factor_groups=FactorGroup.choices if kind == Kind.SUCCESS_FACTOR else None,
        theme=theme,
        group=group,
        actie=ACTIE if kind == Kind.SUCCESS_FACTOR else None,
    )
    return render(request, "knowledge/list.html", context)


@staff_view()
@require_http_methods(["GET"])
def detail(request, municipality, segment, key):
    kind = _kind(segment)
    item = selectors.item_get(municipality=municipality, key=key, kind=kind)
    links = selectors.case_links(municipality=municipality, case=item) if kind == Kind.CASE else []
    context = _context(
        request,
        municipality,
        item=item,
        segment=segment,
        kind_title=KIND_PLURALS[kind],
        paragraphs=[part.strip() for part in item.body.split("\n\n") if part.strip()],
        link_groups=[
            {"title": title, "links": [link for link in links if link["item"].kind == link_kind]}
            for link_kind, title in LINK_KINDS.values()
        ],
        cases=[] if kind in (Kind.CASE, Kind.PHASE) else selectors.cases_linking_to(municipality=municipality, key=key),
        has_default=selectors.has_default(key=key),
    )
    return render(request, "knowledge/detail.html", context)


@staff_view()
@require_http_methods(["GET"])
def search(request, municipality):
    query = request.GET.get("q", "").strip()[:200]
    results = list(selectors.item_list(municipality=municipality, query=query)) if query else []
    return render(
        request,
        "knowledge/search.html",
        _context(request, municipality, query=query, results=results, kind_plurals=KIND_PLURALS),
    )


def _link_choices(municipality) -> dict:
    items = list(selectors.item_list(municipality=municipality).exclude(kind__in=[Kind.CASE, Kind.PHASE]))
    return {
        name: (label, [(item.key, item.label) for item in items if item.kind == kind])
        for name, (kind, label) in LINK_KINDS.items()
    }


def _render_form(request, municipality, form, *, item=None, status=200, problem=""):
    return render(
        request,
        "knowledge/edit.html",
        _context(
            request,
            municipality,
            form=form,
            item=item,
            segment=KIND_SEGMENTS[form.kind],
            kind_title=KIND_PLURALS[form.kind],
            problem=problem,
        ),
        status=status,
    )


SAVE_FAILED = gettext_lazy(
    "Het opslaan is niet gelukt door een storing. Uw tekst staat er nog. Probeer het over een paar minuten opnieuw."
)


@staff_view(roles=EDITORS)
@require_http_methods(["GET", "POST"])
def edit(request, municipality, segment, key):
    kind = _kind(segment)
    item = selectors.item_get_for_edit(municipality=municipality, key=key)
    if item.kind != kind:
        raise Http404
    choices = _link_choices(municipality)
    if request.method == "GET":
        initial = {name: getattr(item, name) for name in FIELDS[kind]}
        link_keys = set(item.links.values_list("target_key", flat=True))
        for name in choices:
            initial[name] = [value for value, _label in choices[name][1] if value in link_keys]
        return _render_form(
            request, municipality, ItemForm(kind=kind, link_choices=choices, initial=initial), item=item
        )
    form = ItemForm(request.POST, kind=kind, link_choices=choices)
    if not form.is_valid():
        return _render_form(request, municipality, form, item=item, status=400)
    try:
        services.item_update(
            municipality=municipality,
            key=key,
            data=form.item_data(),
            actor=request.user,
            link_keys=form.link_keys() if kind == Kind.CASE else None,
        )
    except DatabaseError:
        logger.exception("Knowledge item could not be saved")
        return _render_form(request, municipality, form, item=item, status=503, problem=SAVE_FAILED)
    messages.success(request, _("De wijziging is opgeslagen. Alleen uw gemeente ziet deze tekst."))
    return redirect(knowledge_url(municipality_slug=municipality.slug, key=key))


@staff_view(roles=EDITORS)
@require_http_methods(["GET", "POST"])
def case_new(request, municipality):
    choices = _link_choices(municipality)
    if request.method == "GET":
        return _render_form(request, municipality, ItemForm(kind=Kind.CASE, link_choices=choices))
    form = ItemForm(request.POST, kind=Kind.CASE, link_choices=choices)
    if not form.is_valid():
        return _render_form(request, municipality, form, status=400)
    try:
        case = services.case_create(
            municipality=municipality, data=form.item_data(), actor=request.user, link_keys=form.link_keys()
        )
    except DatabaseError:
        logger.exception("Knowledge case could not be saved")
        return _render_form(request, municipality, form, status=503, problem=SAVE_FAILED)
    messages.success(request, _("De casus is toegevoegd. Alleen medewerkers van uw gemeente zien hem."))
    return redirect(knowledge_url(municipality_slug=municipality.slug, key=case.key))


@staff_view(roles=EDITORS)
@require_POST
def switch(request, municipality, segment, key):
    """Switch an item off or on for this municipality, or put the default text back."""
    kind = _kind(segment)
    item = selectors.item_get_for_edit(municipality=municipality, key=key)
    if item.kind != kind:
        raise Http404
    action = request.POST.get("action")
    try:
        if action == "off":
            services.item_switch(municipality=municipality, key=key, active=False, actor=request.user)
            messages.success(request, _("“%(title)s” is uitgezet voor uw gemeente.") % {"title": item.title})
            return redirect("knowledge:overview", municipality_slug=municipality.slug)
        if action == "on":
            services.item_switch(municipality=municipality, key=key, active=True, actor=request.user)
            messages.success(request, _("“%(title)s” staat weer aan.") % {"title": item.title})
        elif action == "restore":
            services.item_restore_default(municipality=municipality, key=key)
            messages.success(request, _("De standaardtekst staat weer terug."))
        else:
            return render(
                request,
                "core/message.html",
                {"title": _("Onbekende actie"), "message": _("Deze actie bestaat niet.")},
                status=400,
            )
    except DatabaseError:
        logger.exception("Knowledge item could not be switched")
        return render(
            request,
            "core/message.html",
            {"title": _("Niet gelukt"), "message": str(SAVE_FAILED)},
            status=503,
        )
    return redirect(knowledge_url(municipality_slug=municipality.slug, key=key))
