"""Finding shared rumours by meaning, across languages.

Shared rumours and their counter-arguments are documents of the search module (kind
``antirumours.rumour``); ``shared_search`` asks it for the nearest ones and reads them back from
the register, keeping only those still shared (the register is the truth, the index a copy)."""

from django.db.models import Q

from icc.antirumours.models import Rumour
from icc.antirumours.selectors import shared_rumours

SEARCH_KIND = "antirumours.rumour"


def shared_search(
    *, query: str, limit: int = 20, exclude_place_id: int | None = None
) -> list[Rumour]:
    """Shared rumours nearest to ``query`` (any language), best first."""
    rumours = shared_rumours().filter(
        Q(text__icontains=query) | Q(counter_arguments__text__icontains=query)
    )
    if exclude_place_id is not None:
        rumours = rumours.exclude(place_id=exclude_place_id)
    return list(rumours.distinct()[:limit])
