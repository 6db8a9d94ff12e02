"""Between stored editions and the pure XLSForm model: rebuild a ``Form`` from the database."""

from typing import Any

from icc.index.models import Area, Edition, Question
from icc.index.xlsform.model import Choice, Form, Group, IndicatorDef
from icc.index.xlsform.model import Question as FormQuestion
from icc.xlsform import question_rules


def question_as_form(question: Question) -> FormQuestion:
    """The pure view of a stored question (for skip logic, constraints, choice filters and
    points)."""
    return FormQuestion(
        code=question.code,
        **question_rules(question),
        group=question.area.code if question.area else "",
        choices=tuple(
            Choice(
                name=c["name"],
                labels=c.get("labels", {}),
                points=c.get("points"),
                extra=c.get("columns", {}),
            )
            for c in question.choices
        ),
        choice_filter=question.choice_filter,
        or_other=question.or_other,
        indicator=question.indicator or None,
        weight=question.weight,
        level="core" if question.level == "core" else "advanced",
        recommendations=question.recommendations,
    )


def _edges(method: dict[str, Any], key: str) -> tuple[float, ...] | None:
    """The stored edges of one kind; None for an edition without a method (unscored)."""
    edges = method.get("bands", {}).get(key)
    return None if edges is None else tuple(edges)


def edition_form(edition: Edition) -> Form:
    """The whole edition as a pure ``Form`` (questions in questionnaire order)."""
    areas: list[Area] = list(edition.areas.all())
    questions = [
        question_as_form(q) for q in edition.questions.select_related("area").order_by("position")
    ]
    method = edition.method
    return Form(
        form_id=edition.form_id,
        version=edition.form_version,
        titles=edition.titles,
        default_language=edition.default_language,
        languages=tuple(edition.languages),
        groups=tuple(
            Group(
                code=a.code,
                labels=a.labels,
                relevant=a.relevant,
                parent=a.parent_code,
                repeat=a.repeat,
            )
            for a in areas
            if a.is_page
        ),
        questions=tuple(questions),
        indicators=tuple(
            IndicatorDef(code=a.code, labels=a.labels, weight=a.weight)
            for a in areas
            if a.is_indicator
        ),
        min_answered_share=float(method.get("min_answered_share", 0.5)),
        aggregation=method.get("aggregation", "arithmetic"),
        population_edges=_edges(method, "population_edges"),
        foreign_born_edges=_edges(method, "foreign_born_edges"),
    )
