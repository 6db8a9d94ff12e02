"""A small, safe evaluator for the XPath that XLSForm authors write in ``relevant`` and
``constraint`` columns. No ``eval``: expressions are tokenized, parsed into frozen trees and
walked.

Rules of the package:

- The subset: ``${name}`` references, ``.`` (the answer being checked), quoted text, numbers,
  parentheses, ``= != < <= > >=``, ``+ - * div mod``, ``and``, ``or`` and the functions in
  ``functions.FUNCTIONS`` (``not``, ``selected``, ``count-selected``, ``string-length``, …).
  Anything else raises ``XPathError`` with a sentence naming it and listing what is supported.
- XPath 1.0 conversions, as JavaRosa applies them (``nodes``): unanswered is the empty string,
  comparisons with numbers convert, non-numbers become NaN and compare false.
- Parsing is cached; trees are immutable and can be shared.

Theory of operation::

    "selected(${langs}, 'fr') and ${n} >= 2"
      -> parser.tokenize -> parser.parse -> Binary('and', Call('selected', …), Binary('>=', …))
      -> Expr.evaluate({"langs": ["en", "fr"], "n": 3}) -> True
      -> form_logic.visible_questions(form, answers): group and question relevance in order
"""

from icc.index.xlsform.points import answer_points
from icc.index.xlsform.xpath.form_logic import constraint_ok, is_relevant, visible_questions
from icc.index.xlsform.xpath.functions import FUNCTIONS, SUPPORTED
from icc.index.xlsform.xpath.nodes import Expr, Value, to_bool, to_number, to_text
from icc.index.xlsform.xpath.parser import XPathError, parse

__all__ = [
    "FUNCTIONS",
    "SUPPORTED",
    "Expr",
    "Value",
    "XPathError",
    "answer_points",
    "constraint_ok",
    "is_relevant",
    "parse",
    "to_bool",
    "to_number",
    "to_text",
    "visible_questions",
]
