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
from ..constants import AgreementStatus
from ..forms import ReflectionForm
from .shared import STAFF, conversation_or_redirect, to_plan

AGREEMENT_ACTIONS = {"done": AgreementStatus.DONE, "drop": AgreementStatus.DROPPED, "reopen": "open"}


def _render_follow_up(request, initiative, conversation, status=200, **extra):
    return render(
        request,
        "conversations/follow_up.html",
        {
            "initiative": initiative,
            "conversation": conversation,
            "agreements": selectors.agreements_current(conversation=conversation),
            "tasks": selectors.tasks_for_conversation(conversation=conversation),
            **extra,
        },
        status=status,
    )


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
            # "done" = 1/0 is how the page asked before the life cycle; "action" is how it asks now.
            action = request.POST.get("action") or ("done" if done else "reopen")
            if action not in AGREEMENT_ACTIONS:
                raise Http404
            reason = request.POST.get("reason", "")
            try:
                services.agreement_transition(
                    agreement=agreement, to=AGREEMENT_ACTIONS[action], actor=request.user, reason=reason
                )
            except services.AgreementRefused as refused:
                if action == "drop" and not reason.strip():
                    return _render_follow_up(
                        request,
                        initiative,
                        conversation,
                        status=400,
                        drop_errors={agreement.pk: str(refused)},
                        drop_reason=reason,
                        problem=str(refused),
                        problem_anchor=f"reden-{agreement.pk}",
                    )
                messages.error(request, str(refused))
                return redirect("conversations:follow_up", municipality_slug=municipality.slug, pk=initiative.pk)
        elif task_pk := request.POST.get("task"):
            task = conversation.tasks.filter(pk=task_pk).first()
            if task is None:
                raise Http404
            services.task_complete(task=task, done=done)
        messages.success(request, _("Bijgewerkt."))
        return redirect("conversations:follow_up", municipality_slug=municipality.slug, pk=initiative.pk)
    return _render_follow_up(request, initiative, conversation)


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
