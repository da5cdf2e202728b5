import pytest
from django.core.exceptions import ImproperlyConfigured

from burgeridee.records.retention import anonymiser, anonymisers, retention_rule, retention_rules


def test_apps_register_their_anonymisers_and_rules_at_start_up():
    assert "initiatives" in anonymisers
    assert "workshop requests" in retention_rules


def test_a_name_taken_by_another_function_fails_at_registration():
    def remove(*, initiative, dry_run):
        return []

    try:
        assert anonymiser("example")(remove) is remove
        anonymiser("example")(remove)  # the same function again (a module imported twice) is harmless
        with pytest.raises(ImproperlyConfigured, match="'example' is already registered"):
            anonymiser("example")(lambda *, initiative, dry_run: [])
        retention_rule("example")(lambda *, now, dry_run: [])
        assert [rule.key for rule in retention_rules][-1] == "example"
    finally:
        anonymisers.unregister("example")
        retention_rules.unregister("example")
