"""Reading XLSForm workbooks: our columns, languages, groups, every error located, pyxform."""

import pytest

from icc.index.scoring import Bands, Indicator, MethodSpec
from icc.index.scoring import Question as SpecQuestion
from icc.index.tests.fixtures.workbooks import Rows, workbook
from icc.index.xlsform import (
    XLSFormError,
    form_method_spec,
    form_read,
    form_scored_questions,
)
from icc.xlsform.pyxform_messages import pyxform_issue

# the platform's default edges, as the caller passes them (a form may leave them empty)
DEFAULT_BANDS = Bands((250_000.0,), (12.0,))

SURVEY_HEADERS = [
    "type",
    "name",
    "label",
    "label::Français (fr)",
    "hint",
    "required",
    "relevant",
    "constraint",
    "indicator",
    "weight",
    "level",
    "recommendation",
    "recommendation::Français (fr)",
    "appearance",
]
CHOICES: Rows = [
    ["list_name", "name", "label", "label::Français (fr)", "points"],
    ["yn", "yes", "Yes", "Oui", 100],
    ["yn", "partly", "Partly", "En partie", 50],
    ["yn", "no", "No", "Non", 0],
    ["langs", "en", "English", "Anglais", 60],
    ["langs", "fr", "French", "Français", 60],
    ["langs", "none", "None", "Aucune", None],
]
INDICATORS: Rows = [
    ["code", "label", "label::Français (fr)", "weight"],
    ["commitment", "Commitment", "Engagement", 2],
    ["language", "Language", "Langue", 1],
    ["media", "Media", "Médias", 1],
]
SETTINGS: Rows = [
    ["form_title", "index_title::Français (fr)", "form_id", "version", "index_aggregation"],
    ["City index", "Index des villes", "city_index", "2023.1", "geometric"],
]


def survey_row(**cells: object) -> list[object]:
    return [cells.get(header.replace("::Français (fr)", "_fr")) for header in SURVEY_HEADERS]


GOOD_SURVEY: Rows = [
    SURVEY_HEADERS,
    survey_row(type="begin group", name="commitment_page", label="Commitment", label_fr="Eng."),
    survey_row(
        type="select_one yn",
        name="strategy",
        label="Is there a strategy?",
        label_fr="Y a-t-il une stratégie ?",
        hint="Adopted by the council.",
        required="yes",
        indicator="commitment",
        weight=2,
        level="core",
        recommendation="Adopt one.",
        recommendation_fr="En adopter une.",
    ),
    survey_row(
        type="begin group", name="budget_page", label="Budget", relevant="${strategy} != 'no'"
    ),
    survey_row(
        type="select_one yn",
        name="budget",
        label="Is there a budget?",
        indicator="commitment",
        relevant="${strategy} = 'yes'",
    ),
    survey_row(type="end group"),
    survey_row(type="end group"),
    survey_row(
        type="select_multiple langs",
        name="languages",
        label="Languages used",
        indicator="language",
        level="core",
        appearance="minimal",
    ),
    survey_row(type="integer", name="staff", label="Staff", constraint=". >= 0", required="no"),
]


def good_workbook(**changes: Rows) -> bytes:
    sheets: dict[str, Rows] = {"survey": GOOD_SURVEY, "choices": CHOICES, "settings": SETTINGS}
    sheets["indicators"] = INDICATORS
    sheets.update(changes)
    return workbook(**sheets)


def test_reads_questions_groups_languages_and_our_columns():
    form = form_read(filename="index.xlsx", content=good_workbook())
    assert form.form_id == "city_index"
    assert form.version == "2023.1"
    assert form.default_language == "en"
    assert form.languages == ("en", "fr")
    assert form.titles == {"en": "City index", "fr": "Index des villes"}
    assert form.aggregation == "geometric"
    assert [q.code for q in form.questions] == ["strategy", "budget", "languages", "staff"]
    strategy, budget, languages, staff = form.questions
    assert strategy.labels == {"en": "Is there a strategy?", "fr": "Y a-t-il une stratégie ?"}
    assert strategy.hints == {"en": "Adopted by the council."}
    assert strategy.required is True
    assert (strategy.indicator, strategy.weight, strategy.level) == ("commitment", 2.0, "core")
    assert strategy.recommendations == {"en": "Adopt one.", "fr": "En adopter une."}
    assert strategy.row == 3
    assert strategy.group == "commitment_page"
    assert [(c.name, c.points) for c in strategy.choices] == [
        ("yes", 100.0),
        ("partly", 50.0),
        ("no", 0.0),
    ]
    assert strategy.choices[1].labels == {"en": "Partly", "fr": "En partie"}
    assert budget.group == "budget_page"
    assert (budget.weight, budget.level) == (1.0, "advanced")
    assert languages.extra == {"appearance": "minimal"}
    assert languages.choices[2].points is None
    assert (staff.required, staff.constraint, staff.scored) == (False, ". >= 0", False)
    page, nested = form.groups
    assert (page.code, page.parent, page.row) == ("commitment_page", "", 2)
    assert (nested.code, nested.parent, nested.relevant) == (
        "budget_page",
        "commitment_page",
        "${strategy} != 'no'",
    )
    assert [i.code for i in form.indicators] == ["commitment", "language", "media"]
    assert form.indicators[0].labels == {"en": "Commitment", "fr": "Engagement"}


def test_method_spec_holds_scored_questions_and_drops_empty_indicators_with_a_warning():
    form = form_read(filename="index.xlsx", content=good_workbook())
    assert [q.code for q in form_scored_questions(form)] == ["strategy", "budget", "languages"]
    assert form_method_spec(form, default_bands=DEFAULT_BANDS) == MethodSpec(
        indicators=(Indicator("commitment", 2.0), Indicator("language", 1.0)),
        questions=(
            SpecQuestion("strategy", "commitment", 2.0, "core"),
            SpecQuestion("budget", "commitment", 1.0, "advanced"),
            SpecQuestion("languages", "language", 1.0, "core"),
        ),
        aggregation="geometric",
        bands=DEFAULT_BANDS,  # the form sets no edges: the caller's default
    )
    media = [w for w in form.warnings if w.sheet == "indicators"]
    assert [(w.row, w.column) for w in media] == [(4, "code")]
    assert "'media' has no scored question" in media[0].message


def test_default_language_setting_names_the_plain_columns():
    settings: Rows = [["form_id", "default_language"], ["f", "Français (fr)"]]
    survey: Rows = [
        ["type", "name", "label", "label::English (en)"],
        ["text", "q", "Ville", "City"],
    ]
    form = form_read(filename="f.xlsx", content=workbook(survey=survey, settings=settings))
    assert form.default_language == "fr"
    assert form.languages == ("fr", "en")
    assert form.questions[0].labels == {"fr": "Ville", "en": "City"}


def test_languages_without_codes_are_mapped_by_name():
    survey: Rows = [
        ["type", "name", "label::English", "label::French"],
        ["text", "q", "City", "Ville"],
    ]
    form = form_read(filename="f.xlsx", content=workbook(survey=survey))
    assert form.default_language == "en"
    assert form.questions[0].labels == {"en": "City", "fr": "Ville"}
    assert any("machine-readable codes" in w.message for w in form.warnings)


def _issues(content: bytes) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(XLSFormError) as caught:
        form_read(filename="broken.xlsx", content=content)
    for issue in caught.value.issues:
        assert issue.message.endswith("."), issue
        assert str(issue).startswith(issue.sheet)
    return [(i.sheet, i.row, i.column) for i in caught.value.issues]


def test_every_problem_with_the_index_columns_is_reported_with_sheet_row_and_column():
    survey: Rows = [
        ["type", "name", "label", "relevant", "indicator", "weight", "level", "constraint"],
        ["begin group", "page", "Page", None, None, None, None],  # 2
        ["select_one yn", "q1", "Q1", None, "commitment", 1, "core"],  # 3: fine
        ["end group"],  # 4
        ["begin group", "again", "Again", None, None, None, None],  # 5
        ["select_one yn", "q1", "Q1 again", None, None, None, None],  # 6: renamed, a warning
        ["end group"],  # 7
        ["select_one yn", "q3", "Q3", None, "nosuch", None, None],  # 8: unknown indicator
        ["select_one yn", "q5", "Q5", None, "commitment", 0, "medium"],  # 9: weight, level
    ]
    choices: Rows = [
        ["list_name", "name", "label", "points"],
        ["yn", "yes", "Yes", 100],
        ["yn", "no", "No", "lots"],  # 3: not a number
        ["yn", "maybe", "Maybe", 140],  # 4: outside 0-100
    ]
    settings: Rows = [
        ["form_id", "index_aggregation", "index_min_answered_share", "index_foreign_born_edges"],
        ["f", "median", 2, "15 120"],
    ]
    indicators: Rows = [
        ["code", "weight"],
        ["commitment", 1],
        ["commitment", 1],
        ["other", "heavy"],
    ]
    content = workbook(survey=survey, choices=choices, settings=settings, indicators=indicators)
    assert _issues(content) == [
        ("survey", 8, "indicator"),
        ("survey", 9, "weight"),
        ("survey", 9, "level"),
        ("choices", 3, "points"),
        ("choices", 4, "points"),
        ("settings", 2, "index_min_answered_share"),
        ("settings", 2, "index_aggregation"),
        ("settings", 2, "index_foreign_born_edges"),
        ("indicators", 3, "code"),
        ("indicators", 4, "weight"),
    ]


def test_a_name_used_in_two_groups_is_kept_under_a_code_of_its_own():
    survey: Rows = [
        ["type", "name", "label"],
        ["begin group", "home", "Home"],
        ["text", "city", "City"],
        ["end group"],
        ["begin group", "work", "Work"],
        ["text", "city", "City"],
        ["end group"],
    ]
    form = form_read(filename="f.xlsx", content=workbook(survey=survey))
    assert [(q.code, q.group) for q in form.questions] == [("city", "home"), ("work_city", "work")]
    (renamed,) = [w for w in form.warnings if w.column == "name"]
    assert (renamed.row, "kept as 'work_city'" in renamed.message) == (6, True)


def test_index_columns_of_a_form_that_is_no_index_edition_are_only_warned_about():
    survey: Rows = [["type", "name", "label", "weight"], ["integer", "w", "Weight (kg)", "heavy"]]
    form = form_read(filename="f.xlsx", content=workbook(survey=survey))
    assert form.questions[0].weight == 1.0
    assert any(w.column == "weight" and w.row == 2 for w in form.warnings)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["begin group", "page", "Page", None], ("survey", 2, "type")),  # never closed
        (["end group", None, None, None], ("survey", 2, "type")),  # never opened
        (["select_one nolist", "q2", "Q2", None], ("survey", 2, None)),  # unknown list
        (["integer", "q6", "Q6", "${nobody} = 1"], ("survey", 2, "relevant")),
        (["integer", "q7", "Q7", ". >= 0 and"], ("survey", 2, "relevant")),
        (["integer", "q8", "Q8", "foo(.) > 1"], ("survey", 2, "relevant")),
    ],
)
def test_what_odk_refuses_is_refused_with_its_row(row, expected):
    survey: Rows = [["type", "name", "label", "relevant"], row, ["text", "last", "Last", None]]
    assert _issues(workbook(survey=survey, choices=CHOICES))[:1] == [expected]


def test_error_messages_say_what_to_fix():
    survey: Rows = [["type", "name", "label", "relevant"], ["select_one yn", "q1", "Q1", None]]
    choices: Rows = [["list_name", "name", "label", "points"], ["yn", "yes", "Yes", "lots"]]
    content = workbook(survey=survey, choices=choices, indicators=INDICATORS)
    with pytest.raises(XLSFormError) as caught:
        form_read(filename="f.xlsx", content=content)
    text = str(caught.value)
    assert "choices, row 2, column points: The points of choice 'yes'" in text
    assert "'lots', which is not a number" in text
    survey = [*survey, ["text", "q2", "Q2", "${q1} = 'yes' and"]]
    with pytest.raises(XLSFormError) as caught:
        form_read(filename="f.xlsx", content=workbook(survey=survey, choices=CHOICES))
    assert "survey, row 3, column relevant: The relevant expression" in str(caught.value)
    assert "ends too early" in str(caught.value)


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        ({"choices": [["list_name", "name"]], "notes": [["x"]]}, ("survey", None, None)),
        ({"survey": [["name", "label"], ["q", "Q"]]}, ("survey", 1, "type")),
        ({"survey": [["type", "label"], ["text", "Q"]]}, ("survey", 2, "name")),
        ({"survey": [["type", "name", "label"], ["text", None, "Q"]]}, ("survey", 2, "name")),
        ({"survey": [["type", "name", "label"], [None, "q", "Q"]]}, ("survey", 2, "type")),
        (
            {"survey": [["type", "name", "label", "label"], ["text", "q", "Q", "R"]]},
            ("survey", 1, "label"),
        ),
    ],
)
def test_structural_errors(sheets, expected):
    assert expected in _issues(workbook(**sheets))


def test_pyxform_errors_are_translated_with_their_row():
    survey: Rows = [["type", "name", "label"], ["text", "q1", "Q1"], ["calculate", "c", None]]
    assert _issues(workbook(survey=survey)) == [("survey", 3, None)]
    unknown: Rows = [["type", "name", "label"], ["text", "q1", "Q1"], ["selfie", "s", "Smile"]]
    with pytest.raises(XLSFormError) as caught:
        form_read(filename="f.xlsx", content=workbook(survey=unknown))
    (issue,) = caught.value.issues
    assert (issue.sheet, issue.row, issue.column) == ("survey", 3, "type")
    assert "Unknown question type 'selfie'" in issue.message


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "[row : 5] List name not in choices sheet: zz",
            ("survey", 5, None, "List name not in choices sheet: zz."),
        ),
        (
            "[row : 3] On the 'choices' sheet, the 'name' value is invalid. Choices must have "
            "a name.",
            ("choices", 3, "name", None),
        ),
        (
            "[row : 7] On the 'survey' sheet, the 'relevant' value is invalid.",
            ("survey", 7, "relevant", None),
        ),
        ("Something odd happened", ("survey", None, None, "Something odd happened.")),
    ],
)
def test_pyxform_issue_parsing(message, expected):
    issue = pyxform_issue(message)
    sheet, row, column, text = expected
    assert (issue.sheet, issue.row, issue.column) == (sheet, row, column)
    if text is not None:
        assert issue.message == text


def test_questions_without_indicator_sheet_are_unscored_with_a_warning():
    content = workbook(survey=GOOD_SURVEY, choices=CHOICES)
    form = form_read(filename="f.xlsx", content=content)
    assert form_scored_questions(form) == ()
    assert all(q.indicator is None for q in form.questions)
    assert any(
        w.sheet == "indicators" and "no indicators sheet" in w.message for w in form.warnings
    )
    with pytest.raises(XLSFormError, match="no scored question"):
        form_method_spec(form, default_bands=DEFAULT_BANDS)


def test_unscorable_questions_are_kept_with_warnings():
    survey: Rows = [
        ["type", "name", "label", "indicator"],
        ["select_one yn", "no_indicator", "Q", None],
        ["select_one plain", "no_points", "Q", "commitment"],
        ["integer", "number", "Q", "commitment"],
        ["select_one yn", "scored", "Q", "commitment"],
        ["begin repeat", "visits", "Visits", None],
        ["select_one yn", "in_repeat", "Q", "commitment"],
        ["end repeat", None, None, None],
        ["geopoint", "where", "Where", None],
        ["select_one yn or_other", "with_other", "Q", "commitment"],
    ]
    choices: Rows = [*CHOICES, ["plain", "a", "A", None, None]]
    content = workbook(survey=survey, choices=choices, indicators=INDICATORS)
    form = form_read(filename="f.xlsx", content=content)
    assert [q.code for q in form_scored_questions(form)] == ["scored", "with_other"]
    with_other = form.questions[-1]
    assert [c.name for c in with_other.choices] == ["yes", "partly", "no", "other"]
    assert with_other.choices[-1].labels == {"en": "Other", "fr": "Autre"}
    warned = {(w.row, w.column) for w in form.warnings if w.sheet == "survey"}
    assert {(2, "indicator"), (3, "indicator"), (4, "indicator"), (6, "type"), (9, "type")} <= (
        warned
    )
    repeat = [w.message for w in form.warnings if w.row == 6]
    assert any("repeats are not supported for scoring" in message for message in repeat)
    assert form.questions[4].indicator is None  # inside the repeat
    assert form.groups[0].repeat is True


def test_conditional_required_is_kept_as_not_required_with_a_warning():
    survey: Rows = [["type", "name", "label", "required"], ["text", "q", "Q", "${q} = 'x'"]]
    form = form_read(filename="f.xlsx", content=workbook(survey=survey))
    assert form.questions[0].required is False
    assert any(w.column == "required" and w.row == 2 for w in form.warnings)
