"""A safe evaluator for the XPath of XLSForm ``relevant``, ``constraint``, ``calculation``
and ``choice_filter`` columns. No ``eval``: expressions are tokenized, parsed into frozen trees
and walked.

Rules of the package:

- Parsing accepts what ODK accepts: ``${name}`` references, paths, ``.``, quoted text,
  numbers, parentheses, the XPath operators and the ODK function set (``functions``). A
  function outside that set, or an expression that is not well formed, raises ``XPathError``
  with a sentence naming the problem (ODK would refuse it too).
- XPath 1.0 conversions, as JavaRosa applies them (``nodes``): unanswered is the empty string,
  comparisons with numbers convert, non-numbers become NaN and compare false.
- What the server cannot compute (``Expr.unevaluated`` lists it: ``today()``, repeats,
  secondary instances…) raises ``Unevaluable`` when evaluated; ``form_logic`` reads that in
  the respondent's favour.
- Parsing is cached; trees are immutable and can be shared.

Theory of operation::

    "selected(${langs}, 'fr') and ${n} >= 2"
      -> parser.tokenize -> parser.parse -> Binary('and', Call('selected', …), Binary('>=', …))
      -> Expr.evaluate({"langs": ["en", "fr"], "n": 3}) -> True
      -> form_logic.visible_questions(form, answers): block and question relevance in order
"""

from icc.xlsform.xpath.form_logic import (
    BlockRelevance,
    FilterableChoice,
    choices_filtered,
    choices_offered,
    constraint_ok,
    expression_holds,
    is_empty,
    is_relevant,
    visible_in_order,
    visible_questions,
)
from icc.xlsform.xpath.functions import FUNCTIONS, ODK_ONLY, SUPPORTED
from icc.xlsform.xpath.nodes import Expr, Unevaluable, Value, to_bool, to_number, to_text
from icc.xlsform.xpath.parser import XPathError, parse

__all__ = [
    "FUNCTIONS",
    "ODK_ONLY",
    "SUPPORTED",
    "BlockRelevance",
    "Expr",
    "FilterableChoice",
    "Unevaluable",
    "Value",
    "XPathError",
    "choices_filtered",
    "choices_offered",
    "constraint_ok",
    "expression_holds",
    "is_empty",
    "is_relevant",
    "parse",
    "to_bool",
    "to_number",
    "to_text",
    "visible_in_order",
    "visible_questions",
]
