"""Reads of the perception surveys' results, per rumour: the most heard and most believed
rumours by group of respondents, the change from the diagnosis to a follow-up, and the
headline indicators of each round for the city's page.

Counting is the surveys module's (``survey_results``, ``surveys_compare``: Wilson and Newcombe
95 % intervals, small cells hidden); this module only says which question and choice stand for
what:
- "heard" is the choice ``r<id>`` of ``heard``, over every respondent (``heard`` is required);
- "believed" is the answer ``yes`` to ``believe_r<id>``, over the respondents who heard it;
- "heard at least one" is everyone but those who ticked ``none``; "believed at least one" is
  anyone who answered ``yes`` to a ``believe_`` question. A round with fewer respondents than
  its smallest cell shows neither.
"""

from dataclasses import dataclass

from icc.antirumours.models import SurveyRound
from icc.antirumours.perception_form import BELIEVED, GROUP_QUESTIONS, HEARD, NONE, believed
from icc.surveys.intervals import wilson
from icc.surveys.selectors import (
    ChoiceChange,
    ChoiceCount,
    submissions_answers,
    survey_get,
    survey_results,
    surveys_compare,
)

HIDDEN = ChoiceCount("", "", None, None, None, None, True)


@dataclass(frozen=True)
class GroupCell:
    """One group of respondents for one rumour (``hidden`` when the group is too small)."""

    key: str
    label: str
    respondents: int | None
    heard: ChoiceCount
    believed: ChoiceCount


@dataclass(frozen=True)
class RumourResult:
    name: str
    text: str
    heard: ChoiceCount
    believed: ChoiceCount  # "yes" among those who heard it
    groups: tuple[GroupCell, ...]


@dataclass(frozen=True)
class RoundResults:
    respondents: int | None
    min_cell: int
    by: str
    by_label: str
    most_heard: tuple[RumourResult, ...]
    most_believed: tuple[RumourResult, ...]


def _pick(choices: tuple[ChoiceCount, ...], name: str) -> ChoiceCount:
    return next((choice for choice in choices if choice.name == name), HIDDEN)


def _rank_key(count: ChoiceCount) -> tuple[bool, float]:
    return (count.hidden, -(count.share or 0.0))


def round_results(*, survey_round: SurveyRound, by: str = "") -> RoundResults:
    """Each rumour's heard and believed shares, overall and by ``by`` (one of
    ``GROUP_QUESTIONS``), ranked twice: most heard first, most believed first."""
    assert survey_round.survey_id is not None
    by = by if by in GROUP_QUESTIONS else ""
    results = survey_results(survey_id=survey_round.survey_id)  # read once for every rumour
    heard = results.counts(question=HEARD, by=by or None)
    rows = []
    for name, text in survey_round.rumour_choices.items():
        belief = results.counts(question=f"believe_{name}", by=by or None)
        believed_groups = {group.key: group for group in belief.groups}
        cells = []
        for group in heard.groups:
            other = believed_groups.get(group.key)
            cells.append(
                GroupCell(
                    key=group.key,
                    label=group.label,
                    respondents=group.respondents,
                    heard=_pick(group.choices, name),
                    believed=_pick(other.choices, BELIEVED) if other else HIDDEN,
                )
            )
        rows.append(
            RumourResult(
                name=name,
                text=text,
                heard=_pick(heard.overall.choices, name),
                believed=_pick(belief.overall.choices, BELIEVED),
                groups=tuple(cells),
            )
        )
    return RoundResults(
        respondents=heard.overall.respondents,
        min_cell=heard.min_cell,
        by=by,
        by_label=heard.by_label,
        most_heard=tuple(sorted(rows, key=lambda row: _rank_key(row.heard))),
        most_believed=tuple(sorted(rows, key=lambda row: _rank_key(row.believed))),
    )


@dataclass(frozen=True)
class RumourChange:
    name: str
    text: str
    heard: ChoiceChange
    believed: ChoiceChange | None


@dataclass(frozen=True)
class RoundComparison:
    before_respondents: int | None
    after_respondents: int | None
    min_cell: int
    changes: tuple[RumourChange, ...]


def round_compare(*, follow_up: SurveyRound) -> RoundComparison:
    """The change in heard and believed, rumour by rumour, from the diagnosis to ``follow_up``
    (after − before, with Newcombe's 95 % interval)."""
    baseline = follow_up.baseline
    assert baseline is not None and baseline.survey_id and follow_up.survey_id
    before, after = baseline.survey_id, follow_up.survey_id
    both = (survey_results(survey_id=before), survey_results(survey_id=after))  # read once
    heard = surveys_compare(before_id=before, after_id=after, question=HEARD, results=both)
    by_name = {change.name: change for change in heard.changes}
    changes = []
    for name, text in follow_up.rumour_choices.items():
        belief = surveys_compare(
            before_id=before, after_id=after, question=f"believe_{name}", results=both
        )
        changes.append(
            RumourChange(
                name=name,
                text=text,
                heard=by_name.get(name)
                or ChoiceChange(name, text, HIDDEN, HIDDEN, None, None, None, True),
                believed=next((c for c in belief.changes if c.name == BELIEVED), None),
            )
        )
    return RoundComparison(
        before_respondents=heard.before_respondents,
        after_respondents=heard.after_respondents,
        min_cell=heard.min_cell,
        changes=tuple(changes),
    )


@dataclass(frozen=True)
class Share:
    count: int
    share: float
    low: float
    high: float


@dataclass(frozen=True)
class RoundIndicator:
    title: str
    kind: str
    synthetic: bool
    n: int
    heard: Share
    believed: Share


def _share(count: int, total: int) -> Share:
    interval = wilson(count, total)
    assert interval is not None
    return Share(count, interval.estimate, interval.low, interval.high)


def round_indicators(*, rounds: list[SurveyRound]) -> list[RoundIndicator]:
    """For each round with enough respondents, the share who heard at least one rumour and the
    share who believed at least one, with Wilson 95 % intervals; oldest round first."""
    indicators = []
    for survey_round in rounds:
        survey = survey_get(survey_id=survey_round.survey_id) if survey_round.survey_id else None
        if survey is None:
            continue
        n = heard_any = believed_any = 0
        for row in submissions_answers(survey_id=survey.pk):
            n += 1
            chosen = row.answers.get(HEARD) or []
            heard_any += bool([name for name in chosen if name != NONE])
            believed_any += any(
                believed(str(value))
                for key, value in row.answers.items()
                if key.startswith("believe_")
            )
        if n < max(survey.min_cell, 1):
            continue
        indicators.append(
            RoundIndicator(
                title=survey_round.title,
                kind=survey_round.get_kind_display(),
                synthetic=survey_round.is_synthetic,
                n=n,
                heard=_share(heard_any, n),
                believed=_share(believed_any, n),
            )
        )
    return indicators
