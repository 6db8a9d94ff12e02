"""Reads of the surveys module: surveys of a place, who may see them, results with intervals,
comparisons of two surveys, the submissions as a table.

Rules held here:

- Access to a survey follows its place (``place_roles_for_user``): the place's city
  coordinators and the secretariat manage it (open, close, import, export); experts of the
  place and coordinators of a network the place belongs to read its results; nobody else sees
  it. A survey ``private_to_place`` is seen and managed by the place's city coordinators only
  (its module shares what it decides). "Missing" and "forbidden" are answered alike (``None``).
- Results count the respondents who answered the question: a choice's share is the number who
  chose it over them (for ``select_multiple``, shares add up to more than 100 %), with a Wilson
  95 % interval (``icc.surveys.intervals``).
- Small cells: a group of respondents smaller than the survey's ``min_cell`` (k, setting
  ``ICC_SURVEYS_MIN_CELL``) is hidden whole, its size included; in a group shown, a choice
  chosen by 1 to k − 1 people shows neither its count nor its share. Then secondary
  suppression (``icc.surveys.suppression``): where a group, a choice across the groups, or a
  group of a ``select_one`` question would have exactly one hidden number, the next-smallest
  is hidden too, so that no hidden count is the difference of numbers shown. Hidden cells say
  so (``hidden``), and why (``protects``: hidden to protect another). A change between two
  surveys is hidden when either side is.
- Groups of respondents (``by``) are the choices of another ``select_one`` question, in form
  order; respondents who did not answer it are in no group (but are in the overall figures).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser, PlaceRole, place_roles_for_user
from icc.core.tabular import Sheet
from icc.language import content_language
from icc.surveys.form import QuestionDef, SurveyForm, text_in
from icc.surveys.intervals import newcombe_difference, wilson
from icc.surveys.models import Submission, Survey
from icc.surveys.suppression import QuestionSets, SurveySuppression

MANAGE_ROLES = frozenset({PlaceRole.SECRETARIAT, PlaceRole.CITY_COORDINATOR})
READ_ROLES = MANAGE_ROLES | {PlaceRole.EXPERT, PlaceRole.NETWORK_COORDINATOR}


@dataclass(frozen=True)
class SurveyAccess:
    can_read: bool
    can_manage: bool


@dataclass(frozen=True)
class ChoiceCount:
    """One choice in one group: ``count`` and ``share`` (0–1) with its 95 % interval
    ``low``–``high``; all ``None`` when ``hidden`` (fewer than k people chose it)."""

    name: str
    label: str
    count: int | None
    share: float | None
    low: float | None
    high: float | None
    hidden: bool
    protects: bool = False  # hidden though not small, so that a small one cannot be worked out


@dataclass(frozen=True)
class GroupCounts:
    """The counts of one group of respondents (``key`` "" is everyone); ``respondents`` is
    ``None`` and ``choices`` empty when the group is hidden (fewer than k respondents)."""

    key: str
    label: str
    respondents: int | None
    hidden: bool
    choices: tuple[ChoiceCount, ...]
    protects: bool = False  # hidden though not small, so that a small one cannot be worked out


@dataclass(frozen=True)
class SurveyCounts:
    survey_id: int
    question: str
    question_label: str
    by: str | None
    by_label: str
    min_cell: int
    overall: GroupCounts
    groups: tuple[GroupCounts, ...]

    @property
    def hidden_groups(self) -> int:
        return sum(1 for group in self.groups if group.hidden)

    @property
    def all_groups(self) -> tuple[GroupCounts, ...]:
        return (self.overall, *self.groups)


@dataclass(frozen=True)
class ChoiceChange:
    """A choice's share before and after, and the change (after − before, −1 to 1) with its
    95 % interval (Newcombe); the change is ``None`` when ``hidden``."""

    name: str
    label: str
    before: ChoiceCount
    after: ChoiceCount
    change: float | None
    low: float | None
    high: float | None
    hidden: bool
    protects: bool = False  # hidden only to protect a small count on either side


@dataclass(frozen=True)
class SurveyComparison:
    before_id: int
    after_id: int
    question: str
    question_label: str
    min_cell: int
    before_respondents: int | None
    after_respondents: int | None
    changes: tuple[ChoiceChange, ...]


@dataclass(frozen=True)
class SubmissionRow:
    id: int
    submitted_at: datetime.datetime
    source: str
    answers: dict[str, Any]
    instance_id: str = ""  # the answer's id across exports and imports (``external_id``)


# --- surveys and access ---------------------------------------------------------------------


def survey_get(*, survey_id: int) -> Survey | None:
    """A survey by id, with no access check (for code that has done its own)."""
    return Survey.objects.filter(pk=survey_id).first()


def survey_get_public(*, token: str) -> Survey | None:
    """The survey of a public link, whatever its state (the page says when it is not open)."""
    if not token or len(token) > 64:
        return None
    return Survey.objects.filter(token=token).first()


def surveys_for_place(*, place_id: int, purpose: str | None = None) -> list[Survey]:
    """A place's surveys, newest first; only those of ``purpose`` when given."""
    surveys = Survey.objects.filter(place_id=place_id)
    if purpose is not None:
        surveys = surveys.filter(purpose=purpose)
    return list(surveys)


def survey_access(*, user: AnyUser, survey: Survey) -> SurveyAccess:
    """What ``user`` may do with ``survey`` on the surveys' pages (see the rules above)."""
    if survey.private_to_place:
        roles = place_roles_for_user(user=user, place_id=survey.place_id)
        own = PlaceRole.CITY_COORDINATOR in roles
        return SurveyAccess(can_read=own, can_manage=own)
    return place_access(user=user, place_id=survey.place_id)


def place_access(*, user: AnyUser, place_id: int) -> SurveyAccess:
    """What ``user`` may do with the surveys of a place (see the rules above)."""
    roles = place_roles_for_user(user=user, place_id=place_id)
    return SurveyAccess(can_read=bool(roles & READ_ROLES), can_manage=bool(roles & MANAGE_ROLES))


def survey_get_for_user(*, user: AnyUser, survey_id: int, manage: bool = False) -> Survey | None:
    """The survey if ``user`` may read it (or manage it, with ``manage``); else ``None``."""
    survey = survey_get(survey_id=survey_id)
    if survey is None:
        return None
    access = survey_access(user=user, survey=survey)
    allowed = access.can_manage if manage else access.can_read
    return survey if allowed else None


def survey_form(*, survey: Survey) -> SurveyForm:
    """The survey's form (questions, groups, choices, labels in its languages)."""
    return SurveyForm.from_snapshot(survey.form)


def survey_language(*, survey: Survey, requested: str = "") -> str:
    """The language to show the survey in: ``requested`` (or the page's) when the form has it,
    else the form's default language."""
    languages = list(survey.languages)
    for candidate in (requested, content_language()):
        if candidate and candidate in languages:
            return candidate
    return survey.default_language or (languages[0] if languages else "")


def submissions_count(*, survey_id: int) -> int:
    return Submission.objects.filter(survey_id=survey_id).count()


def submissions_counts(*, survey_ids: list[int]) -> dict[int, int]:
    """Submissions per survey, for lists (one query)."""
    rows = (
        Submission.objects.filter(survey_id__in=survey_ids)
        .values("survey_id")
        .annotate(n=Count("id"))
        .values_list("survey_id", "n")
    )
    return dict(rows)


def submissions_answers(*, survey_id: int) -> Iterator[SubmissionRow]:
    """Every submission of a survey, oldest first (answers keyed by question name)."""
    rows = Submission.objects.filter(survey_id=survey_id).values_list(
        "id", "submitted_at", "source", "answers", "external_id"
    )
    for pk, submitted_at, source, answers, external_id in rows.iterator(chunk_size=2000):
        yield SubmissionRow(pk, submitted_at, source, answers, external_id)


# --- results --------------------------------------------------------------------------------


def _select_question(form: SurveyForm, code: str) -> QuestionDef:
    question = form.question(code)
    if question is None or not question.is_select:
        raise ValueError(
            f"{code!r} is not a select_one or select_multiple question of this survey."
        )
    return question


def _chosen(answer: object) -> list[str]:
    if isinstance(answer, list):
        return [str(item) for item in answer]
    if answer is None or answer == "":
        return []
    return [str(answer)]


def _group(
    key: str, label: str, total: int, counts: list[int], choices: list[tuple[str, str]],
    hidden: tuple[bool, bool, list[bool], list[bool]],
) -> GroupCounts:  # fmt: skip
    """One group of ``total`` respondents: ``counts`` of ``choices`` (name, label); ``hidden``:
    the group hidden, by rule 2, each cell hidden, by rule 2 (``icc.surveys.suppression``)."""
    group_hidden, group_protects, cells_hidden, cells_protect = hidden
    if group_hidden:
        return GroupCounts(key, label, None, True, (), protects=group_protects)
    shown = []
    for (name, choice_label), count, cell_hidden, protects in zip(
        choices, counts, cells_hidden, cells_protect, strict=True
    ):
        interval = wilson(count, total)
        if cell_hidden or interval is None:
            shown.append(ChoiceCount(name, choice_label, None, None, None, None, True, protects))
        else:
            estimate, low, high = interval.estimate, interval.low, interval.high
            shown.append(ChoiceCount(name, choice_label, count, estimate, low, high, False))
    return GroupCounts(key, label, total, False, tuple(shown))


MENTION = re.compile(r"\$\{([^}]+)\}")


def _question_sets(form: SurveyForm, rows: Sequence[dict[str, Any]]) -> dict[str, QuestionSets]:
    """Every select question of the form as sets of respondents (bit ``i``: the ``i``-th
    submission), with the questions its skip logic and choice filter read."""
    selects = [question for question in form.questions if question.is_select]
    names = {q.code: {choice.name: i for i, choice in enumerate(q.choices)} for q in selects}
    size = (len(rows) + 7) // 8
    answered = {q.code: bytearray(size) for q in selects}
    chose = {q.code: [bytearray(size) for _ in q.choices] for q in selects}
    for n, answers in enumerate(rows):
        byte, bit = n >> 3, 1 << (n & 7)
        for code, value in answers.items():
            if code not in names or not (chosen := _chosen(value)):
                continue
            answered[code][byte] |= bit
            for name in chosen:
                if name in names[code]:
                    chose[code][names[code][name]][byte] |= bit
    groupers = form.grouping_questions
    return {
        q.code: QuestionSets(
            name=q.code,
            multiple=q.type == "select_multiple",
            choices=tuple(int.from_bytes(bits, "little") for bits in chose[q.code]),
            answered=int.from_bytes(answered[q.code], "little"),
            mentions=frozenset(MENTION.findall(" ".join(form.logic(q)))) - {q.code},
            groups=q in groupers,
            always=q.required and not form.logic(q),
        )
        for q in selects
    }


class SurveyResults:
    """One survey's answers, read once, with the small-count rule decided for every results
    page at once (``icc.surveys.suppression``); ``counts`` gives one page. Made by
    ``survey_results``: a page that shows several questions of a survey reads it once."""

    def __init__(self, survey: Survey) -> None:
        self.survey = survey
        self.form = survey_form(survey=survey)
        answers = list(Submission.objects.filter(survey=survey).values_list("answers", flat=True))
        self.sets = _question_sets(self.form, answers)
        self.suppression = SurveySuppression(
            list(self.sets.values()), len(answers), survey.min_cell
        )

    def counts(
        self, *, question: str, by: str | None = None, language: str | None = None,
        ranked: bool = False,
    ) -> SurveyCounts:  # fmt: skip
        """Counts and shares (Wilson 95 %) of each choice of ``question``, overall and, with
        ``by`` (one of the form's ``grouping_questions``), per group of respondents; small
        counts hidden (rules above). ``ranked`` orders choices by share, largest first (hidden
        ones last). Raises ``ValueError`` for a question that is not a select question of the
        survey, or a ``by`` that cannot make groups."""
        form, k = self.form, self.survey.min_cell
        language = language or survey_language(survey=self.survey)
        default = form.default_language
        target = _select_question(form, question)
        by_question = _select_question(form, by) if by else None
        if by_question is not None and by_question not in form.grouping_questions:
            raise ValueError(
                f"{by!r} must be a select_one question asked of everyone (no skip logic, choice "
                "filter or constraint) to make groups of respondents."
            )
        target_sets = self.sets[question]

        def order(group: GroupCounts) -> GroupCounts:
            if not ranked:
                return group
            choices = sorted(group.choices, key=lambda c: (c.hidden, -(c.share or 0)))
            return GroupCounts(
                group.key, group.label, group.respondents, group.hidden, tuple(choices),
                group.protects,
            )  # fmt: skip

        rows: list[tuple[str, str, int]] = [("", _("All respondents"), target_sets.answered)]
        for choice, mask in zip(
            by_question.choices if by_question is not None else (),
            self.sets[by].choices if by else (),
            strict=True,
        ):
            label = text_in(choice.labels, language, default) or choice.name
            rows.append((choice.name, label, target_sets.answered & mask))
        choices = [(c.name, text_in(c.labels, language, default) or c.name) for c in target.choices]
        masks = self.suppression.page(question, by)
        counted = []
        for i, (key, label, members) in enumerate(rows):
            counts = [(chosen & members).bit_count() for chosen in target_sets.choices]
            counted.append(_group(key, label, members.bit_count(), counts, choices, masks.row(i)))
        overall, groups = counted[0], [order(group) for group in counted[1:]]
        return SurveyCounts(
            survey_id=self.survey.pk,
            question=question,
            question_label=text_in(target.labels, language, default) or question,
            by=by,
            by_label=(text_in(by_question.labels, language, default) or by or "")
            if by_question
            else "",
            min_cell=k,
            overall=order(overall),
            groups=tuple(groups),
        )


def survey_results(*, survey_id: int) -> SurveyResults:
    """The results of a survey, to read several of its pages (``SurveyResults.counts``)."""
    return SurveyResults(Survey.objects.get(pk=survey_id))


def survey_counts(
    *,
    survey_id: int,
    question: str,
    by: str | None = None,
    language: str | None = None,
    ranked: bool = False,
) -> SurveyCounts:
    """One results page: ``SurveyResults.counts`` of ``survey_results`` (which see)."""
    return survey_results(survey_id=survey_id).counts(
        question=question, by=by, language=language, ranked=ranked
    )


def surveys_compare(
    *,
    before_id: int,
    after_id: int,
    question: str,
    language: str | None = None,
    results: tuple[SurveyResults, SurveyResults] | None = None,
) -> SurveyComparison:
    """The change in each choice's share of ``question`` from survey ``before_id`` to survey
    ``after_id`` (after − before) with Newcombe's 95 % interval. Choices are matched by name
    (the after survey's order and labels); a choice missing from one form counts as never
    chosen there. The larger k of the two surveys applies. ``results``: the two surveys
    already read (``survey_results``), for a page that compares several questions."""
    first, second = results or (
        survey_results(survey_id=before_id),
        survey_results(survey_id=after_id),
    )
    before = first.counts(question=question, language=language)
    after = second.counts(question=question, language=language)
    k = max(before.min_cell, after.min_cell)
    before_choices = {choice.name: choice for choice in before.overall.choices}
    changes = []
    for choice in after.overall.choices:
        previous = before_choices.get(choice.name)
        if previous is None and before.overall.respondents is not None:
            previous = ChoiceCount(choice.name, choice.label, 0, 0.0, None, None, False)
        elif previous is None:
            previous = ChoiceCount(choice.name, choice.label, None, None, None, None, True)
        small = (
            before.overall.hidden
            or after.overall.hidden
            or (choice.hidden and not choice.protects)
            or (previous.hidden and not previous.protects)
            or (before.overall.respondents or 0) < k
            or (after.overall.respondents or 0) < k
        )
        hidden = small or choice.hidden or previous.hidden
        interval = None
        if not hidden:
            interval = newcombe_difference(
                choice.count or 0,
                after.overall.respondents or 0,
                previous.count or 0,
                before.overall.respondents or 0,
            )
        changes.append(
            ChoiceChange(
                name=choice.name,
                label=choice.label,
                before=previous,
                after=choice,
                change=interval.estimate if interval else None,
                low=interval.low if interval else None,
                high=interval.high if interval else None,
                hidden=interval is None,
                protects=hidden and not small,
            )
        )
    return SurveyComparison(
        before_id=before_id,
        after_id=after_id,
        question=question,
        question_label=after.question_label,
        min_cell=k,
        before_respondents=before.overall.respondents,
        after_respondents=after.overall.respondents,
        changes=tuple(changes),
    )


# --- export ---------------------------------------------------------------------------------


def _cell(value: object) -> str | int | float | None:
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def submissions_sheet(*, survey: Survey) -> Sheet:
    """Every submission as a table: id (this database's number), instance id (``_uuid``, as
    KoboToolbox names it: a web answer's ``web:`` key, an imported row's id from its tool),
    time (UTC), source, then one column per question (its XLSForm name; ``select_multiple`` as
    space-separated choice names, as KoboToolbox exports them), so that the file imports back
    into the same survey without adding anything twice."""
    questions = [question.code for question in survey_form(survey=survey).asked_questions]
    rows = (
        [
            row.id,
            row.instance_id,
            timezone.localtime(row.submitted_at, datetime.UTC).replace(tzinfo=None),
            row.source,
            *(_cell(row.answers.get(code)) for code in questions),
        ]
        for row in submissions_answers(survey_id=survey.pk)
    )
    return Sheet(
        header=["_id", "_uuid", "_submission_time", "_source", *questions],
        rows=rows,
        title=survey.title[:31] or "Submissions",
    )
