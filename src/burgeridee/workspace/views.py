"""The shell of the workspace: the chooser at /werkplek/ and the inbox. The initiative page and its actions
are the initiatives app's (initiatives/views/staff.py); the other apps' staff pages are their own. Where
each role starts is in homes.py."""

from django.contrib import messages
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
from burgeridee.initiatives.selectors import contact_choices

from . import selectors
from .forms import InboxFilterForm
from .homes import home_url
from .rows import inbox_rows

INBOX_ROLES = (Role.COORDINATOR, Role.CONTACT, Role.ADMINISTRATOR)
PAGE_SIZE = 25
PAGER_KEYS = {"tab", "pagina", "na", "voor"}


def _page_number(value) -> int:
    try:
        return max(1, min(int(value or 1), 10_000))
    except ValueError:
        return 1


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
    # Plain values, not a Membership and a User instance per member of staff (hundreds in a large municipality):
    # the filter shows only their pk and name.
    contacts = contact_choices(municipality=municipality)
    form = InboxFilterForm(request.GET or None, neighbourhoods=municipality.neighbourhoods.all(), contacts=contacts)
    filters = form.filters(tab=tab)
    number = _page_number(request.GET.get("pagina"))
    after, before = request.GET.get("na", ""), request.GET.get("voor", "")
    page = selectors.inbox_page(
        municipality=municipality,
        user=request.user,
        filters=filters,
        after=after,
        before=before,
        # An old link with only a page number (no cursor) still opens that page.
        offset=0 if (after or before) else (number - 1) * PAGE_SIZE,
        size=PAGE_SIZE,
    )
    if page.has_previous and number < 2:
        number = 2  # a cursor page with rows before it (they arrived since the link was made)
    kept = [(key, value) for key, value in request.GET.items() if key not in PAGER_KEYS and value]
    counts, total = selectors.inbox_counts_and_total(municipality=municipality, user=request.user, filters=filters)
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
    pager = {
        "number": number,
        # "Pagina 2 van 7" while the count is exact; "Pagina 2" when there are more than COUNT_CAP.
        "total_pages": None if total.capped else max(1, -(-total.value // PAGE_SIZE)),
        "next": f"?{page_query}&" + urlencode([("pagina", number + 1), ("na", page.next_cursor)]),
        "previous": f"?{page_query}&" + urlencode([("pagina", number - 1), ("voor", page.previous_cursor)]),
    }
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
            "pager": pager,
            "total": total,
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
