"""The old wording API of the scoring core, answered by ``icc.index.wording``.

For callers not yet switched to ``rank_text``/``ordinal_text``/``sample_text`` (they import these
names from ``icc.index.scoring``). Each function speaks the language it is given, as before.
Remove this module once nothing imports it.
"""

from django.utils import translation

from icc.index.wording import ordinal_text, rank_text, sample_text


class _SampleGroup:
    """``SAMPLE_GROUP[lang]``: "cities" in ``lang``."""

    def __getitem__(self, lang: str) -> str:
        with translation.override(lang):
            return sample_text()


SAMPLE_GROUP = _SampleGroup()


def ordinal(rank: int, lang: str) -> str:
    """``ordinal(1, "fr")`` is ``"1re"``."""
    with translation.override(lang):
        return ordinal_text(int(rank))


def rank_wording(rank: int, of: int, group: str, lang: str, tied: bool = False) -> str:
    """``rank_wording(17, 93, "cities", "en")`` is ``"17th of 93 cities"``."""
    with translation.override(lang):
        return rank_text(int(rank), int(of), tied=bool(tied), group=group)
