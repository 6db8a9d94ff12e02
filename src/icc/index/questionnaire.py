"""Selectors of the questionnaire pages: what a response's overview, an area page and an
autosave reply show, as dataclasses the views hand to their templates unchanged.

The access check is done once, by ``selectors.response_get_for_user``; these functions take its
``ResponseAccess`` and only read. Skip logic comes from the pure XLSForm core
(``visible_questions``): a question hidden by ``relevant`` counts neither as answered nor as
missing. So do choice filters (``choice_offers``): a cascading question shows the options that
fit the earlier answers, and an answer its filter no longer offers (an earlier answer changed)
is flagged on its page and on the overview, and does not count as answered.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import Promise

from icc.index.forms_bridge import edition_form
from icc.index.labels import ACTION_LABELS
from icc.index.models import Answer, Area, Question, ResponseEvent, ReviewComment
from icc.index.selectors import ResponseAccess, answers_by_code, questions_of
from icc.index.services import (
    answers_values,
    response_answers_not_offered,
    response_missing_required,
)
from icc.index.workflow import Action, available_actions
from icc.index.xlsform.xpath import ChoiceOffer, choice_offers, visible_questions
from icc.xlsform import SHOWN_TYPES


@dataclass(frozen=True)
class Progress:
    """How far a response is: questions the skip logic shows now, and how many are answered
    (an answer its choice filter no longer offers is not); ``offers``: what each question with
    a choice filter offers now, by code."""

    visible: tuple[str, ...]
    answered: int
    total: int
    offers: dict[str, ChoiceOffer] = field(default_factory=dict)

    @property
    def stale(self) -> frozenset[str]:
        """Codes of the questions whose answer their choice filter no longer offers."""
        return _stale(self.offers)

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def _stale(offers: dict[str, ChoiceOffer]) -> frozenset[str]:
    return frozenset(code for code, offer in offers.items() if offer.stale)


def response_progress(*, access: ResponseAccess, values: dict[str, Any]) -> Progress:
    """Progress of ``access.response`` given its answer ``values`` (``{code: value}``):
    ``visible`` holds notes too; the counts hold the questions a city answers."""
    form = edition_form(access.response.edition)
    asked = {question.code for question in form.questions if question.asked}
    shown = tuple(code for code in visible_questions(form, values) if not code.startswith("_"))
    counted = [code for code in shown if code in asked]
    offers = choice_offers(form, values)
    stale = _stale(offers)
    return Progress(
        visible=shown,
        answered=sum(1 for code in counted if code in values and code not in stale),
        total=len(counted),
        offers=offers,
    )


def _values(access: ResponseAccess) -> dict[str, Any]:
    return answers_values(access.response) if access.response.pk else {}


@dataclass(frozen=True)
class AreaProgress:
    area: Area
    answered: int
    total: int


@dataclass(frozen=True)
class OverviewPage:
    """A response's overview: areas with progress, workflow actions, history, what is missing."""

    access: ResponseAccess
    areas: list[AreaProgress]
    progress: Progress
    actions: list[tuple[Action, Promise]]
    events: QuerySet[ResponseEvent] | list[ResponseEvent]
    missing: list[Question]
    comments: list[ReviewComment]  # on the whole response, not on one answer
    # answers a choice filter no longer offers, with the options' labels
    not_offered: list[tuple[Question, list[str]]] = field(default_factory=list)


def response_overview_get(*, access: ResponseAccess) -> OverviewPage:
    """The overview page of the response behind ``access``."""
    response = access.response
    values = _values(access)
    progress = response_progress(access=access, values=values)
    visible = set(progress.visible)
    questions = questions_of(edition=response.edition)
    areas = []
    for area in response.edition.areas.filter(is_page=True):
        codes = [
            q.code for q in questions if q.area_id == area.pk and q.asked and q.code in visible
        ]
        areas.append(
            AreaProgress(
                area=area,
                answered=sum(1 for c in codes if c in values and c not in progress.stale),
                total=len(codes),
            )
        )
    return OverviewPage(
        access=access,
        areas=areas,
        progress=progress,
        # a questionnaire nobody has started has nothing to submit yet: no step is offered
        actions=[
            (action, ACTION_LABELS[action])
            for action in available_actions(response.state_enum, access.acting)
        ]
        if response.pk
        else [],
        events=response.events.select_related("user") if response.pk else [],
        missing=response_missing_required(response) if response.pk else [],
        comments=comments_by_question(access=access).get("", []),
        not_offered=response_answers_not_offered(response) if response.pk else [],
    )


@dataclass(frozen=True)
class QuestionItem:
    """One question of an area page with its answer, its visibility and reviewers' comments.
    ``choices``: the stored choices offered now (a choice filter keeps those that fit the
    earlier answers); ``chosen``: the names of the chosen ones among them; ``stale``: the
    labels of chosen options the filter no longer offers."""

    question: Question
    answer: Answer | None
    visible: bool
    comments: list[ReviewComment]
    choices: list[dict[str, Any]] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)


def question_item(
    question: Question,
    answer: Answer | None,
    progress: Progress,
    comments: list[ReviewComment] | None = None,
) -> QuestionItem:
    """``question`` as its page shows it, for the answers behind ``progress``."""
    offer = progress.offers.get(question.code)
    choices = question.choices
    if offer is not None:
        choices = [choice for choice in choices if choice["name"] in offer.names]
    value = answer.value if answer else None
    names = value if isinstance(value, list) else [value]
    return QuestionItem(
        question=question,
        answer=answer,
        visible=question.code in progress.visible,
        comments=comments or [],
        choices=choices,
        chosen=[choice["name"] for choice in choices if choice["name"] in names],
        stale=[question.choice_label(name) for name in offer.stale] if offer else [],
    )


def choices_refresh(
    *, access: ResponseAccess, question: Question, progress: Progress
) -> list[QuestionItem]:
    """After an answer to ``question`` is saved: the other questions of its page whose choice
    filter decides their options, as they are now (the autosave reply swaps them in)."""
    area = question.area
    if area is None or not progress.offers:
        return []
    answers = answers_by_code(response=access.response)
    return [
        question_item(other, answers.get(other.code), progress)
        for other in area.questions.exclude(choice_filter="")
        .exclude(pk=question.pk)
        .order_by("position")
    ]


@dataclass(frozen=True)
class AreaPage:
    """One page of the questionnaire and the way to the pages before and after it."""

    access: ResponseAccess
    area: Area
    areas: list[Area]
    previous_area: Area | None
    next_area: Area | None
    questions: list[QuestionItem]
    progress: Progress


def comments_by_question(*, access: ResponseAccess) -> dict[str, list[ReviewComment]]:
    """Reviewers' comments grouped by question code ("" for comments on the whole response)."""
    grouped: dict[str, list[ReviewComment]] = {}
    if access.response.pk:
        for comment in access.response.comments.select_related("question", "author"):
            key = comment.question.code if comment.question else ""
            grouped.setdefault(key, []).append(comment)
    return grouped


def response_area_get(*, access: ResponseAccess, area_code: str) -> AreaPage:
    """The questionnaire page of area ``area_code``; ``Http404`` if the edition has none."""
    areas = list(access.response.edition.areas.filter(is_page=True))
    index = next((i for i, area in enumerate(areas) if area.code == area_code), None)
    if index is None:
        raise Http404(f"No area '{area_code}' in this edition.")
    area = areas[index]
    progress = response_progress(access=access, values=_values(access))
    answers = answers_by_code(response=access.response)
    comments = comments_by_question(access=access)
    return AreaPage(
        access=access,
        area=area,
        areas=areas,
        previous_area=areas[index - 1] if index > 0 else None,
        next_area=areas[index + 1] if index + 1 < len(areas) else None,
        questions=[
            question_item(q, answers.get(q.code), progress, comments.get(q.code, []))
            for q in area.questions.filter(type__in=SHOWN_TYPES).order_by("position")
        ],
        progress=progress,
    )
