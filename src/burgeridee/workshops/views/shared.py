"""What the trainer's views share: their door and the links they build."""

from django.shortcuts import redirect
from django.urls import reverse

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view

trainer_view = staff_view(roles=(Role.TRAINER,))


def join_url(request, session) -> str:
    return request.build_absolute_uri(reverse("workshops:participant", kwargs={"code": session.code}))


def to_detail(session):
    return redirect("workshops:detail", municipality_slug=session.municipality.slug, pk=session.pk)
