"""docs/configuration.md names every environment variable settings.py reads."""

import re

from django.conf import settings


def test_every_environment_variable_is_documented():
    source = (settings.SRC_DIR / "settings.py").read_text()
    names = set(re.findall(r'\benv\.\w+\(\s*"([A-Z][A-Z0-9_]+)"', source))
    docs = (settings.BASE_DIR / "docs" / "configuration.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in docs)
    assert len(names) > 30
    assert missing == []
    # Read through django-environ only (settings.Env): no variable is read past it.
    assert "os.environ" not in source and "def env_" not in source


def test_the_readme_says_how_to_serve_elsewhere_and_find_the_mail():
    """The Makefile's HOST and PORT can be set on the command line; the README shows how, and where the mail is."""
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    readme = (settings.BASE_DIR / "README.md").read_text()
    overridable = set(re.findall(r"^([A-Z]+) \?= ", makefile, re.MULTILINE)) & {"HOST", "PORT"}
    assert overridable == {"HOST", "PORT"}
    assert "`make run PORT=8080 HOST=0.0.0.0`" in readme
    assert "`ls -t var/mail | head -1`" in readme
