"""The index's XLSForm layer: questionnaire editions as XLSForm workbooks.

A pure package: it imports no Django. ``icc.xlsform`` reads any XLSForm (through pyxform's own
parsed form); this package adds only what the index's own columns mean.

Rules of the package:

- An edition is an XLSForm (survey, choices, settings sheets, the KoboToolbox/ODK standard)
  plus the index's own columns and ``indicators`` sheet (see ``model``), from which the scoring
  ``MethodSpec`` is derived.
- Imports are all or nothing: ``form_read`` returns a ``Form`` (with warnings) or raises
  ``XLSFormError`` listing every problem with its sheet, row and column.
- Any XLSForm that pyxform converts imports: what the platform cannot show or score (repeats,
  loops, geopoints, calculations, metadata…) is kept as unscored items with a warning, and
  columns it does not interpret are kept verbatim so that the form can be written back out.
- Skip logic, constraints and choice filters are evaluated on the server by
  ``icc.xlsform.xpath``, never by ``eval``; ``xpath`` here applies it to the index's ``Form``.
- The shipped edition's source is YAML (``source``), diff-friendly; its .xlsx is built from it.

Theory of operation::

    file --icc.xlsform.form_read (pyxform)--> icc.xlsform.Form
         --read (indicator, weight, level, points, indicators sheet)--> Form
    Form --form_method_spec--> scoring.MethodSpec (scored questions only)
    Form --form_write--> .xlsx bytes;  YAML --form_from_source--> Form --edition_build--> .xlsx
    Form + answers --xpath.visible_questions / constraint_ok / choice_offers / answer_points-->
         checks, the choices a cascading question offers now, points
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
    ChoiceOffer,
    XPathError,
    choice_offers,
    constraint_ok,
    is_relevant,
    parse,
    visible_questions,
)

__all__ = [
    "Choice",
    "ChoiceOffer",
    "Form",
    "Group",
    "IndicatorDef",
    "Issue",
    "Level",
    "Question",
    "XLSFormError",
    "XPathError",
    "answer_points",
    "choice_offers",
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
