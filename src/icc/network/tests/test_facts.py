"""The figure that counts in a year: one function (pure) and one selector."""

from decimal import Decimal

import pytest

from icc.network.facts import fact_as_of
from icc.network.selectors import PlaceFactsAsOf, place_facts_as_of
from icc.network.services import place_fact_set

SERIES = [(2019, 10.0), (2022, 12.0), (2024, 13.0)]


@pytest.mark.parametrize(
    ("facts", "year", "figure"),
    [
        (SERIES, 2023, 12.0),  # the latest up to the year
        (SERIES, 2022, 12.0),  # the year itself counts
        (SERIES, 2030, 13.0),
        (SERIES, 2018, 13.0),  # nothing up to the year: the latest at all
        (SERIES, None, 13.0),  # no year: the latest
        ([(2024, 13.0), (2019, 10.0)], 2020, 10.0),  # order does not matter
        ([(2019, 10.0), (2022, None)], 2023, 10.0),  # a missing figure is skipped
        ([(2022, None)], 2023, None),
        ([], 2023, None),
    ],
)
def test_fact_as_of(facts, year, figure):
    assert fact_as_of(facts, year) == figure


def test_places_facts_as_of_a_year_in_one_query(directory, django_assert_num_queries):
    bilbao, getxo, braga = directory["bilbao"], directory["getxo"], directory["braga"]
    place_fact_set(
        place=bilbao,
        year=2024,
        population=350_000,
        foreign_born_pct=None,
        non_nationals_pct=Decimal("9.5"),
        population_source="Census",
    )
    ids = [bilbao.pk, getxo.pk, braga.pk]
    with django_assert_num_queries(1):
        as_of_2023 = place_facts_as_of(place_ids=ids, year=2023)
    assert as_of_2023[bilbao.pk] == PlaceFactsAsOf(346_000, 11.2, 9.5)
    assert as_of_2023[braga.pk] == PlaceFactsAsOf(193_000, None, None)
    latest = place_facts_as_of(place_ids=ids, year=None)
    assert latest[bilbao.pk] == PlaceFactsAsOf(350_000, 11.2, 9.5)
    assert place_facts_as_of(place_ids=[], year=2023) == {}
