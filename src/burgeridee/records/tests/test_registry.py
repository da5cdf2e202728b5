from dataclasses import dataclass

import pytest
from django.core.exceptions import ImproperlyConfigured

from burgeridee.records.registry import Registry


@dataclass(frozen=True)
class Item:
    key: str
    label: str = ""


def test_items_are_found_by_key_in_registration_order():
    registry = Registry[Item]("voorbeeld")
    first = registry.register(Item("a", "A"))
    registry.register(Item("b", "B"))
    assert registry["a"] is first
    assert [item.key for item in registry] == ["a", "b"]
    assert "b" in registry and "c" not in registry
    assert registry.get("c") is None


def test_a_key_taken_by_another_item_fails_at_registration():
    registry = Registry[Item]("voorbeeld")
    registry.register(Item("a", "A"))
    registry.register(Item("a", "A"))  # the same item again (a module imported twice) is harmless
    with pytest.raises(ImproperlyConfigured, match="'a' is already registered"):
        registry.register(Item("a", "ander"))


def test_an_unknown_key_names_the_registry():
    registry = Registry[Item]("gebeurtenissen")
    with pytest.raises(KeyError, match="gebeurtenissen: nothing is registered under 'x'"):
        registry["x"]
