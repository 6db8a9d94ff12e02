"""Output schemas of the index API, shared by the API and by the payloads stored with results."""

from typing import Any

from ninja import Schema


class ResultOut(Schema):
    place: str
    slug: str
    country: str
    country_name: str
    index_core: float | None
    index_advanced: float | None
    indicators: dict[str, float | None]
    indicators_core: dict[str, float | None]
    rank: int | None
    rank_of: int | None
    tied: bool
    rank_core: int | None
    rank_wording: str | None
    median_rank: float | None
    rank_interval: list[float | None]
    peer_ranks: dict[str, int | None]
    peer_groups: dict[str, Any]
    progress: dict[str, Any] | None
    synthetic: bool


class SummaryOut(Schema):
    edition: str
    places: int
    n_draws: int
    computed_at: str
    sample_averages: dict[str, float | None]
    sensitivity: dict[str, dict[str, float | None]]
    updating: bool = False
