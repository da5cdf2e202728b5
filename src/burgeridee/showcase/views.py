import hashlib

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.core.ratelimit import over_limit
from burgeridee.core.views import ratelimited
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.selectors import initiative_get_by_token, initiative_get_for_staff
from burgeridee.municipalities.decorators import public_municipality

from .forms import ShowcaseForm
from .selectors import showcase_public
from .services import showcase_consent, showcase_prepare


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=(Role.COORDINATOR, Role.CONTACT))
def showcase_edit(request, municipality, pk):
    initiative = initiative_get_for_staff(municipality=municipality, pk=pk)
    entry = getattr(initiative, "showcase", None)
    if initiative.phase != Phase.COMPLETED:
        messages.info(request, _("Alleen afgeronde initiatieven kunnen in de etalage."))
    initial = {"achievement": entry.achievement, "photo_alt": entry.photo_alt} if entry else {}
    form = ShowcaseForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and initiative.phase == Phase.COMPLETED and form.is_valid():
        photo = form.cleaned_data["photo"]  # (bytes, content type), re-encoded without metadata
        showcase_prepare(
            initiative=initiative,
            actor=request.user,
            achievement=form.cleaned_data["achievement"],
            photo=photo[0] if photo else None,
            photo_content_type=photo[1] if photo else "",
            photo_alt=form.cleaned_data["photo_alt"],
        )
        messages.success(request, _("Opgeslagen. De bewoner kan nu op de eigen pagina toestemming geven."))
        return redirect("showcase:edit", municipality_slug=municipality.slug, pk=initiative.pk)
    return render(
        request,
        "showcase/edit.html",
        {"initiative": initiative, "entry": entry, "form": form},
        status=400 if form.errors else 200,
    )


@never_cache
@require_POST
@public_municipality
def showcase_resident_consent(request, municipality, token):
    initiative = initiative_get_by_token(municipality=municipality, token=token)
    entry = getattr(initiative, "showcase", None) if initiative else None
    if entry is None or initiative.phase != Phase.COMPLETED:
        raise Http404
    # Each click writes a line in the time line. Counted per initiative, not per address: the status link is
    # personal, and residents may share an address (a library computer) (RATELIMIT_SHOWCASE_CONSENT).
    if over_limit(
        request,
        group="showcase-consent",
        key=lambda _group, _request: f"initiative-{initiative.pk}",
        rate=settings.RATELIMIT_SHOWCASE_CONSENT,
    ):
        return ratelimited(request)
    given = request.POST.get("consent") == "ja"
    showcase_consent(entry=entry, given=given)
    messages.success(
        request,
        _("Dank u wel. Uw initiatief staat nu op onze website.")
        if given
        else _("Uw initiatief staat niet (meer) op onze website."),
    )
    return redirect("initiatives:status", municipality_slug=municipality.slug, token=token)


@require_GET
@public_municipality
def showcase_list(request, municipality):
    return render(request, "showcase/list.html", {"entries": showcase_public(municipality=municipality)})


@require_GET
# Revalidated on every view (cheap with the ETag): a withdrawn consent must take the photo offline at
# once, not after a cache's hour.
@cache_control(no_cache=True, max_age=0)
@public_municipality
def showcase_photo(request, municipality, pk):
    entry = get_object_or_404(showcase_public(municipality=municipality).defer(None), pk=pk)
    if not entry.photo:
        raise Http404
    content = bytes(entry.photo)
    etag = quote_etag(hashlib.sha256(content).hexdigest()[:32])
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(content, content_type=entry.photo_content_type)
    response["ETag"] = etag
    return response
