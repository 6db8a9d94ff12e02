"""Reading XLSForms written the way public forms are (KoboToolbox/ODK style), in every format
pyxform reads: each construct kept, what the pages cannot show listed as warnings."""

import pytest

from icc.xlsform import (
    Form,
    FormReadResult,
    XLSFormError,
    choices_filtered,
    constraint_ok,
    form_read,
    relevant,
    visible_questions,
)
from icc.xlsform.tests.builders import Rows, xls, xlsform_csv, xlsx

SURVEY: Rows = [
    [
        "type",
        "name",
        "label::English (en)",
        "label::Español (es)",
        "hint::English (en)",
        "relevant",
        "constraint",
        "constraint_message::English (en)",
        "choice_filter",
        "required",
        "calculation",
        "repeat_count",
    ],
    ["start", "start"],  # 2
    ["deviceid", "deviceid"],  # 3
    ["begin_group", "respondent", "Respondent", "Encuestado"],  # 4
    [
        "text",
        "resp_name",
        "Your name",
        "Su nombre",
        "Letters only",
        None,
        "regex(., '^[A-Za-z ]{2,40}$')",
        "Please write letters only.",
        None,
        "yes",
    ],  # 5
    ["select_one yes_no", "consent", "Do you agree to answer?", "¿Acepta responder?"],  # 6
    ["end_group"],  # 7
    # Spreadsheet programs turn quotes into curly ones; pyxform straightens them.
    ["begin_group", "location", "Location", "Ubicación", None, "${consent} = \u2018yes\u2019"],
    ["select_one state", "state", "State", "Estado"],  # 9
    ["select_one county", "county", "County", "Condado", None, None, None, None, "state=${state}"],
    [
        "select_one city",
        "city",
        "City",
        "Ciudad",
        None,
        None,
        None,
        None,
        "state=${state} and county=${county}",
    ],  # 11
    ["end_group"],  # 12
    ["select_one water or_other", "water_source", "Main water source", "Fuente de agua"],  # 13
    ["select_multiple facility", "facilities", "Facilities", "Instalaciones"],  # 14
    ["begin loop over facility", "facility_loop", "Facilities", "Instalaciones"],  # 15
    ["integer", "facility_count", "How many?", "¿Cuántos?", None, None, ". >= 0"],  # 16
    ["end loop"],  # 17
    ["integer", "hh_size", "People in the household", "Personas en el hogar"],  # 18
    [
        "begin_repeat",
        "member",
        "Member",
        "Miembro",
        None,
        "${hh_size} > 0",
        None,
        None,
        None,
        None,
        None,
        "${hh_size}",
    ],  # 19
    ["text", "member_name", "Name", "Nombre"],  # 20
    ["end_repeat"],  # 21
    ["calculate", "members", None, None, None, None, None, None, None, None, "count(${member})"],
    ["note", "thanks", "Thank you, ${resp_name}!", "¡Gracias!"],  # 23
]
CHOICES: Rows = [
    ["list_name", "name", "label::English (en)", "label::Español (es)", "state", "county"],
    ["yes_no", "yes", "Yes", "Sí"],
    ["yes_no", "no", "No", "No"],
    ["state", "north", "North", "Norte"],
    ["state", "south", "South", "Sur"],
    ["county", "hills", "Hills", "Colinas", "north"],
    ["county", "coast", "Coast", "Costa", "south"],
    ["city", "central", "Central (hills)", "Central (colinas)", "north", "hills"],  # 8
    ["city", "central", "Central (coast)", "Central (costa)", "south", "coast"],  # 9
    ["city", "harbour", "Harbour", "Puerto", "south", "coast"],
    ["water", "tap", "Tap", "Grifo"],
    ["water", "well", "Well", "Pozo"],
    ["facility", "toilet", "Toilet", "Inodoro"],
    ["facility", "shower", "Shower", "Ducha"],
]
SETTINGS: Rows = [
    ["form_title", "form_id", "version", "default_language", "allow_choice_duplicates"],
    ["Water and sanitation", "wash_2024", "2024.3", "English (en)", "yes"],
]


def read(content: bytes, filename: str) -> Form:
    result = form_read(content, filename)
    assert result.errors == ()
    return result.form_or_raise()


@pytest.fixture(scope="module")
def result() -> FormReadResult:
    return form_read(xlsx(survey=SURVEY, choices=CHOICES, settings=SETTINGS), "wash.xlsx")


@pytest.fixture(scope="module")
def form(result: FormReadResult) -> Form:
    return result.form_or_raise()


def test_settings_languages_and_labels(form):
    assert (form.form_id, form.version) == ("wash_2024", "2024.3")
    assert form.titles == {"en": "Water and sanitation"}
    assert form.languages == ("en", "es")
    consent = form.question("consent")
    assert consent is not None
    assert consent.labels == {"en": "Do you agree to answer?", "es": "¿Acepta responder?"}
    assert form.label(consent.labels, "fr") == "Do you agree to answer?"
    assert form.settings["allow_choice_duplicates"] == "yes"


def test_groups_loops_and_repeats_keep_their_kind_and_path(form):
    kinds = {group.name: (group.kind, group.path, group.row) for group in form.groups}
    assert kinds == {
        "respondent": ("group", (), 4),
        "location": ("group", (), 8),
        "facility_loop": ("loop", (), 15),
        "member": ("repeat", (), 19),
    }
    loop = next(group for group in form.groups if group.kind == "loop")
    assert [choice.name for choice in loop.loop_over] == ["toilet", "shower"]
    member = next(group for group in form.groups if group.kind == "repeat")
    assert (member.repeat_count, member.relevant) == ("${hh_size}", "${hh_size} > 0")
    count = form.question("facility_count")
    assert count is not None and (count.path, count.in_repeat) == (("facility_loop",), True)
    name = form.question("member_name")
    assert name is not None and (name.group, name.in_repeat, name.row) == ("member", True, 20)


def test_or_other_adds_the_other_choice_and_its_text(form):
    water = form.question("water_source")
    assert water is not None and water.or_other
    assert [choice.name for choice in water.choices] == ["tap", "well", "other"]
    assert water.choices[-1].labels == {"en": "Other", "es": "Otro"}
    other = form.question("water_source_other")
    assert other is not None and (other.type, other.row) == ("text", None)
    assert relevant(other.relevant, {"water_source": "other"}) is True
    assert relevant(other.relevant, {"water_source": "tap"}) is False


def test_cascading_selects_filter_choices_with_duplicate_names(form):
    city = form.question("city")
    assert city is not None
    assert [c.labels["en"] for c in city.choices] == [
        "Central (hills)",
        "Central (coast)",
        "Harbour",
    ]
    assert [c.row for c in city.choices] == [8, 9, 10]
    north = choices_filtered(city, {"state": "north", "county": "hills"})
    assert [c.labels["en"] for c in north] == ["Central (hills)"]
    south = choices_filtered(city, {"state": "south", "county": "coast"})
    assert [c.labels["en"] for c in south] == ["Central (coast)", "Harbour"]
    county = form.question("county")
    assert county is not None
    assert [c.name for c in choices_filtered(county, {"state": "south"})] == ["coast"]
    assert county.choices[0].text("state") == "north"


def test_curly_quotes_are_straightened_and_skip_logic_runs(form):
    location = next(group for group in form.groups if group.name == "location")
    assert location.relevant == "${consent} = 'yes'"
    hidden = visible_questions(form, {"consent": "no"})
    assert "state" not in hidden and "city" not in hidden and "water_source" in hidden
    shown = visible_questions(form, {"consent": "yes", "hh_size": 3})
    assert {"state", "county", "city", "member_name"} <= set(shown)


def test_regex_constraints_are_checked(form):
    name = form.question("resp_name")
    assert name is not None and name.required
    assert name.constraint_messages == {"en": "Please write letters only."}
    assert name.hints == {"en": "Letters only"}
    assert constraint_ok(name, "Ana María Lee".replace("í", "i"), {}) is True
    assert constraint_ok(name, "R2-D2", {}) is False
    assert constraint_ok(name, None, {}) is True  # an empty answer is required's job


def test_what_the_pages_cannot_show_is_kept_and_listed(form, result):
    assert {q.name for q in form.questions if not q.shown} == {"start", "deviceid", "members"}
    members = form.question("members")
    assert members is not None and members.calculation == "count(${member})"
    messages = [(w.row, w.message) for w in result.warnings]
    for row, fragment in [
        (2, "type 'start'"),
        (15, "The loop 'facility_loop' is kept"),
        (19, "The repeat 'member' is kept"),
        (22, "uses count(), which the platform does not compute"),
    ]:
        assert any(r == row and fragment in m for r, m in messages), fragment


@pytest.mark.parametrize(
    ("build", "filename"), [(xls, "wash.xls"), (xlsform_csv, "wash.csv")], ids=["xls", "csv"]
)
def test_the_same_form_reads_the_same_from_xls_and_csv(form, build, filename):
    other = read(build(survey=SURVEY, choices=CHOICES, settings=SETTINGS), filename)
    assert other == form


def test_a_path_or_a_file_object_reads_too(tmp_path, form):
    path = tmp_path / "wash.xlsx"
    path.write_bytes(xlsx(survey=SURVEY, choices=CHOICES, settings=SETTINGS))
    assert read(path.read_bytes(), path.name) == form
    assert form_read(path).form == form
    with path.open("rb") as file:
        assert form_read(file).form == form


def test_markdown_tables_as_in_pyxform_tests_are_read():
    table = """
    | survey |               |      |          |
    |        | type          | name | label    |
    |        | select_one yn | q    | Question |
    | choices |           |      |       |
    |         | list_name | name | label |
    |         | yn        | yes  | Yes   |
    """
    form = read(table.encode(), "form.md")
    assert [c.name for c in form.questions[0].choices] == ["yes"]
    assert form.languages == ("en",)


def _refused(
    survey: Rows, choices: Rows = CHOICES[:3], filename: str = "f.xlsx"
) -> tuple[str, int | None, str | None]:
    builders = {".xlsx": xlsx, ".xls": xls, ".csv": xlsform_csv}
    build = builders[filename[filename.rindex(".") :]]
    result = form_read(build(survey=survey, choices=choices), filename)
    assert result.form is None
    with pytest.raises(XLSFormError):
        result.form_or_raise()
    (issue,) = result.errors
    assert issue.message.endswith((".", ")")), issue
    return issue.sheet, issue.row, issue.column


HEADER = ["type", "name", "label", "relevant", "constraint"]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["text", "b", "B", "${a} = 'yes"], ("survey", 3, "relevant")),  # unclosed quote
        (["text", "b", "B", "(${a} = 'yes'"], ("survey", 3, "relevant")),
        (["integer", "b", "B", None, ". > 0 and"], ("survey", 3, "constraint")),
        (["integer", "b", "B", None, "tomorrow() > 1"], ("survey", 3, "constraint")),
        (["text", "b", "B", "${nobody} = 'x'"], ("survey", 3, "relevant")),
        (["select_one nolist", "b", "B"], ("survey", 3, None)),
        (["end_repeat"], ("survey", 3, "type")),
        (["begin_group", "g", "G"], ("survey", 3, "type")),
        (["selfie", "b", "B"], ("survey", 3, "type")),
        (["text", None, "B"], ("survey", 3, "name")),
    ],
)
@pytest.mark.parametrize("filename", ["f.xlsx", "f.xls", "f.csv"])
def test_a_broken_form_is_refused_with_sheet_row_and_column(row, expected, filename):
    survey: Rows = [HEADER, ["select_one yes_no", "a", "A"], row]
    assert _refused(survey, filename=filename) == expected


def test_duplicate_choice_names_are_refused_unless_the_settings_allow_them():
    survey: Rows = [["type", "name", "label"], ["select_one yes_no", "a", "A"]]
    choices: Rows = [*CHOICES[:3], ["yes_no", "yes", "Yes again"]]
    sheet, row, _column = _refused(survey, choices)
    assert (sheet, row) == ("choices", 4)
    allowed = xlsx(survey=survey, choices=choices, settings=[["allow_choice_duplicates"], ["yes"]])
    assert form_read(allowed, "f.xlsx").ok


@pytest.mark.parametrize(
    ("filename", "content", "fragment"),
    [
        ("form.xls", b"\xd0\xcf\x11\xe0 not really", "could not be read as a .xls file"),
        ("form.xlsx", b"this is not a zip file", "could not be read as a .xlsx file"),
        ("form.pdf", b"%PDF-1.4", "is not an XLSForm file pyxform reads"),
    ],
)
def test_unreadable_files_are_refused_with_one_sentence(filename, content, fragment):
    result = form_read(content, filename)
    (issue,) = result.errors
    assert (issue.sheet, fragment in issue.message) == ("workbook", True)


def test_metadata_widgets_media_and_device_functions_are_kept_with_warnings():
    header = ["type", "name", "label::English (en)", "label::Kiswahili (sw)", "appearance"]
    header += ["parameters", "relevant", "calculation", "media::image::English (en)", "default"]
    header += ["required", "required_message::English (en)", "read_only"]  # 1: yes
    survey: Rows = [
        header,
        ["start-geopoint", "where_started"],
        ["audit", "audit"],
        ["begin_group", "grid", "Grid", "Jedwali", "table-list"],
        ["select_one yes_no", "grid_q", "Question", "Swali", "list-nolabel"],
        ["end_group"],
        ["select_one_from_file cities.csv", "city", "City", "Mji", "minimal"],
        ["range", "score", "Score", "Alama", None, "start=0 end=10 step=2"],
        ["calculate", "price", None, None, None, None, None, "pulldata('fruits', 'p', 'k', 1)"],
        ["text", "remark", "Remark", "Maoni", None, None, "position(..) = 1", None, "a.png"],
        [
            "integer",
            "age",
            "Age",
            "Umri",
            *[None] * 5,
            "${last-saved#age}",
            "yes",
            "Needed.",
            "yes",
        ],
    ]
    result = form_read(xlsx(survey=survey, choices=CHOICES[:3]), "odd.xlsx")
    form = result.form_or_raise()
    assert [q.name for q in form.questions] == [
        "where_started", "grid_q", "city", "score", "price", "remark", "age",
    ]  # fmt: skip
    city, score, remark = form.question("city"), form.question("score"), form.question("remark")
    assert city is not None and (city.type, city.list_name) == (
        "select_one_from_file",
        "cities.csv",
    )
    assert score is not None and score.parameters == {"start": "0", "end": "10", "step": "2"}
    assert remark is not None and remark.texts("media::image") == {"en": "a.png"}
    age = form.question("age")
    assert age is not None and (age.required, age.read_only) == (True, True)
    assert (age.required_messages, age.default) == ({"en": "Needed."}, "${last-saved#age}")
    assert form.languages == ("en", "sw", "es")  # the choices are in Spanish too
    warned = {(w.row, w.column) for w in result.warnings}
    assert {(2, "type"), (7, "type"), (8, "type"), (9, "calculation"), (10, "relevant")} <= warned
