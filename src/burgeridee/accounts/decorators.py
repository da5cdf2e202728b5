"""The one door into staff pages: who is logged in, for which municipality, in which role."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .selectors import membership_get


def staff_view(*, roles: tuple[str, ...] = ()):
    """Staff page under /werkplek/<municipality_slug>/.

    Anonymous users go to the login page. A municipality the user is no member of is a 404 (we do not
    even confirm it exists); a member without one of `roles` gets 403. The view receives the
    municipality and sets request.municipality and request.membership.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, municipality_slug: str, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = membership_get(user=request.user, municipality_slug=municipality_slug)
            if membership is None:
                raise Http404
            if roles and not membership.has_role(*roles):
                raise PermissionDenied
            request.municipality = membership.municipality
            request.membership = membership
            return view(request, membership.municipality, *args, **kwargs)

        return wrapper

    return decorator
