"""Population bands for directory filters. Pure: the edges come from settings."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A half-open interval of inhabitants: ``low <= population < high`` (high None: no limit)."""

    key: str
    low: int
    high: int | None


def bands_from_edges(edges: Sequence[int]) -> list[Band]:
    """Bands covering 0 … ∞ from sorted lower edges, keyed like ``"50000-100000"``."""
    if list(edges) != sorted(set(edges)) or any(edge <= 0 for edge in edges):
        raise ValueError("Population band edges must be positive and strictly increasing.")
    lows = [0, *edges]
    highs: list[int | None] = [*edges, None]
    return [
        Band(key=f"{low}-{high if high is not None else ''}", low=low, high=high)
        for low, high in zip(lows, highs, strict=True)
    ]


def band_for(population: int | None, bands: Sequence[Band]) -> Band | None:
    """The band holding ``population`` (None when unknown)."""
    if population is None:
        return None
    for band in bands:
        if population >= band.low and (band.high is None or population < band.high):
            return band
    return None
