"""Anti-rumours API (``/api/v1/antirumours/…``): rumours the cities shared with the network,
with their counter-arguments; ``q`` finds them by meaning, in any language. Private registers
never appear here."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from icc.antirumours.models import Rumour
from icc.antirumours.selectors import shared_rumours
from icc.antirumours.shared_search import shared_search
from icc.api_contract import Error, PageIn, Text, page_slice

router = Router(tags=["antirumours"])


class SharedIn(PageIn):
    q: Text = Field("", max_length=300, description="Text in any language: nearest rumours first.")
    language: Text = Field("", max_length=8, description="Only rumours in this language.")


class CounterArgumentOut(Schema):
    kind: str
    text: str
    language: str
    source: str
    source_date: str | None
    formats: list[str]


class PlaceOut(Schema):
    slug: str
    name: str
    country: str


class SharedRumourOut(Schema):
    id: int
    text: str
    language: str
    target_group: str
    themes: list[str]
    place: PlaceOut
    shared_at: str
    is_demo: bool
    counter_arguments: list[CounterArgumentOut]


def _rumour_out(rumour: Rumour) -> dict[str, Any]:
    return {
        "id": rumour.pk,
        "text": rumour.text,
        "language": rumour.language,
        "target_group": rumour.target_group,
        "themes": list(rumour.themes),
        "place": {
            "slug": rumour.place.slug,
            "name": rumour.place.name,
            "country": rumour.place.country_id,
        },
        "shared_at": rumour.shared_at.isoformat() if rumour.shared_at else "",
        "is_demo": rumour.is_demo,
        "counter_arguments": [
            {
                "kind": argument.kind,
                "text": argument.text,
                "language": argument.language,
                "source": argument.source,
                "source_date": argument.source_date.isoformat() if argument.source_date else None,
                "formats": list(argument.formats),
            }
            for argument in rumour.counter_arguments.all()
        ],
    }


@router.get(
    "/antirumours/shared",
    response={200: list[SharedRumourOut], 422: Error},
    summary="Rumours shared by the cities, with their counter-arguments",
)
def shared_list(request: HttpRequest, filters: Query[SharedIn]) -> list[dict[str, Any]]:
    """Every shared rumour (by city), or with ``q`` the nearest ones in any language."""
    if filters.q.strip():
        rumours: list[Rumour] = shared_search(query=filters.q.strip(), limit=100)
        if filters.language:
            rumours = [rumour for rumour in rumours if rumour.language == filters.language]
        return [_rumour_out(rumour) for rumour in page_slice(rumours, filters)]
    queryset = shared_rumours(language=filters.language)
    return [_rumour_out(rumour) for rumour in page_slice(queryset, filters)]
