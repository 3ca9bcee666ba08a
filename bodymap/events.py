"""A list of callbacks: how the Qt-free core tells whoever listens that something changed.

The session model and the notes store call their listeners with a plain value; the Qt layer
subscribes one adapter that re-emits it as a signal. One small mechanism, no Qt in the core.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Listeners(Generic[T]):
    """Callbacks taking one value, called in the order they were added."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []

    def add(self, callback: Callable[[T], object]) -> None:
        self._callbacks.append(callback)

    def remove(self, callback: Callable[[T], object]) -> None:
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            callback(value)
