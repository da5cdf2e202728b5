from django.utils.translation import gettext_lazy as _

# What the resident rates, 1 (bad) to 5 (very good): the process, then the result (BRIEF §1).
ASPECTS = [
    ("reachability", _("Bereikbaarheid"), _("Kon u de gemeente goed bereiken?")),
    ("speed", _("Snelheid"), _("Kreeg u op tijd antwoord?")),
    ("clarity", _("Duidelijkheid"), _("Wist u steeds wat er ging gebeuren?")),
    ("personal_contact", _("Persoonlijk contact"), _("Hoe was het contact met uw contactpersoon?")),
    ("result", _("Resultaat"), _("Bent u tevreden over wat er bereikt is?")),
]
SCORES = [
    (5, _("5 - heel goed")),
    (4, _("4 - goed")),
    (3, _("3 - gaat wel")),
    (2, _("2 - slecht")),
    (1, _("1 - heel slecht")),
]
