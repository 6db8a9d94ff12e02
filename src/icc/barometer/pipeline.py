"""The classification stage of the pipeline, in-process or on a Dask distributed cluster.

Rules held here (pure: no Django, so that Dask workers need nothing but this package):

- Work is cut into chunks of posts (their ids, texts and given languages). A chunk is the unit
  of work: in-process, chunks are classified one after the other; with a scheduler address, each
  chunk is one Dask task. A chunk's result depends only on the chunk, so both ways give the same
  classifications, and therefore the same aggregates.
- Results come back in the order of the chunks, whatever order the workers finish in.
- Each worker process loads the models once (``load_model`` keeps them per process).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Chunk:
    ids: list[int]
    texts: list[str]
    languages: list[str | None]


Result = list[dict[str, object]]


def classify_chunk(chunk: Chunk, model: str = "fast") -> Result:
    """Language, sentiment, confidence and trust signals of every post of a chunk."""
    from icc.barometer.text import classify

    return [r.as_dict() for r in classify(chunk.texts, model=model, languages=chunk.languages)]


def classify_chunks(
    chunks: Sequence[Chunk], *, scheduler: str | None = None, model: str = "fast"
) -> Iterator[tuple[Chunk, Result]]:
    """``(chunk, results)`` for each chunk, in order."""
    if scheduler is None:
        for chunk in chunks:
            yield chunk, classify_chunk(chunk, model)
        return
    from distributed import Client

    with Client(scheduler) as client:  # type: ignore[no-untyped-call]
        futures = client.map(classify_chunk, list(chunks), model=model, pure=False)
        for chunk, future in zip(chunks, futures, strict=True):
            yield chunk, future.result()
