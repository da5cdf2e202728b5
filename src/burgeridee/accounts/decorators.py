"""The one door into staff pages: who is logged in, past the second factor, for which municipality, in
which role."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from .external import session_municipality
from .selectors import membership_get
from .two_factor import is_verified, second_factor_url


def _login_or_second_factor(request):
    """None when the user may see staff pages; otherwise where to send them."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_verified(request):
        return redirect(second_factor_url(request, request.get_full_path()))
    return None


def staff_login_required(view):
    """Logged in with both factors (outside demo mode), no municipality yet (e.g. the chooser)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return _login_or_second_factor(request) or view(request, *args, **kwargs)

    return wrapper


def staff_view(*, roles: tuple[str, ...] = ()):
    """Staff page under /werkplek/<municipality_slug>/.

    Anonymous users go to the login page, users without a verified second factor to the code page
    (outside demo mode). A municipality the user is no member of (or, signed in through a municipality's
    identity provider, any other municipality) is a 404 (we do not even confirm it
    exists); a member without one of `roles` gets 403. The view receives the municipality and sets
    request.municipality and request.membership.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, municipality_slug: str, *args, **kwargs):
            refused = _login_or_second_factor(request)
            if refused is not None:
                return refused
            membership = membership_get(user=request.user, municipality_slug=municipality_slug)
            limited_to = session_municipality(request)
            if membership is None or (limited_to is not None and limited_to != municipality_slug):
                # Signed in through one municipality's identity provider: no other municipality exists here.
                raise Http404
            if roles and not membership.has_role(*roles):
                raise PermissionDenied
            request.municipality = membership.municipality
            request.membership = membership
            return view(request, membership.municipality, *args, **kwargs)

        return wrapper

    return decorator
