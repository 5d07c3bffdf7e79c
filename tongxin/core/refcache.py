"""Small reference tables read on every intake (deadline rules, calendar overrides), kept in
process memory so a request does not query them each time.

A change through the admin or a service calls `invalidate`: this process reloads at once and,
when the Django cache is shared (REDIS_URL), so do the other workers, through a version key.
With the in-process cache the other workers reload within `ttl` seconds."""

import time
import uuid
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from django.core.cache import cache

T = TypeVar("T")
_REGISTRY: dict[str, "RefCache[Any]"] = {}


class RefCache(Generic[T]):
    def __init__(self, name: str, loader: Callable[[], T], ttl: float = 30.0) -> None:
        self.key = f"refcache:{name}"
        self.loader, self.ttl = loader, ttl
        self._value: T | None = None
        self._version: object = None
        self._loaded = 0.0
        _REGISTRY[name] = self

    def get(self) -> T:
        version = cache.get(self.key)
        stale = time.monotonic() - self._loaded > self.ttl
        if self._value is None or version != self._version or stale:
            self._value, self._version, self._loaded = self.loader(), version, time.monotonic()
        return self._value

    def invalidate(self) -> None:
        self._value = None
        cache.set(self.key, uuid.uuid4().hex, timeout=None)


def invalidate(name: str) -> None:
    """Drop one table's copy (after an edit); unknown names are ignored."""
    if name in _REGISTRY:
        _REGISTRY[name].invalidate()


def invalidate_all() -> None:
    for entry in _REGISTRY.values():
        entry.invalidate()
