"""After the conversation: the follow-up of agreements and tasks, and the staff member's own reflection."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from burgeridee.accounts.decorators import staff_view
from burgeridee.knowledge.selectors import pitfall_choices

from .. import selectors, services
from ..forms import ReflectionForm
from .shared import STAFF, conversation_or_redirect, to_plan


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def follow_up(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is None:
        return to_plan(municipality, initiative)
    if request.method == "POST":
        done = request.POST.get("done") == "1"
        if agreement_pk := request.POST.get("agreement"):
            agreement = next(
                (a for a in selectors.agreements_current(conversation=conversation) if str(a.pk) == agreement_pk), None
            )
            if agreement is None:
                raise Http404
            services.agreement_mark_done(agreement=agreement, done=done, actor=request.user)
        elif task_pk := request.POST.get("task"):
            task = conversation.tasks.filter(pk=task_pk).first()
            if task is None:
                raise Http404
            services.task_complete(task=task, done=done)
        messages.success(request, _("Bijgewerkt."))
        return redirect("conversations:follow_up", municipality_slug=municipality.slug, pk=initiative.pk)
    return render(
        request,
        "conversations/follow_up.html",
        {
            "initiative": initiative,
            "conversation": conversation,
            "agreements": selectors.agreements_current(conversation=conversation),
            "tasks": selectors.tasks_for_conversation(conversation=conversation),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@staff_view(roles=STAFF)
def reflection(request, municipality, pk):
    initiative, conversation = conversation_or_redirect(municipality, pk)
    if conversation is None:
        return to_plan(municipality, initiative)
    existing = selectors.reflection_of(user=request.user, conversation=conversation)
    initial = (
        {"facilitation": existing.facilitation, "pitfalls_felt": existing.pitfalls_felt, "note": existing.note}
        if existing
        else {}
    )
    form = ReflectionForm(
        request.POST or None,
        initial=initial,
        pitfall_choices=pitfall_choices(municipality=municipality, keep=existing.pitfalls_felt if existing else ()),
    )
    if request.method == "POST" and form.is_valid():
        services.reflection_save(user=request.user, conversation=conversation, **form.cleaned_data)
        messages.success(request, _("Uw reflectie is bewaard. Alleen u ziet deze."))
        return redirect("conversations:reflection", municipality_slug=municipality.slug, pk=initiative.pk)
    return render(
        request,
        "conversations/reflection.html",
        {"initiative": initiative, "conversation": conversation, "form": form},
        status=400 if form.errors else 200,
    )
