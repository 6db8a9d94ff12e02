"""From a read ``Form`` to the scoring engine's ``MethodSpec``.

Rules held here:

- Only scored questions enter the spec (``Question.scored``: a select question with an
  indicator and points), in form order; they fix the column order of the points matrix.
- Indicators keep the order of the indicators sheet; an indicator with no scored question is
  left out (``form_read`` has already warned about it, on its row of the indicators sheet).
- Band edges the form leaves empty take the caller's defaults, so the spec always states the
  edges its results used.
- A form with no scored question has no index method: ``form_method_spec`` raises
  ``XLSFormError`` with one sentence, so callers can store such a form as unscored.
"""

from __future__ import annotations

from icc.index.scoring.spec import Bands, Indicator, MethodSpec
from icc.index.scoring.spec import Question as SpecQuestion
from icc.index.xlsform.model import Form, Issue, Question, XLSFormError


def form_scored_questions(form: Form) -> tuple[Question, ...]:
    """The questions that count in the index, in form order."""
    return tuple(question for question in form.questions if question.scored)


def form_method_spec(form: Form, *, default_bands: Bands) -> MethodSpec:
    """The scoring method of the form's edition (see the rules above); band edges the form does
    not set are ``default_bands``'s (the platform's setting, given by the caller)."""
    scored = form_scored_questions(form)
    if not scored:
        raise XLSFormError(
            [
                Issue(
                    "survey",
                    None,
                    "indicator",
                    "The form has no scored question, so it cannot be used for the index; "
                    "give select questions an indicator and give their choices points.",
                )
            ]
        )
    used = {question.indicator for question in scored}
    return MethodSpec(
        indicators=tuple(
            Indicator(indicator.code, indicator.weight)
            for indicator in form.indicators
            if indicator.code in used
        ),
        questions=tuple(
            SpecQuestion(question.code, question.indicator or "", question.weight, question.level)
            for question in scored
        ),
        min_answered_share=form.min_answered_share,
        aggregation=form.aggregation,
        bands=Bands(
            population_edges=default_bands.population_edges
            if form.population_edges is None
            else form.population_edges,
            foreign_born_edges=default_bands.foreign_born_edges
            if form.foreign_born_edges is None
            else form.foreign_born_edges,
        ),
    )
