"""Progress between two editions, measured on comparable questions only.

Rules held here:

- A question of the new edition is comparable when the old edition has it: under the same code,
  or under the old code that ``new_to_old`` maps it to (the mapping wins over the same code).
  Each old question is compared with at most one new question.
- Both editions are rescored with the *new* edition's method restricted to the comparable
  questions: its weights, indicator assignment, levels, thresholds and aggregation. A delta thus
  reflects changed answers only, never a changed method. The old spec only tells which column of
  ``points_old`` holds which question.
- Indicators without any comparable question have no delta (NaN); neither has a place whose score
  is missing in either edition. Deltas are ``new - old``, in index points.
- Rows are places: row i of ``points_old`` and row i of ``points_new`` are the same place (fill a
  row with NaN for a place absent from one edition).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from icc.index.scoring.engine import ScoreResult, score, validate_points
from icc.index.scoring.spec import MethodSpec

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class ProgressResult:
    """Deltas (new - old) on comparable questions; NaN where not comparable.

    - ``comparable_questions``: new codes of the comparable questions, in new-spec order.
    - ``pairs``: ``(new_code, old_code)`` for each comparable question.
    - ``indicator_codes``: the new spec's indicator codes, the columns of the indicator deltas.
    - ``index_core``, ``index_advanced``: (n_places,).
    - ``indicator_core``, ``indicator_advanced``: (n_places, n_indicators).
    - ``before``, ``after``: both editions rescored on the comparable questions (None when no
      question is comparable); their indicator columns are the indicators that kept a question.
    """

    comparable_questions: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    indicator_codes: tuple[str, ...]
    index_core: FloatArray
    index_advanced: FloatArray
    indicator_core: FloatArray
    indicator_advanced: FloatArray
    before: ScoreResult | None
    after: ScoreResult | None


def comparable_pairs(
    spec_old: MethodSpec, spec_new: MethodSpec, new_to_old: Mapping[str, str] | None = None
) -> tuple[tuple[str, str], ...]:
    """``(new_code, old_code)`` of every comparable question, in new-spec order."""
    mapping = dict(new_to_old or {})
    new_codes, old_codes = set(spec_new.question_codes), set(spec_old.question_codes)
    for new_code, old_code in mapping.items():
        if new_code not in new_codes:
            raise ValueError(
                f"The mapping names new question {new_code!r}, which the new edition does not "
                "have; correct the code or drop it from the mapping."
            )
        if old_code not in old_codes:
            raise ValueError(
                f"The mapping sends {new_code!r} to old question {old_code!r}, which the old "
                "edition does not have; correct the code or drop it from the mapping."
            )
    pairs: list[tuple[str, str]] = []
    taken: dict[str, str] = {}
    for code in spec_new.question_codes:
        old_code = mapping.get(code, code)
        if old_code not in old_codes:
            continue
        if old_code in taken:
            raise ValueError(
                f"New questions {taken[old_code]!r} and {code!r} are both compared with old "
                f"question {old_code!r}; map each old question to one new question only."
            )
        taken[old_code] = code
        pairs.append((code, old_code))
    return tuple(pairs)


def _restricted(spec: MethodSpec, codes: set[str]) -> MethodSpec:
    questions = tuple(q for q in spec.questions if q.code in codes)
    used = {q.indicator for q in questions}
    return MethodSpec(
        indicators=tuple(i for i in spec.indicators if i.code in used),
        questions=questions,
        min_answered_share=spec.min_answered_share,
        min_indicator_share=spec.min_indicator_share,
        aggregation=spec.aggregation,
        bands=spec.bands,
    )


def _spread(result: ScoreResult, codes: tuple[str, ...], variant: str) -> FloatArray:
    """Indicator columns of ``result`` placed into the full list ``codes`` (NaN elsewhere)."""
    source = result.indicator_core if variant == "core" else result.indicator_advanced
    full = np.full((source.shape[0], len(codes)), np.nan)
    position = {code: i for i, code in enumerate(codes)}
    full[:, [position[c] for c in result.indicator_codes]] = source
    return full


def progress(
    points_old: ArrayLike,
    spec_old: MethodSpec,
    points_new: ArrayLike,
    spec_new: MethodSpec,
    *,
    new_to_old: Mapping[str, str] | None = None,
) -> ProgressResult:
    """Progress of every place from the old edition to the new one.

    ``points_old``: (n_places, n_old_questions) in ``spec_old.questions`` order;
    ``points_new``: (n_places, n_new_questions) in ``spec_new.questions`` order; same places, same
    row order. ``new_to_old`` maps renamed questions' new codes to their old codes.
    """
    old = validate_points(points_old, spec_old)
    new = validate_points(points_new, spec_new)
    if old.shape[0] != new.shape[0]:
        raise ValueError(
            f"The old edition has {old.shape[0]} places and the new one {new.shape[0]}; give the "
            "same places in the same row order (NaN rows for places absent from one edition)."
        )
    pairs = comparable_pairs(spec_old, spec_new, new_to_old)
    codes = spec_new.indicator_codes
    n = new.shape[0]
    if not pairs:
        return ProgressResult(
            comparable_questions=(),
            pairs=(),
            indicator_codes=codes,
            index_core=np.full(n, np.nan),
            index_advanced=np.full(n, np.nan),
            indicator_core=np.full((n, len(codes)), np.nan),
            indicator_advanced=np.full((n, len(codes)), np.nan),
            before=None,
            after=None,
        )
    method = _restricted(spec_new, {new_code for new_code, _ in pairs})
    new_column = {code: j for j, code in enumerate(spec_new.question_codes)}
    old_column = {code: j for j, code in enumerate(spec_old.question_codes)}
    old_by_new = dict(pairs)
    restricted_codes = method.question_codes
    before = score(old[:, [old_column[old_by_new[c]] for c in restricted_codes]], method)
    after = score(new[:, [new_column[c] for c in restricted_codes]], method)
    return ProgressResult(
        comparable_questions=restricted_codes,
        pairs=pairs,
        indicator_codes=codes,
        index_core=after.index_core - before.index_core,
        index_advanced=after.index_advanced - before.index_advanced,
        indicator_core=_spread(after, codes, "core") - _spread(before, codes, "core"),
        indicator_advanced=_spread(after, codes, "advanced") - _spread(before, codes, "advanced"),
        before=before,
        after=after,
    )
