"""What a facet's values mean to a person (a theme's name for its slug, a policy area's label
for its code), in the active language.

Rules held here:

- The search is below the modules whose items it holds, so it cannot ask them what their codes
  mean: a module registers, in its ``AppConfig.ready``, a function that returns code -> label
  for one facet, called each time a page draws that facet (so in the visitor's language).
- Several modules may label the same facet (the themes of practices and of rumours); a value
  nobody labels is shown as it is stored. A function registered twice is kept once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

FacetLabels = Callable[[], Mapping[str, object]]
_SOURCES: dict[str, list[FacetLabels]] = {}


def facet_labels_register(*, facet: str, labels: FacetLabels) -> None:
    """Let ``labels`` name the values of ``facet`` on the search page."""
    sources = _SOURCES.setdefault(facet, [])
    if labels not in sources:
        sources.append(labels)


def facet_labels(*, facet: str) -> dict[str, str]:
    """Value -> label of ``facet`` from every registered module, in the active language."""
    found: dict[str, str] = {}
    for source in _SOURCES.get(facet, []):
        found.update({value: str(label) for value, label in source().items()})
    return found
