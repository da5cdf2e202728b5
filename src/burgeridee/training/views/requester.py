"""The requester's page of a proposal, through the personal link: read, download, accept or ask for changes."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from burgeridee.documents.rendering import pdf_response
from burgeridee.municipalities.decorators import public_municipality
from burgeridee.workshops.constants import Module

from .. import selectors, services
from ..constants import ProposalStatus
from ..forms import AcceptForm, ChangesForm
from .proposals import proposal_pdf_bytes
from .shared import attempt

TEMPLATE = "training/public/proposal.html"


def _proposal(municipality, token):
    proposal = selectors.proposal_by_token(municipality=municipality, token=token)
    if proposal is None or proposal.status == ProposalStatus.DRAFT:
        raise Http404
    return proposal


def _context(municipality, proposal, token, **forms):
    items = list(proposal.items.all())
    return {
        "municipality": municipality,
        "proposal": proposal,
        "items": items,
        "totals": proposal.totals(items),
        "token": token,
        "module_labels": dict(Module.choices),
        "accept_form": forms.get("accept_form") or AcceptForm(prefix="accept"),
        "changes_form": forms.get("changes_form") or ChangesForm(prefix="changes"),
    }


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def proposal_public(request, municipality, token):
    proposal = _proposal(municipality, token)
    if request.method == "GET":
        return render(request, TEMPLATE, _context(municipality, proposal, token))
    if "accept-name" in request.POST or request.POST.get("answer") == "accept":
        form = AcceptForm(request.POST, prefix="accept")
        context = _context(municipality, proposal, token, accept_form=form)
        if not form.is_valid():
            return render(request, TEMPLATE, context, status=400)
        result = attempt(
            request,
            TEMPLATE,
            context,
            form,
            lambda: services.proposal_accept(proposal=proposal, name=form.cleaned_data["name"]),
        )
        done = _("Dank u wel. Het voorstel is geaccepteerd; de trainer plant alles in en neemt contact met u op.")
    else:
        form = ChangesForm(request.POST, prefix="changes")
        context = _context(municipality, proposal, token, changes_form=form)
        if not form.is_valid():
            return render(request, TEMPLATE, context, status=400)
        result = attempt(
            request,
            TEMPLATE,
            context,
            form,
            lambda: services.proposal_request_changes(proposal=proposal, comment=form.cleaned_data["comment"]),
        )
        done = _("Dank u wel. De trainer past het voorstel aan en stuurt het opnieuw.")
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, done)
    return redirect("training:proposal_public", municipality_slug=municipality.slug, token=token)


@require_GET
@public_municipality
def proposal_public_pdf(request, municipality, token):
    proposal = _proposal(municipality, token)
    return pdf_response(proposal_pdf_bytes(proposal), filename=f"voorstel-{proposal.pk}.pdf")
