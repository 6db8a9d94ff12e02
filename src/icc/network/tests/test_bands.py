import pytest

from icc.network.bands import band_for, bands_from_edges


def test_bands_cover_everything_half_open():
    bands = bands_from_edges([50_000, 200_000])
    assert [b.key for b in bands] == ["0-50000", "50000-200000", "200000-"]
    assert band_for(49_999, bands) == bands[0]
    assert band_for(50_000, bands) == bands[1]
    assert band_for(10_000_000, bands) == bands[2]
    assert band_for(None, bands) is None


@pytest.mark.parametrize("edges", [[200_000, 50_000], [0, 10], [10, 10]])
def test_bad_edges_are_refused(edges):
    with pytest.raises(ValueError, match="strictly increasing"):
        bands_from_edges(edges)
