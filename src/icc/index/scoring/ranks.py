"""Ranks and the sentences that state them.

Rules held here:

- Standard competition ranking ("1224"): the highest value ranks 1; tied values share the best rank
  of their group and the next value skips the places they took. NaN values are unranked (NaN).
- Equality is exact: two values tie only when they are equal as floats.
- Wording: "17th of 93 cities", "1st (tied) of 20 cities"; French "17e sur 93 villes",
  "1re sur 93 villes", "12e ex æquo sur 44 villes …". French ordinals take the feminine ("1re")
  because the places ranked are "villes" and "régions", both feminine.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from icc.index.scoring.spec import LANGS, Lang

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

# The sample as a whole, worded as the group of ``rank_wording``.
SAMPLE_GROUP: dict[Lang, str] = {"en": "cities", "fr": "villes"}


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


def ordinal(rank: int, lang: Lang) -> str:
    """``1 -> "1st"``, ``12 -> "12th"``, ``22 -> "22nd"``; French ``1 -> "1re"``, ``2 -> "2e"``."""
    if lang == "fr":
        return f"{rank}re" if rank == 1 else f"{rank}e"
    if rank % 100 in (11, 12, 13):
        return f"{rank}th"
    return f"{rank}{({1: 'st', 2: 'nd', 3: 'rd'}).get(rank % 10, 'th')}"


def rank_wording(
    rank: int | np.integer[Any],
    of: int | np.integer[Any],
    group: str,
    lang: Lang,
    tied: bool = False,
) -> str:
    """The sentence stating a rank.

    ``rank_wording(17, 93, "cities", "en")`` is ``"17th of 93 cities"``;
    ``rank_wording(12, 44, "villes de plus de 200 000 habitant·e·s", "fr", tied=True)`` is
    ``"12e ex æquo sur 44 villes de plus de 200 000 habitant·e·s"``. ``group`` is the noun phrase
    in ``lang`` (see ``SAMPLE_GROUP`` and ``Bands.label``).
    """
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}; use one of {', '.join(LANGS)}.")
    for name, value in (("rank", rank), ("of", of)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise ValueError(f"{name} must be a whole number, not {value!r}.")
    if not 1 <= rank <= of:
        raise ValueError(
            f"Rank {rank} of {of} is impossible; a rank lies between 1 and the number ranked."
        )
    place = ordinal(int(rank), lang)
    of = int(of)
    if lang == "fr":
        return f"{place}{' ex æquo' if tied else ''} sur {of} {group}"
    return f"{place}{' (tied)' if tied else ''} of {of} {group}"
