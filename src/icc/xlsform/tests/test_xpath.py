"""The ODK XPath evaluator: functions computed by hand, what ODK refuses, what the server
does not compute."""

import math

import pytest

from icc.xlsform import Question, Unevaluable, XPathError, expression_check, parse
from icc.xlsform.model import Choice
from icc.xlsform.xpath import choices_filtered, expression_holds, is_relevant, to_number


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("regex('AB-123', '^[A-Z]{2}-[0-9]{3}$')", True),
        ("regex('ab-123', '^[A-Z]{2}-[0-9]{3}$')", False),
        ("regex('x', '(unclosed')", False),  # an invalid pattern is false, never a crash
        ("substr('intercultural', 0, 5)", "inter"),
        ("substr('intercultural', 5)", "cultural"),
        ("substring-before('2024-03-01', '-')", "2024"),
        ("substring-after('2024-03-01', '-')", "03-01"),
        ("translate('abc', 'abc', 'AB')", "AB"),
        ("normalize-space('  a   b ')", "a b"),
        ("selected-at('a b c', 1)", "b"),
        ("selected-at('a b c', 5)", ""),
        ("boolean-from-string('true')", True),
        ("join(', ', 'a', 'b')", "a, b"),
        ("round(2.456, 2)", 2.46),
        ("round(2.5)", 3.0),
        ("floor(-1.5)", -2.0),
        ("ceiling(1.2)", 2.0),
        ("abs(-3)", 3.0),
        ("pow(2, 10)", 1024.0),
        ("sqrt(16)", 4.0),
        ("log10(1000)", 3.0),
        ("max(1, 7, 3)", 7.0),
        ("min(4, 2)", 2.0),
        ("int(pi() * 100)", 314.0),
        ("if(1 > 2, 'a', 'b')", "b"),
        ("coalesce('', 'fallback')", "fallback"),
        ("concat('a', 1, true())", "a1true"),
        ("‘x’ = \u201cx\u201d", True),  # curly quotes read as straight ones
    ],
)
def test_functions(expression, expected):
    assert parse(expression).evaluate({}) == expected


def test_math_outside_its_domain_is_nan():
    assert math.isnan(to_number(parse("sqrt(-1)").evaluate({})))
    assert math.isnan(to_number(parse("log(0 - 1)").evaluate({})))


def test_regex_with_catastrophic_backtracking_gives_up_in_time():
    text = "a" * 40 + "!"
    assert parse("regex(${q}, '^(a+)+$')").evaluate({"q": text}) is False


@pytest.mark.parametrize(
    ("expression", "unevaluated"),
    [
        ("today() > ${visit}", {"today()"}),
        ("pulldata('prices', 'price', 'item', ${item}) > 1", {"pulldata()"}),
        (
            "instance('cities')/root/item[name = ${city}]/label != ''",
            {"instance()", "paths into other instances or with predicates"},
        ),
        ("count(${member}) > 0", {"count()"}),
        ("max(${age})", {"max()"}),
        ("${a} | ${b}", {"node-set unions (|)"}),
        ("${last-saved#district} = ''", {"${last-saved#…}"}),
        ("jr:choice-name(${q}, '${q}')", {"jr:choice-name()"}),
        ("position() = 1", {"position()"}),
        ("${q}[1] = 'x'", {"paths into other instances or with predicates"}),
        ("/data/group/q = 'x'", set()),
        ("current()/../q = 'x'", set()),
        ("/data/q1 = 'yes'", set()),
        ("../q1 = 'yes'", set()),
        ("regex(., '^[0-9]+$')", set()),
    ],
)
def test_odk_expressions_parse_and_name_what_is_not_computed(expression, unevaluated):
    tree = parse(expression)
    assert tree.unevaluated == frozenset(unevaluated)
    if unevaluated:
        with pytest.raises(Unevaluable):
            tree.evaluate({})
    assert expression_check(expression) == (None, tree.unevaluated)


def test_paths_and_current_name_the_question_of_their_last_step():
    assert parse("current()/../q = 'x'").evaluate({"q": "x"}) is True
    assert parse("/data/page/q").references == frozenset({"q"})


def test_names_in_any_script_are_references_and_paths():
    assert parse("${número} > 1").evaluate({"número": 2}) is True
    assert parse("/data/sección/número = 2").evaluate({"número": 2}) is True


def test_unevaluable_reads_in_the_respondents_favour():
    assert is_relevant("today() > '2020-01-01'", {}) is True
    assert expression_holds(". < count(${r})", 5, {}) is True
    question = Question("city", "select_one", choice_filter="instance('x')/root/item[1]")
    choices = (Choice("a", {"en": "A"}), Choice("b", {"en": "B"}))
    assert choices_filtered(question, {}, choices) == list(choices)


@pytest.mark.parametrize(
    ("expression", "fragment"),
    [
        ("tomorrow() > 1", "not an ODK XPath function"),
        ("${a} = 'yes", "not closed"),
        ("${a} = ", "ends too early"),
        ("${a} ${b}", "expects an operator"),
        ("${a}[1", "closing ]"),
        ("${a} = #", "is not XPath"),
        ("selected(${a})", "selected(${question}, 'choice')"),
        ("//", "expects a step"),
    ],
)
def test_what_odk_refuses_is_refused_with_a_reason(expression, fragment):
    with pytest.raises(XPathError, match=None) as caught:
        parse(expression)
    assert fragment in str(caught.value)
    problem, _ = expression_check(expression)
    assert problem is not None and fragment in problem
