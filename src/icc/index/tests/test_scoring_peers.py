"""Peer groups: band assignment, ranks within bands, sample and peer averages."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icc.index.scoring import (
    NO_BAND,
    Bands,
    peer_groups,
    peer_ranks,
    sample_and_peer_averages,
)

NAN = math.nan
ICC_BANDS = Bands(population_edges=(200_000,), foreign_born_edges=(15.0,))


def test_default_bands_split_at_200000_and_15_percent():
    groups = peer_groups(
        population=[50_000, 200_000, 350_000, NAN, 199_999],
        foreign_born=[10.0, 15.0, 30.0, NAN, 14.99],
        bands=ICC_BANDS,
    )
    # an edge value belongs to the band above it; an unknown fact gives no band
    np.testing.assert_array_equal(groups["population"], [0, 1, 1, NO_BAND, 0])
    np.testing.assert_array_equal(groups["foreign_born"], [0, 1, 1, NO_BAND, 0])
    assert groups["population"].dtype == np.int64


def test_three_bands():
    groups = peer_groups(
        population=[0, 99_999, 100_000, 499_999, 500_000, 3_000_000],
        foreign_born=[0, 5, 9.9, 10, 20, 100],
        bands=Bands(population_edges=(100_000, 500_000), foreign_born_edges=(10.0, 20.0)),
    )
    np.testing.assert_array_equal(groups["population"], [0, 0, 1, 1, 2, 2])
    np.testing.assert_array_equal(groups["foreign_born"], [0, 0, 0, 1, 2, 2])


@pytest.mark.parametrize(
    ("population", "foreign_born", "message"),
    [
        ([-1], [10], "Population must be 0 or more"),
        ([1000], [101], "foreign-born share must lie between 0 and 100"),
        ([1000, 2000], [10], "Population has 2 places but the foreign-born share has 1"),
        ([[1000]], [[10]], r"one value per place, shape \(n,\)"),
    ],
)
def test_facts_are_validated(population, foreign_born, message):
    with pytest.raises(ValueError, match=message):
        peer_groups(population, foreign_born, ICC_BANDS)


def test_peer_ranks_golden():
    index = [60.0, 70.0, 50.0, 80.0, NAN, 90.0]
    groups = {"population": np.array([0, 1, 1, 0, 1, NO_BAND])}
    ranks = peer_ranks(index, groups)["population"]
    # band 0: places 0 (60) and 3 (80) -> 2nd and 1st of 2
    # band 1: places 1 (70), 2 (50), 4 (no index) -> 1st and 2nd of 2; place 4 unranked
    # place 5 has no band: no rank, of 0 (its 90 does not push anyone down)
    np.testing.assert_array_equal(ranks.rank, [2, 1, 2, 1, NAN, NAN])
    np.testing.assert_array_equal(ranks.of, [2, 2, 2, 2, 2, 0])
    np.testing.assert_array_equal(ranks.tied, [False] * 6)


def test_peer_ranks_with_ties():
    ranks = peer_ranks([50.0, 50.0, 40.0], {"foreign_born": np.array([1, 1, 1])})["foreign_born"]
    np.testing.assert_array_equal(ranks.rank, [1, 1, 3])
    np.testing.assert_array_equal(ranks.tied, [True, True, False])


def test_peer_groups_are_checked():
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        peer_ranks([1.0, 2.0, 3.0], {"population": np.array([0, 1])})
    with pytest.raises(ValueError, match="one whole band number"):
        peer_ranks([1.0], {"population": np.array([0.5])})
    with pytest.raises(ValueError, match="below -1"):
        peer_ranks([1.0], {"population": np.array([-2])})


def test_sample_and_peer_averages_golden():
    scores = np.array(
        [
            [10.0, NAN],
            [30.0, 40.0],
            [50.0, NAN],
            [NAN, NAN],
            [90.0, 80.0],
        ]
    )
    groups = {"population": np.array([0, 0, 1, 1, NO_BAND])}
    averages = sample_and_peer_averages(scores, groups)
    # sample: column 0 (10 + 30 + 50 + 90) / 4 = 45; column 1 (40 + 80) / 2 = 60
    np.testing.assert_allclose(averages.sample, [45.0, 60.0])
    # band 0 (places 0, 1): (10 + 30) / 2 = 20 and 40 / 1 = 40
    # band 1 (places 2, 3): 50 / 1 = 50 and nobody -> NaN (no warning)
    # place 4: no band -> NaN
    expected = [[20.0, 40.0], [20.0, 40.0], [50.0, NAN], [50.0, NAN], [NAN, NAN]]
    np.testing.assert_allclose(averages.peers["population"], expected)


def test_averages_of_all_missing_scores_are_missing_without_warning():
    averages = sample_and_peer_averages(np.full((3, 2), NAN), {"population": np.array([0, 0, 1])})
    assert np.isnan(averages.sample).all()
    assert np.isnan(averages.peers["population"]).all()


def test_a_vector_is_one_column():
    averages = sample_and_peer_averages([10.0, 20.0], {"population": np.array([0, 0])})
    np.testing.assert_allclose(averages.sample, [15.0])
    np.testing.assert_allclose(averages.peers["population"], [[15.0], [15.0]])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.just(NAN), st.floats(0, 100)), st.integers(NO_BAND, 2)),
        min_size=1,
        max_size=20,
    )
)
def test_peer_averages_match_nanmean_over_each_band(rows):
    scores = np.array([[value] for value, _ in rows])
    band = np.array([b for _, b in rows], dtype=np.int64)
    averages = sample_and_peer_averages(scores, {"population": band})
    for i, b in enumerate(band):
        members = scores[band == b, 0]
        members = members[~np.isnan(members)]
        expected = members.mean() if b != NO_BAND and members.size else NAN
        np.testing.assert_allclose(averages.peers["population"][i, 0], expected, rtol=1e-12)
