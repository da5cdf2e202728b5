"""What the security sweep throws at the public forms, and what every answer must look like."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\u202eevil\u202c العربية עברית",
    "🌳🏘️👩‍👩‍👧‍👦" * 20,
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "x" * 6000,
    "{{ 7*7 }} {% now 'Y' %}",
    "'; DROP TABLE initiatives_initiative; --",
    "\r\n\r\nSet-Cookie: x=1",
]

# Very long text, control characters, NUL, right-to-left text, emoji, HTML and script, template syntax, SQL.
NASTY = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50),
    st.sampled_from(PAYLOADS),
)

# The first forms got 40 examples each; the later ones 25, so the whole sweep stays fast.
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
QUICK = settings(SETTINGS, max_examples=25)

# How a form says in Dutch what to fix: the error summary, a field error, or an alert on the page.
DUTCH_PROBLEM_MARKERS = (
    "Er is iets niet goed ingevuld",
    "utrecht-form-field-error-message",
    "utrecht-alert--error",
    "Fout",
)


def assert_escaped(response):
    """No markup from the input reaches the page unescaped, and never a stack trace."""
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "<img src=x" not in content
    assert "Traceback" not in content


def assert_safe(response, value=None, *, allowed=(200, 302, 400)):
    """A plain answer (never a 500) with the input escaped wherever the page shows it."""
    assert response.status_code in allowed, response.status_code
    if response.status_code not in (301, 302, 303):
        assert_escaped(response)


def assert_dutch_problem(response):
    """A refused form says in Dutch what to do (the page is in Dutch, with an error message on it)."""
    content = response.content.decode()
    assert '<html lang="nl"' in content
    assert any(marker in content for marker in DUTCH_PROBLEM_MARKERS), content[:2000]


def clean(value: str) -> str:
    """What a TextField keeps of `value`: control characters (but line breaks and tabs) stripped."""
    from burgeridee.core.forms import clean_text

    return clean_text(value)
