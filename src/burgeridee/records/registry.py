"""One small registry class for every plug-in point of the project.

Modelled on Open Formulieren's plugin registry (`openforms/plugins/registry.py`): an app registers
an item under a stable key when its modules are imported (from `AppConfig.ready()` or an
`events.py` that `ready()` imports), and the foundation looks items up by key without importing the
app that registered them. Registering the same key twice with a different item is a programming
error and fails at start-up, not at the first request.
"""

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")


class Registry(Generic[T]):
    """Items by a stable string key, in the order they were registered."""

    def __init__(self, name: str, *, key: Callable[[T], str] | None = None):
        self.name = name
        self._key = key or (lambda item: item.key)
        self._items: dict[str, T] = {}

    def register(self, item: T) -> T:
        """Add `item`; returns it, so it can be used as a decorator or in an assignment."""
        key = self._key(item)
        if not isinstance(key, str) or not key:
            raise ImproperlyConfigured(f"{self.name}: an item needs a non-empty string key, not {key!r}.")
        existing = self._items.get(key)
        if existing is not None and existing != item:
            raise ImproperlyConfigured(f"{self.name}: the key {key!r} is already registered for {existing!r}.")
        self._items[key] = item
        return item

    def unregister(self, key: str) -> None:
        """Remove an item (for tests that register an example item)."""
        self._items.pop(key, None)

    def __getitem__(self, key: str) -> T:
        try:
            return self._items[key]
        except KeyError:
            raise KeyError(f"{self.name}: nothing is registered under {key!r}.") from None

    def get(self, key: str, default: T | None = None) -> T | None:
        return self._items.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items.values()))

    def __len__(self) -> int:
        return len(self._items)

    def keys(self) -> list[str]:
        return list(self._items)

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {len(self._items)} items>"
