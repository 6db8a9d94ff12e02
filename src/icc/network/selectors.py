"""Reads of the network directory.

Access control lives here: one selector per protected resource.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser, PlaceRole, place_roles_for_user, user_scope
from icc.filtering import FilterValues
from icc.network.facts import FACT_FIELDS, fact_as_of
from icc.network.filters import PlaceFilterSet
from icc.network.labels import STEP_LABELS
from icc.network.lifecycle import ALLOWED_NEXT, Status, Step, TransitionError, check_next
from icc.network.models import (
    Coordinator,
    Country,
    MembershipStep,
    Network,
    Place,
    PlaceFact,
)
from icc.network.timeline import TimelineEntry as TimelineEntry
from icc.network.timeline import place_timeline as place_timeline

Fact = tuple[int, float | None]  # (year, figure)


@dataclass(frozen=True)
class PlaceFilters(FilterValues):
    """Filters of the place list, shared by pages, CSV export and API. Empty means "any"."""

    q: str = ""
    country: str = ""
    network: str = ""
    population_band: str = ""
    status: str = ""
    kind: str = ""


def _latest_fact(field: str) -> Subquery:
    """``fact_as_of(…, year=None)`` in SQL: the latest known figure, for lists that filter and
    sort in the database."""
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
    """Places matching ``filters`` (``PlaceFilterSet``'s rules); a value outside the choices
    matches nothing rather than everything."""
    data = {name: value for name, value in vars(filters).items() if value}
    filterset = PlaceFilterSet(data, queryset=place_queryset_with_facts())
    if not filterset.is_valid():
        return Place.objects.none()
    return filterset.qs


def place_get_public(*, slug: str) -> Place:
    """A place with what everyone may see: facts, steps' dates, networks."""
    queryset = Place.objects.select_related("country").prefetch_related(
        Prefetch("facts", queryset=PlaceFact.objects.order_by("-year")),
        Prefetch("networks", queryset=Network.objects.order_by("name")),
        Prefetch("membership_steps", queryset=MembershipStep.objects.order_by("date", "id")),
    )
    return get_object_or_404(queryset, slug=slug)


def place_private_readable(*, user: AnyUser, place: Place) -> bool:
    """The secretariat, the place's coordinators, coordinators of its networks and its experts
    may read its private side (notes, step notes)."""
    return bool(place_roles_for_user(user=user, place_id=place.pk))


def place_private_editable(*, user: AnyUser, place: Place) -> bool:
    """The secretariat and the place's city coordinators may change its private side."""
    roles = place_roles_for_user(user=user, place_id=place.pk)
    return bool(roles & {PlaceRole.SECRETARIAT, PlaceRole.CITY_COORDINATOR})


def place_get_private_for_user(*, user: AnyUser, slug: str) -> Place:
    """A place whose private side ``user`` may read; others get ``PermissionDenied``."""
    place = place_get_public(slug=slug)
    if not place_private_readable(user=user, place=place):
        raise PermissionDenied(
            _(
                "Only the people responsible for %(place)s can see this: its city coordinators, "
                "its experts, the coordinators of its networks and the secretariat."
            )
            % {"place": place.name}
        )
    return place


def membership_step_problem(*, place: Place, step: Step, date: dt.date) -> str:
    """Why ``step`` on ``date`` cannot be the next membership step of ``place``, in words for
    the person recording it; "" when it can."""
    latest = place.membership_steps.order_by("-date", "-id").first() if place.pk else None
    return membership_step_problem_after(latest=latest, step=step, date=date)


def membership_step_problem_after(
    *, latest: MembershipStep | None, step: Step, date: dt.date
) -> str:
    """Why ``step`` on ``date`` cannot follow the place's ``latest`` step (``None``: it has no
    step yet), in the active language, with the steps that may come next; "" when it can (the
    rules are ``lifecycle.ALLOWED_NEXT``). The admin's form and ``membership_step_record``
    both say it this way."""
    previous = Step(latest.step) if latest else None
    try:
        check_next(previous, step)
    except TransitionError:
        return _(
            "“%(step)s” cannot follow “%(previous)s”; the next step is one of: %(allowed)s."
        ) % {
            "step": STEP_LABELS[step],
            "previous": STEP_LABELS[previous] if previous else _("no step yet"),
            "allowed": ", ".join(str(STEP_LABELS[s]) for s in Step if s in ALLOWED_NEXT[previous]),
        }
    if latest and date < latest.date:
        return _(
            "This date is before the latest step (%(date)s). Record the steps in the order "
            "they happened."
        ) % {"date": latest.date.isoformat()}
    return ""


def places_for_user(*, user: AnyUser) -> QuerySet[Place]:
    """The places a user answers for (their workspace list)."""
    scope = user_scope(user=user)
    if scope.is_secretariat:
        return Place.objects.none()
    return Place.objects.filter(pk__in=scope.place_ids).select_related("country").order_by("name")


def coordinators_visible(
    *, user: AnyUser, place: Place | None = None, network: Network | None = None
) -> list[dict[str, Any]]:
    """Coordinators of a place or network who are listed publicly (role assignments with a
    contact card); e-mail and phone only for logged-in members."""
    members_only = user_scope(user=user).is_member
    cards = Coordinator.objects.select_related("assignment__user")
    rows = (
        cards.filter(assignment__place=place)
        if place
        else cards.filter(assignment__network=network)
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
        for c in rows
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
        "status_label": str(place.get_status_display()),
        "lat": place.latitude,
        "lon": place.longitude,
        "url": place.get_absolute_url(),
    }


def map_points(*, filters: PlaceFilters) -> list[dict[str, Any]]:
    """Places with coordinates for the map, as plain data."""
    places = place_list(filters=filters).filter(latitude__isnull=False, longitude__isnull=False)
    return [map_point(p) for p in places]


def _status_on(day: dt.date) -> Subquery:
    """The status a place had at the end of ``day``: the status after its latest step by then."""
    latest = MembershipStep.objects.filter(place=OuterRef("pk"), date__lte=day).order_by(
        "-date", "-id"
    )
    return Subquery(latest.values("step")[:1])


def members_on(*, day: dt.date) -> QuerySet[Place]:
    """Places that were members at the end of ``day`` (suspended and departed ones excluded)."""
    return (
        Place.objects.annotate(step_then=_status_on(day))
        .filter(step_then=Step.MEMBER.value)
        .order_by("name")
    )


def members_joined_in(*, year: int) -> QuerySet[Place]:
    """Places that became members during ``year`` and were still members at its end."""
    end = dt.date(year, 12, 31)
    joined = MembershipStep.objects.filter(step=Step.MEMBER.value, date__year=year).values(
        "place_id"
    )
    return members_on(day=end).filter(pk__in=joined)


def accessions_started_in(*, year: int) -> QuerySet[Place]:
    """Places that started the accession path during ``year`` and were not members at its end."""
    started = MembershipStep.objects.filter(step=Step.CANDIDATE.value, date__year=year).values(
        "place_id"
    )
    members = members_on(day=dt.date(year, 12, 31)).values("pk")
    return Place.objects.filter(pk__in=started).exclude(pk__in=members).order_by("name")


@dataclass(frozen=True)
class PlaceFactsAsOf:
    """The figures of one place that count in a year (``icc.network.facts.fact_as_of``)."""

    population: float | None
    foreign_born: float | None
    non_nationals: float | None


def place_facts_as_of(*, place_ids: Iterable[int], year: int | None) -> dict[int, PlaceFactsAsOf]:
    """``{place id: its figures as of year}`` for ``place_ids``, in one query; a place without
    any fact is absent. ``year`` None: the latest figures."""
    series: dict[int, tuple[list[Fact], list[Fact], list[Fact]]] = {}
    rows = PlaceFact.objects.filter(place_id__in=list(place_ids)).values_list(
        "place_id", "year", "population", "foreign_born_pct", "non_nationals_pct"
    )
    for place_id, fact_year, population, foreign_born, non_nationals in rows:
        found = series.setdefault(place_id, ([], [], []))
        for figures, value in zip(found, (population, foreign_born, non_nationals), strict=True):
            figures.append((fact_year, None if value is None else float(value)))
    return {
        place_id: PlaceFactsAsOf(*(fact_as_of(figures, year) for figures in found))
        for place_id, found in series.items()
    }


def place_facts_by_year(*, place: Place) -> list[tuple[Any, ...]]:
    """A place's yearly facts, oldest first: the year, then each of ``FACT_FIELDS``."""
    return list(place.facts.order_by("year").values_list("year", *FACT_FIELDS))


def country_exists(*, code: str) -> bool:
    """Whether the directory knows the country with ISO code ``code`` (capitals)."""
    return Country.objects.filter(code=code).exists()


def network_place_ids(*, slug: str) -> frozenset[int] | None:
    """Ids of the places in the network ``slug``; None when there is no such network."""
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        return None
    return frozenset(network.memberships.values_list("place_id", flat=True))


class PlaceNotFound(LookupError):
    """No place, or several, answer to a name (the message is a full sentence)."""


def place_find_by_name(*, name: str) -> Place:
    """The place whose slug or name (in any language) is ``name``, ignoring case, with what
    everyone may see (as ``place_get_public``). Raises ``PlaceNotFound`` with a full sentence
    when none or several match."""
    text = name.strip()
    match = Q(slug__iexact=text)
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        match |= Q(**{f"name_{lang}__iexact": text})
    found = list(Place.objects.filter(match).values_list("slug", flat=True).distinct()[:5])
    if not found:
        raise PlaceNotFound(
            _("No place is named “%(name)s”; give its name or its slug, e.g. bilbao.")
            % {"name": text}
        )
    if len(found) > 1:
        raise PlaceNotFound(
            _("Several places are named “%(name)s” (%(slugs)s); give the slug of the one you mean.")
            % {"name": text, "slugs": ", ".join(found)}
        )
    return place_get_public(slug=found[0])


def place_ids_by_slug(*, slugs: Iterable[str]) -> dict[str, int]:
    """The ids of the places with these slugs (unknown slugs are left out)."""
    return dict(Place.objects.filter(slug__in=set(slugs)).values_list("slug", "pk"))


def place_ids_by_slug_or_name(*, keys: Iterable[str]) -> dict[str, int]:
    """The ids of the places named by their slug or their name (case does not matter), keyed by
    the lower-cased slug and name; unknown keys are left out."""
    wanted = {key.strip().casefold() for key in keys if key.strip()}
    found: dict[str, int] = {}
    for pk, slug, name in Place.objects.values_list("pk", "slug", "name"):
        for key in (slug.casefold(), name.casefold()):
            if key in wanted:
                found[key] = pk
    return found


def places_by_ids(*, ids: Iterable[int]) -> list[Place]:
    """The places with these ids, by name."""
    return list(Place.objects.filter(pk__in=set(ids)).order_by("name"))
