"""docs/configuration.md names every environment variable settings.py reads."""

import re

from django.conf import settings


def test_every_environment_variable_is_documented():
    source = (settings.SRC_DIR / "settings.py").read_text()
    names = set(re.findall(r'(?:os\.environ\.get|env_int|env_bool|env_list)\(\s*"([A-Z][A-Z0-9_]+)"', source))
    docs = (settings.BASE_DIR / "docs" / "configuration.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in docs)
    assert len(names) > 30
    assert missing == []
