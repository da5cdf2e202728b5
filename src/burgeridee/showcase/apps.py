from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    name = "burgeridee.showcase"
    label = "showcase"
    verbose_name = _("Etalage")

    def ready(self):
        # Imported here: initiatives.panels imports models, which cannot be imported before the app registry is ready.
        from burgeridee.initiatives.panels import SIDE, InitiativePanel, initiative_panels

        from . import events  # noqa: F401 - registers this app's time-line events

        # The section on the staff initiative page: for a completed initiative, the way to its showcase entry.
        initiative_panels.register(
            InitiativePanel(key="showcase", column=SIDE, order=40, template="showcase/_initiative_section.html")
        )
