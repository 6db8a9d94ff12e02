"""YAML source → Form → .xlsx → Form round trips, the writer's layout, source errors."""

import copy
import dataclasses
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icc.index.scoring import Bands
from icc.index.xlsform import (
    Choice,
    Form,
    Group,
    IndicatorDef,
    Question,
    XLSFormError,
    edition_build,
    form_from_source,
    form_layout,
    form_method_spec,
    form_read,
    form_to_source,
    form_write,
)

# the platform's default edges, as the caller passes them (a form may leave them empty)
DEFAULT_BANDS = Bands((), ())

SOURCE: dict[str, Any] = {
    "settings": {
        "form_id": "mini_index",
        "version": "2023.1",
        "default_language": "en",
        "title": {"en": "Mini index", "fr": "Mini-index"},
    },
    "method": {
        "min_answered_share": 0.6,
        "aggregation": "geometric",
        "population_edges": [100000, 500000],
        "foreign_born_edges": [10, 20.5],
    },
    "indicators": [
        {
            "code": "commitment",
            "label": {"en": "Commitment", "fr": "Engagement"},
            "weight": 2,
            "questions": [
                {
                    "code": "strategy",
                    "type": "select_one",
                    "level": "core",
                    "weight": 2,
                    "required": True,
                    "label": {"en": "Is there a strategy?", "fr": "Y a-t-il une stratégie ?"},
                    "hint": {"en": "Adopted by the council.", "fr": "Adoptée par le conseil."},
                    "choices": [
                        {"name": "yes", "label": {"en": "Yes", "fr": "Oui"}, "points": 100},
                        {
                            "name": "partly",
                            "label": {"en": "Partly", "fr": "En partie"},
                            "points": 50,
                        },
                        {"name": "no", "label": {"en": "No", "fr": "Non"}, "points": 0},
                        {"name": "unknown", "label": {"en": "Don't know", "fr": "Ne sait pas"}},
                    ],
                    "recommendation": {"en": "Adopt one.", "fr": "En adopter une."},
                },
                {
                    "code": "staff",
                    "type": "integer",
                    "level": "advanced",
                    "weight": 1,
                    "required": False,
                    "label": {"en": "How many staff?", "fr": "Combien d'agent·e·s ?"},
                    "relevant": "${strategy} != 'no'",
                    "constraint": ". >= 0 and . <= 500",
                    "constraint_message": {"en": "From 0 to 500.", "fr": "De 0 à 500."},
                },
            ],
        },
        {
            "code": "language",
            "label": {"en": "Language", "fr": "Langue", "es": "Idioma"},
            "weight": 1,
            "questions": [
                {
                    "code": "courses",
                    "type": "select_multiple",
                    "level": "advanced",
                    "weight": 1.5,
                    "required": False,
                    "label": {"en": "Which courses?", "fr": "Quels cours ?", "es": "¿Qué cursos?"},
                    "relevant": "selected(${strategy}, 'yes') or ${strategy} = 'partly'",
                    "choices": [
                        {
                            "name": "adults",
                            "label": {"en": "For adults", "fr": "Adultes"},
                            "points": 60,
                        },
                        {
                            "name": "children",
                            "label": {"en": "For children", "fr": "Enfants"},
                            "points": 60,
                        },
                    ],
                    "recommendation": {"en": "Offer courses.", "fr": "Proposer des cours."},
                },
            ],
        },
    ],
}


def test_source_builds_one_group_per_indicator_with_its_own_choice_lists():
    form = form_from_source(SOURCE)
    assert form.languages == ("en", "fr", "es")
    assert form.population_edges == (100_000.0, 500_000.0)
    assert form.foreign_born_edges == (10.0, 20.5)
    assert [(g.code, g.row, g.labels["en"]) for g in form.groups] == [
        ("commitment", 2, "Commitment"),
        ("language", 6, "Language"),
    ]
    assert [(q.code, q.row, q.group, q.list_name, q.indicator) for q in form.questions] == [
        ("strategy", 3, "commitment", "strategy_choices", "commitment"),
        ("staff", 4, "commitment", None, None),
        ("courses", 7, "language", "courses_choices", "language"),
    ]
    assert form.questions[0].choices[3] == Choice(
        "unknown", {"en": "Don't know", "fr": "Ne sait pas"}
    )
    assert form.indicators == (
        IndicatorDef("commitment", {"en": "Commitment", "fr": "Engagement"}, 2.0),
        IndicatorDef("language", {"en": "Language", "fr": "Langue", "es": "Idioma"}, 1.0),
    )


def test_source_to_workbook_to_form_round_trip_is_lossless():
    form = form_from_source(SOURCE)
    read = form_read(filename="mini.xlsx", content=form_write(form))
    assert read.warnings == ()
    assert read == form
    spec = form_method_spec(read, default_bands=DEFAULT_BANDS)
    assert spec.question_codes == ("strategy", "courses")
    assert spec.aggregation == "geometric"
    assert spec.min_answered_share == 0.6


def test_form_to_source_gives_the_source_back():
    assert form_to_source(form_from_source(SOURCE)) == SOURCE
    assert form_from_source(form_to_source(form_from_source(SOURCE))) == form_from_source(SOURCE)


def test_workbook_layout_headers_and_styles():
    book = openpyxl.load_workbook(io.BytesIO(form_write(form_from_source(SOURCE))))
    assert book.sheetnames == ["survey", "choices", "settings", "indicators"]
    survey = book["survey"]
    headers = [cell.value for cell in survey[1]]
    assert headers[:5] == [
        "type",
        "name",
        "label::English (en)",
        "label::Français (fr)",
        "label::Español (es)",
    ]
    for column in ("indicator", "weight", "level", "recommendation::Français (fr)"):
        assert column in headers
    assert all(cell.font.bold for cell in survey[1])
    assert survey.freeze_panes == "A2"
    assert survey.column_dimensions["C"].width > 10
    assert [survey.cell(row, 1).value for row in range(2, 10)] == [
        "begin group",
        "select_one strategy_choices",
        "integer",
        "end group",
        "begin group",
        "select_multiple courses_choices",
        "end group",
        None,
    ]
    settings_sheet = book["settings"]
    values = dict(
        zip([c.value for c in settings_sheet[1]], [c.value for c in settings_sheet[2]], strict=True)
    )
    assert values["default_language"] == "English (en)"
    assert values["index_population_edges"] == "100000 500000"
    assert values["index_title::Français (fr)"] == "Mini-index"


def test_workbook_bytes_are_reproducible():
    content = form_write(form_from_source(SOURCE))
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    assert b"2000-01-01T00:00:00Z" in archive.read("docProps/core.xml")
    assert form_write(form_from_source(SOURCE)) == content


def test_third_party_form_round_trips_through_the_writer():
    path = Path(__file__).parent / "fixtures" / "household_survey.xlsx"
    form = form_read(filename=path.name, content=path.read_bytes())
    again = form_read(filename=path.name, content=form_write(form))
    assert dataclasses.replace(again, warnings=()) == dataclasses.replace(form, warnings=())


def test_blank_rows_and_row_numbers_survive_a_round_trip():
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    survey = book.create_sheet("survey")
    survey.append(["type", "name", "label"])
    survey.append(["text", "a", "A"])
    survey.append([])
    survey.append(["begin group", "g", "G"])
    survey.append(["text", "b", "B"])
    survey.append([])
    survey.append(["end group"])
    survey.append(["integer", "c", "C"])
    buffer = io.BytesIO()
    book.save(buffer)
    form = form_read(filename="f.xlsx", content=buffer.getvalue())
    assert [(q.code, q.row) for q in form.questions] == [("a", 2), ("b", 5), ("c", 8)]
    again = form_read(filename="f.xlsx", content=form_write(form))
    assert dataclasses.replace(again, warnings=()) == dataclasses.replace(form, warnings=())


def test_forms_built_in_code_are_laid_out_by_the_writer():
    form = Form(
        form_id="code_built",
        version="1",
        titles={"en": "Built"},
        default_language="en",
        languages=("en",),
        groups=(Group("outer", {"en": "Outer"}), Group("inner", {"en": "In"}, parent="outer")),
        questions=(
            Question("q1", "text", {"en": "Q1"}, group="outer"),
            Question("q2", "text", {"en": "Q2"}, group="inner"),
            Question("q3", "note", {"en": "Q3"}),
        ),
        indicators=(),
    )
    laid_out = form_layout(form)
    assert [g.row for g in laid_out.groups] == [2, 4]
    assert [q.row for q in laid_out.questions] == [3, 5, 8]
    read = form_read(filename="f.xlsx", content=form_write(form))
    assert dataclasses.replace(read, warnings=()) == laid_out


def test_split_groups_cannot_be_written():
    form = Form(
        form_id="f",
        version="1",
        titles={},
        default_language="en",
        languages=("en",),
        groups=(Group("a", {}), Group("b", {})),
        questions=(
            Question("q1", "text", {"en": "Q"}, group="a"),
            Question("q2", "text", {"en": "Q"}, group="b"),
            Question("q3", "text", {"en": "Q"}, group="a"),
        ),
        indicators=(),
    )
    with pytest.raises(ValueError, match="not contiguous"):
        form_write(form)


_texts = (
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1
    )
    # pyxform reads every run of spaces (no-break ones included) as one plain space
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
    .filter(lambda text: "${" not in text)  # an unclosed ${ is a broken reference in XLSForm
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    label=_texts,
    french=_texts,
    points=st.lists(
        st.one_of(st.none(), st.integers(0, 100), st.floats(0, 100).map(lambda p: round(p, 4))),
        min_size=1,
        max_size=4,
    ),
    # Excel keeps 15 significant digits; weights people write have far fewer.
    weight=st.floats(0.01, 1000).map(lambda w: round(w, 6)),
)
def test_any_texts_points_and_weights_round_trip(label, french, points, weight):
    source = copy.deepcopy(SOURCE)
    question = source["indicators"][0]["questions"][0]
    question["label"] = {"en": label, "fr": french}
    question["weight"] = weight
    question["choices"] = [
        {"name": f"c{i}", "label": {"en": label}} | ({} if p is None else {"points": p})
        for i, p in enumerate(points)
    ]
    form = form_from_source(source)
    read = form_read(filename="f.xlsx", content=form_write(form))
    assert dataclasses.replace(read, warnings=()) == form


def test_line_breaks_are_kept_and_control_characters_refused():
    source = copy.deepcopy(SOURCE)
    question = source["indicators"][0]["questions"][0]
    question["hint"] = {"en": "Line one.\r\nLine two.\n\tIndented."}
    form = form_from_source(source)
    assert form.questions[0].hints["en"] == "Line one.\nLine two.\n\tIndented."
    assert form_read(filename="f.xlsx", content=form_write(form)) == form
    question["hint"] = {"en": "Bell\x07"}
    assert _source_issues(source) == ["indicators[0].questions[0].hint.en"]
    with pytest.raises(ValueError, match="control character"):
        form_write(dataclasses.replace(form, titles={"en": "Bell\x07"}))


def test_no_break_spaces_become_plain_spaces_as_pyxform_writes_them():
    source = copy.deepcopy(SOURCE)
    source["indicators"][0]["questions"][0]["label"]["fr"] = "Y a-t-il une stratégie\u00a0?"
    form = form_from_source(source)
    read = form_read(filename="f.xlsx", content=form_write(form))
    assert read.questions[0].labels["fr"] == "Y a-t-il une stratégie ?"


def _source_issues(source) -> list[str | None]:
    with pytest.raises(XLSFormError) as caught:
        form_from_source(source)
    for issue in caught.value.issues:
        assert issue.sheet == "source"
        assert issue.message.endswith(".")
    return [issue.column for issue in caught.value.issues]


def test_source_errors_name_their_path():
    source = copy.deepcopy(SOURCE)
    strategy = source["indicators"][0]["questions"][0]
    strategy["choices"][0]["name"] = True  # YAML's unquoted yes
    strategy["choices"][1]["points"] = 140
    strategy["level"] = "medium"
    strategy["colour"] = "red"
    source["indicators"][0]["questions"][1]["type"] = "geopoint"
    source["indicators"][1]["questions"][0]["relevant"] = "tomorrow() > 1"
    source["indicators"][1]["questions"][0]["code"] = "strategy"
    assert _source_issues(source) == [
        "indicators[0].questions[0].colour",
        "indicators[0].questions[0].level",
        "indicators[0].questions[0].choices[0].name",
        "indicators[0].questions[0].choices[1].points",
        "indicators[0].questions[1].type",
        "question strategy",
        "question strategy.relevant",
    ]


def test_source_structure_errors():
    assert _source_issues({"settings": {}, "indicators": "none", "extra": 1}) == [
        "extra",
        "settings.form_id",
        "indicators",
    ]


def test_edition_build_writes_the_workbook_and_refuses_bad_sources(tmp_path):
    source_path = tmp_path / "mini.yaml"
    source_path.write_text(yaml.safe_dump(SOURCE, allow_unicode=True), encoding="utf-8")
    output = tmp_path / "mini.xlsx"
    form = edition_build(source_path, output)
    assert form == form_from_source(SOURCE)
    assert form_read(filename=output.name, content=output.read_bytes()) == form
    bad = copy.deepcopy(SOURCE)
    bad["indicators"][0]["questions"][0]["relevant"] = "${nobody} = 1"
    source_path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    output.unlink()
    with pytest.raises(XLSFormError, match="nobody"):
        edition_build(source_path, output)
    assert not output.exists()


def test_shipped_edition_builds_and_every_indicator_is_scored(tmp_path):
    source = Path(__file__).parents[1] / "editions" / "icc-2023.yaml"
    form = edition_build(source, tmp_path / "icc-2023.xlsx")
    assert form.languages[:2] == ("en", "fr")
    spec = form_method_spec(form, default_bands=DEFAULT_BANDS)
    assert spec.indicator_codes == tuple(indicator.code for indicator in form.indicators)
    assert not [w for w in form.warnings if w.sheet in {"survey", "choices", "indicators"}]
