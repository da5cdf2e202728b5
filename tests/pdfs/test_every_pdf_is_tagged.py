"""Every PDF the product makes is tagged (PDF/UA), with a title and a language (issue #11).

A screen reader reads an untagged PDF as one stream of glyphs, without headings, lists or reading order.
`documents.rendering.render_pdf` makes every PDF with WeasyPrint's PDF/UA variant. This module fetches
each PDF the product serves, through its own page, and asks poppler's `pdfinfo` whether it is tagged.

The guards below keep the list complete: every address ending in ".pdf" must have a case here, and no
module but documents/rendering.py may call WeasyPrint.
"""

import io
import re
import shutil
import subprocess
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from pypdf import PdfReader

from burgeridee.challenges import selectors as challenge_selectors
from burgeridee.challenges import services as challenge_services
from burgeridee.challenges.constants import CriterionVerdict, Decision
from burgeridee.challenges.tests.factories import challenge_setup, idea_kwargs
from burgeridee.conversations import services as conversation_services
from burgeridee.conversations.tests.helpers import next_weekday_at
from burgeridee.training import services as training_services
from burgeridee.training.tests.factories import WorkshopRequestFactory
from burgeridee.workshops import services as workshop_services
from burgeridee.workshops.constants import Module
from burgeridee.workshops.models import Participant
from burgeridee.workshops.tests.factories import WorkshopSessionFactory
from burgeridee.workshops.tests.helpers import go_to

pytestmark = pytest.mark.django_db

SRC = Path(settings.BASE_DIR) / "src" / "burgeridee"
PDFINFO = shutil.which("pdfinfo")


def pdf_url_names() -> set[str]:
    """The name (with namespace) of every address whose route ends in ".pdf"."""

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and str(pattern.pattern).endswith(".pdf"):
                yield namespace + pattern.name

    return set(walk(get_resolver().url_patterns, ""))


def pdfinfo(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    output = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}


def decided_challenge(municipality, actor):
    """A challenge of a task (the right to challenge), planned, assessed and granted: it has a decision letter."""
    tasks = challenge_setup(municipality)
    initiative = challenge_services.challenge_submit(
        municipality=municipality, task=tasks["square"], **idea_kwargs(municipality)
    ).initiative
    challenge = initiative.challenge
    challenge = challenge_services.challenge_plan_save(
        challenge=challenge,
        actor=actor,
        plan_what="Maaien en snoeien",
        plan_where="Lindeplein",
        plan_budget=Decimal("3500"),
        plan_quality="Zoals de gemeente vraagt",
        plan_insurance="Vrijwilligersverzekering",
        plan_support_evidence="handtekeningen",
        plan_support_count=42,
        complete=True,
    )
    criteria = challenge_selectors.criteria_for_assessment(municipality=municipality)
    scores = [challenge_services.CriterionScore(c, CriterionVerdict.MET, f"Reden bij {c.title}") for c in criteria]
    challenge = challenge_services.challenge_assess(challenge=challenge, actor=actor, scores=scores)
    return challenge_services.challenge_decide(
        challenge=challenge, actor=actor, decision=Decision.GRANTED, reasons="Het plan voldoet."
    )


def sent_proposal(municipality, trainer):
    """A proposal on measure for a workshop request, sent to the requester: it has a PDF for both sides."""
    workshop_request = WorkshopRequestFactory(municipality=municipality)
    proposal = training_services.proposal_create(workshop_request=workshop_request, trainer=trainer)
    for item in proposal.items.all():
        item.date = timezone.localdate() + timedelta(days=30)
        item.save(update_fields=["date"])
    link = training_services.proposal_send(proposal=proposal, actor=trainer)
    return proposal, link.rstrip("/").rsplit("/", 1)[-1]


def every_pdf(municipality, submit_idea, contact_client, trainer, trainer_client) -> dict[str, tuple]:
    """Each PDF address with the client allowed to fetch it and the title its document carries."""
    slug = municipality.slug
    initiative, token = submit_idea(municipality)
    conversation = conversation_services.conversation_plan(
        initiative=initiative,
        starts_at=next_weekday_at(14),
        place="Buurthuis De Kastanje",
        participants="Fatima",
        actor=contact_client.user,
    )
    report = conversation_services.report_draft_get_or_create(conversation=conversation)
    conversation_services.report_update(
        report=report,
        summary="Een moestuin voor de straat.",
        next_step="Kabels nagaan.",
        callback_date=timezone.localdate() + timedelta(days=10),
        municipal_roles=["faciliteren"],
        initiator_role="De kopgroep onderhoudt de tuin.",
        agreements=[conversation_services.AgreementData(what="Kabels nagaan", who="Karim")],
    )
    conversation_services.report_send(report=report)

    workshop = WorkshopSessionFactory(municipality=municipality, created_by=trainer)
    workshop_services.session_open(session=workshop)
    participant = Client()
    participant.post(reverse("workshops:participant", args=[workshop.code]), {"display_name": "Anna"})
    assert Participant.objects.filter(session=workshop, display_name="Anna").exists()
    go_to(workshop, Module.CHECKLIST)
    chosen = {f"keep_{n}": "1" for n in range(1, 27)} | {f"text_{n}": "" for n in range(1, 27)}
    assert participant.post(f"/doe-mee/{workshop.code}/checklist/", chosen).status_code == 302

    challenge = decided_challenge(municipality, contact_client.user)
    proposal, proposal_token = sent_proposal(municipality, trainer)

    conversation_pages = {"municipality_slug": slug, "pk": initiative.pk}
    resident = {"municipality_slug": slug, "token": token}
    return {
        "conversations:checklist_pdf": (
            contact_client,
            reverse("conversations:checklist_pdf", kwargs={"municipality_slug": slug}),
            "Checklist eerste gesprek",
        ),
        "conversations:invitation_letter": (
            contact_client,
            reverse("conversations:invitation_letter", kwargs=conversation_pages),
            "Uitnodiging",
        ),
        "conversations:prepare_pdf": (
            contact_client,
            reverse("conversations:prepare_pdf", kwargs=conversation_pages),
            "Voorbereiding eerste gesprek",
        ),
        "conversations:report_pdf": (
            contact_client,
            reverse("conversations:report_pdf", kwargs=conversation_pages),
            "Gespreksverslag",
        ),
        "conversations:checklist_filled_pdf": (
            contact_client,
            reverse("conversations:checklist_filled_pdf", kwargs=conversation_pages),
            "Checklist van het eerste gesprek",
        ),
        "conversations:resident_report_pdf": (
            Client(),
            reverse("conversations:resident_report_pdf", kwargs=resident),
            "Gespreksverslag",
        ),
        "initiatives:data_export_pdf": (
            Client(),
            reverse("initiatives:data_export_pdf", kwargs=resident),
            "Uw gegevens",
        ),
        "challenges:decision_letter": (
            contact_client,
            reverse("challenges:decision_letter", kwargs={"municipality_slug": slug, "pk": challenge.pk}),
            "Besluit over uw uitdaging",
        ),
        "training:proposal_pdf": (
            trainer_client,
            reverse("training:proposal_pdf", kwargs={"municipality_slug": slug, "pk": proposal.pk}),
            proposal.title,
        ),
        "training:proposal_public_pdf": (
            Client(),
            reverse("training:proposal_public_pdf", kwargs={"municipality_slug": slug, "token": proposal_token}),
            proposal.title,
        ),
        "workshops:folder": (
            Client(),
            reverse("workshops:folder", kwargs={"municipality_slug": slug}),
            "Workshop „Oké, een burger-idee”",
        ),
        "workshops:folder_trainer": (
            trainer_client,
            reverse("workshops:folder_trainer", kwargs={"municipality_slug": slug}),
            "Workshop „Oké, een burger-idee”",
        ),
        "workshops:checklist_pdf": (
            participant,
            reverse("workshops:checklist_pdf", args=[workshop.code]),
            "Mijn checklist voor het eerste gesprek",
        ),
        "workshops:export_pdf": (
            trainer_client,
            reverse("workshops:export_pdf", kwargs={"municipality_slug": slug, "pk": workshop.pk}),
            "Verslag",
        ),
    }


def test_every_pdf_address_has_a_case_here(municipality, submit_idea, contact_client, trainer, trainer_client, library):
    """A new PDF address without a case below fails here, so it cannot ship untagged unnoticed."""
    cases = every_pdf(municipality, submit_idea, contact_client, trainer, trainer_client)
    assert set(cases) == pdf_url_names()


@pytest.mark.skipif(PDFINFO is None, reason="needs pdfinfo (poppler-utils; bin/ensure-system-packages)")
def test_every_pdf_is_tagged_with_a_title_and_a_language(
    municipality, submit_idea, contact_client, trainer, trainer_client, library, tmp_path
):
    cases = every_pdf(municipality, submit_idea, contact_client, trainer, trainer_client)
    problems = {}
    for name, (client, url, title) in cases.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        assert response["Content-Type"] == "application/pdf", name
        info = pdfinfo(response.content, tmp_path)
        lang = PdfReader(io.BytesIO(response.content)).trailer["/Root"].get("/Lang")
        found = (info.get("Tagged"), info.get("Title", "").startswith(title), lang)
        if found != ("yes", True, "nl"):
            problems[name] = (info.get("Tagged"), info.get("Title"), lang)
    assert problems == {}


def test_only_the_renderer_calls_weasyprint():
    """Every PDF goes through documents/rendering.py, so the variant set there reaches every document."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if "tests" in path.parts or path == SRC / "documents" / "rendering.py":
            continue
        if re.search(r"^\s*(from|import) weasyprint", path.read_text(encoding="utf-8"), re.MULTILINE):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []
