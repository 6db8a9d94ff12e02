"""Writes of the index: importing editions, answering, the review workflow.

Scoring lives in ``scoring_service.py`` and runs in the background: the writes here that change
what results depend on call ``edition_results_invalidate``, which queues it. Both follow the
same rules: keyword-only, typed, atomic, side effects queued with ``transaction.on_commit``.
An import reads and checks its file before its transaction begins (on SQLite, BEGIN takes the
write lock).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from icc.accounts.selectors import Role
from icc.accounts.services import role_assign
from icc.core.jobs import job_enqueue
from icc.core.tabular import file_size_check, xlsx_check
from icc.index.forms_bridge import edition_form, question_as_form
from icc.index.labels import refusal_text
from icc.index.models import (
    OTHER,
    Answer,
    AnswerRevision,
    Area,
    Edition,
    Question,
    Response,
    ResponseEvent,
    ReviewComment,
)
from icc.index.notices import response_step_notify
from icc.index.peer_bands import peer_bands_default
from icc.index.scoring import MethodSpec
from icc.index.tasks import RESULTS_JOB, edition_results_task
from icc.index.workflow import (
    COMMENTERS,
    EDITABLE_STATES,
    EDITORS,
    TRANSITIONS,
    Action,
    Actor,
    Phase,
    State,
    TransitionRefused,
    WorkflowError,
    may_comment,
    next_state,
    phase_actors,
)
from icc.index.xlsform.model import ASKED_TYPES, Form, Issue
from icc.index.xlsform.read import form_method_spec, form_read
from icc.index.xlsform.xpath import choice_offers, constraint_ok, visible_questions
from icc.language import content_language, labelled
from icc.xlsform import question_rules

if TYPE_CHECKING:
    from icc.accounts.models import User
    from icc.network.models import Place


class AnswerConflict(ValueError):
    """Someone else saved this answer since the form was loaded."""


class AnswerInvalid(ValueError):
    """A value that does not fit the question (wrong choice, not a number, constraint)."""


@dataclass(frozen=True)
class EditionImport:
    edition: Edition | None
    form: Form
    warnings: tuple[Issue, ...]


def _method(form: Form) -> dict[str, Any]:
    """The method spec stored with the edition; empty when nothing is scored (a third-party
    form kept as unscored items, as its warnings say)."""
    if not any(question.scored for question in form.questions):
        return {}
    spec: MethodSpec = form_method_spec(form, default_bands=peer_bands_default())
    return spec.to_dict()


def edition_import_xlsform(
    *,
    filename: str,
    content: bytes,
    name: str,
    year: int | None = None,
    previous: Edition | None = None,
    dry_run: bool = False,
) -> EditionImport:
    """Read an XLSForm workbook and store it as edition ``name`` (replacing its questions
    while nobody has answered it). Raises ``XLSFormError`` listing every problem; then, as
    with ``dry_run``, nothing is saved. Raises ``TabularFileError`` (naming the limit) for a
    file over the import limits or a workbook that would unpack too large, before pyxform or
    openpyxl reads it. The workbook is read outside any transaction; only the store is one."""
    file = io.BytesIO(content)
    file_size_check(file)
    if PurePath(filename).suffix.lower() in (".xlsx", ".xlsm"):
        xlsx_check(file)
    form = form_read(filename=filename, content=content)
    method = _method(form)
    if dry_run:
        return EditionImport(edition=None, form=form, warnings=form.warnings)
    edition = _edition_store(
        filename=filename, content=content, name=name, form=form, method=method, year=year,
        previous=previous,
    )  # fmt: skip
    return EditionImport(edition=edition, form=form, warnings=form.warnings)


@transaction.atomic
def _edition_store(
    *,
    filename: str,
    content: bytes,
    name: str,
    form: Form,
    method: dict[str, Any],
    year: int | None,
    previous: Edition | None,
) -> Edition:
    edition = Edition.objects.filter(name=name).first()
    if edition is not None and Answer.objects.filter(response__edition=edition).exists():
        raise ValueError(
            _(
                "Edition %(name)s already has answers, so its questions cannot be replaced; "
                "import the workbook under a new edition name."
            )
            % {"name": name}
        )
    if edition is None:
        edition = Edition(name=name)
    edition.titles = form.titles
    edition.form_id = form.form_id
    edition.form_version = form.version
    edition.default_language = form.default_language
    edition.languages = list(form.languages)
    edition.method = method
    edition.xlsform = content
    edition.source_filename = filename
    edition.warnings = [str(w) for w in form.warnings]
    edition.year = year if year is not None else edition.year
    edition.previous = previous if previous is not None else edition.previous
    edition.save()
    _edition_questions_replace(edition, form)
    # No results to recompute: the method can only change while nobody has answered.
    return edition


def _edition_questions_replace(edition: Edition, form: Form) -> None:
    edition.questions.all().delete()
    edition.areas.all().delete()
    indicator_codes = {i.code for i in form.indicators}
    areas: dict[str, Area] = {}
    position = 0
    for group in form.groups:
        areas[group.code] = Area.objects.create(
            edition=edition,
            code=group.code,
            labels=group.labels,
            relevant=group.relevant,
            position=position,
            is_indicator=group.code in indicator_codes,
            is_page=True,
            parent_code=group.parent,
            repeat=group.repeat,
        )
        position += 1
    for indicator in form.indicators:
        area = areas.get(indicator.code)
        if area is None:
            areas[indicator.code] = Area.objects.create(
                edition=edition,
                code=indicator.code,
                labels=indicator.labels,
                weight=indicator.weight,
                position=position,
                is_indicator=True,
                is_page=False,
            )
            position += 1
        else:
            area.weight = indicator.weight
            if not area.labels:
                area.labels = indicator.labels
            area.save(update_fields=["weight", "labels"])
    Question.objects.bulk_create(
        Question(
            edition=edition,
            area=areas.get(q.group),
            code=q.code,
            position=i,
            **question_rules(q),
            choices=[
                {"name": c.name, "labels": c.labels, "points": c.points}
                | ({"columns": c.extra} if c.extra else {})
                for c in q.choices
            ],
            choice_filter=q.choice_filter,
            or_other=q.or_other,
            indicator=q.indicator or "",
            weight=q.weight,
            level=q.level,
            recommendations=q.recommendations,
            scored=q.scored,
        )
        for i, q in enumerate(form.questions)
    )


def _acting(
    edition: Edition, actors: frozenset[Actor] | None, needed: frozenset[Actor]
) -> frozenset[Actor] | None:
    """Those of ``actors`` the edition's phase lets act (workflow rule 6). Raises
    ``WorkflowError`` saying why ("This edition is closed since …") when the phase alone stops
    every one of them who would otherwise take the step (one of ``needed``). No response is
    ever written in an edition in preparation, so its questions can still be replaced.
    ``actors=None``: the platform itself (the demo), bound only by that last rule."""
    phase = edition.phase
    if actors is None:
        if phase is Phase.PREPARATION:
            raise WorkflowError(edition.phase_note)
        return None
    acting = phase_actors(phase, actors)
    if actors & needed and not acting & needed:
        raise WorkflowError(edition.phase_note)
    return acting


@transaction.atomic
def response_start(
    *,
    place: Place,
    edition: Edition,
    actors: frozenset[Actor] | None = None,
    is_synthetic: bool = False,
) -> Response:
    """The place's response to ``edition``, created as a draft the first time. Cities start
    only in an open edition, the secretariat in an open or closed one (rule 6): otherwise
    ``WorkflowError`` says why."""
    _acting(edition, actors, EDITORS)
    response, _created = Response.objects.get_or_create(
        place=place, edition=edition, defaults={"is_synthetic": is_synthetic}
    )
    return response


def _clean_value(question: Question, value: Any) -> Any:
    """Normalise a submitted value to the question's type; ``None`` means "not answered"."""
    if value in (None, "", []):
        return None
    names = {c["name"] for c in question.choices}
    if question.type == "select_one":
        if not isinstance(value, str) or value not in names:
            raise AnswerInvalid(_("Choose one of the options offered."))
        return value
    if question.type == "select_multiple":
        items = [value] if isinstance(value, str) else list(value)
        unknown = [v for v in items if v not in names]
        if unknown:
            raise AnswerInvalid(_("Choose among the options offered."))
        return [c["name"] for c in question.choices if c["name"] in items]
    if question.type in {"integer", "decimal"}:
        try:
            number = float(str(value).replace(",", ".").replace(" ", ""))
        except ValueError:
            raise AnswerInvalid(_("Enter a number, such as 12.")) from None
        if question.type == "integer":
            if not number.is_integer():
                raise AnswerInvalid(_("Enter a whole number, such as 12."))
            return int(number)
        return number
    return str(value)


@transaction.atomic
def answer_save(
    *,
    response: Response,
    question: Question,
    value: Any,
    evidence: str,
    links: list[str],
    expected_version: int,
    user: User | None,
    actors: frozenset[Actor] | None = None,
    other: str = "",
) -> Answer:
    """Save one answer if nobody changed it since ``expected_version`` (0: never saved).
    ``other``: the text of the "other" option of an ``or_other`` question, kept only while
    "other" is chosen. A choice its ``choice_filter`` does not offer for the earlier answers is
    refused.

    Raises ``AnswerConflict`` when someone else saved it in between (nothing is overwritten),
    ``AnswerInvalid`` when the value does not fit, ``WorkflowError`` unless the response is a
    draft that ``actors`` may edit in the edition's phase (rule 6: cities answer an open
    edition only). Every change is kept in ``AnswerRevision``. ``response`` may be one not started
    yet (unsaved): it is started in the same transaction, so a refused first answer writes nothing.
    """
    if response.pk is None:
        response = response_start(place=response.place, edition=response.edition, actors=actors)
    response = Response.objects.select_for_update().select_related("edition").get(pk=response.pk)
    acting = _acting(response.edition, actors, EDITORS)
    if acting is not None and not acting & EDITORS:
        raise WorkflowError(
            _("Only the place's coordinators and the secretariat answer its questionnaire.")
        )
    if State(response.state) not in EDITABLE_STATES:
        raise WorkflowError(_("This response is no longer a draft; its answers are locked."))
    if not question.asked:
        raise AnswerInvalid(
            _(
                "“%(question)s” is not answered on the questionnaire pages (a note, a "
                "calculation, a location, a photo or a device's own record)."
            )
            % {"question": question.label}
        )
    clean = _clean_value(question, value)
    if clean is not None and question.choice_filter:
        _offered_check(response, question, clean)
    other = other.strip() if question.or_other and _chosen(clean, OTHER) else ""
    if clean is not None and question.constraint:
        values = answers_values(response)
        if not constraint_ok(question_as_form(question), clean, values):
            raise AnswerInvalid(
                question.constraint_messages.get(content_language())
                or question.constraint_messages.get("en")
                or _("This value is outside what the question accepts.")
            )
    links = [link.strip() for link in links if link.strip()]
    answer = Answer.objects.select_for_update().filter(response=response, question=question).first()
    # Nothing to overwrite when the answer was never saved, whatever version the page sent.
    if answer is not None and answer.version != expected_version:
        who = answer.updated_by or _("someone")
        when = timezone.localtime(answer.updated_at).strftime("%H:%M")
        raise AnswerConflict(
            _(
                "%(who)s changed this answer at %(when)s, after you opened the page. Your "
                "version was not saved: reload the question, compare, and enter it again."
            )
            % {"who": who, "when": when}
        )
    old = (
        (answer.value, answer.other, answer.evidence, answer.links)
        if answer
        else (None, "", "", [])
    )
    if answer is None:
        answer = Answer(response=response, question=question, version=0)
    if (clean, other, evidence, links) == old and answer.pk:
        return answer
    answer.value = clean
    answer.other = other
    answer.evidence = evidence
    answer.links = links
    answer.version += 1
    answer.updated_by = user
    answer.save()
    AnswerRevision.objects.create(
        answer=answer,
        version=answer.version,
        user=user,
        old_value=old[0],
        new_value=clean,
        old_other=old[1],
        new_other=other,
        old_evidence=old[2],
        new_evidence=evidence,
        old_links=old[3],
        new_links=links,
    )
    return answer


def _chosen(value: Any, name: str) -> bool:
    return value == name or (isinstance(value, list) and name in value)


def _offered_check(response: Response, question: Question, value: Any) -> None:
    """Refuse a choice that ``question``'s choice filter does not offer for the answers saved
    so far (``AnswerInvalid`` naming the question and the refused options)."""
    offers = choice_offers(edition_form(response.edition), answers_values(response))
    offer = offers.get(question.code)
    chosen = value if isinstance(value, list) else [value]
    refused = [name for name in chosen if offer is not None and name not in offer.names]
    if refused:
        raise AnswerInvalid(
            ngettext(
                "“%(question)s” offers only the options that fit the earlier answers, and "
                "%(answers)s is not one of them: choose one of the options shown.",
                "“%(question)s” offers only the options that fit the earlier answers, and "
                "%(answers)s are not among them: choose among the options shown.",
                len(refused),
            )
            % {"question": question.label, "answers": _quoted(question, refused)}
        )


def _quoted(question: Question, names: list[str]) -> str:
    return ", ".join(_("“%(text)s”") % {"text": question.choice_label(n)} for n in names)


def response_answers_not_offered(response: Response) -> list[tuple[Question, list[str]]]:
    """The shown questions whose answer their choice filter no longer offers (an earlier answer
    changed since), with the labels of the options concerned, in questionnaire order."""
    questions = list(response.edition.questions.exclude(choice_filter="").order_by("position"))
    if not questions:
        return []
    offers = choice_offers(edition_form(response.edition), answers_values(response))
    return [
        (question, [question.choice_label(name) for name in offers[question.code].stale])
        for question in questions
        if question.code in offers and offers[question.code].stale
    ]


def answers_values(response: Response) -> dict[str, Any]:
    """``{question code: value}`` of a response, for skip logic and constraints."""
    return {
        code: value
        for code, value in Answer.objects.filter(response=response).values_list(
            "question__code", "value"
        )
        if value is not None
    }


def response_missing_required(response: Response) -> list[Question]:
    """Required questions that are relevant now and still unanswered."""
    values = answers_values(response)
    visible = set(visible_questions(edition_form(response.edition), values))
    return [
        q
        for q in response.edition.questions.filter(required=True, type__in=ASKED_TYPES).order_by(
            "position"
        )
        if q.code in visible and q.code not in values
    ]


@transaction.atomic
def response_transition(
    *,
    response: Response,
    action: Action,
    actors: frozenset[Actor],
    user: User | None,
    note: str = "",
) -> Response:
    """Move a response through the workflow (rules in ``workflow.py``) and record who did it.

    Submitting refuses a response with required questions unanswered, naming them. A step the
    workflow refuses raises ``WorkflowError`` saying why in the reader's language.
    ``response`` may be one not started yet (unsaved): it is started in the same transaction,
    so a refused step writes nothing.
    """
    if response.pk is None:
        response = response_start(place=response.place, edition=response.edition, actors=actors)
    response = Response.objects.select_for_update().select_related("edition").get(pk=response.pk)
    state = State(response.state)
    acting = _acting(response.edition, actors, TRANSITIONS[action][2]) or frozenset()
    try:
        target = next_state(state, action, acting)
    except TransitionRefused as refused:
        raise WorkflowError(refusal_text(refused)) from refused
    if action is Action.SUBMIT:
        missing = response_missing_required(response)
        if missing:
            codes = ", ".join(q.label for q in missing[:5])
            raise WorkflowError(
                _("%(count)d required questions are not answered yet: %(codes)s.")
                % {"count": len(missing), "codes": codes}
            )
        not_offered = response_answers_not_offered(response)
        if not_offered:
            raise WorkflowError(
                ngettext(
                    "The answer to %(questions)s is no longer one of its options, since an "
                    "earlier answer changed: choose it again, then submit.",
                    "The answers to %(questions)s are no longer among their options, since "
                    "earlier answers changed: choose them again, then submit.",
                    len(not_offered),
                )
                % {
                    "questions": ", ".join(
                        _("“%(text)s”") % {"text": question.label}
                        for question, _names in not_offered[:5]
                    )
                }
            )
        response.submitted_at = timezone.now()
    if target is State.PUBLISHED:
        response.published_at = timezone.now()
    response.state = target.value
    response.save(update_fields=["state", "submitted_at", "published_at", "updated_at"])
    ResponseEvent.objects.create(
        response=response,
        action=action.value,
        from_state=state.value,
        to_state=target.value,
        user=user,
        note=note,
    )
    if State.PUBLISHED in (state, target):
        edition_results_invalidate(edition_ids=[response.edition_id])
    response_step_notify(
        response=response, action=action, by_id=user.pk if user else None, note=note
    )
    return response


@transaction.atomic
def edition_results_invalidate(*, edition_ids: Collection[int]) -> None:
    """Raise the results version of ``edition_ids`` and of the editions that follow them (their
    progress compares with these), and queue the recomputation of each: the background task
    starts once the transaction commits, and the request returns at once. Meanwhile the pages
    show the last results, marked as being updated.

    Every write that changes what results depend on calls it: publishing or reopening a
    response, an edition's year or previous edition (admin), a place's facts (through
    ``network.signals.place_facts_changed``). Answers of a published response cannot change
    (``answer_save`` accepts drafts only), nor can the method spec of an edition with answers
    (``edition_import_xlsform`` refuses); the simulation settings change through
    ``icc index score --draws``, which computes at once.
    """
    ids = set(edition_ids)
    ids |= set(Edition.objects.filter(previous_id__in=ids).values_list("pk", flat=True))
    Edition.objects.filter(pk__in=ids).update(results_version=F("results_version") + 1)
    for edition_id in sorted(ids):
        job_enqueue(
            kind=RESULTS_JOB,
            key=str(edition_id),
            task=edition_results_task,
            params={"edition_id": edition_id},
        )


def place_facts_changed_receive(sender: type, place_id: int, **kwargs: Any) -> None:
    """Receiver of ``network.signals.place_facts_changed`` (connected in ``IndexConfig.ready``):
    the editions the place has a published response in are computed again."""
    edition_ids = Response.objects.filter(place_id=place_id, state=State.PUBLISHED).values_list(
        "edition_id", flat=True
    )
    edition_results_invalidate(edition_ids=list(edition_ids))


@transaction.atomic
def review_comment_add(
    *,
    response: Response,
    question: Question | None,
    user: User,
    text: str,
    actors: frozenset[Actor],
) -> ReviewComment:
    """A reviewer's comment on one answer (or the response when ``question`` is None).

    Raises ``WorkflowError`` unless ``actors`` may comment now (workflow rules 3 and 6),
    ``ValueError`` for an empty comment or a question of another edition."""
    acting = _acting(response.edition, actors, COMMENTERS) or frozenset()
    if not may_comment(State(response.state), acting):
        raise WorkflowError(_("Comments are possible while a response is under review."))
    if question is not None and question.edition_id != response.edition_id:
        raise ValueError(
            _("“%(question)s” is not a question of this edition; the comment was not saved.")
            % {"question": question.code}
        )
    text = text.strip()
    if not text:
        raise ValueError(_("Write a comment before sending it."))
    return ReviewComment.objects.create(
        response=response, question=question, author=user, text=text
    )


# Steps the review queue may take on several responses at once: none of them loses work or
# takes results out of the public view (requesting changes needs a note per city; reopening
# unpublishes).
BULK_ACTIONS = (Action.START_REVIEW, Action.VALIDATE)


@dataclass(frozen=True)
class BulkOutcome:
    """What a bulk step did: the places done, and each refusal with its reason."""

    done: list[str]
    refused: list[str]


def responses_transition_many(
    *,
    responses: Collection[Response],
    action: Action,
    actors_of: Callable[[Response], frozenset[Actor]],
    user: User,
) -> BulkOutcome:
    """Take the same safe step (``BULK_ACTIONS``) on each response, each in its own transaction:
    one refusal (wrong state, not allowed) leaves the others done."""
    if action not in BULK_ACTIONS:
        raise WorkflowError(_("This step is taken one questionnaire at a time."))
    done, refused = [], []
    for response in responses:
        try:
            response_transition(
                response=response, action=action, actors=actors_of(response), user=user
            )
            done.append(response.place.name)
        except WorkflowError as error:
            refused.append(labelled(response.place.name, str(error)))
    return BulkOutcome(done=done, refused=refused)


def responses_expert_assign(*, responses: Collection[Response], expert: User) -> BulkOutcome:
    """Make ``expert`` an expert of the places of ``responses`` (the secretariat's step; the
    caller checks who asks). Places they already review are left as they are."""
    for response in responses:
        role_assign(user=expert, role=Role.EXPERT, place_id=response.place_id)
    return BulkOutcome(done=[r.place.name for r in responses], refused=[])
