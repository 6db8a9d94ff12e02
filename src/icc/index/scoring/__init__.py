"""Scoring core of the Intercultural Cities Index: pure NumPy, no Django, no I/O.

Rules of the package (each module opens with the rules it holds):

- Plain data in, plain results out. The Django side loads answers and facts into arrays, calls
  these functions and stores what they return; nothing here reads a database, a file or a clock.
- Inputs are validated once, at the public entry points, and every error is a ``ValueError``
  whose message is a full sentence saying what was wrong and how to fix it.
- The method of an edition is data: a ``MethodSpec`` (indicators, questions, weights, levels,
  thresholds, aggregation, peer bands) read from and written to a plain dict.
- Column orders are the spec's: ``points`` columns follow ``spec.questions``, indicator columns
  follow ``spec.indicators``. Rows are places, in the caller's order.
- Missing is NaN, never zero: an unanswered question, an indicator answered below the threshold,
  an index with too few indicators, a place without a band, an unranked place.
- Results are frozen dataclasses (or named tuples) of read-only or fresh arrays.

Theory of operation::

    points (n_places, n_questions), 0-100, NaN = unanswered
      -> engine.score: weighted means per indicator (matrix products with the membership matrix)
         -> indicator_core / indicator_advanced (n_places, n_indicators)
         -> index_core / index_advanced (n_places,): weighted arithmetic or geometric mean
      -> ranks.ranking / peers.peer_ranks: competition ranks, in the sample and within bands
      (the core returns numbers: ranks, counts, ties, band bounds; the interface words them)
      -> peers.sample_and_peer_averages: indicator means of the sample and of each peer band
      -> progress.progress: deltas since the previous edition on comparable questions only
      -> uncertainty.rank_uncertainty / sobol_indices: how ranks move when the method moves
"""

import importlib
from typing import Any, Literal

from icc.index.scoring.engine import VARIANTS, ScoreResult, Variant, score, validate_points
from icc.index.scoring.peers import (
    NO_BAND,
    PeerAverages,
    peer_groups,
    peer_ranks,
    sample_and_peer_averages,
)
from icc.index.scoring.progress import ProgressResult, comparable_pairs, progress
from icc.index.scoring.ranks import Ranking, competition_rank, ranking
from icc.index.scoring.spec import (
    NO_BANDS,
    Aggregation,
    BandBounds,
    BandKind,
    Bands,
    Indicator,
    Level,
    MethodSpec,
    Question,
)
from icc.index.scoring.uncertainty import (
    AGGREGATION_FACTOR,
    RankUncertainty,
    SobolResult,
    rank_uncertainty,
    sobol_indices,
)

__all__ = [
    "AGGREGATION_FACTOR",
    "NO_BAND",
    "NO_BANDS",
    "VARIANTS",
    "Aggregation",
    "BandBounds",
    "BandKind",
    "Bands",
    "Indicator",
    "Level",
    "MethodSpec",
    "PeerAverages",
    "ProgressResult",
    "Question",
    "RankUncertainty",
    "Ranking",
    "ScoreResult",
    "SobolResult",
    "Variant",
    "comparable_pairs",
    "competition_rank",
    "peer_groups",
    "peer_ranks",
    "progress",
    "rank_uncertainty",
    "ranking",
    "sample_and_peer_averages",
    "score",
    "sobol_indices",
    "validate_points",
]


# Names that moved to the interface (``icc.index.wording``) when the core stopped writing
# sentences. Kept for callers not yet switched (``icc.reports.report.data``); loaded by name so
# that the core itself imports no Django. Remove once nothing imports them from here.
_MOVED = frozenset({"SAMPLE_GROUP", "ordinal", "rank_wording"})
Lang = Literal["en", "fr"]


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        return getattr(importlib.import_module("icc.index.wording_compat"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
