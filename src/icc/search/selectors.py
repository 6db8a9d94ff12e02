"""Reads of the search: ``search`` (hybrid full text + semantic, with facets) and ``similar``
(semantic neighbours of a text, e.g. the same rumour told in another city and language).

Rules held here:

- Visibility: a public document is for everyone; a shared one for members of the network (a
  person with a role, or the secretariat); a private one for the people of its place only
  (its coordinators, experts, network coordinators, and the secretariat: ``user_scope``).
- A query is looked up in the full-text index (documents holding all its words; those holding
  only some count half, see ``ranking``; each ranked by the backend) and among the documents'
  vectors (cosine similarity of the query's vector to each
  document's, kept from ``SIMILARITY_FLOOR`` up and at most ``SIMILARITY_MARGIN`` below the
  best, at most ``SEMANTIC_MAX``; the model's similarities of unrelated texts sit around 0.8,
  of related ones near 0.85-0.9). Both rankings are
  fused (reciprocal rank fusion, ``ranking.rrf_fuse``): an item written in English is found by
  a query in Spanish through its vector, and an item holding the query's words comes first.
- A dated document (a news item published at a later time, ``visible_from``) is left out until
  its time has come, by every search, ``similar``, the counts and the API: it appears by itself
  when due (``now`` is the time of the query, the present unless a caller gives one).
- Filters (``language``, ``kinds``, ``facets``: any of the values asked within a facet, every
  facet asked) apply before ranking; facet counts are over the whole result set, not the page.
- An empty query lists every visible document that passes the filters, newest first.
- A hit's address is its page in the active language (a French visitor lands on the French
  page), whatever language the module stored it in.
- Nothing here writes, and no document's vector is computed here (only the query's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from django.conf import settings
from django.db import connection
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import override

from icc.accounts.selectors import PUBLIC_SCOPE, UserScope
from icc.language import current_language, language_base
from icc.search import fts
from icc.search.models import SearchDocument
from icc.search.ranking import PARTIAL_WEIGHT, query_words, rrf_fuse
from icc.search.snapshot import Snapshot, snapshot
from icc.search.vectors import query_embed

FACETS = ("kind", "language", "area", "theme", "country", "type", "year")
SIMILARITY_FLOOR = 0.80
SIMILARITY_MARGIN = 0.06  # a search keeps what is this close to its best match
SEMANTIC_MAX = 100
FULL_TEXT_MAX = 1000
QUERY_CHARS = 500

Rows = npt.NDArray[np.int64]


@dataclass(frozen=True)
class SearchHit:
    source: str
    kind: str  # the item's type: "practice", "publication", "news", "rumour"…
    key: str
    title: str
    summary: str
    language: str  # of the item as written
    url: str
    score: float
    place_id: int | None
    facets: dict[str, list[str]]


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    pending: int = 0  # documents whose vector is still being computed (found by words only)


def _visible(snap: Snapshot, viewer: UserScope) -> npt.NDArray[np.bool_]:
    seen: npt.NDArray[np.bool_] = np.asarray(snap.visibility == "public", dtype=np.bool_)
    if viewer.is_secretariat:
        seen[:] = True
    elif viewer.is_member:
        seen |= snap.visibility == "shared"
    if viewer.place_ids:
        places = np.fromiter(viewer.place_ids, dtype=np.int64)
        seen |= (snap.visibility == "private") & np.isin(snap.place_ids, places)
    return seen


def _allowed(
    snap: Snapshot,
    *,
    viewer: UserScope,
    wanted: Mapping[str, Sequence[str]],
    now: dt.datetime | None,
    exclude_place_id: int | None = None,
) -> npt.NDArray[np.bool_]:
    allowed = _visible(snap, viewer)
    allowed &= snap.due <= (now or timezone.now()).timestamp()
    for name, values in wanted.items():
        if not values:
            continue
        postings = snap.postings.get(name, {})
        within = np.zeros(snap.size, dtype=np.bool_)
        for value in values:
            found = postings.get(value)
            if found is not None:
                within[found] = True
        allowed &= within
    if exclude_place_id is not None:
        allowed &= snap.place_ids != exclude_place_id
    return allowed


def _semantic(
    snap: Snapshot, text: str, allowed: npt.NDArray[np.bool_], limit: int, margin: float = 1.0
) -> list[tuple[int, float]]:
    """``(row, similarity)`` of the allowed documents nearest to ``text``, best first: from
    ``SIMILARITY_FLOOR`` up, and at most ``margin`` below the best."""
    if not len(snap.vector_rows):
        return []
    keep = allowed[snap.vector_rows]
    if not keep.any():
        return []
    similarities = snap.matrix @ query_embed(text)
    similarities = np.where(keep, similarities, -1.0)
    floor = max(SIMILARITY_FLOOR, float(similarities.max()) - margin)
    count = min(limit, int((similarities >= floor).sum()))
    if count == 0:
        return []
    top = np.argpartition(-similarities, count - 1)[:count]
    top = top[np.argsort(-similarities[top], kind="stable")]
    return [(int(snap.vector_rows[i]), float(similarities[i])) for i in top]


def _full_text(
    snap: Snapshot, text: str, allowed: npt.NDArray[np.bool_]
) -> tuple[list[int], list[int]]:
    """Rows of the allowed documents holding every word of the query, and those holding only
    some, each best first."""
    words = query_words(text)
    found = []
    for every in (True, False) if len(words) > 1 else (True,):
        matched = fts.matches(
            connection, terms=words, languages=snap.languages, limit=FULL_TEXT_MAX, every=every
        )
        rows = (snap.rows.get(pk) for pk, _rank in matched)
        found.append([row for row in rows if row is not None and allowed[row]])
    every_word = found[0]
    if len(found) == 1:
        return every_word, []
    complete = set(every_word)
    return every_word, [row for row in found[1] if row not in complete]


def _facet_counts(snap: Snapshot, rows: Sequence[int]) -> dict[str, list[FacetCount]]:
    """Per facet, how many of ``rows`` carry each value (a row with two themes counts in
    each), most frequent first, then by value."""
    chosen = np.zeros(snap.size, dtype=np.bool_)
    chosen[np.asarray(rows, dtype=np.int64)] = True
    counts: dict[str, list[FacetCount]] = {}
    for name in FACETS:
        found = (
            (value, int(np.count_nonzero(chosen[postings])))
            for value, postings in snap.postings.get(name, {}).items()
        )
        ordered = sorted((pair for pair in found if pair[1]), key=lambda p: (-p[1], p[0]))
        counts[name] = [FacetCount(value, count) for value, count in ordered]
    return counts


def _in_active_language(url: str) -> str:
    """The page at ``url`` (stored under any interface language's prefix, ``/en/…``) in the
    active language; ``url`` as it is when it names no page of ours."""
    stored = language_base(url.split("/")[1]) if url.startswith("/") and "/" in url[1:] else ""
    active = current_language()
    if not stored or stored == active or stored not in {code for code, _ in settings.LANGUAGES}:
        return url
    with override(stored):  # the path resolves only while its own language is active
        return translate_url(url, active)


def _hits(snap: Snapshot, scored: Sequence[tuple[int, float]]) -> list[SearchHit]:
    """The documents of ``scored`` (row, score), in that order (one query)."""
    ids = [int(snap.ids[row]) for row, _score in scored]
    found = {
        document.pk: document
        for document in SearchDocument.objects.filter(pk__in=ids).defer("body", "embedding")
    }
    hits = []
    for (_row, score), pk in zip(scored, ids, strict=True):
        document = found.get(pk)
        if document is None:  # removed since the snapshot
            continue
        hits.append(
            SearchHit(
                source=document.source,
                kind=document.kind,
                key=document.key,
                title=document.title,
                summary=document.summary,
                language=document.language,
                url=_in_active_language(document.url),
                score=round(score, 6),
                place_id=document.place_id,
                facets=dict(document.facets or {}),
            )
        )
    return hits


def search(
    *,
    q: str,
    language: str | None = None,
    kinds: Sequence[str] | None = None,
    facets: Mapping[str, Sequence[str]] | None = None,
    viewer: UserScope = PUBLIC_SCOPE,
    limit: int = 20,
    offset: int = 0,
    now: dt.datetime | None = None,
) -> SearchResults:
    """The documents ``viewer`` may see that answer ``q``, best first, with facet counts."""
    snap = snapshot()
    text = " ".join(q.split())[:QUERY_CHARS]
    wanted: dict[str, Sequence[str]] = {**(facets or {})}
    if language:
        wanted["language"] = [language]
    if kinds:
        wanted["kind"] = list(kinds)
    allowed = _allowed(snap, viewer=viewer, wanted=wanted, now=now)
    if text:
        every_word, some_words = _full_text(snap, text, allowed)
        nearest = _semantic(snap, text, allowed, SEMANTIC_MAX, SIMILARITY_MARGIN)
        near = [row for row, _similarity in nearest]
        # meaning first: on equal scores, the item nearer in meaning comes first
        ranked = rrf_fuse(near, every_word, some_words, weights=(1.0, 1.0, PARTIAL_WEIGHT))
    else:
        rows = np.flatnonzero(allowed)
        newest = rows[np.argsort(-snap.updated[rows], kind="stable")]
        ranked = [(int(row), 0.0) for row in newest]
    counts = _facet_counts(snap, [row for row, _score in ranked])
    return SearchResults(
        query=text,
        hits=_hits(snap, ranked[offset : offset + limit]),
        total=len(ranked),
        facets=counts,
        pending=snap.pending,
    )


def similar(
    *,
    text: str,
    kinds: Sequence[str] | None = None,
    exclude_place_id: int | None = None,
    viewer: UserScope = PUBLIC_SCOPE,
    limit: int = 5,
    now: dt.datetime | None = None,
) -> list[SearchHit]:
    """The documents nearest in meaning to ``text`` (any language), best first, with their
    cosine similarity as ``score``; documents of ``exclude_place_id`` left out (to find the
    same rumour in other cities)."""
    text = " ".join(text.split())[:QUERY_CHARS]
    if not text:
        return []
    snap = snapshot()
    wanted = {"kind": list(kinds)} if kinds else {}
    allowed = _allowed(
        snap, viewer=viewer, wanted=wanted, now=now, exclude_place_id=exclude_place_id
    )
    return _hits(snap, _semantic(snap, text, allowed, limit))
