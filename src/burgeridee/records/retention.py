"""Where apps register what the retention task removes; `privacy.retention` runs them.

An app that stores personal data about an initiative registers an anonymiser:

    @anonymiser("initiatives")
    def initiative_anonymise(*, initiative, dry_run: bool) -> list[str]: ...

It removes (or with dry_run only describes) the personal data and returns one human-readable line per
kind of data. Personal data outside initiatives (a request for a workshop) has its own period; the app
registers a rule for it:

    @retention_rule("workshop requests")
    def workshop_requests_delete(*, now, dry_run: bool) -> list[str]: ...

Registering from the app's `AppConfig.ready()` (importing its retention module) keeps the foundation
free of feature imports; they run in registration order.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .registry import Registry


@dataclass(frozen=True)
class Anonymiser:
    key: str
    remove: Callable[..., list[str]]


@dataclass(frozen=True)
class RetentionRule:
    key: str
    apply: Callable[..., list[str]]


anonymisers: Registry[Anonymiser] = Registry("anonymisers")
retention_rules: Registry[RetentionRule] = Registry("retention rules")


def anonymiser(name: str):
    """Register a function `fn(*, initiative, dry_run) -> list[str]` under `name`."""

    def register(fn: Callable[..., list[str]]) -> Callable[..., list[str]]:
        anonymisers.register(Anonymiser(name, fn))
        return fn

    return register


def retention_rule(name: str):
    """Register a function `fn(*, now, dry_run) -> list[str]` for personal data outside initiatives under `name`."""

    def register(fn: Callable[..., list[str]]) -> Callable[..., list[str]]:
        retention_rules.register(RetentionRule(name, fn))
        return fn

    return register
