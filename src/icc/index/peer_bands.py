"""Peer-band edges: the edition's method spec, else the platform's one setting.

Rules held here:

- An edition's edges are those of its method spec (``method["bands"]``), stored when the
  edition was imported. A questionnaire that sets no edges gets ``settings.ICC_PEER_BAND_EDGES``
  at import, so the spec always says which edges its results used.
- The default edges are written once, in ``settings.ICC_PEER_BAND_EDGES``; nothing else in the
  source repeats them (a test greps for them).
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings

from icc.index.scoring import Bands


def peer_bands_default() -> Bands:
    """The platform's default peer bands (``settings.ICC_PEER_BAND_EDGES``)."""
    edges: Mapping[str, Any] = settings.ICC_PEER_BAND_EDGES
    return Bands(
        population_edges=tuple(float(edge) for edge in edges["population_edges"]),
        foreign_born_edges=tuple(float(edge) for edge in edges["foreign_born_edges"]),
    )


def peer_bands_of(method: Mapping[str, Any]) -> Bands:
    """The peer bands of an edition's stored method spec; the default for an edition that has
    no method (an unscored questionnaire)."""
    stored = method.get("bands")
    if not stored:
        return peer_bands_default()
    default = peer_bands_default()
    return Bands(
        population_edges=tuple(stored.get("population_edges", default.population_edges)),
        foreign_born_edges=tuple(stored.get("foreign_born_edges", default.foreign_born_edges)),
    )
