"""The place list's filters, shared by the page, the CSV export and the API."""

import pytest

from icc.network.selectors import PlaceFilters, network_counts, place_list


def slugs(**filters):
    return sorted(p.slug for p in place_list(filters=PlaceFilters(**filters)))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["bilbao", "braga", "getxo", "reggio-emilia"]),
        ({"country": "es"}, ["bilbao", "getxo"]),
        ({"network": "reci"}, ["bilbao", "getxo"]),
        ({"status": "member"}, ["bilbao", "getxo", "reggio-emilia"]),
        ({"status": "candidate"}, ["braga"]),
        ({"population_band": "50000-100000"}, ["getxo"]),
        ({"population_band": "100000-200000"}, ["braga", "reggio-emilia"]),
        ({"population_band": "200000-500000"}, ["bilbao"]),
        ({"population_band": "no-such-band"}, []),
        ({"q": "bil"}, ["bilbao"]),
        ({"q": "Italie"}, ["reggio-emilia"]),
        ({"country": "ES", "population_band": "200000-500000"}, ["bilbao"]),
    ],
)
def test_filters(directory, filters, expected):
    assert slugs(**filters) == expected


def test_latest_facts_are_annotated(directory):
    bilbao = place_list(filters=PlaceFilters(q="Bilbao")).get()
    assert getattr(bilbao, "population", None) == 346_000
    assert float(getattr(bilbao, "foreign_born", 0)) == pytest.approx(11.2)


def test_counts(directory):
    counts = network_counts()
    assert (counts.members, counts.countries, counts.networks, counts.candidates) == (3, 2, 1, 1)
