"""Staff sessions end after 30 minutes without activity and after 12 hours in any case."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

SESSION_LOGIN_AT = "burgeridee_login_at"
SESSION_LAST_SEEN = "burgeridee_last_seen"
# Writing the session on every request is wasteful; a minute of precision is plenty.
LAST_SEEN_RESOLUTION_SECONDS = 60


@receiver(user_logged_in)
def _remember_login_time(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[SESSION_LOGIN_AT] = now
    request.session[SESSION_LAST_SEEN] = now


def session_expired(session, *, now: float) -> bool:
    login_at, last_seen = session.get(SESSION_LOGIN_AT), session.get(SESSION_LAST_SEEN)
    if login_at is None or last_seen is None:
        return True
    return now - last_seen > settings.STAFF_SESSION_IDLE_SECONDS or now - login_at > settings.STAFF_SESSION_MAX_SECONDS


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            if session_expired(request.session, now=now):
                logout(request)
                messages.info(request, _("U was te lang niet actief of te lang ingelogd. Log opnieuw in."))
            elif now - request.session[SESSION_LAST_SEEN] >= LAST_SEEN_RESOLUTION_SECONDS:
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)
