"""Ranks: numbers only (the interface words them, see ``icc.index.wording``).

Rules held here:

- Standard competition ranking ("1224"): the highest value ranks 1; tied values share the best rank
  of their group and the next value skips the places they took. NaN values are unranked (NaN).
- Equality is exact: two values tie only when they are equal as floats.
- A rank comes with what its wording needs: how many places were ranked and whether the rank
  is shared (``Ranking``); the core writes no sentence.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


def competition_rank_rows(values: FloatArray) -> FloatArray:
    """Competition ranks along the last axis of a (n_rows, n) array; NaN stays NaN.

    One sort per row, no loop over rows: used for 1,000 Monte Carlo draws at once.
    """
    order = np.argsort(-values, axis=-1, kind="stable")  # NaN sorts last
    ordered = np.take_along_axis(values, order, axis=-1)
    n = values.shape[-1]
    starts = np.ones(ordered.shape, dtype=bool)
    starts[..., 1:] = ordered[..., 1:] != ordered[..., :-1]
    position = np.arange(1, n + 1, dtype=np.float64)
    ranks_sorted = np.maximum.accumulate(np.where(starts, position, 0.0), axis=-1)
    ranks = np.empty_like(ranks_sorted)
    np.put_along_axis(ranks, order, ranks_sorted, axis=-1)
    ranks[np.isnan(values)] = np.nan
    return ranks


def _as_vector(values: ArrayLike, name: str) -> FloatArray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} could not be read as numbers ({error}).") from error
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be one value per place, shape (n,); got shape {array.shape}."
        )
    return array


def competition_rank(values: ArrayLike) -> FloatArray:
    """Competition ranks ("1224") of ``values`` (n,), highest first; NaN values get NaN. (n,)"""
    ranks: FloatArray = competition_rank_rows(_as_vector(values, "The values to rank")[None, :])[0]
    return ranks


class Ranking(NamedTuple):
    """Ranks with what their wording needs, all shape (n,).

    - ``rank``: competition rank, NaN where unranked.
    - ``of``: how many places are ranked in the place's group (0 where the place has no group).
    - ``tied``: True where another place of the group shares the rank.
    """

    rank: FloatArray
    of: IntArray
    tied: BoolArray


def ranking(values: ArrayLike) -> Ranking:
    """Rank every place of one group: ``values`` (n,) -> ``Ranking`` of shape (n,)."""
    array = _as_vector(values, "The values to rank")
    rank = competition_rank(array)
    ranked = ~np.isnan(rank)
    shared = np.zeros(array.shape, dtype=bool)
    if ranked.any():
        _, inverse, counts = np.unique(rank[ranked], return_inverse=True, return_counts=True)
        shared[ranked] = counts[inverse] > 1
    of = np.full(array.shape, int(ranked.sum()), dtype=np.int64)
    return Ranking(rank=rank, of=of, tied=shared)
