"""Burgeridee: from a resident's idea to a working initiative."""

# The one place the release number lives. pyproject.toml reads it (tool.setuptools.dynamic); the staff
# pages' footer and /healthz/ready show it; publiccode.yml and the Kubernetes image tag are checked against
# it (core/tests/test_release.py). Raise it with a new section in CHANGELOG.md (docs/upgrading.md).
__version__ = "0.1.0"
