"""Measure how long each PDF takes to make (run after seed_demo): `manage.py pdf_timings --runs 5`."""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError

from burgeridee.conversations.models import Report
from burgeridee.conversations.views.checklist import conversation_checklist_context
from burgeridee.conversations.views.model_editor import checklist_context
from burgeridee.conversations.views.planning import preparation_context
from burgeridee.conversations.views.shared import report_pdf_context
from burgeridee.documents.rendering import render_pdf


class Command(BaseCommand):
    help = (
        "Render the checklist hand-out, a preparation sheet, a report and a conversation's own checklist several "
        "times; print the timings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, runs: int, **options):
        report = Report.objects.select_related("conversation__initiative__municipality").first()
        if report is None:
            raise CommandError("No report found: run seed_demo first.")
        conversation = report.conversation
        initiative = conversation.initiative
        municipality = initiative.municipality
        # The same contexts the pages pass, so the timings are of the real documents.
        documents = {
            "checklist (hand-out)": ("conversations/pdf/checklist.html", checklist_context(municipality)),
            "preparation sheet": (
                "conversations/pdf/preparation.html",
                preparation_context(initiative, conversation) | {"municipality": municipality},
            ),
            "conversation report": (
                "conversations/pdf/report.html",
                report_pdf_context(initiative, conversation, report, list(report.agreements.all())),
            ),
            "conversation checklist": (
                "conversations/pdf/conversation_checklist.html",
                conversation_checklist_context(initiative, conversation),
            ),
        }
        first = True
        for name, (template, context) in documents.items():
            times = []
            size = 0
            for _ in range(runs):
                start = time.perf_counter()
                size = len(render_pdf(template, context))
                times.append((time.perf_counter() - start) * 1000)
            note = " (includes WeasyPrint's one-time font set-up)" if first else ""
            first = False
            self.stdout.write(
                f"{name}: first {times[0]:.0f} ms{note}, median {statistics.median(times):.0f} ms, "
                f"min {min(times):.0f} ms over {runs} runs, {size // 1024} KiB"
            )
