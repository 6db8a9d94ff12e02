"""The knowledge base's items in the platform's search (``icc.search``).

Rules held here:

- A practice is searchable while it is published, a news item once its publication time has
  come, a publication while it is marked published. Publishing (or changing a published item)
  puts its searchable copy after the change commits; unpublishing takes it out after commit.
  Nothing is written to the search when the change rolls back.
- A news item dated in the future is put at once with its publication time (``visible_from``):
  the search leaves it out until then and finds it from then on, with nothing to run on the
  day. A news item without a publication time (a draft) is not searchable.
- The copy holds the item as written: its language, title, summary and text (tags removed),
  its page's address (English interface) and its facets: ``area`` (index indicator areas),
  ``theme`` (theme slugs), ``country`` (ISO code), ``language`` (every language it can be read
  in), ``type`` (a publication's type) and ``year`` (of publication).
- Vectors (the meaning) are computed by the search's background task, never here.
- The search page names the facets' values as the knowledge base's pages do (a policy area's
  label, a theme's name, a publication type's label), in the visitor's language
  (``facet_labels_register``, called from the app's ``ready``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import translation

from icc.knowledge.models import (
    GoodPractice,
    NewsItem,
    PracticeStatus,
    Publication,
    PublicationKind,
)
from icc.knowledge.sanitise import html_text
from icc.knowledge.selectors import indicator_labels, themes
from icc.search.labels import facet_labels_register
from icc.search.services import document_put, document_remove

SOURCE = "knowledge"


def _url(item: Any) -> str:
    with translation.override("en"):
        return str(item.get_absolute_url())


def _year(when: Any) -> list[str]:
    return [str(when.year)] if when else []


def _text(item: Any, field: str, lang: str) -> str:
    """The item's ``field`` as written in ``lang``; the active language's when that is empty."""
    text: str = getattr(item, f"{field}_{lang}") or getattr(item, field)
    return text


def _document(
    item: Any, *, kind: str, lang: str, body: str, facets: dict[str, Any]
) -> dict[str, Any]:
    """The searchable copy of ``item`` (document_put's arguments), its title and summary in
    ``lang``."""
    return {
        "source": SOURCE,
        "kind": kind,
        "key": str(item.pk),
        "language": lang,
        "title": _text(item, "title", lang),
        "summary": _text(item, "summary", lang),
        "body": body,
        "url": _url(item),
        "facets": facets,
    }


def practice_document(practice: GoodPractice) -> dict[str, Any]:
    """The searchable copy of a practice (document_put's arguments)."""
    lang = practice.language
    places = ", ".join(p.name for p in practice.places.all())
    description = html_text(_text(practice, "description", lang))
    results = _text(practice, "results", lang)
    return _document(
        practice,
        kind="practice",
        lang=lang,
        body="\n".join(x for x in (places, description, results) if x),
        facets={
            "area": [a.code for a in practice.areas.all()],
            "theme": [t.slug for t in practice.themes.all()],
            "country": [practice.country_id] if practice.country_id else [],
            "language": practice.language_codes,
            "year": _year(practice.published_at),
        },
    )


def publication_document(publication: Publication) -> dict[str, Any]:
    return _document(
        publication,
        kind="publication",
        lang="en" if getattr(publication, "title_en", "") else "fr",
        body=publication.authors,
        facets={
            "type": [publication.kind],
            "theme": [t.slug for t in publication.themes.all()],
            "language": [v.language for v in publication.versions.all()],
            "year": _year(publication.published_on),
        },
    )


def news_document(item: NewsItem) -> dict[str, Any]:
    return {
        **_document(
            item,
            kind="news",
            lang=item.language,
            body=html_text(_text(item, "body", item.language)),
            facets={
                "theme": [t.slug for t in item.themes.all()],
                "language": [item.language],
                "year": _year(item.published_at),
            },
        ),
        "visible_from": item.published_at,
    }


def practice_put_now(practice_id: int) -> None:
    """Put or remove the practice's copy according to its status (now)."""
    practice = (
        GoodPractice.objects.prefetch_related("places", "areas", "themes")
        .filter(pk=practice_id)
        .first()
    )
    if practice is None or practice.status != PracticeStatus.PUBLISHED:
        document_remove(source=SOURCE, kind="practice", key=str(practice_id))
        return
    document_put(**practice_document(practice))


def practice_index(*, practice_id: int) -> None:
    """Put (or put again) the practice into search after the current transaction commits."""
    transaction.on_commit(lambda: practice_put_now(practice_id))


def practice_remove(*, practice_id: int) -> None:
    """Take the practice out of search after the current transaction commits."""
    transaction.on_commit(
        lambda: document_remove(source=SOURCE, kind="practice", key=str(practice_id))
    )


def publication_index(*, publication_id: int) -> None:
    def put() -> None:
        found = (
            Publication.objects.prefetch_related("versions", "themes")
            .filter(pk=publication_id)
            .first()
        )
        if found is None or not found.is_published:
            document_remove(source=SOURCE, kind="publication", key=str(publication_id))
        else:
            document_put(**publication_document(found))

    transaction.on_commit(put)


def news_index(*, news_id: int) -> None:
    def put() -> None:
        found = NewsItem.objects.prefetch_related("themes").filter(pk=news_id).first()
        if found is None or found.published_at is None:
            document_remove(source=SOURCE, kind="news", key=str(news_id))
        else:
            document_put(**news_document(found))

    transaction.on_commit(put)


def knowledge_reindex() -> int:
    """Put every published item now, and every news item dated in the future (found from its
    date), for the demo loader and ``icc knowledge_reindex``; returns the count. Vectors
    follow in the search's background task."""
    count = 0
    practices = GoodPractice.objects.filter(status=PracticeStatus.PUBLISHED).prefetch_related(
        "places", "areas", "themes"
    )
    for practice in practices:
        document_put(**practice_document(practice))
        count += 1
    for publication in Publication.objects.filter(is_published=True).prefetch_related(
        "versions", "themes"
    ):
        document_put(**publication_document(publication))
        count += 1
    news = NewsItem.objects.filter(published_at__isnull=False).prefetch_related("themes")
    for item in news:
        document_put(**news_document(item))
        count += 1
    return count


def _theme_names() -> dict[str, str]:
    return {theme.slug: theme.name for theme in themes()}


def _publication_kinds() -> dict[str, str]:
    return {kind.value: str(kind.label) for kind in PublicationKind}


def facet_labels_give() -> None:
    """Tell the search what the knowledge base's facet values mean (``AppConfig.ready``)."""
    facet_labels_register(facet="area", labels=indicator_labels)
    facet_labels_register(facet="theme", labels=_theme_names)
    facet_labels_register(facet="type", labels=_publication_kinds)
