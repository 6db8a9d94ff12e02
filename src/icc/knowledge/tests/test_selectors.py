"""The figures other modules read (annual report) and the public lists' facets."""

import datetime as dt

from icc.knowledge.models import NewsletterIssue, Publication, PublicationVersion
from icc.knowledge.selectors import (
    PracticeFilters,
    news_published_count,
    newsletter_issues_sent_count,
    practice_facets,
    practice_list,
    practices_published_count,
    publication_choices,
    publications_between,
)

UTC = dt.UTC
YEAR = {"start": dt.date(2020, 1, 1), "end": dt.date(2020, 12, 31)}


def test_counts_of_a_year_include_its_last_day_and_nothing_outside(make_practice, make_news):
    make_practice("first-day", published=dt.datetime(2020, 1, 1, 0, 30, tzinfo=UTC))
    make_practice("last-day", published=dt.datetime(2020, 12, 31, 20, 0, tzinfo=UTC))
    make_practice("next-year", published=dt.datetime(2021, 1, 2, tzinfo=UTC))
    make_practice("still-a-draft", status="draft")
    make_news("n2020", published=dt.datetime(2020, 6, 1, tzinfo=UTC))
    make_news("n2019", published=dt.datetime(2019, 6, 1, tzinfo=UTC))
    NewsletterIssue.objects.create(
        number=1, subject="One", status="sent", sent_at=dt.datetime(2020, 3, 1, tzinfo=UTC)
    )
    NewsletterIssue.objects.create(number=2, subject="Draft")
    assert practices_published_count(**YEAR) == 2
    assert news_published_count(**YEAR) == 1
    assert newsletter_issues_sent_count(**YEAR) == 1


def test_publications_between_lists_kinds_and_languages(db):
    brief = Publication.objects.create(
        slug="gentrification", title="Managing gentrification", kind="policy_brief",
        published_on=dt.date(2020, 6, 1),
    )  # fmt: skip
    PublicationVersion.objects.create(publication=brief, language="en", url="https://x.test/en")
    PublicationVersion.objects.create(publication=brief, language="es", url="https://x.test/es")
    Publication.objects.create(
        slug="old", title="Old", kind="guide", published_on=dt.date(2019, 6, 1)
    )
    rows = publications_between(**YEAR)
    assert [(r.title, r.kind, r.kind_label, r.languages) for r in rows] == [
        ("Managing gentrification", "policy_brief", "Policy brief", ("en", "es"))
    ]
    assert rows[0].url == "/en/knowledge/publications/gentrification/"
    assert [title for _pk, title in publication_choices()] == ["Managing gentrification", "Old"]


def test_facets_count_the_filtered_practices(make_practice):
    make_practice("a", areas=("education",), themes=("refugees",))
    make_practice("b", place="reggio-emilia", areas=("education", "business"))
    make_practice("c", status="submitted", areas=("education",))
    rows = practice_list(filters=PracticeFilters(area="education"))
    assert sorted(p.slug for p in rows) == ["a", "b"]
    facets = practice_facets(rows=rows)
    assert {f.value: f.count for f in facets["country"]} == {"ES": 1, "IT": 1}
    assert {f.value: f.count for f in facets["theme"]} == {"refugees": 1}
    assert [p.slug for p in practice_list(filters=PracticeFilters(country="IT"))] == ["b"]
