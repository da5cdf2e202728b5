import pytest

from burgeridee.sso.testing import identity_provider_make, oidc_provider


@pytest.fixture(scope="module")
def provider_url():
    """A real OpenID Connect provider on loopback for this module's tests."""
    with oidc_provider() as url:
        yield url


@pytest.fixture
def identity_provider(municipality, provider_url):
    return identity_provider_make(municipality, provider_url)
