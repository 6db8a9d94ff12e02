"""Reads of the index, with one access check per protected resource (a city's response)."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser, PlaceRole, place_roles_for_user, user_scope
from icc.index.models import Answer, AnswerRevision, Edition, PlaceResult, Question, Response
from icc.index.peer_bands import peer_bands_of
from icc.index.wording import band_text, rank_text
from icc.index.workflow import Actor, State, may_comment, may_edit, phase_actors
from icc.network.models import Place


def edition_list() -> QuerySet[Edition]:
    """Every edition, newest first."""
    return Edition.objects.all()


def edition_get(*, name: str) -> Edition:
    edition = Edition.objects.filter(name=name).first()
    if edition is None:
        raise Http404(_("There is no index edition named “%(name)s”.") % {"name": name})
    return edition


# How a role on a place acts in the answering workflow; a network coordinator only reads.
_ACTOR_OF_ROLE = {
    PlaceRole.SECRETARIAT: Actor.SECRETARIAT,
    PlaceRole.CITY_COORDINATOR: Actor.CITY,
    PlaceRole.EXPERT: Actor.EXPERT,
}


def actors_for(*, user: AnyUser, place: Place) -> frozenset[Actor]:
    """The workflow roles ``user`` holds on ``place``'s responses."""
    roles = place_roles_for_user(user=user, place_id=place.pk)
    return frozenset(_ACTOR_OF_ROLE[role] for role in roles if role in _ACTOR_OF_ROLE)


@dataclass(frozen=True)
class ResponseAccess:
    """Who reads a response and what they may do now. ``actors``: their roles on the place;
    ``acting``: those the edition's phase lets act (workflow rule 6); ``phase_note``: why
    cities cannot answer the edition now ("" while it is open)."""

    response: Response
    actors: frozenset[Actor]
    can_edit: bool
    can_comment: bool
    acting: frozenset[Actor]
    phase_note: str


def response_get_for_user(*, user: AnyUser, place_slug: str, edition_name: str) -> ResponseAccess:
    """A place's response to an edition, for the people responsible for the place: its
    coordinators (edit), experts and the secretariat (review), coordinators of its national
    networks (read). Everyone else gets ``PermissionDenied``; a response that does not exist
    yet is created only for those who may edit it."""
    place = Place.objects.filter(slug=place_slug).first()
    if place is None:
        raise Http404(_("There is no place with the address “%(slug)s”.") % {"slug": place_slug})
    edition = edition_get(name=edition_name)
    if not place_roles_for_user(user=user, place_id=place.pk):
        raise PermissionDenied(
            _(
                "The index answers of %(place)s are for its city coordinators, its experts, the "
                "coordinators of its national networks and the secretariat."
            )
            % {"place": place.name}
        )
    actors = actors_for(user=user, place=place)
    response = Response.objects.filter(place=place, edition=edition).first()
    if response is None:
        if not actors & {Actor.CITY, Actor.SECRETARIAT}:
            raise Http404(_("%(place)s has not started this edition yet.") % {"place": place.name})
        response = Response(place=place, edition=edition)
    response.place, response.edition = place, edition  # already read: no second query
    state = State(response.state)
    acting = phase_actors(edition.phase, actors)
    return ResponseAccess(
        response=response,
        actors=actors,
        can_edit=may_edit(state, acting),
        can_comment=may_comment(state, acting),
        acting=acting,
        phase_note=edition.phase_note,
    )


def responses_for_user(*, user: AnyUser) -> QuerySet[Response]:
    """Responses a user works on (their dashboard)."""
    scope = user_scope(user=user)
    responses = Response.objects.select_related("place", "edition")
    if scope.is_secretariat:
        return responses.order_by("-updated_at")
    return responses.filter(
        place_id__in=scope.coordinated_place_ids | scope.expert_place_ids
    ).order_by("-updated_at")


@dataclass(frozen=True)
class StartOffer:
    """An open edition a place's coordinator may answer and has not started yet."""

    place: Place
    edition: Edition


def questionnaires_to_start(*, user: AnyUser, place_id: int | None = None) -> list[StartOffer]:
    """For a city coordinator: each open edition (deadline not passed) that one of their places
    (or only ``place_id``) has not started, newest edition first, then by place name. The
    offer links to the questionnaire's overview, which only shows; the first saved answer
    starts the response."""
    place_ids = set(user_scope(user=user).coordinated_place_ids)
    if place_id is not None:
        place_ids &= {place_id}
    if not place_ids:
        return []
    # The editions are few: the one rule (``Edition.accepting_answers``) decides, not a copy
    # of it written as a database filter.
    editions = [
        edition
        for edition in Edition.objects.filter(status=Edition.Status.OPEN)
        if edition.accepting_answers
    ]
    places = list(Place.objects.filter(pk__in=place_ids).order_by("name"))
    started = set(
        Response.objects.filter(place_id__in=place_ids, edition__in=editions).values_list(
            "place_id", "edition_id"
        )
    )
    return [
        StartOffer(place=place, edition=edition)
        for edition in editions
        for place in places
        if (place.pk, edition.pk) not in started
    ]


def answers_by_code(*, response: Response) -> dict[str, Answer]:
    if response.pk is None:
        return {}
    return {a.question.code: a for a in response.answers.select_related("question", "updated_by")}


def answer_revisions(*, response: Response) -> QuerySet[AnswerRevision]:
    """The audit history of a response's answers, newest first."""
    return (
        AnswerRevision.objects.filter(answer__response_id=response.pk)
        .select_related("answer__question", "user")
        .order_by("-at", "-id")
    )


def questions_of(*, edition: Edition) -> list[Question]:
    return list(edition.questions.select_related("area").order_by("position"))


def peer_label(*, edition: Edition, kind: str, band: int) -> str:
    """The cities of one peer band of ``edition``, in words (``"cities over … inhabitants"``)."""
    bounds = peer_bands_of(edition.method).bounds(kind, band)  # type: ignore[arg-type]
    return band_text(bounds)


def sensitivity_rows(*, edition: Edition) -> list[dict[str, Any]]:
    """Sobol indices of the ranking, largest total effect first, with readable factor names."""
    result = getattr(edition, "result", None)
    if result is None or not result.sensitivity:
        return []
    labels = {a.code: a.label for a in edition.areas.all()}
    rows = [
        {
            "factor": factor,
            "label": labels.get(factor, factor),
            # estimates a little below zero are sampling noise of a zero effect
            "first_order": max(values.get("first_order") or 0.0, 0.0),
            "total": max(values.get("total") or 0.0, 0.0),
        }
        for factor, values in result.sensitivity.items()
    ]
    return sorted(rows, key=lambda row: -(row["total"] or 0))


def place_result_rows(*, edition: Edition) -> list[dict[str, Any]]:
    """The published results of an edition as plain rows (the API's and pages' data)."""
    rows = []
    results = PlaceResult.objects.filter(edition=edition).select_related("place__country")
    for r in results.order_by("rank", "place__name"):
        peer_ranks: dict[str, int | None] = {}
        peers: dict[str, Any] = {}
        for kind, info in r.peer_groups.items():
            label = peer_label(edition=edition, kind=kind, band=info["band"])
            peer_ranks[label] = info["rank"]
            peers[kind] = {
                **info,
                "label": label,
                "wording": rank_text(info["rank"], info["of"], tied=info["tied"], group=label)
                if info["rank"]
                else None,
            }
        rows.append(
            {
                "place": r.place.name,
                "slug": r.place.slug,
                "country": r.place.country_id,
                "country_name": r.place.country.name,
                "index_core": r.index_core,
                "index_advanced": r.index_advanced,
                "indicators": r.indicators_advanced,
                "indicators_core": r.indicators_core,
                "rank": r.rank,
                "rank_of": r.rank_of,
                "tied": r.tied,
                "rank_core": r.rank_core,
                "rank_wording": rank_text(r.rank, r.rank_of, tied=r.tied)
                if r.rank and r.rank_of
                else None,
                "median_rank": r.median_rank,
                "rank_interval": [r.rank_low, r.rank_high],
                "peer_ranks": peer_ranks,
                "peer_groups": peers,
                "progress": r.progress or None,
                "synthetic": r.is_synthetic,
            }
        )
    return rows


# The edition type, for other apps that hold editions these selectors gave them.
EditionRecord = Edition


def editions_with_results() -> list[Edition]:
    """Editions that have results or published responses, newest first."""
    return list(
        Edition.objects.filter(Q(result__isnull=False) | Q(responses__state=State.PUBLISHED))
        .distinct()
        .order_by("-year", "-name")
    )


def edition_find(*, name: str) -> Edition | None:
    """The edition named ``name``, or None."""
    return Edition.objects.filter(name=name).first()


@dataclass(frozen=True)
class IndicatorArea:
    """An indicator area of an edition, labelled in the active language."""

    code: str
    label: str
    weight: float


def indicator_areas(*, edition: Edition) -> list[IndicatorArea]:
    """The edition's indicator areas in questionnaire order."""
    areas = edition.areas.filter(is_indicator=True).order_by("position")
    return [IndicatorArea(code=a.code, label=a.label, weight=a.weight) for a in areas]


def index_reports_completed_in(*, year: int) -> list[Place]:
    """The places whose index response was published (its report completed) during ``year``,
    by name; a place counts once however many editions it completed that year."""
    place_ids = Response.objects.filter(state=State.PUBLISHED, published_at__year=year).values(
        "place_id"
    )
    return list(Place.objects.filter(pk__in=place_ids).order_by("name"))
