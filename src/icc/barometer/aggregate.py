"""Aggregation of classified posts, observations and sensing values into barometer cells.

Rules held here (pure: plain data in, plain results out; no Django):

- A cell is a place, optionally one of its neighbourhoods ("" is the whole place), and a period:
  an ISO week (starting on Monday) or a calendar month. A post with a neighbourhood counts in its
  neighbourhood's cell and in its place's.
- Questions of the composite, each 0-100 (NaN when the cell has nothing to say on it):
  ``net_sentiment`` = 50 + 50 x (share positive - share negative);
  ``group_sentiment``: the same over the posts that name residents or groups;
  ``affiliation`` = 100 x affiliative words / (affiliative + othering words);
  ``mixed_positive`` = 100 x share of positive interactions among observed mixed groups;
  ``calm`` = 100 x (1 - share of observed interactions that were conflicts);
  ``sensing`` = mean of the cell's sensing values, each rescaled to 0-100 between the lowest and
  highest value of its series over all places and periods (reversed when lower is better).
  A week takes the sensing values of the month it starts in.
- The score is the composite of these questions computed by the Index's engine
  (``icc.index.scoring.score``) with the barometer's method spec (``method.json``), so weights,
  thresholds and aggregation are data.
- Interval: percentile bootstrap (2.5 %, 97.5 %) over ``n_boot`` resamples of the cell's posts
  and observations (sensing values are fixed), scored by the same engine. Each cell's resampling
  is seeded from the run's seed and the cell's key, so results do not depend on the order cells
  are computed in, nor on how the posts were split for classification.
- A cell with fewer than ``k`` posts is hidden: it keeps its post count only.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from icc.index.scoring import MethodSpec, score

METHOD_PATH = Path(__file__).resolve().parent / "method.json"
QUESTIONS: tuple[str, ...] = (
    "net_sentiment",
    "group_sentiment",
    "affiliation",
    "mixed_positive",
    "calm",
    "sensing",
)
PERIODS: tuple[str, ...] = ("week", "month")
FloatArray = NDArray[np.float64]


def method_spec(path: Path = METHOD_PATH) -> MethodSpec:
    """The barometer's method spec, read from its JSON file."""
    return MethodSpec.from_dict(json.loads(path.read_text(encoding="utf-8")))


def period_start(day: dt.date, period: str) -> dt.date:
    """First day of the week (Monday) or month that holds ``day``."""
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValueError(f"Unknown period {period!r}; use 'week' or 'month'.")


@dataclass(frozen=True)
class PostRow:
    place_id: int
    neighbourhood: str
    day: dt.date
    sentiment: int  # 0 negative, 1 neutral, 2 positive
    affiliative: int
    othering: int
    mentions_groups: bool
    language: str


@dataclass(frozen=True)
class ObservationRow:
    place_id: int
    neighbourhood: str
    day: dt.date
    mixed: bool
    interaction: str  # positive | neutral | conflict


@dataclass(frozen=True)
class SensingRow:
    place_id: int
    indicator: str
    day: dt.date
    value: float
    direction: int


CellKey = tuple[int, str, str, dt.date]  # place, neighbourhood, period, start


@dataclass
class CellResult:
    place_id: int
    neighbourhood: str
    period: str
    start: dt.date
    n_posts: int
    hidden: bool
    score: float | None = None
    low: float | None = None
    high: float | None = None
    values: dict[str, Any] = field(default_factory=dict)


def _keys(place_id: int, neighbourhood: str, day: dt.date) -> list[CellKey]:
    keys = []
    for period in PERIODS:
        start = period_start(day, period)
        keys.append((place_id, "", period, start))
        if neighbourhood:
            keys.append((place_id, neighbourhood, period, start))
    return keys


def _share(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    out = np.full(np.shape(numerator), np.nan)
    np.divide(numerator, denominator, out=out, where=np.asarray(denominator) > 0)
    return out


def _post_questions(posts: NDArray[np.int64], picks: NDArray[np.intp]) -> FloatArray:
    """net_sentiment, group_sentiment, affiliation for each resample (rows of ``picks``).

    ``posts`` columns: sentiment, affiliative, othering, mentions_groups."""
    chosen = posts[picks]  # (n_draws, n, 4)
    n = chosen.shape[1]
    sentiment = chosen[..., 0]
    polarity = (sentiment == 2).astype(np.float64) - (sentiment == 0)
    groups = chosen[..., 3].astype(np.float64)
    net = 50 + 50 * polarity.sum(axis=1) / max(n, 1)
    group = 50 + 50 * _share((polarity * groups).sum(axis=1), groups.sum(axis=1))
    aff = chosen[..., 1].sum(axis=1).astype(np.float64)
    oth = chosen[..., 2].sum(axis=1).astype(np.float64)
    affiliation = 100 * _share(aff, aff + oth)
    return np.stack([net, group, affiliation], axis=1)


def _observation_questions(obs: NDArray[np.int64], picks: NDArray[np.intp]) -> FloatArray:
    """mixed_positive, calm for each resample. ``obs`` columns: mixed, positive, conflict."""
    if obs.shape[0] == 0:
        return np.full((picks.shape[0], 2), np.nan)
    chosen = obs[picks].astype(np.float64)
    mixed, positive, conflict = chosen[..., 0], chosen[..., 1], chosen[..., 2]
    mixed_positive = 100 * _share((mixed * positive).sum(axis=1), mixed.sum(axis=1))
    calm = 100 * (1 - conflict.mean(axis=1))
    return np.stack([mixed_positive, calm], axis=1)


def _rng(seed: int, key: CellKey) -> np.random.Generator:
    place_id, neighbourhood, period, start = key
    return np.random.default_rng(
        [
            seed,
            place_id,
            zlib.crc32(neighbourhood.encode()),
            PERIODS.index(period),
            start.toordinal(),
        ]
    )


def _sensing_points(sensing: Sequence[SensingRow]) -> dict[tuple[int, dt.date], float]:
    """Mean rescaled sensing value per (place, month)."""
    by_indicator: dict[str, list[SensingRow]] = {}
    for row in sensing:
        by_indicator.setdefault(row.indicator, []).append(row)
    points: dict[tuple[int, dt.date], list[float]] = {}
    for indicator in sorted(by_indicator):
        rows = by_indicator[indicator]
        values = np.array([r.value for r in rows])
        low, high = float(values.min()), float(values.max())
        for row in rows:
            scaled = 50.0 if high == low else 100 * (row.value - low) / (high - low)
            if row.direction < 0:
                scaled = 100 - scaled
            points.setdefault((row.place_id, period_start(row.day, "month")), []).append(scaled)
    return {key: float(np.mean(v)) for key, v in points.items()}


def cells_compute(
    posts: Sequence[PostRow],
    observations: Sequence[ObservationRow] = (),
    sensing: Sequence[SensingRow] = (),
    *,
    spec: MethodSpec | None = None,
    k: int = 20,
    n_boot: int = 200,
    seed: int = 0,
) -> list[CellResult]:
    """Every cell that has posts, sorted by key; see the rules at the top of the module."""
    spec = spec or method_spec()
    if spec.question_codes != QUESTIONS:
        raise ValueError(
            f"The barometer's method spec must list the questions {', '.join(QUESTIONS)} in "
            "this order; change weights and thresholds, not the questions."
        )
    post_groups: dict[CellKey, list[int]] = {}
    for i, post in enumerate(posts):
        for key in _keys(post.place_id, post.neighbourhood, post.day):
            post_groups.setdefault(key, []).append(i)
    obs_groups: dict[CellKey, list[int]] = {}
    for i, ob in enumerate(observations):
        for key in _keys(ob.place_id, ob.neighbourhood, ob.day):
            obs_groups.setdefault(key, []).append(i)
    post_matrix = np.array(
        [[p.sentiment, p.affiliative, p.othering, int(p.mentions_groups)] for p in posts],
        dtype=np.int64,
    ).reshape(-1, 4)
    obs_matrix = np.array(
        [
            [int(o.mixed), int(o.interaction == "positive"), int(o.interaction == "conflict")]
            for o in observations
        ],
        dtype=np.int64,
    ).reshape(-1, 3)
    sensing_points = _sensing_points(sensing)
    results = []
    for key in sorted(post_groups):
        place_id, neighbourhood, period, start = key
        members = np.asarray(post_groups[key], dtype=np.intp)
        n_posts = len(members)
        cell = CellResult(place_id, neighbourhood, period, start, n_posts, hidden=n_posts < k)
        results.append(cell)
        if cell.hidden:
            continue
        obs_members = np.asarray(obs_groups.get(key, []), dtype=np.intp)
        cell_posts = post_matrix[members]
        cell_obs = obs_matrix[obs_members]
        sensing_value = sensing_points.get((place_id, period_start(start, "month")), np.nan)
        rng = _rng(seed, key)
        post_picks = np.vstack(
            [np.arange(n_posts), rng.integers(0, n_posts, size=(n_boot, n_posts))]
        )
        n_obs = len(obs_members)
        obs_picks = np.vstack(
            [np.arange(n_obs), rng.integers(0, max(n_obs, 1), size=(n_boot, n_obs))]
        )
        points = np.hstack(
            [
                _post_questions(cell_posts, post_picks),
                _observation_questions(cell_obs, obs_picks),
                np.full((n_boot + 1, 1), sensing_value),
            ]
        )
        result = score(points, spec)
        index = result.index_core
        cell.score = _number(index[0])
        draws = index[1:][~np.isnan(index[1:])]
        if len(draws):
            cell.low = _number(np.percentile(draws, 2.5))
            cell.high = _number(np.percentile(draws, 97.5))
        shares = np.bincount(cell_posts[:, 0], minlength=3) / n_posts
        languages = Counter(posts[i].language for i in members)
        cell.values = {
            "questions": {q: _number(points[0, j]) for j, q in enumerate(QUESTIONS)},
            "indicators": {
                code: _number(result.indicator_core[0, j])
                for j, code in enumerate(spec.indicator_codes)
            },
            "shares": {
                "negative": round(float(shares[0]), 4),
                "neutral": round(float(shares[1]), 4),
                "positive": round(float(shares[2]), 4),
            },
            "groups_posts": int(cell_posts[:, 3].sum()),
            "affiliative_words": int(cell_posts[:, 1].sum()),
            "othering_words": int(cell_posts[:, 2].sum()),
            "languages": dict(sorted(languages.items())),
            "observations": n_obs,
            "conflicts": int(cell_obs[:, 2].sum()) if n_obs else 0,
        }
    return results


def _number(value: float | np.floating[Any]) -> float | None:
    value = float(value)
    return None if np.isnan(value) else round(value, 4)
