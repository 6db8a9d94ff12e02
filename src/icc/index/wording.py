"""Ranks and peer bands in words, in the active interface language (gettext).

The scoring core returns numbers (ranks, counts, ties, band bounds); this module words them:
"17th of 93 cities", "1st (tied) of 20 cities over 100,000 inhabitants" (the edges are the
edition's, see ``icc.index.peer_bands``). French uses the feminine ordinal
("1re", "2e": the places ranked are *villes*) and epicene nouns ("habitant·e·s").

Numbers follow the language's format (``100,000``; ``100 000`` with a no-break space; ``12,5``);
a percentage keeps a no-break space before ``%`` so it never breaks across lines in HTML or PDF.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from icc.index.scoring import BandBounds

NBSP = "\u00a0"


def number_text(value: float) -> str:
    """A figure in the active language: ``100000`` → ``"100,000"`` or ``"100 000"``,
    ``12.5`` → ``"12.5"`` or ``"12,5"``."""
    whole = float(value).is_integer()
    return number_format(int(value) if whole else value, force_grouping=True)


def _bound_text(kind: str, value: float) -> str:
    return f"{number_text(value)}{NBSP}%" if kind == "foreign_born" else number_text(value)


def ordinal_text(rank: int) -> str:
    """``1`` → ``"1st"``, ``12`` → ``"12th"``, ``22`` → ``"22nd"``; French ``"1re"``, ``"2e"``."""
    values = {"n": rank}
    if rank == 1:
        return pgettext("ordinal of 1", "%(n)dst") % values
    if rank % 100 in (11, 12, 13):
        return pgettext("ordinal of 11, 12, 13", "%(n)dth") % values
    last = rank % 10
    if last == 1:
        return pgettext("ordinal ending in 1", "%(n)dst") % values
    if last == 2:
        return pgettext("ordinal ending in 2", "%(n)dnd") % values
    if last == 3:
        return pgettext("ordinal ending in 3", "%(n)drd") % values
    return pgettext("ordinal", "%(n)dth") % values


def band_text(bounds: BandBounds) -> str:
    """The cities of one peer band: ``"cities over 100,000 inhabitants"``, ``"cities with less
    than 10 % foreign-born residents"``; ``"cities"`` when the kind has a single band."""
    if bounds.low is None and bounds.high is None:
        return sample_text()
    low = _bound_text(bounds.kind, bounds.low) if bounds.low is not None else ""
    high = _bound_text(bounds.kind, bounds.high) if bounds.high is not None else ""
    if bounds.kind == "population":
        if bounds.low is None:
            return _("cities under %(high)s inhabitants") % {"high": high}
        if bounds.high is None:
            return _("cities over %(low)s inhabitants") % {"low": low}
        return _("cities of %(low)s to %(high)s inhabitants") % {"low": low, "high": high}
    if bounds.low is None:
        return _("cities with less than %(high)s foreign-born residents") % {"high": high}
    if bounds.high is None:
        return _("cities with more than %(low)s foreign-born residents") % {"low": low}
    return _("cities with %(low)s to %(high)s foreign-born residents") % {"low": low, "high": high}


def sample_text() -> str:
    """The whole sample, as the group of a rank: ``"cities"``."""
    return pgettext("the places ranked", "cities")


def rank_text(rank: int, of: int, *, tied: bool = False, group: str | None = None) -> str:
    """A rank in words: ``rank_text(17, 93)`` is ``"17th of 93 cities"``; ``tied=True`` gives
    ``"17th (tied) of 93 cities"``; ``group`` (e.g. ``band_text(...)``) replaces ``"cities"``.
    ``rank`` lies between 1 and ``of`` (a ``ValueError`` otherwise)."""
    if not 1 <= rank <= of:
        raise ValueError(
            f"Rank {rank} of {of} is impossible; a rank lies between 1 and the number ranked."
        )
    values = {
        "rank": ordinal_text(int(rank)),
        "count": number_text(int(of)),
        "group": group if group is not None else sample_text(),
    }
    if tied:
        return _("%(rank)s (tied) of %(count)s %(group)s") % values
    return _("%(rank)s of %(count)s %(group)s") % values
