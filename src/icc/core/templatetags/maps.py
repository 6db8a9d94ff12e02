"""The members map's legend and text alternative, computed from the points it draws."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import template

register = template.Library()

# The order of the legend; the map script draws each status in the colour of its class.
STATUS_ORDER = ("member", "candidate", "suspended", "left")


@dataclass(frozen=True)
class LegendEntry:
    status: str
    label: str
    count: int


@register.simple_tag
def map_legend(points: Iterable[Mapping[str, Any]] | Mapping[str, Any]) -> list[LegendEntry]:
    """One entry per status present on the map, in a fixed order, with its translated label
    and the number of places drawn in it."""
    if isinstance(points, Mapping):  # a single place's map
        points = [points]
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for point in points:
        counts[point["status"]] += 1
        labels[point["status"]] = str(point.get("status_label") or point["status"])
    order = [s for s in STATUS_ORDER if s in counts] + sorted(set(counts) - set(STATUS_ORDER))
    return [LegendEntry(status=s, label=labels[s], count=counts[s]) for s in order]
