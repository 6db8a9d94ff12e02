"""XPath subset: golden values computed by hand, refusals, skip logic, constraints, points."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from icc.index.xlsform import Choice, Form, Group, Question
from icc.index.xlsform.xpath import (
    XPathError,
    answer_points,
    constraint_ok,
    is_relevant,
    parse,
    visible_questions,
)

ANSWERS = {
    "yes_no": "yes",
    "age": 34,
    "share": 12.5,
    "text_age": "34",
    "langs": ["en", "fr"],
    "langs_text": "en fr",
    "empty": "",
    "unanswered": None,
    "zero": 0,
}

GOLDEN = [
    # references, literals and equality
    ("${yes_no} = 'yes'", True),
    ("${yes_no} = 'no'", False),
    ("${yes_no} != 'no'", True),
    ('${yes_no} = "yes"', True),
    ("'yes' = ${yes_no}", True),
    ("${age} = 34", True),
    ("${age} = '34'", True),  # a number against text compares as numbers
    ("${text_age} = 34", True),
    ("${text_age} = '34.0'", False),  # text against text stays text
    ("${share} = 12.5", True),
    # relational operators convert to numbers
    ("${age} > 18", True),
    ("${age} >= 34", True),
    ("${age} < 34", False),
    ("${age} <= 34", True),
    ("${text_age} > 5", True),
    ("'10' > '9'", True),  # numbers, not dictionary order
    # empty and unanswered
    ("${unanswered} = ''", True),
    ("${unanswered} != ''", False),
    ("${empty} = ''", True),
    ("${unanswered} >= 0", False),  # NaN compares false
    ("${unanswered} < 0", False),
    ("${unanswered} = 0", False),
    ("${unanswered} != 0", True),
    ("${missing_name} = ''", True),
    ("${zero} = ''", False),
    # selected, count-selected, string-length
    ("selected(${langs}, 'fr')", True),
    ("selected(${langs}, 'de')", False),
    ("selected(${langs_text}, 'en')", True),
    ("selected(${langs}, 'e')", False),
    ("selected(${unanswered}, 'en')", False),
    ("count-selected(${langs})", 2.0),
    ("count-selected(${unanswered})", 0.0),
    ("count-selected(${langs}) >= 2", True),
    ("string-length(${yes_no})", 3.0),
    ("string-length(${unanswered}) = 0", True),
    # not, and, or and their precedence
    ("not(${yes_no} = 'no')", True),
    ("not(${unanswered})", True),
    ("not(${yes_no})", False),
    ("${yes_no} = 'no' or ${age} > 18", True),
    ("${yes_no} = 'no' and ${age} > 18", False),
    ("${yes_no} = 'yes' or ${age} > 99 and ${age} < 0", True),  # and binds tighter
    ("(${yes_no} = 'yes' or ${age} > 99) and ${age} < 0", False),
    ("not(${yes_no} = 'yes') or selected(${langs}, 'fr')", True),
    # arithmetic
    ("1 + 2 * 3", 7.0),
    ("(1 + 2) * 3", 9.0),
    ("10 - 4 - 3", 3.0),  # left to right
    ("7 div 2", 3.5),
    ("7 mod 3", 1.0),
    ("-7 mod 3", -1.0),  # truncating, like XPath
    ("-${age} + 40", 6.0),
    ("${age} div 2 > 16", True),
    ("1 div 0", math.inf),
    ("${age} + ${unanswered}", math.nan),
    ("${age} * 2 = 68 and ${share} * 2 = 25", True),
    # other functions
    ("true() and not(false())", True),
    ("number('12') + 1", 13.0),
    ("int(7.9)", 7.0),
    ("string(${age})", "34"),
    ("concat(${yes_no}, '-', ${age})", "yes-34"),
    ("contains(${yes_no}, 'es')", True),
    ("starts-with(${yes_no}, 'y')", True),
    ("ends-with(${yes_no}, 'x')", False),
    ("coalesce(${unanswered}, 'none')", "none"),
    ("if(${age} > 18, 'adult', 'minor')", "adult"),
    ("boolean(${empty})", False),
]


@pytest.mark.parametrize(("expression", "expected"), GOLDEN)
def test_golden_values(expression, expected):
    value = parse(expression).evaluate(ANSWERS)
    if isinstance(expected, float) and math.isnan(expected):
        assert isinstance(value, float)
        assert math.isnan(value)
    else:
        assert value == expected
        assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("expression", "current", "expected"),
    [
        (". >= 0 and . <= 10", 5, True),
        (". >= 0 and . <= 10", 11, False),
        (". > ${age}", 35, True),
        ("string-length(.) <= 3", "abcd", False),
        ("string-length() = 4", "abcd", True),
        ("count-selected(.) <= 2", ["a", "b", "c"], False),
        ("selected(., 'b')", "a b", True),
    ],
)
def test_current_value(expression, current, expected):
    assert parse(expression).evaluate(ANSWERS, current=current) is expected


def test_references_lists_every_name():
    expression = "selected(${a}, 'x') and (${b} > 1 or not(${c} = ${a})) and . > 0"
    assert parse(expression).references == frozenset({"a", "b", "c"})
    assert parse("1 + 2").references == frozenset()


def test_what_the_server_cannot_compute_favours_the_respondent():
    assert is_relevant("today() > ${visit}", {"visit": "2020-01-01"}) is True
    question = Question("q", "integer", {}, constraint=". < position(..)")
    assert constraint_ok(question, 5, {}) is True


def test_paths_name_the_question_of_their_last_step():
    assert parse("/data/page/q1 = 'yes'").evaluate({"q1": "yes"}) is True
    assert parse("selected(../q1, 'b')").evaluate({"q1": ["a", "b"]}) is True


def test_a_function_odk_does_not_know_is_refused_by_name():
    with pytest.raises(XPathError) as caught:
        parse("tomorrow() > ${visit}")
    assert "tomorrow()" in str(caught.value)
    assert "not an ODK XPath function" in str(caught.value)


@pytest.mark.parametrize(
    ("expression", "fragment"),
    [
        ("", "empty"),
        ("${q} =", "ends too early"),
        ("(${q} = 'a'", "closing parenthesis"),
        ("${q} = 'a", "not closed"),
        ("${q = 'a'", "not closed"),
        ("selected(${q})", "selected(${question}, 'choice')"),
        ("not(${a}, ${b})", "not(${q} = 'x')"),
        ("${a} ${b}", "expects an operator"),
        ("${} = 1", "does not name a question"),
    ],
)
def test_malformed_expressions_say_what_to_fix(expression, fragment):
    with pytest.raises(XPathError) as caught:
        parse(expression)
    assert fragment in str(caught.value)
    assert str(caught.value).rstrip().endswith(".")


def test_xpath_error_is_a_value_error():
    assert issubclass(XPathError, ValueError)


@given(st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_comparisons_match_python_on_integers(a, b):
    values = {"a": a, "b": b}
    assert parse("${a} < ${b}").evaluate(values) is (a < b)
    assert parse("${a} >= ${b}").evaluate(values) is (a >= b)
    assert parse("${a} = ${b}").evaluate(values) is (a == b)
    assert parse("${a} + ${b} * 2").evaluate(values) == a + b * 2
    assert parse("not(${a} != ${b})").evaluate(values) is (a == b)


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True))
def test_selected_and_count_selected_agree_with_the_list(chosen):
    values = {"q": chosen}
    assert parse("count-selected(${q})").evaluate(values) == len(chosen)
    for name in "abcd":
        assert parse(f"selected(${{q}}, '{name}')").evaluate(values) is (name in chosen)


def _question(code, group="", relevant="", **kwargs):
    return Question(
        code=code, type="select_one", labels={"en": code}, group=group, relevant=relevant, **kwargs
    )


def _form(groups, questions):
    return Form(
        form_id="f",
        version="1",
        titles={},
        default_language="en",
        languages=("en",),
        groups=tuple(groups),
        questions=tuple(questions),
        indicators=(),
    )


SKIP_FORM = _form(
    [
        Group("intro", {"en": "Intro"}),
        Group("details", {"en": "Details"}, relevant="${has_plan} = 'yes'"),
        Group("budget", {"en": "Budget"}, relevant="${plan_kind} != 'informal'", parent="details"),
    ],
    [
        _question("has_plan", "intro"),
        _question("plan_kind", "details"),
        _question("plan_budget", "budget"),
        _question("plan_review", "details", relevant="${plan_budget} = 'yes'"),
        _question("chained", "", relevant="${plan_review} = '' and ${has_plan} = 'yes'"),
        _question("outside", ""),
    ],
)


@pytest.mark.parametrize(
    ("answers", "visible"),
    [
        ({}, ["has_plan", "outside"]),
        (
            {"has_plan": "no", "plan_kind": "formal", "plan_budget": "yes", "plan_review": "x"},
            ["has_plan", "outside"],
        ),
        (
            {"has_plan": "yes", "plan_kind": "formal"},
            ["has_plan", "plan_kind", "plan_budget", "chained", "outside"],
        ),
        (
            {"has_plan": "yes", "plan_kind": "formal", "plan_budget": "yes", "plan_review": "y"},
            ["has_plan", "plan_kind", "plan_budget", "plan_review", "outside"],
        ),
        # The nested group is irrelevant, so plan_budget counts as empty for plan_review, which
        # is hidden in turn, so chained sees plan_review as empty and shows.
        (
            {"has_plan": "yes", "plan_kind": "informal", "plan_budget": "yes", "plan_review": "y"},
            ["has_plan", "plan_kind", "chained", "outside"],
        ),
    ],
)
def test_visible_questions_apply_group_and_chained_relevance(answers, visible):
    assert visible_questions(SKIP_FORM, answers) == visible


def test_parent_group_irrelevant_hides_nested_group_even_when_its_own_condition_holds():
    answers = {"has_plan": "no", "plan_kind": "formal"}
    assert "plan_budget" not in visible_questions(SKIP_FORM, answers)


def test_group_cycle_is_a_clear_error():
    form = _form([Group("a", {}, parent="b"), Group("b", {}, parent="a")], [_question("q", "a")])
    with pytest.raises(ValueError, match="inside itself"):
        visible_questions(form, {})


def test_is_relevant_accepts_text_or_parsed_expressions():
    assert is_relevant("", {}) is True
    assert is_relevant("   ", {}) is True
    assert is_relevant("${a} = 'x'", {"a": "x"}) is True
    assert is_relevant(parse("${a} = 'x'"), {"a": "y"}) is False


@pytest.mark.parametrize(
    ("constraint", "value", "expected"),
    [
        ("", 5, True),
        (". >= 0 and . <= 100", 50, True),
        (". >= 0 and . <= 100", 150, False),
        (". >= 0 and . <= 100", None, True),  # not checked on an empty answer
        (". >= 0 and . <= 100", "", True),
        ("count-selected(.) <= 2", [], True),
        ("count-selected(.) <= 2", ["a", "b", "c"], False),
        (". <= ${total}", 10, True),
        (". <= ${total}", 30, False),
    ],
)
def test_constraint_ok(constraint, value, expected):
    question = Question(code="n", type="integer", labels={}, constraint=constraint)
    assert constraint_ok(question, value, {"total": 20}) is expected


def scored_question(code: str, type: str, points: dict[str, float | None]) -> Question:
    """A question of the "commitment" indicator with its own choice list: choice name → points
    (None: a choice that scores nothing, such as "don't know")."""
    return Question(
        code=code,
        type=type,
        labels={},
        indicator="commitment",
        list_name=code,
        choices=tuple(Choice(name, {}, value) for name, value in points.items()),
    )


SCORED_ONE = scored_question(
    "plan", "select_one", {"yes": 100.0, "partly": 50.0, "no": 0.0, "unknown": None}
)
SCORED_MANY = scored_question(
    "measures",
    "select_multiple",
    {"a": 40.0, "b": 40.0, "c": 30.0, "none": 0.0, "dont_know": None},
)


@pytest.mark.parametrize(
    ("question", "value", "expected"),
    [
        (SCORED_ONE, "yes", 100.0),
        (SCORED_ONE, "partly", 50.0),
        (SCORED_ONE, "no", 0.0),
        (SCORED_ONE, "unknown", None),  # a choice without points earns no score
        (SCORED_ONE, "maybe", None),  # not a choice
        (SCORED_ONE, None, None),
        (SCORED_ONE, "", None),
        (SCORED_ONE, ["yes"], None),
        (SCORED_MANY, ["a"], 40.0),
        (SCORED_MANY, ["a", "b"], 80.0),
        (SCORED_MANY, ["a", "b", "c"], 100.0),  # 110 capped at 100
        (SCORED_MANY, "a c", 70.0),  # space-separated text, as XForms stores it
        (SCORED_MANY, ["a", "a"], 40.0),  # chosen twice counts once
        (SCORED_MANY, ["none"], 0.0),
        (SCORED_MANY, ["a", "dont_know"], 40.0),
        (SCORED_MANY, ["dont_know"], None),
        (SCORED_MANY, ["a", "zzz"], None),  # an invalid name invalidates the answer
        (SCORED_MANY, [], None),
        (SCORED_MANY, None, None),
    ],
)
def test_answer_points(question, value, expected):
    assert answer_points(question, value) == expected


def test_unscored_questions_earn_no_points():
    no_indicator = Question(
        code="q", type="select_one", labels={}, choices=(Choice("yes", {}, 100.0),)
    )
    number = Question(code="n", type="integer", labels={}, indicator="commitment")
    assert answer_points(no_indicator, "yes") is None
    assert answer_points(number, 100) is None
