"""Reads of the network directory.

Access control lives here: one selector per protected resource.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from icc.accounts.models import User
from icc.accounts.selectors import UserScope, user_scope
from icc.network.bands import Band, bands_from_edges
from icc.network.lifecycle import Status
from icc.network.models import (
    Coordinator,
    Country,
    MembershipStep,
    Network,
    NetworkMembership,
    Place,
    PlaceFact,
)

AnyUser = User | AnonymousUser
TRANSLATED_LANGUAGES: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)


def population_bands() -> list[Band]:
    """The directory's population bands, from ``ICC_POPULATION_BAND_EDGES``."""
    return bands_from_edges(settings.ICC_POPULATION_BAND_EDGES)


@dataclass(frozen=True)
class PlaceFilters:
    """Filters of the place list, shared by pages, CSV export and API. Empty means "any"."""

    q: str = ""
    country: str = ""
    network: str = ""
    population_band: str = ""
    status: str = ""
    kind: str = ""

    def is_empty(self) -> bool:
        return not any(vars(self).values())


def _latest_fact(field: str) -> Subquery:
    facts = PlaceFact.objects.filter(place=OuterRef("pk"), **{f"{field}__isnull": False})
    return Subquery(facts.order_by("-year").values(field)[:1])


def place_queryset_with_facts() -> QuerySet[Place]:
    """Places annotated with their latest known population, shares and fact year."""
    return (
        Place.objects.select_related("country")
        .annotate(
            population=_latest_fact("population"),
            foreign_born=_latest_fact("foreign_born_pct"),
            non_nationals=_latest_fact("non_nationals_pct"),
            facts_year=_latest_fact("year"),
        )
        .order_by("name")
    )


def place_list(*, filters: PlaceFilters) -> QuerySet[Place]:
    """Places matching ``filters`` (unknown filter values match nothing rather than everything)."""
    places = place_queryset_with_facts()
    if filters.q:
        text = Q()
        for lang in TRANSLATED_LANGUAGES:
            text |= Q(**{f"name_{lang}__icontains": filters.q})
            text |= Q(**{f"country__name_{lang}__icontains": filters.q})
        places = places.filter(text)
    if filters.country:
        places = places.filter(country__code=filters.country.upper())
    if filters.network:
        places = places.filter(networks__slug=filters.network)
    if filters.status:
        places = places.filter(status=filters.status)
    if filters.kind:
        places = places.filter(kind=filters.kind)
    if filters.population_band:
        band = next((b for b in population_bands() if b.key == filters.population_band), None)
        if band is None:
            return places.none()
        # ``population`` is the annotation of place_queryset_with_facts()
        places = places.filter(**{"population__gte": band.low})
        if band.high is not None:
            places = places.filter(**{"population__lt": band.high})
    return places.distinct()


def place_get_public(*, slug: str) -> Place:
    """A place with what everyone may see: facts, steps' dates, networks."""
    queryset = Place.objects.select_related("country").prefetch_related(
        Prefetch("facts", queryset=PlaceFact.objects.order_by("-year")),
        Prefetch("networks", queryset=Network.objects.order_by("name")),
        Prefetch("membership_steps", queryset=MembershipStep.objects.order_by("date", "id")),
    )
    return get_object_or_404(queryset, slug=slug)


def _scope_covers_place(scope: UserScope, place: Place, *, include_experts: bool) -> bool:
    if scope.is_secretariat or place.pk in scope.coordinated_place_ids:
        return True
    if include_experts and place.pk in scope.expert_place_ids:
        return True
    if scope.coordinated_network_ids:
        return NetworkMembership.objects.filter(
            place=place, network_id__in=scope.coordinated_network_ids
        ).exists()
    return False


def place_get_private_for_user(*, user: AnyUser, slug: str) -> Place:
    """The private side of a place (notes, step notes) for the secretariat, the place's
    coordinators, coordinators of its networks and its experts. Others get ``PermissionDenied``."""
    place = place_get_public(slug=slug)
    if not _scope_covers_place(user_scope(user=user), place, include_experts=True):
        raise PermissionDenied(
            _(
                "This page is for the people responsible for %(place)s: its city coordinators, "
                "its experts, the coordinators of its networks and the secretariat."
            )
            % {"place": place.name}
        )
    return place


def place_get_editable_for_user(*, user: AnyUser, slug: str) -> Place:
    """A place whose notes ``user`` may change: the secretariat or its city coordinator."""
    place = place_get_public(slug=slug)
    scope = user_scope(user=user)
    if not (scope.is_secretariat or place.pk in scope.coordinated_place_ids):
        raise PermissionDenied(
            _("Only the city coordinators of %(place)s and the secretariat can change it.")
            % {"place": place.name}
        )
    return place


def places_for_user(*, user: AnyUser) -> QuerySet[Place]:
    """The places a user answers for (their workspace list)."""
    scope = user_scope(user=user)
    if scope.is_secretariat:
        return Place.objects.none()
    return (
        Place.objects.filter(
            Q(pk__in=scope.coordinated_place_ids | scope.expert_place_ids)
            | Q(networks__pk__in=scope.coordinated_network_ids)
        )
        .select_related("country")
        .distinct()
        .order_by("name")
    )


def coordinators_visible(
    *, user: AnyUser, place: Place | None = None, network: Network | None = None
) -> list[dict[str, Any]]:
    """Coordinators of a place or network; e-mail and phone only for logged-in members."""
    members_only = user_scope(user=user).is_member
    rows = (
        Coordinator.objects.filter(place=place)
        if place
        else Coordinator.objects.filter(network=network)
    )
    return [
        {
            "name": c.name,
            "role": c.role,
            "organisation": c.organisation,
            "email": c.email if members_only else None,
            "phone": c.phone if members_only else None,
            "is_fictional": c.is_fictional,
        }
        for c in rows.order_by("name")
    ]


def network_list() -> QuerySet[Network]:
    """Networks with the number of their places that are members."""
    return Network.objects.select_related("country").annotate(
        member_count=Count("members", filter=Q(members__status=Status.MEMBER), distinct=True)
    )


def network_get(*, slug: str) -> Network:
    """One network with its places (annotated with facts) ready for display."""
    return get_object_or_404(network_list(), slug=slug)


def country_list_with_members() -> QuerySet[Country]:
    """Countries that have at least one place, with member counts."""
    return (
        Country.objects.annotate(
            member_count=Count("places", filter=Q(places__status=Status.MEMBER)),
            place_count=Count("places"),
        )
        .filter(place_count__gt=0)
        .order_by("name")
    )


@dataclass(frozen=True)
class NetworkCounts:
    members: int
    countries: int
    networks: int
    candidates: int
    regions: int


def network_counts() -> NetworkCounts:
    """Headline figures of the overview page."""
    members = Place.objects.filter(status=Status.MEMBER)
    return NetworkCounts(
        members=members.count(),
        countries=members.values("country").distinct().count(),
        networks=Network.objects.count(),
        candidates=Place.objects.filter(status=Status.CANDIDATE).count(),
        regions=members.filter(kind="region").count(),
    )


def map_point(place: Place) -> dict[str, Any]:
    """One place as a map marker, plain data for the map script."""
    return {
        "slug": place.slug,
        "name": place.name,
        "country": place.country.name,
        "status": place.status,
        "lat": place.latitude,
        "lon": place.longitude,
        "url": place.get_absolute_url(),
    }


def map_points(*, filters: PlaceFilters) -> list[dict[str, Any]]:
    """Places with coordinates for the map, as plain data."""
    places = place_list(filters=filters).filter(latitude__isnull=False, longitude__isnull=False)
    return [map_point(p) for p in places]
