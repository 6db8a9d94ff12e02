"""Ranks and peer bands in words, in every interface language (golden strings)."""

import pytest
from django.utils import translation

from icc.index.scoring import NO_BANDS, BandBounds, Bands
from icc.index.wording import band_text, number_text, ordinal_text, rank_text

NBSP = "\u00a0"
BANDS = Bands(population_edges=(200_000, 500_000), foreign_born_edges=(7.5, 15))

ORDINALS = {
    # rank: (English, French: feminine, the places ranked are "villes")
    1: ("1st", "1re"),
    2: ("2nd", "2e"),
    3: ("3rd", "3e"),
    4: ("4th", "4e"),
    11: ("11th", "11e"),
    12: ("12th", "12e"),
    13: ("13th", "13e"),
    21: ("21st", "21e"),
    22: ("22nd", "22e"),
    23: ("23rd", "23e"),
    101: ("101st", "101e"),
    111: ("111th", "111e"),
    112: ("112th", "112e"),
    121: ("121st", "121e"),
}


@pytest.mark.parametrize(("rank", "words"), ORDINALS.items())
def test_ordinals(rank, words):
    for lang, word in zip(("en", "fr"), words, strict=True):
        with translation.override(lang):
            assert ordinal_text(rank) == word


BAND_TEXTS = [
    # (kind, band, English, French)
    (
        "population",
        0,
        "cities under 200,000 inhabitants",
        f"villes de moins de 200{NBSP}000 habitant·e·s",
    ),
    (
        "population",
        1,
        "cities of 200,000 to 500,000 inhabitants",
        f"villes de 200{NBSP}000 à 500{NBSP}000 habitant·e·s",
    ),
    (
        "population",
        2,
        "cities over 500,000 inhabitants",
        f"villes de plus de 500{NBSP}000 habitant·e·s",
    ),
    (
        "foreign_born",
        0,
        f"cities with less than 7.5{NBSP}% foreign-born residents",
        f"villes comptant moins de 7,5{NBSP}% de résident·e·s né·e·s à l'étranger",
    ),
    (
        "foreign_born",
        1,
        f"cities with 7.5{NBSP}% to 15{NBSP}% foreign-born residents",
        f"villes comptant de 7,5{NBSP}% à 15{NBSP}% de résident·e·s né·e·s à l'étranger",
    ),
    (
        "foreign_born",
        2,
        f"cities with more than 15{NBSP}% foreign-born residents",
        f"villes comptant plus de 15{NBSP}% de résident·e·s né·e·s à l'étranger",
    ),
]


@pytest.mark.parametrize(("kind", "band", "english", "french"), BAND_TEXTS)
def test_band_texts(kind, band, english, french):
    bounds = BANDS.bounds(kind, band)
    with translation.override("en"):
        assert band_text(bounds) == english
    with translation.override("fr"):
        assert band_text(bounds) == french


def test_a_single_band_is_the_whole_sample():
    with translation.override("fr"):
        assert band_text(NO_BANDS.bounds("population", 0)) == "villes"


RANKS = [
    # (rank, of, tied, band or None, English, French)
    (17, 93, False, None, "17th of 93 cities", "17e sur 93 villes"),
    (1, 20, True, None, "1st (tied) of 20 cities", "1re ex æquo sur 20 villes"),
    (3, 1250, False, None, "3rd of 1,250 cities", f"3e sur 1{NBSP}250 villes"),
    (
        12,
        44,
        True,
        BandBounds("population", 1, 200_000, None),
        "12th (tied) of 44 cities over 200,000 inhabitants",
        f"12e ex æquo sur 44 villes de plus de 200{NBSP}000 habitant·e·s",
    ),
]


@pytest.mark.parametrize(("rank", "of", "tied", "band", "english", "french"), RANKS)
def test_rank_texts(rank, of, tied, band, english, french):
    for lang, sentence in (("en", english), ("fr", french)):
        with translation.override(lang):
            group = band_text(band) if band else None
            assert rank_text(rank, of, tied=tied, group=group) == sentence


@pytest.mark.parametrize(("rank", "of"), [(0, 10), (11, 10)])
def test_impossible_ranks_are_refused(rank, of):
    with pytest.raises(ValueError, match=f"Rank {rank} of {of} is impossible"):
        rank_text(rank, of)


def test_numbers_follow_the_language():
    with translation.override("en"):
        assert (number_text(200_000), number_text(12.5)) == ("200,000", "12.5")
    with translation.override("fr"):
        assert (number_text(200_000), number_text(12.5)) == (f"200{NBSP}000", "12,5")


def test_the_old_names_still_answer_in_the_language_given():
    # callers not yet switched import the old names from the core; they now use gettext
    from icc.index.scoring import SAMPLE_GROUP, ordinal, rank_wording

    assert rank_wording(1, 3, SAMPLE_GROUP["fr"], "fr") == "1re sur 3 villes"
    assert ordinal(22, "en") == "22nd"
