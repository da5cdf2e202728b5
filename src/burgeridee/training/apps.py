from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "burgeridee.training"
    label = "training"
    verbose_name = _("Training en coaching")

    def ready(self):
        from burgeridee.accounts.constants import Role
        from burgeridee.insights.links import InsightLink, insight_links
        from burgeridee.records.navigation import NavItem, nav_registry

        from . import retention  # noqa: F401 - registers the retention rules for meeting sign-ups and coaching

        nav_registry.register(NavItem("training:list", _("Training op maat"), (Role.TRAINER,), order=81))
        nav_registry.register(NavItem("training:meetings", _("Bijeenkomsten"), (Role.TRAINER,), order=82))
        nav_registry.register(NavItem("training:coaching", _("Coaching"), (), order=83))
        nav_registry.register(NavItem("training:participation", _("Mijn workshop"), (), order=84))
        nav_registry.register(
            NavItem("training:effect", _("Effect van de workshop"), (Role.TRAINER, Role.COORDINATOR), order=85)
        )
        insight_links.register(
            InsightLink(
                "training:effect",
                _("Effect van de workshop"),
                _("Werken deelnemers na de workshop anders? Voor en na, per groep, met toestemming."),
            )
        )
