"""Method spec: construction, validation errors, dict round trip, band bounds."""

import json
import math
from typing import Any

import pytest

from icc.index.scoring import NO_BANDS, BandBounds, Bands, Indicator, MethodSpec, Question


def spec_dict() -> dict[str, Any]:
    return {
        "indicators": [{"code": "education", "weight": 2.0}, {"code": "language", "weight": 1}],
        "questions": [
            {"code": "E1", "indicator": "education", "weight": 1.0, "level": "core"},
            {"code": "E2", "indicator": "education", "weight": 3.0, "level": "advanced"},
            {"code": "L1", "indicator": "language", "weight": 1.0, "level": "core"},
        ],
        "min_answered_share": 0.6,
        "min_indicator_share": 0.5,
        "aggregation": "geometric",
        "bands": {"population_edges": [100_000, 500_000], "foreign_born_edges": [10.0, 20.0]},
    }


def test_from_dict_reads_every_field():
    spec = MethodSpec.from_dict(spec_dict())
    assert spec.indicator_codes == ("education", "language")
    assert spec.question_codes == ("E1", "E2", "L1")
    assert spec.questions[1] == Question("E2", "education", 3.0, "advanced")
    assert spec.min_answered_share == 0.6
    assert spec.aggregation == "geometric"
    assert spec.bands == Bands((100_000, 500_000), (10.0, 20.0))


def test_round_trip_through_json_is_lossless():
    spec = MethodSpec.from_dict(spec_dict())
    stored = json.loads(json.dumps(spec.to_dict()))
    assert MethodSpec.from_dict(stored) == spec
    assert stored == spec_dict()


def test_defaults_when_optional_keys_are_absent():
    data = spec_dict()
    for key in ("min_answered_share", "min_indicator_share", "aggregation"):
        del data[key]
    spec = MethodSpec.from_dict(data)
    assert spec.min_answered_share == 0.5
    assert spec.min_indicator_share == 0.5
    assert spec.aggregation == "arithmetic"


def test_a_stored_spec_states_its_band_edges():
    # the core knows no default edges: the platform's setting fills them in before storing
    data = spec_dict()
    del data["bands"]
    with pytest.raises(ValueError, match="The method spec lacks bands"):
        MethodSpec.from_dict(data)
    with pytest.raises(ValueError, match="bands lacks foreign_born_edges"):
        MethodSpec.from_dict(_with(bands={"population_edges": [100_000]}))


def test_a_spec_built_without_bands_has_one_band_of_each_kind():
    spec = MethodSpec((Indicator("a", 1),), (Question("q", "a", 1, "core"),))
    assert spec.bands == NO_BANDS
    assert spec.bands.n_bands("population") == spec.bands.n_bands("foreign_born") == 1


def _with(**changes: object) -> dict[str, Any]:
    data = spec_dict()
    data.update(changes)
    return data


def _question(**changes: object) -> dict[str, object]:
    question: dict[str, object] = {"code": "X1", "indicator": "language", "weight": 1.0}
    question["level"] = "core"
    question.update(changes)
    return question


INVALID = [
    # (case, dict, the message must contain)
    (
        "question refers to an unknown indicator",
        _with(questions=[*spec_dict()["questions"], _question(indicator="housing")]),
        "Question 'X1' refers to indicator 'housing'",
    ),
    (
        "duplicate indicator code",
        _with(indicators=[{"code": "education", "weight": 1}, {"code": "education", "weight": 2}]),
        "indicator code 'education' appears more than once",
    ),
    (
        "duplicate question code",
        _with(questions=[*spec_dict()["questions"], _question(code="E1")]),
        "question code 'E1' appears more than once",
    ),
    ("zero question weight", _with(questions=[_question(weight=0)]), "Question 'X1' has weight 0"),
    (
        "negative indicator weight",
        _with(indicators=[{"code": "education", "weight": -1}, {"code": "language", "weight": 1}]),
        "Indicator 'education' has weight -1",
    ),
    ("NaN weight", _with(questions=[_question(weight=math.nan)]), "has weight nan"),
    ("boolean weight", _with(questions=[_question(weight=True)]), "has weight True"),
    ("unknown level", _with(questions=[_question(level="basic")]), "level 'basic'"),
    ("share of 0", _with(min_answered_share=0), "min_answered_share is 0"),
    ("share above 1", _with(min_answered_share=1.5), "min_answered_share is 1.5"),
    ("indicator share of 0", _with(min_indicator_share=0.0), "min_indicator_share is 0.0"),
    ("unknown aggregation", _with(aggregation="median"), "Aggregation 'median' is unknown"),
    (
        "unsorted population edges",
        _with(bands={"population_edges": [500_000, 100_000], "foreign_born_edges": []}),
        "population_edges=[500000, 100000] are not strictly increasing",
    ),
    (
        "repeated foreign-born edge",
        _with(bands={"population_edges": [], "foreign_born_edges": [15, 15]}),
        "not strictly increasing",
    ),
    (
        "foreign-born edge of 100 %",
        _with(bands={"population_edges": [], "foreign_born_edges": [100]}),
        "Band edge 100",
    ),
    (
        "negative population edge",
        _with(bands={"population_edges": [-5], "foreign_born_edges": []}),
        "Band edge -5",
    ),
    ("unknown top-level key", _with(weights=[]), "unknown key(s) weights"),
    ("missing band edges", _with(bands={"population": [1]}), "bands lacks foreign_born_edges"),
    (
        "question without level",
        _with(questions=[{"code": "X1", "indicator": "language", "weight": 1}]),
        "Question #1 lacks level",
    ),
    ("questions not a list", _with(questions="E1"), "questions must be a list"),
    ("no question at all", _with(questions=[]), "The spec has no question"),
    ("empty code", _with(questions=[_question(code=" ")]), "every question needs"),
]


@pytest.mark.parametrize(("case", "data", "message"), INVALID, ids=[c[0] for c in INVALID])
def test_invalid_specs_are_refused_with_a_sentence(case, data, message):
    with pytest.raises(ValueError) as caught:
        MethodSpec.from_dict(data)
    text = str(caught.value)
    assert message in text, text
    assert text.endswith("."), "errors are full sentences"


def test_indicator_without_question_is_refused():
    with pytest.raises(ValueError, match="Indicator 'media' has no question"):
        MethodSpec(
            indicators=(Indicator("language", 1.0), Indicator("media", 1.0)),
            questions=(Question("L1", "language", 1.0, "core"),),
        )


def test_missing_key_is_named():
    with pytest.raises(ValueError, match="The method spec lacks bands, questions"):
        MethodSpec.from_dict({"indicators": []})


def test_specs_are_frozen():
    spec = MethodSpec.from_dict(spec_dict())
    with pytest.raises(AttributeError):
        spec.aggregation = "arithmetic"  # type: ignore[misc]


TWO_EDGES = Bands((100_000, 500_000), (7.5, 20))

BAND_BOUNDS = [
    # (bands, kind, band, bounds): numbers only, the interface words them
    (TWO_EDGES, "population", 0, BandBounds("population", 0, None, 100_000)),
    (TWO_EDGES, "population", 1, BandBounds("population", 1, 100_000, 500_000)),
    (TWO_EDGES, "population", 2, BandBounds("population", 2, 500_000, None)),
    (TWO_EDGES, "foreign_born", 1, BandBounds("foreign_born", 1, 7.5, 20)),
    (NO_BANDS, "population", 0, BandBounds("population", 0, None, None)),
]


@pytest.mark.parametrize(("bands", "kind", "band", "bounds"), BAND_BOUNDS)
def test_band_bounds(bands, kind, band, bounds):
    assert bands.bounds(kind, band) == bounds


@pytest.mark.parametrize(
    ("kind", "band", "message"),
    [
        ("population", 3, "Band 3 does not exist for population"),
        ("population", -1, "Band -1 does not exist"),
        ("income", 0, "Unknown band kind 'income'"),
    ],
)
def test_band_bounds_errors(kind, band, message):
    with pytest.raises(ValueError, match=message):
        TWO_EDGES.bounds(kind, band)
