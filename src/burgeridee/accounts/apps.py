from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "burgeridee.accounts"
    label = "accounts"
    verbose_name = _("Medewerkers")

    def ready(self):
        # Its section in the staff menu is registered by the workspace shell (workspace/apps.py): accounts
        # is part of the ground, below the records foundation that holds the menu's registry.
        from . import checks, middleware  # noqa: F401 - the deploy check; the login-time signal (receivers connect in ready())
