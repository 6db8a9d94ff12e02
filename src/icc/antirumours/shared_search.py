"""Finding shared rumours by meaning, across languages.

Shared rumours are public documents of the search module (source ``antirumours``, kind
``rumour``: the rumour's text, then its counter-arguments), put there when a city shares them
and removed when it stops (``services._shared_changed``). The functions here ask the search for
the nearest documents and read the rumours back from the register, keeping only those still
shared: the register is the truth, the search a copy.
"""

from collections.abc import Sequence

from icc.antirumours.models import Rumour
from icc.antirumours.selectors import shared_rumours
from icc.search.selectors import SearchHit, search, similar

SEARCH_SOURCE = "antirumours"
SEARCH_KIND = "rumour"


def _rumours_of(hits: Sequence[SearchHit], limit: int) -> list[Rumour]:
    ids = [int(hit.key) for hit in hits if hit.source == SEARCH_SOURCE and hit.key.isdigit()]
    found = {rumour.pk: rumour for rumour in shared_rumours(ids=ids)}
    return [found[pk] for pk in ids if pk in found][:limit]


def shared_search(*, query: str, limit: int = 20) -> list[Rumour]:
    """Shared rumours answering ``query`` (words or meaning, any language), best first."""
    hits = search(q=query, kinds=[SEARCH_KIND], limit=limit)
    return _rumours_of(hits.hits, limit)


def shared_similar(*, text: str, exclude_place_id: int, limit: int = 5) -> list[Rumour]:
    """Rumours shared by other cities nearest in meaning to ``text``: the same rumour
    elsewhere, in any language."""
    hits = similar(
        text=text, kinds=[SEARCH_KIND], exclude_place_id=exclude_place_id, limit=limit * 2
    )
    return _rumours_of(hits, limit)
