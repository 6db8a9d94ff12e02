"""``icc demo`` for the knowledge base: written demo practices and news, the 2020 publications
of the annual report, and enough short generated items labelled "Demo" that the programme's
2020 figures come out as the report states them: 117 good practices and 111 news items
published in 2020, five newsletter issues sent in 2020.

Idempotent: when the demo is already complete nothing is written; otherwise the demo records
(``is_demo``) and the report's publications are replaced. Everything is written with
``bulk_create``; the search receives its copies here, and their vectors are computed later by
the search's background task (never during ``icc demo``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, cast

from django.db import transaction

from icc.knowledge.demo_content import NEWS, PRACTICES, PUBLICATIONS, SERIES
from icc.knowledge.models import (
    GoodPractice,
    NewsItem,
    NewsletterIssue,
    NewsSeries,
    PracticeArea,
    Publication,
    PublicationVersion,
    Theme,
)
from icc.knowledge.sanitise import html_clean
from icc.knowledge.themes_seed import themes_ensure
from icc.network.models import Place

PRACTICES_2020 = 117
NEWS_2020 = 111
ISSUES_2020 = [  # demo dates: every two months but the summer
    dt.date(2020, 2, 14), dt.date(2020, 4, 17), dt.date(2020, 6, 19), dt.date(2020, 10, 16),
    dt.date(2020, 12, 18),
]  # fmt: skip
AREAS = [
    "commitment", "education", "neighbourhoods", "public_services", "business",
    "cultural_social", "public_space", "mediation", "language", "media", "international",
    "intelligence", "welcoming", "leadership", "anti_discrimination", "participation",
    "interaction",
]  # fmt: skip
UTC = dt.UTC


def _moment(n: int, count: int) -> dt.datetime:
    """The ``n``-th of ``count`` moments spread over 2020 (noon UTC)."""
    day = dt.date(2020, 1, 6) + dt.timedelta(days=(n * 350) // max(count, 1))
    return dt.datetime.combine(day, dt.time(12), tzinfo=UTC)


def _complete() -> bool:
    return (
        GoodPractice.objects.filter(is_demo=True).count() == PRACTICES_2020
        and NewsItem.objects.filter(is_demo=True).count() == NEWS_2020
        and NewsletterIssue.objects.filter(is_demo=True).count() == len(ISSUES_2020)
        and Publication.objects.filter(slug__in=[p[0] for p in PUBLICATIONS]).count()
        == len(PUBLICATIONS)
    )


def _generated_places(places: dict[str, Place]) -> Iterator[Place]:
    ordered = sorted(places.values(), key=lambda p: p.slug)
    while True:
        yield from ordered


def _practices(places: dict[str, Place], pool: dict[str, Place], themes: dict[str, Theme]) -> None:
    practices: list[GoodPractice] = []
    relations: list[tuple[list[Place], list[str], list[str]]] = []
    for n, item in enumerate(PRACTICES):
        lang = str(item["lang"])
        place = places.get(str(item["place"]))
        start, end = cast(tuple[int | None, int | None], item["period"])
        values = {f"{name}_{lang}": item[name] for name in ("title", "summary", "results")}
        values[f"description_{lang}"] = html_clean(str(item["description"]))
        for name in ("title", "summary", "results", "description"):
            values.setdefault(f"{name}_en", values[f"{name}_{lang}"])
        practices.append(
            GoodPractice(
                slug=str(item["slug"]),
                language=lang,
                languages=",".join([lang, *item["languages"]]),  # type: ignore[misc]
                country_id=place.country_id if place else None,
                period_start=start,
                period_end=end,
                status="published",
                published_at=_moment(n * 6, len(PRACTICES) * 6),
                contact="demo@example.org",
                is_demo=True,
                **values,
            )
        )
        relations.append(
            ([place] if place else [], list(item["areas"]), list(item["themes"]))  # type: ignore[call-overload]
        )
    cycle = _generated_places(pool or places)
    theme_slugs = list(themes)
    for n in range(len(PRACTICES) + 1, PRACTICES_2020 + 1):
        place = next(cycle)
        area = AREAS[n % len(AREAS)]
        theme = theme_slugs[n % len(theme_slugs)]
        title = f"Demo practice {n}: {getattr(themes[theme], 'name_en', theme)} in {place.name}"
        summary = (
            "A short demo entry generated so that the 2020 figures of the annual report add "
            "up; it describes no real project."
        )
        practices.append(
            GoodPractice(
                slug=f"demo-practice-{n}",
                title_en=title,
                summary_en=summary,
                language="en",
                languages="en",
                country_id=place.country_id,
                status="published",
                published_at=_moment(n, PRACTICES_2020),
                is_demo=True,
            )
        )
        relations.append(([place], [area], [theme]))
    created = GoodPractice.objects.bulk_create(practices, batch_size=200)
    Through: Any = GoodPractice.places.through
    ThemeThrough: Any = GoodPractice.themes.through
    Through.objects.bulk_create(
        [
            Through(goodpractice_id=p.pk, place_id=place.pk)
            for p, (places_of, _a, _t) in zip(created, relations, strict=True)
            for place in places_of
        ]
    )
    PracticeArea.objects.bulk_create(
        [
            PracticeArea(practice_id=p.pk, code=code)
            for p, (_p, areas, _t) in zip(created, relations, strict=True)
            for code in areas
        ]
    )
    ThemeThrough.objects.bulk_create(
        [
            ThemeThrough(goodpractice_id=p.pk, theme_id=themes[slug].pk)
            for p, (_p, _a, slugs) in zip(created, relations, strict=True)
            for slug in slugs
        ]
    )


def _news() -> None:
    series = {}
    for slug, titles in SERIES.items():
        series[slug], _created = NewsSeries.objects.update_or_create(
            slug=slug, defaults={"title_en": titles["en"], "title_fr": titles["fr"]}
        )
    items: list[NewsItem] = []
    for n, item in enumerate(NEWS):
        lang = item["lang"]
        values = {f"{name}_{lang}": item[name] for name in ("title", "summary")}
        values[f"body_{lang}"] = html_clean(item["body"])
        for name in ("title", "summary", "body"):
            values.setdefault(f"{name}_en", values[f"{name}_{lang}"])
        items.append(
            NewsItem(
                slug=item["slug"],
                language=lang,
                series=series.get(item["series"]),
                published_at=_moment(n * 13, len(NEWS) * 13),
                is_demo=True,
                **values,
            )
        )
    for n in range(len(NEWS) + 1, NEWS_2020 + 1):
        items.append(
            NewsItem(
                slug=f"demo-news-{n}",
                title_en=f"Demo news item {n}",
                title_fr=f"Actualité de démonstration {n}",
                summary_en="A generated demo item, so that the 2020 figures add up.",
                summary_fr="Un élément de démonstration généré pour que les chiffres de 2020 "
                "soient justes.",
                language="en",
                published_at=_moment(n, NEWS_2020),
                is_demo=True,
            )
        )
    NewsItem.objects.bulk_create(items, batch_size=200)


def _issues() -> None:
    previous = dt.datetime(2019, 12, 31, tzinfo=UTC)
    NewsThrough: Any = NewsletterIssue.news.through
    PracticeThrough: Any = NewsletterIssue.practices.through
    for number, day in enumerate(ISSUES_2020, start=1):
        sent = dt.datetime.combine(day, dt.time(9), tzinfo=UTC)
        issue = NewsletterIssue.objects.create(
            number=number,
            subject_en=f"Intercultural Cities newsletter no. {number} (demo)",
            subject_fr=f"Lettre d'information des Cités interculturelles no {number} (démo)",
            intro_en="A demo issue made of the demo items published since the previous issue.",
            status="sent",
            sent_at=sent,
            is_demo=True,
        )
        window = {"published_at__gt": previous, "published_at__lte": sent, "is_demo": True}
        NewsThrough.objects.bulk_create(
            [
                NewsThrough(newsletterissue_id=issue.pk, newsitem_id=pk)
                for pk in NewsItem.objects.filter(**window).values_list("pk", flat=True)
            ]
        )
        PracticeThrough.objects.bulk_create(
            [
                PracticeThrough(newsletterissue_id=issue.pk, goodpractice_id=pk)
                for pk in GoodPractice.objects.filter(**window).values_list("pk", flat=True)
            ]
        )
        previous = sent


def _publications(themes: dict[str, Theme]) -> None:
    rows = []
    for slug, kind, date, _langs, _themes, title_fr, title_en in PUBLICATIONS:
        precision = "month" if len(date) == 7 else "year"
        day = dt.date.fromisoformat(f"{date}-01" if precision == "month" else f"{date}-01-01")
        rows.append(
            Publication(
                slug=slug, kind=kind, published_on=day, date_precision=precision,
                title_en=title_en, title_fr=title_fr, authors="Intercultural Cities programme",
            )
        )  # fmt: skip
    created = Publication.objects.bulk_create(rows)
    PublicationVersion.objects.bulk_create(
        [
            PublicationVersion(publication_id=p.pk, language=lang)
            for p, spec in zip(created, PUBLICATIONS, strict=True)
            for lang in spec[3]
        ]
    )
    Through: Any = Publication.themes.through
    Through.objects.bulk_create(
        [
            Through(publication_id=p.pk, theme_id=themes[slug].pk)
            for p, spec in zip(created, PUBLICATIONS, strict=True)
            for slug in spec[4]
        ]
    )


def knowledge_demo_load() -> list[str]:
    """Load the knowledge base's demo (see the module's docstring); lines to print."""
    if _complete():
        return ["Knowledge base: demo already loaded."]
    from icc.knowledge.search_bridge import knowledge_reindex

    themes_ensure(Theme)  # seeded by a migration; again here after a database was emptied
    themes = {t.slug: t for t in Theme.objects.all()}
    wanted = {str(p["place"]) for p in PRACTICES}
    members = Place.objects.filter(status="member")
    places = {p.slug: p for p in Place.objects.filter(slug__in=wanted)}
    generated = {p.slug: p for p in members.order_by("slug")[:60]}
    with transaction.atomic():
        NewsletterIssue.objects.filter(is_demo=True).delete()
        GoodPractice.objects.filter(is_demo=True).delete()
        NewsItem.objects.filter(is_demo=True).delete()
        Publication.objects.filter(slug__in=[p[0] for p in PUBLICATIONS]).delete()
        _practices(places, generated, themes)
        _news()
        _issues()
        _publications(themes)
    count = knowledge_reindex()
    return [
        f"Knowledge base: {PRACTICES_2020} practices ({len(PRACTICES)} written), "
        f"{NEWS_2020} news, {len(ISSUES_2020)} newsletter issues, {len(PUBLICATIONS)} "
        f"publications; {count} items sent to search (meanings computed in the background)."
    ]
