"""The shell of the workspace: the chooser at /werkplek/ and the inbox. The initiative page and its actions
are the initiatives app's (initiatives/views/staff.py); the other apps' staff pages are their own. Where
each role starts is in homes.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_login_required, staff_view
from burgeridee.accounts.external import session_municipality
from burgeridee.accounts.selectors import membership_list
from burgeridee.administration.services import can_set_up_municipalities
from burgeridee.core.outbox import outbox_resend, outbox_stuck
from burgeridee.initiatives.selectors import contact_people

from . import selectors
from .forms import InboxFilterForm
from .homes import home_url
from .rows import inbox_rows

INBOX_ROLES = (Role.COORDINATOR, Role.CONTACT, Role.ADMINISTRATOR)
PAGE_SIZE = 25


@never_cache
@staff_login_required
def home(request):
    """/werkplek/: straight to the start page of the user's municipality, or a choice when there are several."""
    memberships = membership_list(user=request.user, municipality_slug=session_municipality(request))
    installation = can_set_up_municipalities(request.user)
    if len(memberships) == 1 and not installation:
        return redirect(home_url(memberships[0]))
    if not memberships and installation:
        return redirect("administration:installation")
    choices = [{"name": membership.municipality.name, "url": home_url(membership)} for membership in memberships]
    return render(request, "workspace/choose.html", {"memberships": choices, "installation": installation})


@never_cache
@require_http_methods(["GET"])
@staff_view()
def inbox(request, municipality):
    # The municipality's address: members the inbox is not for go on to their own start page, not a 403.
    if not request.membership.has_role(*INBOX_ROLES):
        return redirect(home_url(request.membership))
    tab = request.GET.get("tab", selectors.TAB_NEW)
    if tab not in selectors.TABS:
        tab = selectors.TAB_NEW
    contacts = contact_people(municipality=municipality)
    form = InboxFilterForm(request.GET or None, neighbourhoods=municipality.neighbourhoods.all(), contacts=contacts)
    filters = form.filters(tab=tab)
    paginator = Paginator(
        selectors.inbox_list(municipality=municipality, user=request.user, filters=filters), PAGE_SIZE
    )
    page = paginator.get_page(request.GET.get("pagina"))
    kept = [(key, value) for key, value in request.GET.items() if key not in {"tab", "pagina"} and value]
    counts = selectors.inbox_counts(municipality=municipality, user=request.user)
    tabs = [
        {
            "key": key,
            "label": label,
            "count": counts[key.replace("-", "_")],
            "url": "?" + urlencode([("tab", key), *kept]),
            "current": key == tab,
        }
        for key, label in (
            (selectors.TAB_NEW, _("Nieuw")),
            (selectors.TAB_MINE, _("Mijn initiatieven")),
            (selectors.TAB_OVERDUE, _("Te laat")),
            (selectors.TAB_ALL, _("Alle")),
        )
    ]
    page_query = urlencode([("tab", tab), *kept])
    return render(
        request,
        "workspace/inbox.html",
        {
            "form": form,
            "tab": tab,
            "tabs": tabs,
            "current_tab": next(t for t in tabs if t["current"]),
            "page": page,
            "rows": inbox_rows(page.object_list, municipality=municipality),
            "page_query": page_query,
            "filtered": bool(kept),
        },
    )


@never_cache
@require_http_methods(["GET"])
@staff_view(roles=(Role.COORDINATOR,))
def mail_stuck(request, municipality):
    """Mail to residents or colleagues of this municipality that the mail server keeps refusing.

    Shows what each mail is about (its subject), since when it waits and what the server said, not to whom
    or what it says: the coordinator needs to know that it did not arrive, and can send it again."""
    mails = outbox_stuck(municipality_id=municipality.pk).order_by("created_at")
    return render(request, "workspace/mail_stuck.html", {"mails": mails})


@require_POST
@staff_view(roles=(Role.COORDINATOR,))
def mail_resend(request, municipality, mail_pk: int):
    mail = get_object_or_404(outbox_stuck(municipality_id=municipality.pk), pk=mail_pk)
    outbox_resend(mail=mail)
    messages.success(request, _("De mail wordt opnieuw verstuurd."))
    return redirect("workspace:mail_stuck", municipality_slug=municipality.slug)
