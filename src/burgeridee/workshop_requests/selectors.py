from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from burgeridee.municipalities.models import Municipality

from .models import WorkshopRequest


def request_list(*, municipality) -> QuerySet:
    return WorkshopRequest.objects.filter(municipality=municipality).select_related("handled_by")


def request_get(*, municipality, pk: int) -> WorkshopRequest:
    request = request_list(municipality=municipality).filter(pk=pk).first()
    if request is None:
        raise Http404
    return request


def receiving_municipalities() -> QuerySet:
    """The municipalities a requester can pick: every active one."""
    return Municipality.objects.filter(is_active=True).order_by("name")


def fallback_municipality() -> Municipality | None:
    """Where requests from a municipality not in the list go (setting WORKSHOP_REQUEST_MUNICIPALITY)."""
    slug = getattr(settings, "WORKSHOP_REQUEST_MUNICIPALITY", "")
    if not slug:
        return None
    return Municipality.objects.filter(slug=slug, is_active=True).first()
