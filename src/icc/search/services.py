"""Writes of the search: the modules push their items here and take them out.

Rules held here:

- ``document_put`` is an upsert on (source, kind, key). When the text (title, summary, body)
  is new or changed, the stored vector is dropped and the background task that computes
  vectors is queued once the caller's transaction commits (one queued run serves any number of
  puts); no vector is ever computed in a request. An unchanged text keeps its vector.
- The full-text index follows every write by itself (database triggers, see ``fts``).
- Facets are stored as facet name -> list of distinct strings (a single value or a number is
  turned into a one-item list); empty values are dropped.
- A private document belongs to a place: ``place_id`` is required for it.
- A document may be dated: ``visible_from`` (a news item published at a later time) is stored
  with it, and the selectors leave it out until that time; nothing is written when it comes.
- ``documents_embed`` computes the missing vectors in batches; the task and ``icc search
  reindex`` call it. A document changed while its vector was computed keeps no stale vector.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from icc.core.jobs import job_enqueue
from icc.search import fts
from icc.search.models import SearchDocument
from icc.search.vectors import MODEL, passage_text, passages_embed, to_bytes

EMBED_JOB = "search.embed"  # key: "documents"; one queued run computes every missing vector
EMBED_BATCH = 16
FACET_NAMES_MAX = 20
FACET_VALUES_MAX = 50

FacetValue = str | int | Iterable[str | int]


class SearchError(ValueError):
    """A document that cannot be stored (a sentence for a person)."""


def _facets_normalise(facets: Mapping[str, FacetValue] | None) -> dict[str, list[str]]:
    clean: dict[str, list[str]] = {}
    for name, raw in (facets or {}).items():
        items = [raw] if isinstance(raw, str | int) else list(raw)
        values: list[str] = []
        for item in items:
            value = str(item).strip()[:100]
            if value and value not in values:
                values.append(value)
        if values and name.strip():
            clean[name.strip()[:40]] = values[:FACET_VALUES_MAX]
    if len(clean) > FACET_NAMES_MAX:
        raise SearchError(_("A document has at most %(count)s facets.") % {"count": 20})
    return clean


def _embed_enqueue() -> None:
    from icc.search.tasks import documents_embed_task  # the task module imports this one

    job_enqueue(kind=EMBED_JOB, key="documents", task=documents_embed_task)


@transaction.atomic
def document_put(
    *,
    source: str,
    kind: str,
    key: str,
    language: str,
    title: str,
    summary: str = "",
    body: str = "",
    url: str = "",
    facets: Mapping[str, FacetValue] | None = None,
    visibility: str = SearchDocument.Visibility.PUBLIC,
    place_id: int | None = None,
    visible_from: dt.datetime | None = None,
) -> SearchDocument:
    """Store (or replace) the searchable copy of one item; its vector follows in the
    background."""
    if visibility not in SearchDocument.Visibility.values:
        raise SearchError(_("Unknown visibility: %(value)s.") % {"value": visibility})
    if visibility == SearchDocument.Visibility.PRIVATE and place_id is None:
        raise SearchError(_("A private document needs the place it belongs to."))
    if not (source and kind and key and language):
        raise SearchError(_("A document needs its source, kind, key and language."))
    values: dict[str, Any] = {
        "language": language[:10],
        "title": title[:500],
        "summary": summary,
        "body": body,
        "url": url[:500],
        "facets": _facets_normalise(facets),
        "visibility": visibility,
        "place_id": place_id,
        "visible_from": visible_from,
    }
    document = (
        SearchDocument.objects.select_for_update()
        .filter(source=source, kind=kind, key=key[:200])
        .first()
    )
    if document is None:
        document = SearchDocument(source=source, kind=kind, key=key[:200])
        changed = True
    else:
        changed = (document.title, document.summary, document.body) != (
            values["title"],
            values["summary"],
            values["body"],
        ) or document.embedding_model != MODEL
    for name, value in values.items():
        setattr(document, name, value)
    if changed:
        document.embedding, document.embedding_model = None, ""
    document.save()
    if changed:
        _embed_enqueue()
    return document


@transaction.atomic
def document_remove(*, source: str, kind: str, key: str) -> bool:
    """Take an item out of the search; ``False`` when it was not there."""
    deleted, _counts = SearchDocument.objects.filter(source=source, kind=kind, key=key).delete()
    return bool(deleted)


def documents_embed(*, limit: int | None = None) -> tuple[int, int]:
    """Compute up to ``limit`` missing vectors (all when ``None``), in batches; returns
    ``(computed, still missing)``."""
    done = 0
    while limit is None or done < limit:
        size = EMBED_BATCH if limit is None else min(EMBED_BATCH, limit - done)
        batch = list(
            SearchDocument.objects.exclude(embedding_model=MODEL)
            .order_by("id")
            .values_list("id", "updated_at", "title", "summary", "body")[:size]
        )
        if not batch:
            break
        texts = [passage_text(title=t, summary=s, body=b) for _pk, _at, t, s, b in batch]
        vectors = passages_embed(texts)
        with transaction.atomic():  # one commit (one new data version) per batch
            for (pk, updated_at, *_text), vector in zip(batch, vectors, strict=True):
                # a document changed meanwhile is left for the next batch (its put queued a run)
                SearchDocument.objects.filter(pk=pk, updated_at=updated_at).update(
                    embedding=to_bytes(vector), embedding_model=MODEL
                )
        done += len(batch)
    return done, SearchDocument.objects.exclude(embedding_model=MODEL).count()


def search_reindex(*, vectors: bool = True) -> tuple[int, int]:
    """Rebuild the full-text index and (``vectors``) every vector, at once in this process
    (the ``icc search reindex`` command). Returns (documents, vectors computed)."""
    with transaction.atomic():
        fts.rebuild(connection)
        if vectors:
            SearchDocument.objects.update(embedding=None, embedding_model="")
    computed = documents_embed()[0] if vectors else 0
    return SearchDocument.objects.count(), computed
