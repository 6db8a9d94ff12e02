"""Hook for good practices in city reports, until the knowledge module exists.

The report's area sections point to the cities that score best in the area and, through this
hook, to their good practices. The knowledge module will register a provider here (from its
``AppConfig.ready``); reports then list what it returns. Until then no provider is registered
and the sections show the cities alone. Keeping the dependency this way round leaves the
reports module free of any import of the knowledge module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class GoodPractice:
    """A good practice to point to: its title, the place it comes from and where to read it."""

    title: str
    place: str
    url: str
    summary: str = ""


# (area code, place slugs best first, how many at most) -> practices, best first
PracticeProvider = Callable[[str, Sequence[str], int], Sequence[GoodPractice]]

_providers: list[PracticeProvider] = []


def good_practices_provider_register(provider: PracticeProvider) -> None:
    """Let ``provider`` supply good practices to the city reports (idempotent)."""
    if provider not in _providers:
        _providers.append(provider)


def good_practices_provider_unregister(provider: PracticeProvider) -> None:
    """Stop asking ``provider`` (tests, or a module switched off)."""
    if provider in _providers:
        _providers.remove(provider)


def good_practices_for_area(
    *, area_code: str, place_slugs: Sequence[str], limit: int = 3
) -> list[GoodPractice]:
    """Good practices in ``area_code`` from the given places, at most ``limit``."""
    found: list[GoodPractice] = []
    for provider in _providers:
        found += provider(area_code, place_slugs, limit - len(found))
        if len(found) >= limit:
            break
    return found[:limit]
