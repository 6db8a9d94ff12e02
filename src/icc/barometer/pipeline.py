"""The classification stage of the pipeline, in-process or on a Dask distributed cluster.

Rules held here (pure: no Django, so that Dask workers need nothing but this package):

- Work is cut into chunks of posts (their ids, texts and given languages). A chunk is the unit
  of work: in-process, chunks are classified one after the other; with a scheduler address, each
  chunk is one Dask task. A chunk's result depends only on the chunk, so both ways give the same
  classifications, and therefore the same aggregates.
- Results come back in the order of the chunks, whatever order the workers finish in.
- Each worker process loads the models once (``load_model`` keeps them per process).
- On a cluster, each worker first tunes its memory allocator (``allocator_tune``, through a
  worker plugin): classification allocates and frees NumPy arrays of a few megabytes per chunk,
  and Dask starts workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which turns off glibc's
  adaptive thresholds, so every such array became a fresh memory mapping (six times the page
  faults, nearly twice the CPU time per post). The plugin raises the trim threshold to 64 MiB and
  the mapping threshold to 32 MiB for that process: freed arrays are reused, and memory above
  64 MiB of free space is still given back.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Chunk:
    ids: list[int]
    texts: list[str]
    languages: list[str | None]  # given by the source, or None: identified on the worker
    priors: list[tuple[str, ...]] | None = None  # the languages of each post's place


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

    found = classify(chunk.texts, model=model, languages=chunk.languages, priors=chunk.priors)
    return Result(
        lang=[r.lang for r in found],
        sentiment=[r.sentiment for r in found],
        confidence=[r.confidence for r in found],
        affiliative=[r.affiliative for r in found],
        othering=[r.othering for r in found],
        mentions_groups=[r.mentions_groups for r in found],
    )


# glibc's mallopt parameters (malloc.h).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
TRIM_THRESHOLD = 64 * 2**20
MMAP_THRESHOLD = 32 * 2**20  # glibc's largest on 64-bit


@cache
def allocator_tune() -> bool:
    """Keep freed arrays for reuse in this process (glibc only; once). True when applied."""
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name)
    return bool(
        libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
        and libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
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

    from icc.barometer.dask_setup import WorkerSetup

    with Client(scheduler) as client:  # type: ignore[no-untyped-call]
        client.register_plugin(WorkerSetup())
        futures = client.map(classify_chunk, list(chunks), model=model, pure=False)
        for chunk, future in zip(chunks, futures, strict=True):
            yield chunk, future.result()
