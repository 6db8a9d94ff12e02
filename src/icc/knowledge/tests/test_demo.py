"""The demo gives the 2020 figures of the annual report and loads once."""

import datetime as dt

from icc.knowledge.demo import knowledge_demo_load
from icc.knowledge.models import GoodPractice
from icc.knowledge.selectors import (
    news_published_count,
    newsletter_issues_sent_count,
    practices_published_count,
    publications_between,
)
from icc.search.selectors import search

YEAR = {"start": dt.date(2020, 1, 1), "end": dt.date(2020, 12, 31)}


def test_demo_states_the_2020_figures_and_is_idempotent(directory, django_assert_max_num_queries):
    knowledge_demo_load()
    assert practices_published_count(**YEAR) == 117
    assert news_published_count(**YEAR) == 111
    assert newsletter_issues_sent_count(**YEAR) == 5
    rows = {r.title: r for r in publications_between(**YEAR)}
    gentrification = rows["Managing gentrification"]
    assert (gentrification.kind, gentrification.languages) == ("policy_brief", ("fr", "es"))
    assert gentrification.published_on == dt.date(2020, 6, 1)
    assert rows["ICC glossary"].kind == "glossary"
    assert rows["ICC glossary"].languages == ("fr", "en", "es", "it", "uk")
    written = GoodPractice.objects.get(slug="bilbao-neighbourhood-welcome-walks")
    assert written.language == "es" and written.is_demo
    assert [p.slug for p in written.places.all()] == ["bilbao"]
    generated = GoodPractice.objects.filter(slug__startswith="demo-practice-")
    assert all(p.title.startswith("Demo practice") for p in generated)
    with django_assert_max_num_queries(10):
        assert knowledge_demo_load() == ["Knowledge base: demo already loaded."]
    assert practices_published_count(**YEAR) == 117
    hits = search(q="gentrificación", limit=50).hits  # put in search, found by words
    assert any(h.kind == "news" for h in hits)
