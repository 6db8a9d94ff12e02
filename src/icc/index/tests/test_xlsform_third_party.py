"""Third-party XLSForms (KoboToolbox/ODK style): imported with warnings, never scored."""

from pathlib import Path

import pytest

from icc.index.scoring import Bands
from icc.index.tests.fixtures.make_household_survey import household_survey_workbook
from icc.index.tests.fixtures.workbooks import Rows, workbook
from icc.index.xlsform import (
    XLSFormError,
    form_method_spec,
    form_read,
    form_scored_questions,
    visible_questions,
)

# the platform's default edges, as the caller passes them (a form may leave them empty)
DEFAULT_BANDS = Bands((), ())

FIXTURES = Path(__file__).parent / "fixtures"


def test_third_party_kobo_form_imports_with_warnings_and_nothing_scored():
    content = (FIXTURES / "household_survey.xlsx").read_bytes()
    form = form_read(filename="household_survey.xlsx", content=content)
    assert form.form_id == "household_living_conditions"
    assert form.languages == ("en", "fr")
    assert len(form.questions) == 21
    assert [g.code for g in form.groups] == [
        "consent_group",
        "location",
        "household",
        "member",
        "closing",
    ]
    member = form.groups[3]
    assert (member.repeat, member.parent, member.extra["repeat_count"]) == (
        True,
        "household",
        "${hh_size}",
    )
    by_code = {q.code: q for q in form.questions}
    assert by_code["district"].choice_filter == "region=${region}"
    assert by_code["asset_count"].extra["calculation"] == "count-selected(${assets})"
    assert by_code["water_source"].choices[-1].name == "other"
    assert by_code["water_source"].or_other
    assert by_code["member_school"].group == "member"
    assert form.settings_extra["style"] == "pages"
    messages = " ".join(w.message for w in form.warnings)
    for fragment in (
        "no indicators sheet",
        "repeats are not supported for scoring",
        "type 'geopoint'",
        "type 'calculate'",
        "type 'start'",
    ):
        assert fragment in messages
    # the pages apply choice filters and label "Other" and its text box in the reader's
    # language: neither pyxform's or_other warning nor a choice filter warning is passed on
    assert "or_other" not in messages and "choice filter" not in messages
    assert form_scored_questions(form) == ()
    with pytest.raises(XLSFormError, match="no scored question"):
        form_method_spec(form, default_bands=DEFAULT_BANDS)


def test_third_party_form_skip_logic_runs_on_the_server():
    content = (FIXTURES / "household_survey.xlsx").read_bytes()
    form = form_read(filename="household_survey.xlsx", content=content)
    refused = visible_questions(form, {"consent": "no"})
    assert "region" not in refused and "hh_size" not in refused
    agreed = visible_questions(form, {"consent": "yes", "member_age": 12, "photo_consent": "no"})
    assert {"region", "hh_size", "member_school"} <= set(agreed)
    assert "dwelling_photo" not in agreed


def test_committed_fixture_matches_its_script():
    committed = form_read(
        filename="household_survey.xlsx",
        content=(FIXTURES / "household_survey.xlsx").read_bytes(),
    )
    built = form_read(filename="household_survey.xlsx", content=household_survey_workbook())
    assert committed == built


def test_spelling_variants_of_real_forms_are_accepted():
    survey: Rows = [
        ["Type ", "name", "label::English (en) ", "label::Français (fr)", "parameters"],
        ["select_one_from_file cities.csv", "city", "City", "Ville", None],
        ["range", "rate", "Rate", "Note", "start=1 end=5 step=1"],
        ["select one colours", "colour", "Colour", "Couleur", None],
        ["select_multiple n", "nums", "Numbers", "Nombres", None],
    ]
    choices: Rows = [
        ["list name", "name", "label::English (en)", "label::Français (fr)"],
        ["colours", "red", "Red", "Rouge"],
        ["n", 1, "One", "Un"],
        ["n", 2.0, "Two", "Deux"],
    ]
    form = form_read(filename="f.xlsx", content=workbook(Survey=survey, Choices=choices))
    city, rate, colour, nums = form.questions
    assert (city.type, city.list_name, city.choices) == ("select_one_from_file", "cities.csv", ())
    assert rate.extra == {"parameters": "start=1 end=5 step=1"}
    assert (colour.type, [c.name for c in colour.choices]) == ("select_one", ["red"])
    assert [c.name for c in nums.choices] == ["1", "2"]
    assert colour.labels == {"en": "Colour", "fr": "Couleur"}
    unrendered = [w for w in form.warnings if "does not show them" in w.message]
    assert [(w.sheet, w.row, w.column) for w in unrendered] == [
        ("survey", 2, "Type"),
        ("survey", 3, "Type"),
    ]
