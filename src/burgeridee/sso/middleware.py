"""The logout form posts to us and we redirect to the provider's end-session address. Browsers check a
form's whole redirect chain against the Content-Security-Policy's form-action, which allows only 'self';
for a session signed in through a provider, its origin is allowed too (that one origin, on its pages only)."""

from urllib.parse import urlsplit

from burgeridee.accounts.external import provider_logout_url


class ProviderLogoutFormActionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        logout_url = provider_logout_url(request)  # read before the view: logging out empties the session
        response = self.get_response(request)
        if logout_url:
            parts = urlsplit(logout_url)
            update = dict(getattr(response, "_csp_update", None) or {})
            update["form-action"] = [*update.get("form-action", []), f"{parts.scheme}://{parts.netloc}"]
            response._csp_update = update
        return response
