"""Network directory API: places, countries, networks (``/api/v1/…``)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.security import django_auth

from icc.api_contract import Error, PageIn, Text, found_or_404, page_slice
from icc.caching.response_cache import response_cache
from icc.network import selectors
from icc.network.models import Network, Place

router = Router(tags=["network"])


class PlaceFilterIn(PageIn):
    q: Text = ""
    country: Text = ""
    network: Text = ""
    population_band: Text = ""
    status: Text = ""
    kind: Text = ""


class CountryOut(Schema):
    code: str
    name: str
    member_count: int
    place_count: int


class PlaceOut(Schema):
    slug: str
    name: str
    kind: str
    country: str
    country_name: str
    status: str
    member_since: str | None
    latitude: float | None
    longitude: float | None
    population: int | None
    foreign_born_pct: float | None
    non_nationals_pct: float | None
    facts_year: int | None
    networks: list[str]
    url: str


class FactOut(Schema):
    year: int
    population: int | None
    population_source: str
    foreign_born_pct: float | None
    foreign_born_source: str
    non_nationals_pct: float | None
    non_nationals_source: str
    approximate: bool


class StepOut(Schema):
    step: str
    date: str


class PlaceDetailOut(PlaceOut):
    website: str
    description: str
    facts: list[FactOut]
    membership: list[StepOut]


class PlacePrivateOut(Schema):
    slug: str
    internal_notes: str
    membership_notes: list[dict[str, str]]


class NetworkOut(Schema):
    slug: str
    name: str
    kind: str
    country: str | None
    founded: int | None
    website: str
    member_count: int


class NetworkDetailOut(NetworkOut):
    description: str
    places: list[str]


def _float(value: Decimal | float | None) -> float | None:
    return None if value is None else float(value)


def _place_out(place: Place, networks: list[str]) -> dict[str, object]:
    return {
        "slug": place.slug,
        "name": place.name,
        "kind": place.kind,
        "country": place.country_id,
        "country_name": place.country.name,
        "status": place.status,
        "member_since": place.member_since.isoformat() if place.member_since else None,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "population": getattr(place, "population", None),
        "foreign_born_pct": _float(getattr(place, "foreign_born", None)),
        "non_nationals_pct": _float(getattr(place, "non_nationals", None)),
        "facts_year": getattr(place, "facts_year", None),
        "networks": networks,
        "url": place.get_absolute_url(),
    }


@decorate_view(response_cache(["network"]))
@router.get(
    "/places", response={200: list[PlaceOut], 422: Error}, summary="List places with filters"
)
def places(request: HttpRequest, filters: Query[PlaceFilterIn]) -> list[dict[str, object]]:
    """Places of the network, filtered like the directory page (``?country=ES&status=member``)."""
    criteria = selectors.PlaceFilters(**filters.model_dump(exclude={"limit", "offset"}))
    rows = selectors.place_list(filters=criteria).prefetch_related("networks")
    return [
        _place_out(p, sorted(n.slug for n in p.networks.all())) for p in page_slice(rows, filters)
    ]


@router.get(
    "/places/{slug}",
    response={200: PlaceDetailOut, 404: Error, 422: Error},
    summary="One place with facts",
)
def place_detail(request: HttpRequest, slug: Text) -> dict[str, object]:
    place = found_or_404(
        selectors.place_queryset_with_facts().filter(slug=slug).first(),
        f"No place with the slug '{slug}'.",
    )
    public = selectors.place_get_public(slug=slug)
    data = _place_out(place, [n.slug for n in public.networks.all()])
    data.update(
        website=place.website,
        description=place.description,
        facts=[
            {
                "year": f.year,
                "population": f.population,
                "population_source": f.population_source,
                "foreign_born_pct": _float(f.foreign_born_pct),
                "foreign_born_source": f.foreign_born_source,
                "non_nationals_pct": _float(f.non_nationals_pct),
                "non_nationals_source": f.non_nationals_source,
                "approximate": f.approximate,
            }
            for f in public.facts.all()
        ],
        membership=[
            {"step": s.step, "date": s.date.isoformat()} for s in public.membership_steps.all()
        ],
    )
    return data


@router.get(
    "/places/{slug}/private",
    response={200: PlacePrivateOut, 401: Error, 403: Error, 404: Error, 422: Error},
    auth=django_auth,
    summary="Private notes of a place (its coordinators, experts and the secretariat)",
)
def place_private(request: HttpRequest, slug: Text) -> dict[str, object]:
    try:
        place = selectors.place_get_private_for_user(user=request.user, slug=slug)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from error
    return {
        "slug": place.slug,
        "internal_notes": place.internal_notes,
        "membership_notes": [
            {"step": s.step, "date": s.date.isoformat(), "note": s.note}
            for s in place.membership_steps.all()
            if s.note
        ],
    }


@router.get(
    "/countries", response={200: list[CountryOut], 422: Error}, summary="Countries with places"
)
def countries(request: HttpRequest, page: Query[PageIn]) -> list[dict[str, object]]:
    return [
        {
            "code": c.code,
            "name": c.name,
            "member_count": getattr(c, "member_count", 0),
            "place_count": getattr(c, "place_count", 0),
        }
        for c in page_slice(selectors.country_list_with_members(), page)
    ]


def _network_out(network: Network) -> dict[str, object]:
    return {
        "slug": network.slug,
        "name": network.name,
        "kind": network.kind,
        "country": network.country_id,
        "founded": network.founded,
        "website": network.website,
        "member_count": getattr(network, "member_count", 0),
    }


@router.get(
    "/networks",
    response={200: list[NetworkOut], 422: Error},
    summary="National and regional networks",
)
def networks(
    request: HttpRequest, page: Query[PageIn], country: Text = ""
) -> list[dict[str, object]]:
    rows = selectors.network_list()
    if country:
        rows = rows.filter(country__code=country.upper())
    return [_network_out(n) for n in page_slice(rows, page)]


@router.get(
    "/networks/{slug}",
    response={200: NetworkDetailOut, 404: Error, 422: Error},
    summary="One network with its places",
)
def network_detail(request: HttpRequest, slug: Text) -> dict[str, object]:
    network = found_or_404(
        selectors.network_list().filter(slug=slug).first(), f"No network with the slug '{slug}'."
    )
    data = _network_out(network)
    data["description"] = network.description
    data["places"] = sorted(network.members.values_list("slug", flat=True))
    return data
