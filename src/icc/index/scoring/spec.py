"""The method spec of an index edition: indicators, questions, weights, thresholds, peer bands.

Rules held here:

- A spec is versioned *data*: ``MethodSpec.from_dict`` reads the plain JSON-able dict stored with an
  edition and ``MethodSpec.to_dict`` writes it back unchanged (``from_dict(to_dict(s)) == s``).
- Every spec that exists is valid: the dataclasses check themselves when built, and every error is
  a full sentence naming the offending code and saying how to fix it.
- Codes are non-empty strings, unique among indicators and unique among questions.
- Weights are finite and strictly positive (a zero weight is a removed question: remove it).
- Each question belongs to exactly one indicator, which must exist; each indicator has at least one
  question. A question's level is ``"core"`` (in both indices) or ``"advanced"`` (advanced only).
- ``min_answered_share`` and ``min_indicator_share`` lie in (0, 1].
- Band edges are finite, positive and strictly increasing; foreign-born edges lie below 100 (%).
  A value equal to an edge belongs to the band above it (``low <= value < high``). The spec
  stores its edges; it knows no default (the platform's setting supplies one when a
  questionnaire sets none). A spec built without bands has one band of each kind.
- The engine is not tied to the Index: any composite (the social trust barometer's, for one) is
  a spec. Read from a dict, ``bands`` may be left out (one band of each kind) and a question's
  ``level`` too (``"core"``).
- The spec speaks numbers: a band is its index and its bounds (``BandBounds``); wording them
  ("cities over … inhabitants") is the interface's job, in the reader's language.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, cast, get_args

Level = Literal["core", "advanced"]
Aggregation = Literal["arithmetic", "geometric"]
BandKind = Literal["population", "foreign_born"]

LEVELS: tuple[Level, ...] = get_args(Level)
AGGREGATIONS: tuple[Aggregation, ...] = get_args(Aggregation)
BAND_KINDS: tuple[BandKind, ...] = get_args(BandKind)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_weight(kind: str, code: str, weight: object) -> None:
    if not _is_number(weight) or not math.isfinite(cast(float, weight)) or cast(float, weight) <= 0:
        raise ValueError(
            f"{kind} {code!r} has weight {weight!r}; weights must be finite numbers above 0, "
            f"so give it a positive weight or remove the {kind.lower()}."
        )


def _check_code(kind: str, code: object) -> None:
    if not isinstance(code, str) or not code.strip():
        raise ValueError(
            f"A {kind.lower()} has code {code!r}; every {kind.lower()} needs a non-empty text code."
        )


@dataclass(frozen=True)
class Indicator:
    """One indicator area (e.g. ``"education"``) and its weight in the overall index."""

    code: str
    weight: float

    def __post_init__(self) -> None:
        _check_code("Indicator", self.code)
        _check_weight("Indicator", self.code, self.weight)


@dataclass(frozen=True)
class Question:
    """One scored question: the indicator it feeds, its weight there, and its level."""

    code: str
    indicator: str
    weight: float
    level: Level

    def __post_init__(self) -> None:
        _check_code("Question", self.code)
        _check_weight("Question", self.code, self.weight)
        if self.level not in LEVELS:
            raise ValueError(
                f"Question {self.code!r} has level {self.level!r}; use one of {', '.join(LEVELS)}."
            )


def _check_edges(name: str, edges: tuple[float, ...], upper: float) -> None:
    for edge in edges:
        if not _is_number(edge) or not math.isfinite(edge) or not 0 < edge < upper:
            raise ValueError(
                f"Band edge {edge!r} in {name} is not allowed; edges must be numbers between 0 "
                f"and {upper:g} (exclusive)."
            )
    if any(b <= a for a, b in itertools.pairwise(edges)):
        raise ValueError(
            f"The band edges {name}={list(edges)!r} are not strictly increasing; "
            "list each edge once, from the smallest to the largest."
        )


class BandBounds(NamedTuple):
    """One band: ``low <= value < high``. ``low`` is None for the lowest band (no lower edge),
    ``high`` None for the highest; both None when the kind has a single band."""

    kind: BandKind
    band: int
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Bands:
    """Peer-group band edges. ``n`` edges make ``n + 1`` bands, numbered from 0 (lowest).

    A value equal to an edge belongs to the band above it: with an edge at 100,000, a city of
    exactly 100,000 inhabitants is in band 1, the band that starts there.
    """

    population_edges: tuple[float, ...]
    foreign_born_edges: tuple[float, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "population_edges", tuple(self.population_edges))
        object.__setattr__(self, "foreign_born_edges", tuple(self.foreign_born_edges))
        _check_edges("population_edges", self.population_edges, math.inf)
        _check_edges("foreign_born_edges", self.foreign_born_edges, 100.0)

    def edges(self, kind: BandKind) -> tuple[float, ...]:
        """The edges of one kind of band."""
        if kind == "population":
            return self.population_edges
        if kind == "foreign_born":
            return self.foreign_born_edges
        raise ValueError(f"Unknown band kind {kind!r}; use one of {', '.join(BAND_KINDS)}.")

    def n_bands(self, kind: BandKind) -> int:
        """How many bands of this kind there are (edges + 1)."""
        return len(self.edges(kind)) + 1

    def bounds(self, kind: BandKind, band_index: int) -> BandBounds:
        """The bounds of one band: with edges ``(100_000, 500_000)``, band 1 of ``"population"``
        is ``BandBounds("population", 1, 100_000, 500_000)`` and band 2 has ``high=None``."""
        edges = self.edges(kind)
        if isinstance(band_index, bool) or not 0 <= band_index <= len(edges):
            raise ValueError(
                f"Band {band_index} does not exist for {kind}; use a band from 0 to {len(edges)}."
            )
        low = edges[band_index - 1] if band_index > 0 else None
        high = edges[band_index] if band_index < len(edges) else None
        return BandBounds(kind, band_index, low, high)


# One band of each kind: a spec built without edges compares every place with the whole sample.
NO_BANDS = Bands(population_edges=(), foreign_born_edges=())


_SPEC_KEYS = {
    "indicators",
    "questions",
    "min_answered_share",
    "min_indicator_share",
    "aggregation",
    "bands",
}
_BAND_KEYS = {"population_edges", "foreign_born_edges"}


def _check_share(name: str, value: object) -> None:
    if not _is_number(value) or not 0 < cast(float, value) <= 1:
        raise ValueError(
            f"{name} is {value!r}; it must be a share above 0 and at most 1 (e.g. 0.5 for half)."
        )


def _check_keys(what: str, data: Mapping[str, Any], required: set[str], allowed: set[str]) -> None:
    if not isinstance(data, Mapping):
        raise ValueError(f"{what} must be a JSON object (a dict), not {type(data).__name__}.")
    missing = sorted(required - set(data))
    if missing:
        raise ValueError(f"{what} lacks {', '.join(missing)}; add the missing key(s).")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ValueError(
            f"{what} has unknown key(s) {', '.join(unknown)}; "
            f"the known keys are {', '.join(sorted(allowed))}."
        )


@dataclass(frozen=True)
class MethodSpec:
    """The whole method of one edition.

    ``questions`` order is the column order of every ``points`` matrix given to the engine;
    ``indicators`` order is the column order of every indicator-score matrix it returns.
    """

    indicators: tuple[Indicator, ...]
    questions: tuple[Question, ...]
    min_answered_share: float = 0.5
    aggregation: Aggregation = "arithmetic"
    bands: Bands = NO_BANDS
    min_indicator_share: float = 0.5

    def __post_init__(self) -> None:
        object.__setattr__(self, "indicators", tuple(self.indicators))
        object.__setattr__(self, "questions", tuple(self.questions))
        self._check_codes()
        _check_share("min_answered_share", self.min_answered_share)
        _check_share("min_indicator_share", self.min_indicator_share)
        if self.aggregation not in AGGREGATIONS:
            raise ValueError(
                f"Aggregation {self.aggregation!r} is unknown; "
                f"use one of {', '.join(AGGREGATIONS)}."
            )
        if not isinstance(self.bands, Bands):
            raise ValueError("bands must be a Bands instance; build it with Bands(...).")

    def _check_codes(self) -> None:
        if not self.indicators:
            raise ValueError("The spec has no indicator; add at least one indicator.")
        if not self.questions:
            raise ValueError("The spec has no question; add at least one question.")
        for kind, items in (("indicator", self.indicators), ("question", self.questions)):
            seen: set[str] = set()
            for item in items:
                if item.code in seen:
                    raise ValueError(
                        f"The {kind} code {item.code!r} appears more than once; "
                        f"give each {kind} its own code."
                    )
                seen.add(item.code)
        known = {ind.code for ind in self.indicators}
        for question in self.questions:
            if question.indicator not in known:
                raise ValueError(
                    f"Question {question.code!r} refers to indicator {question.indicator!r}, "
                    "which the spec does not define; add that indicator or correct the question."
                )
        used = {question.indicator for question in self.questions}
        for indicator in self.indicators:
            if indicator.code not in used:
                raise ValueError(
                    f"Indicator {indicator.code!r} has no question; add a question to it "
                    "or remove the indicator."
                )

    @property
    def question_codes(self) -> tuple[str, ...]:
        """Question codes in column order, shape (n_questions,)."""
        return tuple(question.code for question in self.questions)

    @property
    def indicator_codes(self) -> tuple[str, ...]:
        """Indicator codes in column order, shape (n_indicators,)."""
        return tuple(indicator.code for indicator in self.indicators)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MethodSpec:
        """Build a spec from its stored dict (see ``to_dict`` for the layout)."""
        _check_keys("The method spec", data, {"indicators", "questions"}, _SPEC_KEYS)
        indicators = [
            Indicator(**_fields(f"Indicator #{i + 1}", item, ("code", "weight")))
            for i, item in enumerate(_list("indicators", data["indicators"]))
        ]
        questions = [
            Question(
                **{
                    "level": "core",
                    **_fields(
                        f"Question #{i + 1}",
                        item,
                        ("code", "indicator", "weight", "level"),
                        optional=("level",),
                    ),
                }
            )
            for i, item in enumerate(_list("questions", data["questions"]))
        ]
        bands = NO_BANDS
        if "bands" in data:
            bands_data = data["bands"]
            _check_keys("bands", bands_data, _BAND_KEYS, _BAND_KEYS)
            bands = Bands(
                population_edges=tuple(_list("population_edges", bands_data["population_edges"])),
                foreign_born_edges=tuple(
                    _list("foreign_born_edges", bands_data["foreign_born_edges"])
                ),
            )
        return cls(
            indicators=tuple(indicators),
            questions=tuple(questions),
            min_answered_share=data.get("min_answered_share", 0.5),
            min_indicator_share=data.get("min_indicator_share", 0.5),
            aggregation=data.get("aggregation", "arithmetic"),
            bands=bands,
        )

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON-able dict stored with an edition."""
        return {
            "indicators": [{"code": i.code, "weight": i.weight} for i in self.indicators],
            "questions": [
                {"code": q.code, "indicator": q.indicator, "weight": q.weight, "level": q.level}
                for q in self.questions
            ],
            "min_answered_share": self.min_answered_share,
            "min_indicator_share": self.min_indicator_share,
            "aggregation": self.aggregation,
            "bands": {
                "population_edges": list(self.bands.population_edges),
                "foreign_born_edges": list(self.bands.foreign_born_edges),
            },
        }


def _list(name: str, value: object) -> Sequence[Any]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"{name} must be a list, not {type(value).__name__}.")
    return value


def _fields(
    what: str, item: object, keys: tuple[str, ...], optional: tuple[str, ...] = ()
) -> dict[str, Any]:
    _check_keys(what, cast(Mapping[str, Any], item), set(keys) - set(optional), set(keys))
    return dict(cast(Mapping[str, Any], item))
