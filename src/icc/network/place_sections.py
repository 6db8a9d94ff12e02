"""Sections that apps above the network add to a place's public page.

The network is a lower layer: it must not import the index, the reports or the events. So a
higher app registers a section here once, in its ``AppConfig.ready``, and the place view asks
every registered section for its HTML (an empty string: nothing to show for this place or this
person). The network knows only the shape of a section: a key, an order, and a function of the
request and the place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from icc.network.models import Place

SectionRender = Callable[[HttpRequest, "Place"], SafeString | str]


@dataclass(frozen=True)
class PlaceSection:
    key: str
    order: int
    render: SectionRender


_sections: dict[str, PlaceSection] = {}


def place_section_register(*, key: str, order: int, render: SectionRender) -> None:
    """Add (or replace, under the same ``key``) a section of the place page; lower ``order``
    comes first."""
    _sections[key] = PlaceSection(key=key, order=order, render=render)


def place_section_unregister(*, key: str) -> None:
    """Take a section away (tests, or an app that switches its section off)."""
    _sections.pop(key, None)


def place_sections_render(*, request: HttpRequest, place: "Place") -> list[SafeString]:
    """The HTML of every registered section for ``place`` and this request, in order, leaving
    out those with nothing to show. Each section renders its own escaped template."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        html = section.render(request, place)
        if html.strip():
            rendered.append(SafeString(html))
    return rendered
