from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.initiatives.selectors import initiative_get_by_token
from burgeridee.municipalities.decorators import public_municipality

from .forms import EvaluationForm
from .services import evaluation_submit


@never_cache
@require_http_methods(["GET", "POST"])
@public_municipality
def evaluation_form(request, municipality, token):
    initiative = initiative_get_by_token(municipality=municipality, token=token)
    if initiative is None or not initiative.is_closed:
        raise Http404
    evaluation = getattr(initiative, "evaluation", None)
    if evaluation and evaluation.submitted_at:
        messages.info(request, _("U heeft al teruggekeken. Bedankt!"))
        return redirect("initiatives:status", municipality_slug=municipality.slug, token=token)
    form = EvaluationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                evaluation_submit(initiative=initiative, answers=form.cleaned_data)
            except DatabaseError:
                form.add_error(None, _("Het is niet gelukt uw antwoorden op te slaan. Probeer het zo opnieuw."))
                status = 503
            else:
                messages.success(request, _("Bedankt voor uw antwoorden. Wij gebruiken ze om beter te worden."))
                return redirect("initiatives:status", municipality_slug=municipality.slug, token=token)
        else:
            status = 400
    return render(
        request,
        "evaluations/evaluation_form.html",
        {"initiative": initiative, "token": token, "form": form},
        status=status,
    )
