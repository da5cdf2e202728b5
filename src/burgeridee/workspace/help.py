"""'Hulp bij deze pagina': every staff page links to its part of the manual (docs/manual/, built by `make docs`
with MkDocs and served at settings.MANUAL_URL).

HELP_TOPICS maps a staff URL name (a glob: `*` for any part) to `<manual page>.html#<anchor>`; the first match
wins. workspace/tests/test_help.py walks every URL under /werkplek/ and checks that it has a topic whose page
and anchor exist in the manual's Markdown (an explicit `{#anchor}` on a heading), in every language of the
interface: the Dutch manual is at MANUAL_URL, the English one under `en/` (mkdocs.yml, plugin "i18n"), and the
link follows the language of the screens.
"""

from fnmatch import fnmatchcase
from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language

# Staff pages that show no help link: the presenter's view of a workshop is projected on the big screen in front
# of the participants, not a page to work in (the workshop's own page links to the same part of the manual).
WITHOUT_HELP = frozenset({"workshops:presenter"})

HELP_TOPICS: tuple[tuple[str, str], ...] = (
    # Signing in, the second step, one's own password: every member of staff.
    ("accounts:login", "contactpersoon.html#inloggen"),
    ("accounts:verify", "contactpersoon.html#inloggen"),
    ("accounts:backup_code", "contactpersoon.html#inloggen"),
    ("accounts:setup", "contactpersoon.html#app-instellen"),
    ("accounts:enrol", "contactpersoon.html#app-instellen"),
    ("accounts:logout", "contactpersoon.html#inloggen"),
    ("accounts:password_change", "contactpersoon.html#wachtwoord"),
    ("accounts:second_factors", "contactpersoon.html#tweede-stap"),
    ("accounts:colleague*", "coordinator.html#medewerkers"),
    ("otp_webauthn:*", "contactpersoon.html#tweede-stap"),
    ("sso:settings", "functioneel-beheer.html#werkaccount"),
    ("sso:*", "contactpersoon.html#inloggen"),
    # The contact person's day: inbox, initiative, first conversation.
    ("workspace:home", "contactpersoon.html#inloggen"),
    ("workspace:inbox", "contactpersoon.html#inbox"),
    ("workspace:mail_*", "coordinator.html#mail"),
    ("initiatives:staff_initiative", "contactpersoon.html#initiatief"),
    ("initiatives:staff_assign", "coordinator.html#verdelen"),
    ("initiatives:staff_first_contact", "contactpersoon.html#eerste-contact"),
    ("initiatives:staff_phase", "contactpersoon.html#fase"),
    ("initiatives:staff_message*", "contactpersoon.html#berichten"),
    ("initiatives:staff_note_add", "contactpersoon.html#berichten"),
    ("initiatives:staff_initiator_add", "contactpersoon.html#initiatief"),
    ("intake:*", "contactpersoon.html#intake"),
    ("deadlines:*", "contactpersoon.html#terugbellen"),
    ("handovers:ask", "contactpersoon.html#overdracht"),
    ("conversations:plan", "contactpersoon.html#gesprek-plannen"),
    ("conversations:invitation_letter", "contactpersoon.html#gesprek-plannen"),
    ("conversations:prepare*", "contactpersoon.html#gesprek-voorbereiden"),
    ("conversations:screen", "contactpersoon.html#gesprek-voeren"),
    ("conversations:autosave", "contactpersoon.html#gesprek-voeren"),
    ("conversations:checklist_filled_pdf", "contactpersoon.html#gesprek-voeren"),
    ("conversations:report*", "contactpersoon.html#verslag"),
    ("conversations:follow_up", "contactpersoon.html#opvolging"),
    ("conversations:reflection", "contactpersoon.html#opvolging"),
    ("conversations:model*", "coordinator.html#gespreksmodel"),
    ("conversations:checklist_pdf", "coordinator.html#gespreksmodel"),
    ("showcase:*", "contactpersoon.html#afronden"),
    ("knowledge:edit", "coordinator.html#kennisbank-bewerken"),
    ("knowledge:switch", "coordinator.html#kennisbank-bewerken"),
    ("knowledge:case_new", "coordinator.html#kennisbank-bewerken"),
    ("knowledge:*", "contactpersoon.html#kennisbank"),
    ("training:participation*", "contactpersoon.html#mijn-workshop"),
    ("training:self_assessment", "contactpersoon.html#mijn-workshop"),
    # The coordinator: privacy, insight, the right to challenge.
    ("privacy:processing_log", "coordinator.html#logboek"),
    ("privacy:*", "coordinator.html#privacy"),
    ("insights:*", "coordinator.html#inzicht"),
    ("challenges:convert", "contactpersoon.html#uitdaging"),
    ("challenges:settings", "functioneel-beheer.html#uitdaagrecht"),
    ("challenges:task_*", "functioneel-beheer.html#uitdaagrecht"),
    ("challenges:criteri*", "functioneel-beheer.html#uitdaagrecht"),
    ("challenges:*", "coordinator.html#uitdagingen"),
    # The department colleague.
    ("handovers:*", "afdeling.html#vragen"),
    # The trainer.
    ("workshops:list", "trainer.html#workshops"),
    ("workshops:request_handled", "trainer.html#aanvragen"),
    ("workshops:folder_trainer", "trainer.html#workshops"),
    ("workshops:create", "trainer.html#workshop-maken"),
    ("workshops:edit", "trainer.html#workshop-maken"),
    ("workshops:detail", "trainer.html#workshop-maken"),
    ("workshops:agenda_*", "trainer.html#workshop-maken"),
    ("workshops:presenter*", "trainer.html#presenteren"),
    ("workshops:transition", "trainer.html#presenteren"),
    ("workshops:merge", "trainer.html#presenteren"),
    ("workshops:review", "trainer.html#terugkijken"),
    ("workshops:export_*", "trainer.html#terugkijken"),
    ("training:effect", "trainer.html#effect"),
    ("training:meeting*", "trainer.html#bijeenkomsten"),
    ("training:coaching", "trainer.html#coaching"),
    ("training:trajectory*", "trainer.html#coaching"),
    ("training:goal_add", "trainer.html#coaching"),
    ("training:session_add", "trainer.html#coaching"),
    ("training:note_add", "trainer.html#coaching"),
    ("training:share", "trainer.html#coaching"),
    ("training:shared_withdraw", "trainer.html#coaching"),
    ("training:coachee_set", "trainer.html#coaching"),
    ("training:*", "trainer.html#training-op-maat"),
    # The functional administrator.
    ("administration:installation*", "functioneel-beheer.html#installatie"),
    ("administration:overview", "functioneel-beheer.html#inrichting"),
    ("administration:settings", "functioneel-beheer.html#gemeente"),
    ("administration:theme", "functioneel-beheer.html#thema"),
    ("administration:neighbourhood*", "functioneel-beheer.html#wijken"),
    ("administration:department*", "functioneel-beheer.html#afdelingen"),
    ("administration:staff*", "functioneel-beheer.html#medewerkers"),
    ("administration:conversation_model", "functioneel-beheer.html#gespreksmodel-versie"),
    ("administration:retention", "functioneel-beheer.html#bewaartermijnen"),
    ("administration:register", "functioneel-beheer.html#verwerkingsregister"),
    ("administration:changes", "functioneel-beheer.html#wijzigingen"),
    ("api:*", "functioneel-beheer.html#koppelingen"),
)


@lru_cache(maxsize=2048)
def help_topic(view_name: str | None) -> str | None:
    """`page.html#anchor` in the manual for a staff URL name, or None for a page outside the workspace.

    Kept per URL name for the process (the URL names are a fixed set): the glob match runs once per name,
    not on every staff request."""
    if not view_name or view_name in WITHOUT_HELP:
        return None
    for pattern, topic in HELP_TOPICS:
        if fnmatchcase(view_name, pattern):
            return topic
    return None


def manual_prefix(language: str | None) -> str:
    """Where the manual in `language` starts below MANUAL_URL: the default language (Dutch) at the top, every
    other language of the interface in its own folder (`en/`)."""
    language = (language or settings.LANGUAGE_CODE).split("-")[0].lower()
    return "" if language == settings.LANGUAGE_CODE else f"{language}/"


def help_url(view_name: str | None, language: str | None = None) -> str | None:
    """The manual's part for a staff page, in `language` (by default the language the page is shown in)."""
    topic = help_topic(view_name)
    return f"{settings.MANUAL_URL}{manual_prefix(language or get_language())}{topic}" if topic else None
