"""The workshop modules: one class per stored `Module` value, found by that key, and their participant actions."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from burgeridee.workshops.constants import Module
from burgeridee.workshops.modules import PARTICIPANT_ACTIONS, WorkshopModule, module_for, module_for_action, registry
from burgeridee.workshops.modules.base import module_register


def test_every_module_value_has_exactly_one_class():
    assert sorted(registry.keys()) == sorted(Module.values)
    classes = [type(module) for module in registry]
    assert len(set(classes)) == len(classes) == len(Module.values)
    for module in registry:
        assert isinstance(module, WorkshopModule) and type(module) is not WorkshopModule
        assert [other for other in registry if other.key == module.key] == [module]


@pytest.mark.parametrize("key", Module.values)
def test_a_module_is_found_by_its_stored_key(key):
    module = module_for(key)
    assert module.key == key
    assert module.label == Module(key).label
    assert module.participant_template and module.results_template and module.pdf_template


def test_an_unknown_key_is_an_error_not_a_default():
    with pytest.raises(KeyError, match="workshop modules"):
        module_for("bestaat-niet")


def test_every_participant_action_belongs_to_one_module():
    assert dict(PARTICIPANT_ACTIONS) == {
        "casus": Module.CASES,
        "valkuil": Module.PITFALLS,
        "observatie": Module.ROLEPLAY,
        "factor": Module.FACTORS,
        "stem": Module.FACTORS,
        "rol": Module.LADDER,
        "checklist": Module.CHECKLIST,
    }
    assert module_for_action("stem") is module_for(Module.FACTORS)
    assert module_for_action("bestaat-niet") is None


def test_a_second_class_for_a_registered_key_fails_at_start_up():
    class AnotherIntro(WorkshopModule):
        key = Module.INTRO

    with pytest.raises(ImproperlyConfigured, match="already registered"):
        module_register(AnotherIntro)
    assert type(module_for(Module.INTRO)).__name__ == "IntroModule"


def test_a_class_for_a_key_that_is_not_stored_fails_at_start_up():
    class Unknown(WorkshopModule):
        key = "onbekend"

    with pytest.raises(ImproperlyConfigured, match="not a value"):
        module_register(Unknown)
    assert "onbekend" not in registry


def test_an_action_another_module_handles_fails_at_start_up():
    class Voting(WorkshopModule):
        key = Module.INTRO
        actions = ("stem",)

    with pytest.raises(ImproperlyConfigured, match="already belongs"):
        module_register(Voting)
    assert module_for_action("stem") is module_for(Module.FACTORS)
