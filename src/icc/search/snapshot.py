"""What every search reads in memory: the documents' filter fields, facets and vectors, loaded
once per process and loaded again when the search's data version changes.

Rules held here:

- The snapshot is keyed by the search app's data version (``icc.caching.data_version``): every
  committed write to the documents (a new document, a removal, a vector stored) makes a new
  version, and the next search loads a new snapshot. With no version yet (a database nobody has
  written to since it was made, or inside a test's transaction) nothing is kept: each search
  loads afresh.
- Vectors of the current model are stacked into one ``(n, 384)`` matrix; a document without one
  (its embedding still being computed) is found by full text only.
- A dated document's time (``visible_from``) is kept as a number, for the selectors to leave
  out at query time what is not yet due (the snapshot itself does not change when it comes).
- Facets include ``kind`` and ``language``, so that every filter and every count is one
  look-up in ``postings`` (facet -> value -> row numbers).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from icc.caching.data_version import data_versions
from icc.search.models import SearchDocument
from icc.search.vectors import DIM, MODEL, Vector, from_bytes

APP = "search"


@dataclass(frozen=True)
class Snapshot:
    ids: npt.NDArray[np.int64]  # document ids, one per row
    rows: dict[int, int]  # document id -> row
    visibility: npt.NDArray[np.str_]
    place_ids: npt.NDArray[np.int64]  # 0: no place
    updated: npt.NDArray[np.float64]  # timestamps, for listing without a query
    due: npt.NDArray[np.float64]  # timestamp from which each may be found (-inf: always)
    postings: dict[str, dict[str, npt.NDArray[np.int64]]]
    matrix: Vector  # (number of vectors, 384)
    vector_rows: npt.NDArray[np.int64]  # row of each vector
    languages: tuple[str, ...]
    pending: int  # documents still waiting for their vector
    version: tuple[str, ...] | None = field(default=None)

    @property
    def size(self) -> int:
        return len(self.ids)


def _load(version: tuple[str, ...] | None) -> Snapshot:
    fields = (
        "id", "kind", "language", "visibility", "place_id", "facets", "updated_at", "visible_from"
    )  # fmt: skip
    ids: list[int] = []
    visibility: list[str] = []
    places: list[int] = []
    updated: list[float] = []
    due: list[float] = []
    postings: dict[str, dict[str, list[int]]] = {}
    for row, (pk, kind, language, seen_by, place_id, facets, updated_at, visible_from) in enumerate(
        SearchDocument.objects.order_by("id").values_list(*fields).iterator(chunk_size=2000)
    ):
        ids.append(pk)
        visibility.append(seen_by)
        places.append(place_id or 0)
        updated.append(updated_at.timestamp() if isinstance(updated_at, dt.datetime) else 0.0)
        due.append(visible_from.timestamp() if isinstance(visible_from, dt.datetime) else -np.inf)
        named = {name: tuple(values) for name, values in (facets or {}).items()}
        named["kind"], named["language"] = (kind,), (language,)
        for name, values in named.items():
            for value in values:
                postings.setdefault(name, {}).setdefault(value, []).append(row)
    rows = {pk: row for row, pk in enumerate(ids)}
    vectors: list[bytes] = []
    vector_rows: list[int] = []
    stored = SearchDocument.objects.filter(embedding_model=MODEL).values_list("id", "embedding")
    for pk, data in stored.iterator(chunk_size=2000):
        if pk in rows and data is not None and len(data) == DIM * 4:
            vectors.append(bytes(data))
            vector_rows.append(rows[pk])
    matrix = from_bytes(b"".join(vectors)).reshape(len(vectors), DIM)
    return Snapshot(
        ids=np.asarray(ids, dtype=np.int64),
        rows=rows,
        visibility=np.asarray(visibility, dtype=np.str_),
        place_ids=np.asarray(places, dtype=np.int64),
        updated=np.asarray(updated, dtype=np.float64),
        due=np.asarray(due, dtype=np.float64),
        postings={
            name: {value: np.asarray(found, dtype=np.int64) for value, found in values.items()}
            for name, values in postings.items()
        },
        matrix=np.ascontiguousarray(matrix, dtype=np.float32),
        vector_rows=np.asarray(vector_rows, dtype=np.int64),
        languages=tuple(sorted(postings.get("language", {}))),
        pending=len(ids) - len(vector_rows),
        version=version,
    )


_lock = threading.Lock()
_kept: list[Snapshot] = []


def snapshot() -> Snapshot:
    """The documents as of the current data version (one small query when nothing changed)."""
    version = data_versions([APP])
    with _lock:
        if version is not None and _kept and _kept[0].version == version:
            return _kept[0]
    loaded = _load(version)
    if version is not None:
        with _lock:
            _kept[:] = [loaded]
    return loaded
