"""Peer groups: bands of population and foreign-born share, ranks and averages within them.

Rules held here:

- A place's band of a kind is the number of that kind's edges at or below its fact
  (``low <= value < high``), so a value equal to an edge belongs to the band above.
- An unknown fact (NaN) puts the place in no band: band ``-1``, no peer rank, no peer average.
- Population is at least 0; the foreign-born share lies in [0, 100] (%).
- Peer ranks are competition ranks among the places of the same band whose index is not missing.
- Averages are means over the places whose score is not missing (``nanmean``); where no place
  has a score the average is NaN, and no RuntimeWarning is raised.
- A place's peer average includes the place itself, as in the published ICC reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from icc.index.scoring.ranks import Ranking, ranking
from icc.index.scoring.spec import BAND_KINDS, Bands

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

NO_BAND = -1


def _facts(values: ArrayLike, name: str, upper: float) -> FloatArray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} could not be read as numbers ({error}).") from error
    if array.ndim != 1:
        raise ValueError(f"{name} must be one value per place, shape (n,); got {array.shape}.")
    known = array[~np.isnan(array)]
    if known.size and (known.min() < 0 or known.max() > upper):
        allowed = "be 0 or more" if upper == np.inf else f"lie between 0 and {upper:g}"
        raise ValueError(
            f"{name} must {allowed} (NaN when unknown); "
            f"found values from {known.min():g} to {known.max():g}."
        )
    return array


def peer_groups(
    population: ArrayLike, foreign_born: ArrayLike, bands: Bands
) -> dict[str, IntArray]:
    """Band index of every place per kind.

    ``population`` (n,) inhabitants and ``foreign_born`` (n,) percent, NaN when unknown.
    Returns ``{"population": (n,), "foreign_born": (n,)}`` of band indices, ``-1`` for no band.
    """
    facts = {
        "population": _facts(population, "Population", np.inf),
        "foreign_born": _facts(foreign_born, "The foreign-born share", 100.0),
    }
    if facts["population"].shape != facts["foreign_born"].shape:
        raise ValueError(
            f"Population has {facts['population'].size} places but the foreign-born share has "
            f"{facts['foreign_born'].size}; give both facts for the same places, in the same order."
        )
    groups: dict[str, IntArray] = {}
    for kind in BAND_KINDS:
        values = facts[kind]
        band = np.searchsorted(np.asarray(bands.edges(kind)), values, side="right")
        groups[kind] = np.where(np.isnan(values), NO_BAND, band).astype(np.int64)
    return groups


def _check_groups(groups: dict[str, IntArray], n: int) -> dict[str, IntArray]:
    checked: dict[str, IntArray] = {}
    for kind, band in groups.items():
        array = np.asarray(band)
        if array.shape != (n,) or not np.issubdtype(array.dtype, np.integer):
            raise ValueError(
                f"The {kind!r} groups must hold one whole band number per place, shape ({n},); "
                f"got shape {array.shape} of {array.dtype}. Build them with peer_groups()."
            )
        if (array < NO_BAND).any():
            raise ValueError(f"The {kind!r} groups hold a band below -1; -1 means 'no band'.")
        checked[kind] = array.astype(np.int64)
    return checked


def peer_ranks(index: ArrayLike, groups: dict[str, IntArray]) -> dict[str, Ranking]:
    """Rank of each place within its band, per kind of band.

    ``index`` (n,) overall scores (NaN = missing); ``groups`` as from ``peer_groups``.
    Returns ``{kind: Ranking}`` with arrays of shape (n,): rank NaN and ``of`` 0 without a band.
    """
    values = np.asarray(index, dtype=np.float64)
    if values.ndim != 1:
        raise ValueError(f"The index must be one value per place, shape (n,); got {values.shape}.")
    checked = _check_groups(groups, values.size)
    result: dict[str, Ranking] = {}
    for kind, band in checked.items():
        rank = np.full(values.shape, np.nan)
        of = np.zeros(values.shape, dtype=np.int64)
        tied = np.zeros(values.shape, dtype=bool)
        for b in np.unique(band[band != NO_BAND]):  # a handful of bands, never a loop over places
            members = band == b
            within = ranking(values[members])
            rank[members], of[members], tied[members] = within
        result[kind] = Ranking(rank=rank, of=of, tied=tied)
    return result


def _nanmean_rows(sums: FloatArray, counts: FloatArray) -> FloatArray:
    out = np.full_like(sums, np.nan)
    np.divide(sums, counts, out=out, where=counts > 0)
    return out


@dataclass(frozen=True, eq=False)
class PeerAverages:
    """Averages to compare each place with.

    - ``sample``: (n_indicators,), mean over every place with a score.
    - ``peers``: ``{kind: (n_places, n_indicators)}``, row i is the mean over place i's band
      (NaN where place i has no band or nobody in its band has a score).
    """

    sample: FloatArray
    peers: dict[str, FloatArray]


def sample_and_peer_averages(
    indicator_scores: ArrayLike, groups: dict[str, IntArray]
) -> PeerAverages:
    """Sample and peer-group averages of each indicator (or of any (n, k) score matrix).

    ``indicator_scores``: (n_places, n_indicators), NaN = missing. A (n,) vector is read as one
    column. ``groups`` as from ``peer_groups``.
    """
    scores = np.asarray(indicator_scores, dtype=np.float64)
    if scores.ndim == 1:
        scores = scores[:, None]
    if scores.ndim != 2:
        raise ValueError(
            f"Indicator scores must have shape (n_places, n_indicators); got {scores.shape}."
        )
    checked = _check_groups(groups, scores.shape[0])
    present = ~np.isnan(scores)
    filled = np.where(present, scores, 0.0)
    counts = present.astype(np.float64)
    sample = _nanmean_rows(filled.sum(axis=0), counts.sum(axis=0))
    peers: dict[str, FloatArray] = {}
    for kind, band in checked.items():
        n_bands = int(band.max(initial=NO_BAND)) + 1
        one_hot = np.zeros((scores.shape[0], n_bands))
        in_band = band != NO_BAND
        one_hot[np.flatnonzero(in_band), band[in_band]] = 1.0
        band_means = _nanmean_rows(one_hot.T @ filled, one_hot.T @ counts)  # (n_bands, k)
        rows = np.full(scores.shape, np.nan)
        rows[in_band] = band_means[band[in_band]]
        peers[kind] = rows
    return PeerAverages(sample=sample, peers=peers)
