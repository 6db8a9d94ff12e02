"""Reads of the anti-rumours module, and its one access rule.

Who may do what on a city's anti-rumours work (``access_for_user``):
- its city coordinators and its anti-rumours team edit everything and alone see the private
  register (unshared rumours), the survey responses and results, the focus groups' notes and
  the agents' contact data;
- the secretariat and the coordinators of the city's national networks read the strategy (stages,
  trainings, campaigns) and what the city shared;
- everyone else (other cities, other networks, experts, the public) sees the public page only:
  the public summary, public campaigns and shared rumours.
A page a person may not open answers 404, as a missing one does.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser, PlaceRole, place_roles_for_user
from icc.antirumours.models import (
    Agent,
    Campaign,
    CounterArgument,
    FocusGroupNote,
    RadarCount,
    Rumour,
    Stage,
    StageKind,
    Strategy,
    SurveyRound,
    Training,
    TrainingAttendance,
)
from icc.network.selectors import place_get_public

if TYPE_CHECKING:
    from icc.network.models import Place

EDITORS = frozenset({PlaceRole.CITY_COORDINATOR, PlaceRole.ANTIRUMOURS_TEAM})
READERS = EDITORS | {PlaceRole.SECRETARIAT, PlaceRole.NETWORK_COORDINATOR}


@dataclass(frozen=True)
class Access:
    """What one person may do with one city's anti-rumours work."""

    can_edit: bool
    can_read: bool


def access_for_user(*, user: AnyUser, place_id: int) -> Access:
    """The one access rule of the module (see the top of this file)."""
    roles = place_roles_for_user(user=user, place_id=place_id, module_roles=True)
    return Access(can_edit=bool(roles & EDITORS), can_read=bool(roles & READERS))


def _not_found() -> Http404:
    return Http404(_("There is no anti-rumours page at this address."))


def place_get_for_reader(*, user: AnyUser, slug: str) -> "tuple[Place, Access]":
    """A place whose strategy ``user`` may read, with the access; 404 otherwise."""
    place = place_get_public(slug=slug)
    access = access_for_user(user=user, place_id=place.pk)
    if not access.can_read:
        raise _not_found()
    return place, access


def place_get_for_editor(*, user: AnyUser, slug: str) -> "Place":
    """A place whose anti-rumours work ``user`` may edit and read in full; 404 otherwise."""
    place = place_get_public(slug=slug)
    if not access_for_user(user=user, place_id=place.pk).can_edit:
        raise _not_found()
    return place


def strategy_for_place(*, place_id: int) -> Strategy | None:
    """The city's strategy with its stages in the method's order and their documents."""
    stages = Stage.objects.prefetch_related("documents")
    strategy = (
        Strategy.objects.filter(place_id=place_id)
        .prefetch_related(Prefetch("stages", queryset=stages))
        .first()
    )
    return strategy


def stages_in_order(*, strategy: Strategy) -> list[Stage]:
    order = {kind.value: i for i, kind in enumerate(StageKind)}
    return sorted(strategy.stages.all(), key=lambda stage: order[stage.kind])


def stage_get_for_editor(*, user: AnyUser, stage_id: int) -> Stage:
    stage = Stage.objects.select_related("strategy__place").filter(pk=stage_id).first()
    if stage is None or not access_for_user(user=user, place_id=stage.strategy.place_id).can_edit:
        raise _not_found()
    return stage


def _with_arguments(rumours: QuerySet[Rumour]) -> QuerySet[Rumour]:
    return rumours.select_related("place", "place__country").prefetch_related(
        Prefetch("counter_arguments", queryset=CounterArgument.objects.order_by("id"))
    )


def rumours_for_place(*, place_id: int, shared_only: bool) -> QuerySet[Rumour]:
    """The city's register (every rumour for its editors; ``shared_only`` for anyone else)."""
    rumours = Rumour.objects.filter(place_id=place_id)
    if shared_only:
        rumours = rumours.filter(shared_at__isnull=False)
    return _with_arguments(rumours).order_by("id")


def rumour_get_for_editor(*, user: AnyUser, rumour_id: int) -> Rumour:
    rumour = _with_arguments(Rumour.objects.filter(pk=rumour_id)).first()
    if rumour is None or not access_for_user(user=user, place_id=rumour.place_id).can_edit:
        raise _not_found()
    return rumour


def rumour_get_readable(*, user: AnyUser, rumour_id: int) -> tuple[Rumour, Access]:
    """A rumour shared with the network (anyone), or unshared for its city's editors."""
    rumour = _with_arguments(Rumour.objects.filter(pk=rumour_id)).first()
    if rumour is None:
        raise _not_found()
    access = access_for_user(user=user, place_id=rumour.place_id)
    if not rumour.is_shared and not access.can_edit:
        raise _not_found()
    return rumour, access


def shared_rumours(*, language: str = "", ids: Iterable[int] | None = None) -> QuerySet[Rumour]:
    """Rumours shared with the network, with their counter-arguments and city."""
    rumours = Rumour.objects.filter(shared_at__isnull=False)
    if language:
        rumours = rumours.filter(language=language)
    if ids is not None:
        rumours = rumours.filter(pk__in=list(ids))
    return _with_arguments(rumours).order_by("place__name", "id")


def shared_rumours_by_theme(*, theme: str = "", language: str = "") -> list[Rumour]:
    """Shared rumours filtered by theme (themes are a JSON list: filtered here, portably)."""
    rumours = list(shared_rumours(language=language))
    if theme:
        rumours = [rumour for rumour in rumours if theme in rumour.themes]
    return rumours


def shared_languages() -> list[str]:
    return sorted(
        set(Rumour.objects.filter(shared_at__isnull=False).values_list("language", flat=True))
    )


def campaigns_for_place(*, place_id: int, public_only: bool) -> QuerySet[Campaign]:
    campaigns = Campaign.objects.filter(place_id=place_id)
    if public_only:
        campaigns = campaigns.filter(is_public=True)
    return campaigns.prefetch_related("materials", "rumours").order_by("-starts_on", "-id")


def campaign_get_for_editor(*, user: AnyUser, campaign_id: int) -> Campaign:
    campaign = Campaign.objects.filter(pk=campaign_id).prefetch_related("materials").first()
    if campaign is None or not access_for_user(user=user, place_id=campaign.place_id).can_edit:
        raise _not_found()
    return campaign


def agents_for_place(*, place_id: int) -> QuerySet[Agent]:
    return Agent.objects.filter(place_id=place_id).order_by("id")


def agent_get_for_editor(*, user: AnyUser, agent_id: int) -> Agent:
    agent = Agent.objects.filter(pk=agent_id).first()
    if agent is None or not access_for_user(user=user, place_id=agent.place_id).can_edit:
        raise _not_found()
    return agent


def trainings_for_place(*, place_id: int) -> QuerySet[Training]:
    return (
        Training.objects.filter(place_id=place_id)
        .select_related("event")
        .annotate(
            expected=Count("attendance"),
            attended=Count("attendance", filter=Q(attendance__attended=True)),
        )
        .order_by("-event__start")
    )


def training_get_for_editor(*, user: AnyUser, training_id: int) -> Training:
    training = Training.objects.select_related("event", "place").filter(pk=training_id).first()
    if training is None or not access_for_user(user=user, place_id=training.place_id).can_edit:
        raise _not_found()
    return training


def training_attendance(*, training: Training) -> list[TrainingAttendance]:
    return list(training.attendance.select_related("agent").order_by("agent_id"))


def attendance_get_for_certificate(*, user: AnyUser, attendance_id: int) -> TrainingAttendance:
    """An attendance whose certificate ``user`` may print: attended, agent still named."""
    row = (
        TrainingAttendance.objects.select_related("training__event", "training__place", "agent")
        .filter(pk=attendance_id, attended=True)
        .exclude(agent__name="", agent__organisation="")  # erased: nobody to certify
        .first()
    )
    if row is None or not access_for_user(user=user, place_id=row.training.place_id).can_edit:
        raise _not_found()
    return row


def focus_notes_for_place(*, place_id: int) -> QuerySet[FocusGroupNote]:
    return FocusGroupNote.objects.filter(place_id=place_id)


def rounds_for_place(*, place_id: int) -> QuerySet[SurveyRound]:
    return SurveyRound.objects.filter(place_id=place_id).select_related("baseline")


def round_get_for_editor(*, user: AnyUser, round_id: int) -> SurveyRound:
    row = SurveyRound.objects.select_related("place", "baseline").filter(pk=round_id).first()
    if row is None or not access_for_user(user=user, place_id=row.place_id).can_edit:
        raise _not_found()
    return row


@dataclass(frozen=True)
class YearIndicators:
    """What a city did in one year."""

    year: int
    agents_joined: int
    trainings: int
    people_trained: int
    campaigns: int
    reach_people: int
    reach_posts: int
    reach_media: int


def activity_by_year(*, place_id: int) -> list[YearIndicators]:
    """Agents, trainings and campaigns per year, oldest first."""
    years: dict[int, dict[str, int]] = {}

    def bump(year: int, **values: int) -> None:
        row = years.setdefault(year, {})
        for key, value in values.items():
            row[key] = row.get(key, 0) + value

    for joined in Agent.objects.filter(place_id=place_id, joined_on__isnull=False).values_list(
        "joined_on", flat=True
    ):
        if joined:
            bump(joined.year, agents_joined=1)
    for training in trainings_for_place(place_id=place_id):
        bump(training.event.start.year, trainings=1, people_trained=training.attended)  # type: ignore[attr-defined]
    for campaign in Campaign.objects.filter(place_id=place_id).values(
        "starts_on", "reach_people", "reach_posts", "reach_media"
    ):
        bump(
            campaign["starts_on"].year,
            campaigns=1,
            reach_people=campaign["reach_people"],
            reach_posts=campaign["reach_posts"],
            reach_media=campaign["reach_media"],
        )
    return [
        YearIndicators(
            year=year,
            agents_joined=row.get("agents_joined", 0),
            trainings=row.get("trainings", 0),
            people_trained=row.get("people_trained", 0),
            campaigns=row.get("campaigns", 0),
            reach_people=row.get("reach_people", 0),
            reach_posts=row.get("reach_posts", 0),
            reach_media=row.get("reach_media", 0),
        )
        for year, row in sorted(years.items())
    ]


def reach_totals(*, place_id: int) -> dict[str, int]:
    totals = Campaign.objects.filter(place_id=place_id).aggregate(
        people=Sum("reach_people"), posts=Sum("reach_posts"), media=Sum("reach_media")
    )
    return {key: value or 0 for key, value in totals.items()}


def public_strategy(*, place_id: int) -> Strategy | None:
    """The strategy when the city shows its public page."""
    return Strategy.objects.filter(place_id=place_id, is_public=True).first()


def places_with_public_page() -> "list[Place]":
    strategies = Strategy.objects.filter(is_public=True).select_related("place")
    return sorted((strategy.place for strategy in strategies), key=lambda place: place.name)


def radar_examples_latest(*, place_id: int) -> dict[int, tuple[dt.date, list[str]]]:
    """Per rumour, the examples of the latest month in which posts matched it."""
    latest: dict[int, tuple[dt.date, list[str]]] = {}
    rows = RadarCount.objects.filter(rumour__place_id=place_id, posts__gt=0).order_by("month")
    for rumour_id, month, examples in rows.values_list("rumour_id", "month", "examples"):
        if examples:
            latest[rumour_id] = (month, list(examples))
    return latest


def radar_table(*, place_id: int) -> tuple[list[dt.date], list[tuple[Rumour, list[int | None]]]]:
    """The radar's months (oldest first) and, per rumour, its matching posts each month."""
    counts = list(
        RadarCount.objects.filter(rumour__place_id=place_id).values_list(
            "rumour_id", "month", "posts"
        )
    )
    months = sorted({month for _rumour, month, _posts in counts})
    cells = {(rumour, month): posts for rumour, month, posts in counts}
    rows = [
        (rumour, [cells.get((rumour.pk, month)) for month in months])
        for rumour in Rumour.objects.filter(place_id=place_id).order_by("id")
    ]
    return months, rows
