"""The points an answer earns, by the rule in ``model``'s docstring.

Rules held here:

- Only scored questions (an indicator and points on their choices) earn points; for any other
  question, and for an unanswered one, the result is None ("no score"), never 0.
- ``select_one``: the points of the chosen choice. A choice without points (e.g. "don't know")
  gives None; so does a name that is not one of the question's choices.
- ``select_multiple``: the sum of the chosen choices' points, capped at 100. The answer is a list
  of names or one space-separated text; a name chosen twice counts once; any name that is not
  a choice makes the whole answer invalid (None); choices without points add nothing, and if
  none of the chosen choices has points the result is None.
"""

from __future__ import annotations

from icc.index.xlsform.model import Question


def chosen_names(value: object) -> list[str] | None:
    """The choice names of a ``select_multiple`` answer (a list or one space-separated text)."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple | set | frozenset) and all(
        isinstance(item, str) for item in value
    ):
        return sorted({name.strip() for name in value if name.strip()})
    return None


def answer_points(question: Question, value: object) -> float | None:
    """Points (0–100) that ``value`` earns on ``question``, or None when it earns no score."""
    if not question.scored or value is None:
        return None
    points = {choice.name: choice.points for choice in question.choices}
    if question.type == "select_one":
        if not isinstance(value, str) or value.strip() not in points:
            return None
        return points[value.strip()]
    names = chosen_names(value)
    if not names or any(name not in points for name in names):
        return None
    earned = [points[name] for name in dict.fromkeys(names)]
    scored = [p for p in earned if p is not None]
    return min(100.0, sum(scored)) if scored else None
