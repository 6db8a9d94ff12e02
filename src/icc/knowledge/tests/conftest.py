"""Knowledge fixtures: a published practice factory over the test directory."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from icc.knowledge.models import GoodPractice, NewsItem, PracticeArea, Theme
from icc.knowledge.themes_seed import themes_ensure


def themes_present() -> None:
    """The themes come from a data migration; a test that empties the database (a browser test
    with its live server) removes them for the tests after it, so they are seeded again here."""
    if not Theme.objects.exists():
        themes_ensure(Theme)


@pytest.fixture
def make_practice(directory: dict[str, Any]):
    """``make_practice(slug, place="bilbao", areas=[...], published=datetime|None, ...)``."""
    themes_present()

    def make(
        slug: str,
        *,
        place: str = "bilbao",
        areas: tuple[str, ...] = (),
        themes: tuple[str, ...] = (),
        published: dt.datetime | None = None,
        status: str = "published",
        **extra: Any,
    ) -> GoodPractice:
        when = published or timezone.now()
        practice = GoodPractice.objects.create(
            slug=slug,
            title_en=extra.pop("title", slug.replace("-", " ").capitalize()),
            status=status,
            published_at=when if status == "published" else None,
            country=directory[place if place != "reggio-emilia" else "reggio"].country,
            **extra,
        )
        practice.places.add(directory[place if place != "reggio-emilia" else "reggio"])
        PracticeArea.objects.bulk_create([PracticeArea(practice=practice, code=c) for c in areas])
        practice.themes.set(Theme.objects.filter(slug__in=themes))
        return practice

    return make


@pytest.fixture
def make_news(db: Any):
    def make(slug: str, *, published: dt.datetime | None = None, **extra: Any) -> NewsItem:
        return NewsItem.objects.create(
            slug=slug,
            title_en=extra.pop("title", slug.replace("-", " ").capitalize()),
            published_at=published or timezone.now(),
            **extra,
        )

    return make
