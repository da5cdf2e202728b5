"""What the retention task removes from a challenge: the free texts of the plan that may name people
(support, resident's agreement). The task, decision and dates stay for the register and statistics."""

from django.utils.translation import gettext as _

from burgeridee.records.retention import anonymiser

from .models import Challenge


@anonymiser("challenges")
def challenge_anonymise(*, initiative, dry_run: bool) -> list[str]:
    challenges = Challenge.objects.filter(initiative=initiative).exclude(
        plan_support_note="", resident_agreement="", plan_insurance=""
    )
    if not challenges.exists():
        return []
    lines = [_("uitdaging: toelichting op het draagvlak, verzekering en instemming van de bewoner")]
    if not dry_run:
        challenges.update(plan_support_note="", resident_agreement="", plan_insurance="")
    return lines
