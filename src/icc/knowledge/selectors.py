"""Reads of the knowledge base, for its pages, its API and the modules above it (reports, the
programme's annual report).

Access: drafts and practices under moderation are seen only by the secretariat and by the
coordinators of one of the practice's places (``practice_get_for_user``); everything else here
reads published items only, the items an item links to included (a practice's publications, a
publication's practices, a newsletter issue's news and practices). "Missing" and "forbidden"
are answered the same way (404).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import Count, Max, Model, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from icc.accounts.selectors import AnyUser, PlaceRole, place_roles_for_user, user_scope
from icc.filtering import FilterValues
from icc.knowledge.models import (
    CallForPractices,
    GoodPractice,
    NewsItem,
    NewsletterIssue,
    NewsSeries,
    PracticeStatus,
    Publication,
    PublicationKind,
    Subscriber,
    Theme,
)
from icc.knowledge.workflow import Actor

M = TypeVar("M", bound=Model)

# --- the programme's figures (annual report) -------------------------------------------------


def _day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, end+1 00:00) in the current time zone: ``end`` is included."""
    tz = timezone.get_current_timezone()
    low = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return low, high


def practices_published_count(*, start: dt.date, end: dt.date) -> int:
    """Good practices published (and still published) between ``start`` and ``end``, both
    included."""
    low, high = _day_bounds(start, end)
    return GoodPractice.objects.filter(
        status=PracticeStatus.PUBLISHED, published_at__gte=low, published_at__lt=high
    ).count()


def news_published_count(*, start: dt.date, end: dt.date) -> int:
    """News items published between ``start`` and ``end``, both included."""
    low, high = _day_bounds(start, end)
    return NewsItem.objects.filter(published_at__gte=low, published_at__lt=high).count()


def newsletter_issues_sent_count(*, start: dt.date, end: dt.date) -> int:
    """Newsletter issues sent between ``start`` and ``end``, both included."""
    low, high = _day_bounds(start, end)
    return NewsletterIssue.objects.filter(
        status=NewsletterIssue.Status.SENT, sent_at__gte=low, sent_at__lt=high
    ).count()


@dataclass(frozen=True)
class PublicationRow:
    """A publication as the annual report lists it (title and kind label in the active
    language)."""

    id: int
    title: str
    kind: str
    kind_label: str
    languages: tuple[str, ...]
    published_on: dt.date | None
    url: str


def _publication_row(publication: Publication) -> PublicationRow:
    return PublicationRow(
        id=publication.pk,
        title=publication.title,
        kind=publication.kind,
        kind_label=str(PublicationKind(publication.kind).label),
        languages=tuple(v.language for v in publication.versions.all()),
        published_on=publication.published_on,
        url=publication.get_absolute_url(),
    )


def publications_between(*, start: dt.date, end: dt.date) -> list[PublicationRow]:
    """Published publications dated between ``start`` and ``end`` (both included), oldest
    first, then by title."""
    rows = (
        Publication.objects.filter(
            is_published=True, published_on__gte=start, published_on__lte=end
        )
        .prefetch_related("versions")
        .order_by("published_on", "title", "pk")
    )
    return [_publication_row(p) for p in rows]


def publication_choices() -> list[tuple[int, str]]:
    """(id, title) of every publication, newest first: for a foreign key in another module."""
    return [(p.pk, p.title) for p in Publication.objects.order_by("-published_on", "title")]


# --- practices -----------------------------------------------------------------------------


def practices_published() -> QuerySet[GoodPractice]:
    """Every published practice, with what lists and the API show."""
    return (
        GoodPractice.objects.filter(status=PracticeStatus.PUBLISHED)
        .select_related("country")
        .prefetch_related("places", "themes", "areas")
        .order_by("-published_at", "-pk")
    )


@dataclass(frozen=True)
class PracticeFilters(FilterValues):
    """Facets of the practice list; empty means "any"."""

    q: str = ""
    area: str = ""
    theme: str = ""
    country: str = ""
    language: str = ""
    year: int | None = None


def language_q(field_name: str, code: str) -> Q:
    """Rows whose comma-separated ``field_name`` holds ``code``."""
    return Q(**{f"{field_name}__regex": rf"(^|,)\s*{code}\s*(,|$)"})


def _where_given(rows: QuerySet[M], **lookups: object) -> QuerySet[M]:
    """``rows`` filtered by each lookup whose value is given (an empty value filters nothing)."""
    for lookup, value in lookups.items():
        if value:
            rows = rows.filter(**{lookup: value})
    return rows


def _text_matching(rows: QuerySet[M], q: str) -> QuerySet[M]:
    """``rows`` whose title or summary holds ``q`` (all of them when ``q`` is empty)."""
    return rows.filter(Q(title__icontains=q) | Q(summary__icontains=q)) if q else rows


def practice_list(*, filters: PracticeFilters) -> QuerySet[GoodPractice]:
    """Published practices matching ``filters``."""
    rows = _where_given(
        _text_matching(practices_published(), filters.q),
        areas__code=filters.area,
        themes__slug=filters.theme,
        country__code=filters.country,
    )
    if filters.language:
        rows = rows.filter(language_q("languages", filters.language) | Q(language=filters.language))
    return _where_given(rows, published_at__year=filters.year).distinct()


@dataclass(frozen=True)
class Facet:
    value: str
    label: str
    count: int


def practice_facets(*, rows: QuerySet[GoodPractice]) -> dict[str, list[Facet]]:
    """Counts per theme, area, country and year of the practices in ``rows``."""
    ids = rows.values("pk")
    themes = (
        Theme.objects.filter(practices__in=ids)
        .annotate(n=Count("practices", distinct=True))
        .order_by("position", "slug")
    )
    countries = (
        GoodPractice.objects.filter(pk__in=ids, country__isnull=False)
        .values("country__code", "country__name")
        .annotate(n=Count("pk"))
        .order_by("country__name")
    )
    years = (
        GoodPractice.objects.filter(pk__in=ids)
        .values("published_at__year")
        .annotate(n=Count("pk"))
        .order_by("-published_at__year")
    )
    areas = (
        GoodPractice.objects.filter(pk__in=ids)
        .values("areas__code")
        .annotate(n=Count("pk"))
        .order_by("areas__code")
    )
    labels = indicator_labels()
    return {
        "theme": [Facet(t.slug, t.name, t.n) for t in themes],
        "area": [
            Facet(a["areas__code"], labels.get(a["areas__code"], a["areas__code"]), a["n"])
            for a in areas
            if a["areas__code"]
        ],
        "country": [Facet(c["country__code"], c["country__name"], c["n"]) for c in countries],
        "year": [
            Facet(str(y["published_at__year"]), str(y["published_at__year"]), y["n"])
            for y in years
            if y["published_at__year"]
        ],
    }


def indicator_labels() -> dict[str, str]:
    """Code -> label of the indicator areas of the latest index edition (active language)."""
    from icc.index.selectors import edition_list, indicator_areas

    edition = edition_list().first()
    if edition is None:
        return {}
    return {a.code: a.label for a in indicator_areas(edition=edition)}


def practice_actors(*, user: AnyUser, practice: GoodPractice) -> frozenset[Actor]:
    """What ``user`` is to ``practice`` in its workflow: secretariat, or the city (a city
    coordinator of one of its places, or the network coordinator answering for it)."""
    scope = user_scope(user=user)
    actors: set[Actor] = set()
    if scope.is_secretariat:
        actors.add(Actor.SECRETARIAT)
    for place in practice.places.all():
        roles = place_roles_for_user(user=user, place_id=place.pk)
        if roles & {PlaceRole.CITY_COORDINATOR, PlaceRole.NETWORK_COORDINATOR}:
            actors.add(Actor.CITY)
            break
    return frozenset(actors)


def practice_get_for_user(*, user: AnyUser, slug: str) -> GoodPractice:
    """The practice ``slug``: published ones for everyone, others for the secretariat and its
    cities' coordinators; Http404 otherwise."""
    practice = (
        GoodPractice.objects.select_related("country", "call")
        .prefetch_related(
            "places",
            "themes",
            "areas",
            "links",
            "files",
            Prefetch("publications", queryset=Publication.objects.filter(is_published=True)),
        )
        .filter(slug=slug)
        .first()
    )
    if practice is None:
        raise Http404
    if practice.status != PracticeStatus.PUBLISHED and not practice_actors(
        user=user, practice=practice
    ):
        raise Http404
    return practice


def practices_for_user(*, user: AnyUser) -> QuerySet[GoodPractice]:
    """ "My practices": those of the places the user coordinates (or answers for)."""
    scope = user_scope(user=user)
    place_ids = set(scope.coordinated_place_ids) | set(scope.network_place_ids)
    return (
        GoodPractice.objects.filter(places__in=place_ids)
        .prefetch_related("places")
        .distinct()
        .order_by("-updated_at")
    )


def moderation_queue() -> QuerySet[GoodPractice]:
    """Practices waiting for the secretariat (submitted), oldest first."""
    return (
        GoodPractice.objects.filter(status=PracticeStatus.SUBMITTED)
        .prefetch_related("places")
        .order_by("submitted_at", "pk")
    )


def practices_in_moderation() -> QuerySet[GoodPractice]:
    """Drafts and practices with changes requested (for the secretariat's overview)."""
    return (
        GoodPractice.objects.filter(
            status__in=[PracticeStatus.DRAFT, PracticeStatus.CHANGES_REQUESTED]
        )
        .prefetch_related("places")
        .order_by("-updated_at")
    )


def coordinated_places(*, user: AnyUser) -> list[tuple[int, str]]:
    """(id, name) of the places ``user`` may submit practices for."""
    from icc.network.selectors import PlaceFilters, place_list

    scope = user_scope(user=user)
    rows = place_list(filters=PlaceFilters())
    if not scope.is_secretariat:
        ids = set(scope.coordinated_place_ids) | set(scope.network_place_ids)
        rows = rows.filter(pk__in=ids)
    return [(p.pk, p.name) for p in rows]


# --- the report hook -----------------------------------------------------------------------


@dataclass(frozen=True)
class AreaPractice:
    """A good practice pointed to from a city report's area section."""

    title: str
    place: str
    url: str
    summary: str = ""


def practices_for_area(
    *, area: str, exclude_place_id: int | None = None, limit: int = 3, edition_name: str = ""
) -> list[AreaPractice]:
    """Published practices tagged with indicator area ``area``, from the cities that score
    best in that area in the edition (``edition_name``, else the latest with results), best
    first, at most ``limit``; the place ``exclude_place_id`` is left out. Practices from places
    without a score come after, newest first."""
    from icc.index.result_selectors import edition_find, place_results_of
    from icc.index.selectors import editions_with_results

    edition = edition_find(name=edition_name) if edition_name else None
    if edition is None:
        editions = editions_with_results()
        edition = editions[0] if editions else None
    score: dict[int, float] = {}
    if edition is not None:
        for result in place_results_of(edition=edition):
            value = result.indicators_advanced.get(area)
            if value is not None:
                score[result.place_id] = float(value)
    rows = practices_published().filter(areas__code=area).distinct()
    if exclude_place_id is not None:
        rows = rows.exclude(places__pk=exclude_place_id)
    ranked: list[tuple[float, float, GoodPractice, str]] = []
    for practice in rows[:500]:
        places = list(practice.places.all())
        best = max((score.get(p.pk, -1.0) for p in places), default=-1.0)
        names = ", ".join(p.name for p in places)
        stamp = practice.published_at.timestamp() if practice.published_at else 0.0
        ranked.append((best, stamp, practice, names))
    ranked.sort(key=lambda item: (-item[0], -item[1]))
    return [
        AreaPractice(title=p.title, place=names, url=p.get_absolute_url(), summary=p.summary)
        for _best, _stamp, p, names in ranked[:limit]
    ]


# --- calls ---------------------------------------------------------------------------------


def calls_open(*, today: dt.date | None = None) -> QuerySet[CallForPractices]:
    """Calls whose deadline has not passed, soonest deadline first."""
    today = today or timezone.localdate()
    return (
        CallForPractices.objects.filter(deadline__gte=today)
        .select_related("theme")
        .order_by("deadline")
    )


def calls_all() -> QuerySet[CallForPractices]:
    return CallForPractices.objects.select_related("theme").annotate(n=Count("answers"))


def call_get(*, pk: int) -> CallForPractices:
    call = CallForPractices.objects.select_related("theme").filter(pk=pk).first()
    if call is None:
        raise Http404
    return call


# --- publications, news, themes ------------------------------------------------------------


@dataclass(frozen=True)
class PublicationFilters:
    q: str = ""
    kind: str = ""
    theme: str = ""
    language: str = ""
    year: int | None = None


def publication_list(*, filters: PublicationFilters) -> QuerySet[Publication]:
    published = Publication.objects.filter(is_published=True)
    rows = _where_given(
        _text_matching(published.prefetch_related("versions", "themes"), filters.q),
        kind=filters.kind,
        themes__slug=filters.theme,
        versions__language=filters.language,
        published_on__year=filters.year,
    )
    return rows.distinct().order_by("-published_on", "title")


def publication_get(*, slug: str) -> Publication:
    found = (
        Publication.objects.filter(slug=slug, is_published=True)
        .prefetch_related(
            "versions",
            "themes",
            Prefetch("practices", queryset=practices_published()),
        )
        .first()
    )
    if found is None:
        raise Http404
    return found


def news_published() -> QuerySet[NewsItem]:
    return (
        NewsItem.objects.filter(published_at__isnull=False, published_at__lte=timezone.now())
        .select_related("series")
        .prefetch_related("themes")
        .order_by("-published_at", "-pk")
    )


def news_list(*, series: str = "", theme: str = "", year: int | None = None) -> QuerySet[NewsItem]:
    return _where_given(
        news_published(), series__slug=series, themes__slug=theme, published_at__year=year
    ).distinct()


def news_get(*, slug: str) -> NewsItem:
    found = news_published().filter(slug=slug).first()
    if found is None:
        raise Http404
    return found


def news_series_choices() -> list[tuple[str, str]]:
    """(slug, title) of the special editions."""
    return [(s.slug, s.title) for s in NewsSeries.objects.all()]


def themes() -> QuerySet[Theme]:
    return Theme.objects.order_by("position", "slug")


def _theme_events(theme: Theme, limit: int) -> list[object]:
    from icc.events.selectors import EventFilters, event_list

    found: dict[int, object] = {}
    for slug in [s.strip() for s in theme.event_themes.split(",") if s.strip()]:
        for event in event_list(filters=EventFilters(theme=slug))[:limit]:
            found.setdefault(event.pk, event)
    return sorted(found.values(), key=lambda e: e.start, reverse=True)[:limit]  # type: ignore[attr-defined]


@dataclass
class ThemePage:
    """Everything published on one theme."""

    theme: Theme
    practices: list[GoodPractice] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    news: list[NewsItem] = field(default_factory=list)
    events: list[object] = field(default_factory=list)


def theme_page(*, slug: str, limit: int = 12) -> ThemePage:
    """The theme ``slug`` with its latest practices, publications, news and public events."""
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise Http404
    return ThemePage(
        theme=theme,
        practices=list(practices_published().filter(themes=theme)[:limit]),
        publications=list(
            Publication.objects.filter(is_published=True, themes=theme).order_by("-published_on")[
                :limit
            ]
        ),
        news=list(news_published().filter(themes=theme)[:limit]),
        events=_theme_events(theme, limit),
    )


# --- newsletter ----------------------------------------------------------------------------


def issues_sent() -> QuerySet[NewsletterIssue]:
    return NewsletterIssue.objects.filter(status=NewsletterIssue.Status.SENT).order_by("-number")


def _issues_with_items() -> QuerySet[NewsletterIssue]:
    """Issues with those of their news and practices that are still published: an item
    withdrawn since the issue was composed is neither shown in the archive nor e-mailed."""
    return NewsletterIssue.objects.prefetch_related(
        Prefetch("news", queryset=news_published()),
        Prefetch("practices", queryset=practices_published()),
    )


def issue_for_sending(*, pk: int) -> NewsletterIssue | None:
    """The issue ``pk`` with what it may still carry (``_issues_with_items``)."""
    return _issues_with_items().filter(pk=pk).first()


def issue_get(*, number: int, include_drafts: bool = False) -> NewsletterIssue:
    rows = _issues_with_items()
    if not include_drafts:
        rows = rows.filter(status=NewsletterIssue.Status.SENT)
    found = rows.filter(number=number).first()
    if found is None:
        raise Http404
    return found


def issues_all() -> QuerySet[NewsletterIssue]:
    return NewsletterIssue.objects.annotate(n=Count("deliveries")).order_by("-number")


def since_last_issue() -> dt.datetime | None:
    """When the latest issue was sent (None: never)."""
    last: dt.datetime | None = issues_sent().aggregate(last=Max("sent_at"))["last"]
    return last


def subscribers_active(*, languages: Iterable[str] | None = None) -> QuerySet[Subscriber]:
    """Confirmed subscribers who have not unsubscribed."""
    rows = Subscriber.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
    if languages is not None:
        rows = rows.filter(language__in=list(languages))
    return rows


def subscriber_counts() -> dict[str, int]:
    """Active subscribers per language."""
    return {
        row["language"]: row["n"]
        for row in subscribers_active().values("language").annotate(n=Count("pk"))
    }


def practice_slugs(*, slugs: Sequence[str]) -> set[str]:
    return set(GoodPractice.objects.filter(slug__in=list(slugs)).values_list("slug", flat=True))
