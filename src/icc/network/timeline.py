"""A place's membership timeline: its membership steps, plus entries that modules above the
directory add (an expert visit, for instance), without the directory importing them.

A module registers a source in its ``AppConfig.ready``::

    from icc.network.timeline import timeline_source_register
    timeline_source_register(expert_visits_for_timeline)

A source takes a place id and returns ``TimelineEntry`` items. The place page merges them with
the steps, by date. Sources registered twice (a second ``ready``) are kept once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from icc.network.models import Place


@dataclass(frozen=True)
class TimelineEntry:
    """One dated line of a place's timeline."""

    date: dt.date
    label: str
    url: str = ""
    is_demo_date: bool = False


TimelineSource = Callable[[int], Iterable[TimelineEntry]]
_SOURCES: list[TimelineSource] = []


def timeline_source_register(source: TimelineSource) -> None:
    """Add ``source`` to the entries every place page shows (once)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def place_timeline(*, place: Place) -> list[TimelineEntry]:
    """The place's membership steps and the registered modules' entries, oldest first."""
    entries = [
        TimelineEntry(date=s.date, label=str(s.get_step_display()), is_demo_date=s.is_demo_date)
        for s in place.membership_steps.all()
    ]
    for source in _SOURCES:
        entries.extend(source(place.pk))
    return sorted(entries, key=lambda entry: entry.date)
