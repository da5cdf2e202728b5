"""Jinja2 for the page parts drawn without the Django template language (the inbox rows, the conversation
screen's phases and checklist): an environment per app's `jinja2/` directory that escapes every value the way
Django does, so the HTML stays the same as the Django template gave."""

import html
from functools import cache
from pathlib import Path

import jinja2
from django.conf import settings
from markupsafe import Markup


def django_escape(value):
    """Django's escaping (`conditional_escape`: quotes as &#x27; and &quot;, not Jinja2's &#39; and &#34;), as
    Markup Jinja2 then leaves alone. Text already marked safe passes unchanged."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))  # noqa: S704  # nosec B704 - escaped right here


@cache
def environment(directory: Path) -> jinja2.Environment:
    """The environment for the templates in `directory`, made once per process."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=True,
        finalize=django_escape,
        undefined=jinja2.StrictUndefined,
        auto_reload=settings.DEBUG,
    )
