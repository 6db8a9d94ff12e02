"""Competition ranks (numbers; ``test_wording`` words them)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icc.index.scoring import competition_rank, ranking

NAN = math.nan

RANKS = [
    # (case, values, competition ranks)
    ("distinct", [10, 30, 20], [3, 1, 2]),
    ("1224", [4, 3, 3, 1], [1, 2, 2, 4]),
    ("tie at the top", [7, 7, 5], [1, 1, 3]),
    ("three-way tie skips two", [9, 5, 5, 5, 1], [1, 2, 2, 2, 5]),
    ("NaN unranked, not last", [10, NAN, 20, 20], [3, NAN, 1, 1]),
    ("all NaN", [NAN, NAN], [NAN, NAN]),
    ("empty", [], []),
    ("infinities rank", [-np.inf, 0, np.inf], [3, 2, 1]),
]


@pytest.mark.parametrize(("case", "values", "expected"), RANKS, ids=[c[0] for c in RANKS])
def test_competition_rank(case, values, expected):
    np.testing.assert_array_equal(competition_rank(values), np.array(expected, dtype=float))


def test_competition_rank_refuses_a_matrix():
    with pytest.raises(ValueError, match=r"shape \(n,\)"):
        competition_rank(np.zeros((2, 2)))


def test_ranking_gives_rank_of_and_ties():
    result = ranking([50, 70, 70, NAN, 20])
    np.testing.assert_array_equal(result.rank, [3, 1, 1, NAN, 4])
    np.testing.assert_array_equal(result.of, [4, 4, 4, 4, 4])  # the NaN place is not counted
    np.testing.assert_array_equal(result.tied, [False, True, True, False, False])


def test_published_statement_17th_of_93():
    # 93 ranked cities (plus two without an index): 16 score higher than the city.
    rng = np.random.default_rng(7)
    higher = rng.uniform(70, 100, 16)
    lower = rng.uniform(0, 60, 76)
    city = 65.0
    values = np.concatenate([lower[:40], [NAN], higher, [city], lower[40:], [NAN]])
    where = 40 + 1 + 16
    assert values[where] == city
    result = ranking(values)
    rank, of, tied = int(result.rank[where]), int(result.of[where]), bool(result.tied[where])
    assert (rank, of, tied) == (17, 93, False)


# --- properties ---------------------------------------------------------------------------------

values_strategy = st.lists(
    st.one_of(st.just(NAN), st.sampled_from([0.0, 25.0, 50.0, 75.0, 100.0]), st.floats(0, 100)),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(values_strategy)
def test_rank_is_one_plus_the_number_strictly_higher(values):
    ranks = competition_rank(values)
    for value, rank in zip(values, ranks, strict=True):
        if math.isnan(value):
            assert math.isnan(rank)
        else:
            assert rank == 1 + sum(1 for other in values if other > value)


@settings(max_examples=200, deadline=None)
@given(values_strategy, st.randoms(use_true_random=False))
def test_ranks_do_not_depend_on_place_order(values, random):
    order = list(range(len(values)))
    random.shuffle(order)
    shuffled = [values[i] for i in order]
    np.testing.assert_array_equal(competition_rank(values)[order], competition_rank(shuffled))
