"""Reads of the barometer, with the one access rule: a place's barometer is for the
secretariat and the place's city coordinators (``barometer_place_for_user``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser, PlaceRole, place_roles_for_user, user_scope
from icc.barometer.models import Cell, Observation, Post, SensingValue
from icc.core.jobs import job_latest, job_waiting
from icc.network.selectors import place_get_public, places_by_ids

if TYPE_CHECKING:
    from icc.core.models import Job
    from icc.network.models import Place

RUN_JOB = "barometer.run"
RUN_KEY = "all"
READERS = frozenset({PlaceRole.SECRETARIAT, PlaceRole.CITY_COORDINATOR})


def barometer_readable(*, user: AnyUser, place_id: int) -> bool:
    return bool(place_roles_for_user(user=user, place_id=place_id) & READERS)


def barometer_place_for_user(*, user: AnyUser, slug: str) -> Place:
    """The place whose barometer ``user`` may read; ``PermissionDenied`` otherwise."""
    place = place_get_public(slug=slug)
    if not barometer_readable(user=user, place_id=place.pk):
        raise PermissionDenied(
            _("The barometer of %(place)s is for its city coordinators and the secretariat.")
            % {"place": place.name}
        )
    return place


def barometer_places_for_user(*, user: AnyUser) -> list[Place]:
    """The places with a barometer that ``user`` may read, by name."""
    scope = user_scope(user=user)
    with_cells = set(Cell.objects.values_list("place_id", flat=True).distinct())
    if not scope.is_secretariat:
        with_cells &= scope.coordinated_place_ids
    return places_by_ids(ids=with_cells)


@dataclass(frozen=True)
class Dashboard:
    place: Place
    period: str
    cells: list[Cell]
    neighbourhoods: list[Cell]
    observations: dict[str, int]
    languages: dict[str, int]
    hidden: int
    computed_at: dt.datetime | None
    signals: list[str] = field(default_factory=list)
    synthetic: bool = False  # some of the place's posts, observations or series are demo data


def dashboard(*, place: Place, period: str = "month") -> Dashboard:
    """The cells of a place over time (whole place), its neighbourhoods in the latest period."""
    cells = list(
        Cell.objects.filter(place=place, neighbourhood="", period=period).order_by("start")
    )
    latest = cells[-1].start if cells else None
    neighbourhoods = (
        list(
            Cell.objects.filter(place=place, period=period, start=latest)
            .exclude(neighbourhood="")
            .order_by("neighbourhood")
        )
        if latest
        else []
    )
    observations: dict[str, int] = {}
    for kind in Observation.objects.filter(place=place).values_list("interaction", flat=True):
        observations[kind] = observations.get(kind, 0) + 1
    languages: dict[str, int] = {}
    for cell in cells:
        for lang, n in cell.values.get("languages", {}).items():
            languages[lang] = languages.get(lang, 0) + n
    return Dashboard(
        place=place,
        period=period,
        cells=cells,
        neighbourhoods=neighbourhoods,
        observations=observations,
        languages=dict(sorted(languages.items(), key=lambda kv: -kv[1])),
        hidden=sum(c.hidden for c in cells),
        computed_at=cells[-1].computed_at if cells else None,
        synthetic=place_has_synthetic_data(place_id=place.pk),
    )


def place_has_synthetic_data(*, place_id: int) -> bool:
    """Whether any post, observation or sensing value of the place is synthetic (demo data):
    its figures are then marked so on the page and in the export."""
    return any(
        model.objects.filter(place_id=place_id, synthetic=True).exists()
        for model in (Post, Observation, SensingValue)
    )


def comparison(*, places: list[Place], period: str = "month") -> list[dict[str, Any]]:
    """The latest shown cell of each place, for the comparison table."""
    rows = []
    for place in places:
        cell = (
            Cell.objects.filter(place=place, neighbourhood="", period=period, hidden=False)
            .order_by("-start")
            .first()
        )
        rows.append({"place": place, "cell": cell})
    return rows


def run_latest() -> Job | None:
    return job_latest(kind=RUN_JOB, key=RUN_KEY)


def run_waiting() -> bool:
    return job_waiting(kind=RUN_JOB, key=RUN_KEY)


def posts_for_place_month(
    *, place_id: int, month: dt.date, with_text: bool = False
) -> QuerySet[Post]:
    """The processed posts of a place in one month (for other modules, e.g. a rumour radar):
    language, sentiment, signals and, while it is retained, the text. The caller checks access
    (``barometer_readable``); embeddings can be computed from the text with
    ``icc.barometer.text.sentiment.embed``."""
    start = month.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1)
    fields = [
        "pk", "created_at", "neighbourhood", "language", "sentiment", "confidence",
        "affiliative", "othering", "mentions_groups", "source",
    ]  # fmt: skip
    if with_text:
        fields.append("text")
    return (
        Post.objects.filter(
            place_id=place_id,
            processed=True,
            created_at__date__gte=start,
            created_at__date__lt=end,
        )
        .order_by("created_at", "pk")
        .only(*fields)
    )
