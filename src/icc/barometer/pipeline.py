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


FIELDS = ("lang", "sentiment", "confidence", "affiliative", "othering", "mentions_groups")


@dataclass(frozen=True)
class Result:
    """A chunk's classifications, by column (small to send back from a worker)."""

    lang: list[str]
    sentiment: list[str]
    confidence: list[float]
    affiliative: list[int]
    othering: list[int]
    mentions_groups: list[bool]

    def rows(self) -> list[dict[str, object]]:
        columns = (
            self.lang, self.sentiment, self.confidence, self.affiliative, self.othering,
            self.mentions_groups,
        )  # fmt: skip
        return [dict(zip(FIELDS, values, strict=True)) for values in zip(*columns, strict=True)]


def classify_chunk(chunk: Chunk, model: str = "fast") -> Result:
    """Language, sentiment, confidence and trust signals of every post of a chunk."""
    from icc.barometer.text import classify  # imported in the worker

    found = classify(chunk.texts, model=model, languages=chunk.languages)
    return Result(
        lang=[r.lang for r in found],
        sentiment=[r.sentiment for r in found],
        confidence=[r.confidence for r in found],
        affiliative=[r.affiliative for r in found],
        othering=[r.othering for r in found],
        mentions_groups=[r.mentions_groups for r in found],
    )


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
