"""The XLSForm layer of the Intercultural Cities Index: questionnaire editions as workbooks.

A pure package: it imports no Django. Plain bytes and dicts in, frozen ``model`` objects out.

Rules of the package:

- An edition is an XLSForm workbook (survey, choices, settings sheets, the KoboToolbox/ODK
  standard) plus the index's own columns and ``indicators`` sheet (see ``model``), from which
  the scoring ``MethodSpec`` is derived.
- Imports are all or nothing: ``form_read`` returns a ``Form`` (with warnings) or raises
  ``XLSFormError`` listing every problem with its sheet, row and column. pyxform checks the
  standard part; the package checks its own columns and the skip logic.
- Any XLSForm from the ODK ecosystem imports: what the platform cannot show or score (repeats,
  geopoints, calculations, metadata…) is kept as unscored items with a warning, and columns it
  does not interpret are kept verbatim so that the form can be written back out.
- Skip logic and constraints are evaluated on the server by a small evaluator for the XPath
  subset that form authors write (``xpath``), never by ``eval``.
- The shipped edition's source is YAML (``source``), diff-friendly; its .xlsx is built from it.

Theory of operation::

    .xlsx bytes --workbook_sheets (openpyxl)--> rows numbered as the user sees them
                --pyxform_convert--> pyxform's error/warnings as issues
                --read_settings / read_survey--> Form (groups, questions, choices, indicators)
    Form --form_method_spec--> scoring.MethodSpec (scored questions only)
    Form --form_write--> .xlsx bytes;  YAML --form_from_source--> Form --edition_build--> .xlsx
    Form + answers --xpath.visible_questions / constraint_ok / answer_points--> checks, points
"""

from icc.index.xlsform.model import (
    Choice,
    Form,
    Group,
    IndicatorDef,
    Issue,
    Level,
    Question,
    XLSFormError,
)
from icc.index.xlsform.points import answer_points
from icc.index.xlsform.read import form_read
from icc.index.xlsform.source import edition_build, form_from_source, form_to_source
from icc.index.xlsform.spec_bridge import form_method_spec, form_scored_questions
from icc.index.xlsform.write import form_layout, form_write
from icc.index.xlsform.xpath import (
    XPathError,
    constraint_ok,
    is_relevant,
    parse,
    visible_questions,
)

__all__ = [
    "Choice",
    "Form",
    "Group",
    "IndicatorDef",
    "Issue",
    "Level",
    "Question",
    "XLSFormError",
    "XPathError",
    "answer_points",
    "constraint_ok",
    "edition_build",
    "form_from_source",
    "form_layout",
    "form_method_spec",
    "form_read",
    "form_scored_questions",
    "form_to_source",
    "form_write",
    "is_relevant",
    "parse",
    "visible_questions",
]
