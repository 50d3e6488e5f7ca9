"""Named registries: one mechanism for every extension point.

Detectors, readers, writers and generalizers register a factory under a stable name that configuration
can refer to. Built-ins register through the same decorator a plugin would use::

    DETECTORS = Registry[Detector]("detector")

    @DETECTORS.register("pattern.email")
    def _email() -> Detector:
        return EmailDetector()

Factories are called lazily and their products cached, so a model loads once per process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from veil.errors import ErrorCode, VeilError

T = TypeVar("T")


class Registry(Generic[T]):
    """A name -> factory table whose products are built once, on first use, and shared."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._factories: dict[str, Callable[[], T]] = {}
        self._built: dict[str, T] = {}
        self._lock = threading.Lock()

    def register(self, name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
        def decorate(factory: Callable[[], T]) -> Callable[[], T]:
            if name in self._factories:
                raise ValueError(f"{self.what} {name!r} is registered twice")
            self._factories[name] = factory
            return factory

        return decorate

    def get(self, name: str) -> T:
        """The shared instance registered under ``name`` (built on first use)."""
        with self._lock:
            if name not in self._built:
                if name not in self._factories:
                    known = ", ".join(sorted(self._factories))
                    raise VeilError(ErrorCode.CONFIG_INVALID, f"unknown {self.what} {name!r}; known: {known}")
                self._built[name] = self._factories[name]()
            return self._built[name]

    def names(self) -> list[str]:
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        return name in self._factories

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())
