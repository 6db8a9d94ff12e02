"""XLSForm questionnaires, read by pyxform: a pure package (no Django, no platform module)
that any module of the platform can use (the index's editions, surveys, field observations).

Public API::

    form_read(source, filename=None) -> FormReadResult(form, warnings, errors)
    Form            form_id, version, titles, default_language, languages, groups,
                    questions, choice_lists, settings; .question(name), .choices(list_name),
                    .label(texts, language)
    Question        name, type, labels, hints, required, required_expression,
                    required_messages, read_only, relevant,
                    constraint, constraint_messages, calculation, default, appearance,
                    choice_filter, list_name, choices, or_other, parameters, path, group,
                    in_repeat, row, extra, shown; .text(column), .texts(column)
    Group           name, kind (group/repeat/loop), labels, relevant, parent, path, row,
                    appearance, repeat_count, loop_over, extra; .repeat
    Choice          name, labels, row, extra; .text(column)
    Issue           sheet, row, column, message
    XLSFormError    issues (raised by FormReadResult.form_or_raise)
    relevant(expression, answers) -> bool
    constraint_ok(question, value, answers) -> bool
    visible_questions(form, answers) -> list of names shown
    choices_filtered(question, answers) -> the choices its choice_filter keeps
    choices_offered(choice_filter, answers, choices) -> the same, for any module's choices
    expression_check(expression) -> (why ODK refuses it or None, what is not computed)
    sheet_rows(content, filename, sheet) -> rows of a sheet pyxform ignores
    OR_OTHER_LABELS  pyxform's warning that or_other's labels are in English only
    parse(expression) -> Expr (.evaluate(answers), .references, .unevaluated); XPathError

Theory of operation::

    file --pyxform (get_xlsform, workbook_to_json, XForm build)--> pyxform's parsed form
         --read._walk--> Form (groups, questions, choices), warnings, errors
    Form + answers --xpath--> visible questions, constraints, filtered choices
"""

from icc.xlsform.languages import LANGUAGE_NAMES, language_code, language_name
from icc.xlsform.model import (
    SELECT_TYPES,
    SHOWN_TYPES,
    Choice,
    CodedQuestion,
    Form,
    FormHead,
    FormReadResult,
    Group,
    Issue,
    Question,
    QuestionRules,
    XLSFormError,
    question_rules,
)
from icc.xlsform.pyxform_messages import OR_OTHER_LABELS
from icc.xlsform.read import FILE_TYPES, expression_check, form_read
from icc.xlsform.sheets import SheetRow, sheet_rows
from icc.xlsform.xpath import (
    Expr,
    FilterableChoice,
    Unevaluable,
    XPathError,
    choices_filtered,
    choices_offered,
    constraint_ok,
    expression_holds,
    is_relevant,
    parse,
    visible_questions,
)

relevant = is_relevant

__all__ = [
    "FILE_TYPES",
    "LANGUAGE_NAMES",
    "OR_OTHER_LABELS",
    "SELECT_TYPES",
    "SHOWN_TYPES",
    "Choice",
    "CodedQuestion",
    "Expr",
    "FilterableChoice",
    "Form",
    "FormHead",
    "FormReadResult",
    "Group",
    "Issue",
    "Question",
    "QuestionRules",
    "SheetRow",
    "Unevaluable",
    "XLSFormError",
    "XPathError",
    "choices_filtered",
    "choices_offered",
    "constraint_ok",
    "expression_check",
    "expression_holds",
    "form_read",
    "is_relevant",
    "language_code",
    "language_name",
    "parse",
    "question_rules",
    "relevant",
    "sheet_rows",
    "visible_questions",
]
