"""Creating surveys from XLSForms, taking submissions, importing KoboToolbox/ODK exports."""

import io
from typing import Any

import pytest
from openpyxl import Workbook

from icc.core.tabular import TabularFileError
from icc.surveys import selectors
from icc.surveys.models import Submission, Survey
from icc.surveys.services import (
    SubmissionInvalid,
    SurveyError,
    SurveyFormError,
    quarantine_sheet,
    submission_create,
    submissions_import,
    survey_close,
    survey_form_replace,
    survey_open,
)
from icc.surveys.tests.conftest import survey_make
from icc.surveys.tests.forms import perception_form, xlsform_bytes, yes_no_form

GOOD = {
    "age": "34",
    "gender": "woman",
    "city": "bilbao",
    "district": "deusto",
    "heard": "yes",
    "believed": "no",
    "where": ["social", "street"],
}


def test_create_reads_the_form_and_starts_in_draft(directory: dict[str, Any]) -> None:
    content = perception_form()
    survey = survey_make(directory["bilbao"].pk, content, title=" Perceptions ")
    assert survey.state == Survey.State.DRAFT
    assert survey.title == "Perceptions"
    assert survey.languages == ["en", "fr"] and survey.default_language == "en"
    assert len(survey.token) >= 32
    assert survey.min_cell == 5
    form = selectors.survey_form(survey=survey)
    assert [q.code for q in form.asked_questions][:3] == ["age", "gender", "city"]
    assert form.question("district") is not None
    assert form.question("district").choice_filter == "city=${city}"
    assert bytes(survey.xlsform_content) == content
    assert form.title("fr") == "Perceptions"


def test_a_broken_xlsform_is_refused_with_sheet_row_and_column(directory: dict[str, Any]) -> None:
    broken = xlsform_bytes(
        [
            ["type", "name", "label", "relevant"],
            ["select_one missing", "q1", "Question", ""],
            ["integer", "q2", "Number", "${nowhere} > 2"],
        ],
        [["list_name", "name", "label"], ["yesno", "yes", "Yes"]],
    )
    with pytest.raises(SurveyFormError) as caught:
        survey_make(directory["bilbao"].pk, broken)
    texts = [str(issue) for issue in caught.value.issues]
    assert any(text.startswith("Sheet survey, row 2") and "missing" in text for text in texts)
    unknown = xlsform_bytes(
        [["type", "name", "label", "relevant"], ["integer", "q2", "Number", "${nowhere} > 2"]]
    )
    with pytest.raises(SurveyFormError) as caught:
        survey_make(directory["bilbao"].pk, unknown)
    assert any("nowhere" in str(issue) for issue in caught.value.issues)
    assert Survey.objects.count() == 0


def test_not_a_workbook_is_refused(directory: dict[str, Any]) -> None:
    with pytest.raises(SurveyFormError) as caught:
        survey_make(directory["bilbao"].pk, b"not a zip")
    assert caught.value.issues[0].sheet == "workbook"


def test_submission_applies_skip_logic_required_constraint_and_filters(survey: Survey) -> None:
    stored = submission_create(survey=survey, answers=GOOD, key="k1")
    assert stored.answers == {
        "age": 34,
        "gender": "woman",
        "city": "bilbao",
        "district": "deusto",
        "heard": "yes",
        "believed": "no",
        "where": ["street", "social"],
    }
    # not heard: "believed" and "where" are not asked, their answers are dropped
    skipped = submission_create(survey=survey, answers={**GOOD, "heard": "no"})
    assert "believed" not in skipped.answers and "where" not in skipped.answers
    with pytest.raises(SubmissionInvalid) as caught:
        submission_create(
            survey=survey, answers={**GOOD, "age": "12", "district": "algorta", "believed": ""}
        )
    assert caught.value.problems == {
        "age": "Between 16 and 119",
        "district": "Choose one of the answers offered.",
        "believed": "An answer is required.",
    }
    with pytest.raises(SubmissionInvalid) as caught:
        submission_create(survey=survey, answers={**GOOD, "age": "thirty"})
    assert "number" in caught.value.problems["age"]


def test_the_same_key_twice_stores_one_submission(survey: Survey) -> None:
    first = submission_create(survey=survey, answers=GOOD, key="same")
    second = submission_create(survey=survey, answers=GOOD, key="same")
    assert first.pk == second.pk
    assert selectors.submissions_count(survey_id=survey.pk) == 1


def test_only_an_open_survey_takes_submissions(survey: Survey) -> None:
    survey_close(survey=survey)
    with pytest.raises(SurveyError):
        submission_create(survey=survey, answers=GOOD)
    with pytest.raises(SurveyError):
        survey_close(survey=survey)
    survey_open(survey=survey)
    assert submission_create(survey=survey, answers=GOOD).pk


def test_form_can_be_replaced_until_the_first_answer(survey: Survey) -> None:
    survey_form_replace(survey=survey, xlsform_file=yes_no_form(), filename="yn.xlsx")
    assert [q.code for q in selectors.survey_form(survey=survey).questions] == ["heard"]
    submission_create(survey=survey, answers={"heard": "yes"})
    with pytest.raises(SurveyError):
        survey_form_replace(survey=survey, xlsform_file=perception_form(), filename="p.xlsx")


def _kobo_csv(lines: list[str]) -> io.BytesIO:
    return io.BytesIO("\r\n".join(lines).encode("utf-8"))


# A KoboToolbox export (";" separated, groups as "about/…", select_multiple both as one
# column and one column per choice), written for this test: two good rows, three broken ones,
# and the first row again.
KOBO = [
    "start;end;about/age;about/gender;about/city;about/district;heard;believed;where;"
    "where/street;where/social;where/work;comment;meta/instanceID;_id;_uuid;_submission_time",
    ";;34;woman;bilbao;deusto;yes;no;street social;1;1;0;;uuid:aaa;1;aaa;2026-03-01T10:00:00",
    # select_multiple only in its per-choice columns
    ";;51;man;getxo;algorta;yes;yes;;0;0;1;;uuid:bbb;2;bbb;2026-03-02T11:00:00",
    # broken: age under the constraint
    ";;9;man;bilbao;abando;no;;;;;;;uuid:ccc;3;ccc;2026-03-02T12:00:00",
    # broken: a district of another city
    ";;40;woman;getxo;deusto;no;;;;;;;uuid:ddd;4;ddd;2026-03-02T12:00:00",
    # broken: a choice that does not exist
    ";;40;robot;bilbao;deusto;no;;;;;;;uuid:eee;5;eee;2026-03-02T12:00:00",
    ";;34;woman;bilbao;deusto;yes;no;street social;1;1;0;;uuid:aaa;1;aaa;2026-03-01T10:00:00",
]
KOBO_HEADER = KOBO[0].split(";")


def test_kobo_export_imports_good_rows_quarantines_the_rest_and_never_twice(
    survey: Survey,
) -> None:
    rows = KOBO
    report = submissions_import(survey=survey, file=_kobo_csv(rows), filename="kobo.csv")
    assert (report.rows, report.imported, report.duplicates, report.refused) == (6, 2, 1, 3)
    assert report.reconciles
    assert [(p.line, p.column) for p in report.problems] == [
        (4, "about/age"),
        (5, "about/district"),
        (6, "about/gender"),
    ]
    assert report.problems[0].message == "Between 16 and 119"
    assert report.problems[2].message == "Choose one of the answers offered."
    stored = list(selectors.submissions_answers(survey_id=survey.pk))
    assert [row.answers.get("where") for row in stored] == [["street", "social"], ["work"]]
    assert stored[0].submitted_at.isoformat().startswith("2026-03-01T10:00:00")
    assert {s.external_id for s in Submission.objects.all()} == {"aaa", "bbb"}
    quarantine = quarantine_sheet(report)
    table = list(quarantine.rows)
    assert table[0][:3] == [4, "about/age", "Between 16 and 119"]
    assert table[0][3 + KOBO_HEADER.index("about/age")] == "9"
    # the same file again, and an ODK Central export of the same data: nothing new
    again = submissions_import(survey=survey, file=_kobo_csv(rows), filename="kobo.csv")
    assert (again.imported, again.duplicates, again.refused) == (0, 3, 3)
    odk = [
        "SubmissionDate,about-age,about-gender,about-city,about-district,heard,believed,where,KEY",
        "2026-03-01T10:00:00.000Z,34,woman,bilbao,deusto,yes,no,street,uuid:aaa",
        "2026-03-05T10:00:00.000Z,29,other,bilbao,abando,no,,,uuid:fff",
    ]
    central = submissions_import(survey=survey, file=_kobo_csv(odk), filename="odk.csv")
    assert (central.rows, central.imported, central.duplicates, central.refused) == (2, 1, 1, 0)
    assert selectors.submissions_count(survey_id=survey.pk) == 3


def test_xlsx_export_without_ids_imports_once(survey: Survey) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["age", "heard", "gender"])
    sheet.append([44, "no", "woman"])
    sheet.append([45, "yes", "man"])  # believed is required once heard
    buffer = io.BytesIO()
    book.save(buffer)
    report = submissions_import(
        survey=survey, file=io.BytesIO(buffer.getvalue()), filename="export.xlsx"
    )
    assert (report.imported, report.refused) == (1, 1)
    assert report.problems[0].column == "believed"
    assert "district" in report.unmatched_questions
    again = submissions_import(
        survey=survey, file=io.BytesIO(buffer.getvalue()), filename="export.xlsx"
    )
    assert (again.imported, again.duplicates) == (0, 1)


def test_a_file_that_matches_no_question_is_refused(survey: Survey) -> None:
    with pytest.raises(TabularFileError):
        submissions_import(survey=survey, file=_kobo_csv(["x,y", "1,2"]), filename="other.csv")


# A field-observation form of the kind the barometer uses, written for this test.
OBSERVATION = xlsform_bytes(
    [
        ["type", "name", "label", "required", "parameters"],
        ["start", "start", "", "", ""],
        ["geopoint", "where", "Where", "yes", ""],
        ["time", "at", "Time", "yes", ""],
        ["datetime", "seen", "Seen", "", ""],
        ["range", "people", "People", "yes", "start=1 end=50 step=1"],
        ["select_one kind", "kind", "Interaction", "yes", ""],
    ],
    [
        ["list_name", "name", "label"],
        ["kind", "positive", "Positive"],
        ["kind", "neutral", "Neutral"],
        ["kind", "conflict", "Conflict"],
    ],
)


def test_times_places_and_ranges_from_the_web_and_from_odk(directory: dict[str, Any]) -> None:
    survey = survey_open(survey=survey_make(directory["bilbao"].pk, OBSERVATION))
    web = submission_create(
        survey=survey,
        answers={
            "where": "43.263, -2.935",
            "at": "18:30",
            "seen": "2026-03-01T18:30",
            "people": "4",
            "kind": "positive",
        },
    )
    assert web.answers == {
        "where": "43.263 -2.935",
        "at": "18:30",
        "people": 4,
        "seen": "2026-03-01T18:30",
        "kind": "positive",
    }
    with pytest.raises(SubmissionInvalid) as caught:
        submission_create(
            survey=survey,
            answers={
                "where": "95 10",
                "at": "25:00",
                "seen": "yesterday",
                "people": "51",
                "kind": "positive",
            },
        )
    assert set(caught.value.problems) == {"where", "at", "seen", "people"}
    odk = [
        "start,where,at,seen,people,kind,meta/instanceID",
        "2026-03-01T18:00:00.000+01:00,43.26 -2.93 0 5,18:30:00.000+01:00,"
        "2026-03-01T18:30:00.000+01:00,12,conflict,uuid:o1",
        "2026-03-01T18:00:00.000+01:00,43.26 -2.93 0 5,18:31:00.000+01:00,,2.5,neutral,uuid:o2",
    ]
    report = submissions_import(survey=survey, file=_kobo_csv(odk), filename="odk.csv")
    assert (report.imported, report.refused) == (1, 1)
    assert report.problems[0].column == "people"
    stored = Submission.objects.get(external_id="o1").answers
    assert stored["at"] == "18:30" and stored["seen"] == "2026-03-01T18:30+01:00"
    assert stored["where"] == "43.26 -2.93 0 5" and stored["people"] == 12
