from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class ChallengesConfig(AppConfig):
    name = "burgeridee.challenges"
    label = "challenges"
    verbose_name = _("Uitdaagrecht")

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry is ready.
        from burgeridee.conversations.variants import ModelVariant, model_variants
        from burgeridee.initiatives.panels import SIDE, InitiativePanel, initiative_panels
        from burgeridee.initiatives.selectors import OverdueCondition, overdue_conditions
        from burgeridee.initiatives.timelines import ResidentRoute, resident_routes

        from . import events, receivers, retention  # noqa: F401 - register events, the home panel and anonymiser
        from .constants import CONVERSATION_VARIANT
        from .defaults import CHALLENGE_CHECKLIST, CHALLENGE_PHASES
        from .hooks import challenge_panel_context, is_challenge, resident_route_steps
        from .models import Challenge
        from .selectors import challenge_decision_deadline, challenges_with_overdue_decision_q

        nav_registry.register(
            NavItem(
                "challenges:list", _("Uitdaagrecht"), (Role.COORDINATOR, Role.CONTACT, Role.ADMINISTRATOR), order=45
            )
        )
        nav_registry.register(
            NavItem("challenges:settings", _("Uitdaagrecht instellen"), (Role.ADMINISTRATOR,), order=75)
        )
        model_variants.register(
            ModelVariant(CONVERSATION_VARIANT, _("Uitdaagrecht"), CHALLENGE_PHASES, CHALLENGE_CHECKLIST, is_challenge)
        )
        initiative_panels.register(
            InitiativePanel(
                key="challenge",
                column=SIDE,
                order=15,
                template="challenges/_initiative_section.html",
                context=challenge_panel_context,
            )
        )
        overdue_conditions.register(
            OverdueCondition(
                "challenge_decision",
                challenges_with_overdue_decision_q,
                _("Besluit uitdaagrecht te laat"),
                deadline=challenge_decision_deadline,
                sources=(Challenge,),
            )
        )
        resident_routes.register(ResidentRoute("challenge", resident_route_steps, related=("challenge__task",)))
