"""Writes of the citizenship test: versions, responses and their answers, group sessions.

Every write a visitor can trigger raises ``CitizenshipError`` with a sentence for that visitor.
Scores are computed once, when a response is completed, by the pure core in ``profile.py``.
"""

import secrets
from collections.abc import Mapping
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.translator import translator

from icc.citizenship.models import (
    Answer,
    ContentVersion,
    Dimension,
    GroupSession,
    GuideSection,
    Option,
    Question,
    Resource,
    Response,
    VersionStatus,
)
from icc.citizenship.profile import profile_score, spec_validate
from icc.citizenship.selectors import content_languages, scoring_spec

# Letters and digits that cannot be mistaken for one another when read off a projector.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
CITY_MAX = 100


class CitizenshipError(ValueError):
    """A request the test cannot honour; the message is written for the person who made it."""


def _copy_values(row: models.Model, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The stored columns of ``row`` for a copy: every language column of a translated field
    (never the bare field, which reads the active language), no key, no version."""
    bare = set(translator.get_options_for_model(type(row)).all_fields)
    skipped = {*skip, "version_id", "created_at"}
    return {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key and field.name not in bare and field.attname not in skipped
    }


@transaction.atomic
def version_draft_create(*, source: ContentVersion) -> ContentVersion:
    """A new draft copied from ``source`` (every language, every point), numbered after the
    highest version; the secretariat edits it, then publishes it."""
    number = (
        ContentVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0
    )
    draft = ContentVersion.objects.create(
        **_copy_values(source, skip=("number", "status", "published_at")),
        number=number + 1,
        status=VersionStatus.DRAFT,
    )
    for dimension in source.dimensions.all():
        Dimension.objects.create(**_copy_values(dimension), version=draft)
    for resource in source.resources.all():
        Resource.objects.create(**_copy_values(resource), version=draft)
    for section in source.guide.all():
        GuideSection.objects.create(**_copy_values(section), version=draft)
    for question in source.questions.prefetch_related("options"):
        copy = Question.objects.create(**_copy_values(question), version=draft)
        for option in question.options.all():
            Option.objects.create(**_copy_values(option, skip=("question_id",)), question=copy)
    return draft


@transaction.atomic
def version_publish(*, version: ContentVersion) -> ContentVersion:
    """Publish a draft: it becomes the test people take; the previous one is retired."""
    version = ContentVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise CitizenshipError(_("Only a draft can be published; this version already was."))
    try:
        spec_validate(scoring_spec(version=version))
    except ValueError as error:
        raise CitizenshipError(
            _("This draft cannot be published: %(problem)s") % {"problem": error}
        ) from error
    if not version.questions.exists():
        raise CitizenshipError(_("This draft has no questions yet; add them before publishing."))
    ContentVersion.objects.filter(status=VersionStatus.PUBLISHED).update(
        status=VersionStatus.RETIRED
    )
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    return version


def _clean_city(city: str) -> str:
    return " ".join(city.split())[:CITY_MAX]


@transaction.atomic
def response_start(
    *, version: ContentVersion, language: str, city: str = "", group: GroupSession | None = None
) -> Response:
    """An empty response to fill in question by question (anonymous; nothing about the person
    but the chosen language and the city they may type)."""
    if group is not None:
        group = GroupSession.objects.select_for_update().get(pk=group.pk)
    if group is not None and not group.is_open:
        raise CitizenshipError(
            _("This group session is closed; ask your facilitator for a new code.")
        )
    return Response.objects.create(
        public_id=secrets.token_urlsafe(16),
        version=version,
        language=language,
        city=_clean_city(city),
        group=group,
    )


def _check_open(response: Response) -> None:
    if response.completed_at is not None:
        raise CitizenshipError(
            _("This test is already finished; its answers can no longer change.")
        )
    if response.group is not None and not response.group.is_open:
        raise CitizenshipError(
            _("The facilitator has closed this group session; answers are no longer taken.")
        )


@transaction.atomic
def answer_record(*, response: Response, question_id: int, option_id: int) -> Answer:
    """Save (or replace) the answer to one question: saved at every step, so nothing is lost."""
    response = (
        Response.objects.select_related("group").select_for_update(of=("self",)).get(pk=response.pk)
    )
    _check_open(response)
    option = (
        Option.objects.filter(
            pk=option_id, question_id=question_id, question__version_id=response.version_id
        )
        .select_related("question")
        .first()
    )
    if option is None:
        raise CitizenshipError(_("Choose one of the answers shown for this question."))
    answer, _created = Answer.objects.update_or_create(
        response=response, question=option.question, defaults={"option": option}
    )
    return answer


@transaction.atomic
def response_continue_alone(
    *, response: Response, question_id: int | None = None, option_id: int | None = None
) -> Response:
    """Go on alone once the facilitator has closed the group session: a new response outside any
    group with a copy of every answer given so far, then the answer ``option_id`` to
    ``question_id`` if one was chosen. The group keeps the original untouched, so the session's
    counts stay what they were at closing and nothing answered from now on counts in them. A
    response already outside any group only gets that answer (a second click changes nothing)."""
    response = (
        Response.objects.select_related("group").select_for_update(of=("self",)).get(pk=response.pk)
    )
    if response.completed_at is not None:
        _check_open(response)
    if response.group is not None:
        if response.group.is_open:
            raise CitizenshipError(_("Your group session is still open: go on answering in it."))
        alone = Response.objects.create(
            public_id=secrets.token_urlsafe(16),
            version_id=response.version_id,
            language=response.language,
            city=response.city,
        )
        Answer.objects.bulk_create(
            Answer(response=alone, question_id=question, option_id=option)
            for question, option in response.answers.values_list("question_id", "option_id")
        )
        response = alone
    if question_id and option_id:
        answer_record(response=response, question_id=question_id, option_id=option_id)
    return response


@transaction.atomic
def response_language_set(*, response: Response, language: str) -> Response:
    """Go on with the test in another of its languages; the answers stay."""
    response = (
        Response.objects.select_related("group").select_for_update(of=("self",)).get(pk=response.pk)
    )
    _check_open(response)
    if language not in {lang.code for lang in content_languages(version=response.version)}:
        raise CitizenshipError(_("The test is not available in this language yet."))
    response.language = language
    response.save(update_fields=["language"])
    return response


@transaction.atomic
def response_complete(*, response: Response) -> Response:
    """Score a response whose every question is answered, and freeze it."""
    response = (
        Response.objects.select_related("group").select_for_update(of=("self",)).get(pk=response.pk)
    )
    _check_open(response)
    answers = dict(response.answers.values_list("question_id", "option_id"))
    missing = response.version.questions.exclude(pk__in=answers).count()
    if missing:
        raise CitizenshipError(
            _("Answer every question to see your profile: %(count)s still open.")
            % {"count": missing}
        )
    profile = profile_score(scoring_spec(version=response.version), answers)
    response.scores = {d.code: d.score for d in profile.dimensions if d.score is not None}
    response.leading = profile.leading or ""
    response.completed_at = timezone.now()
    response.save(update_fields=["scores", "leading", "completed_at"])
    return response


@transaction.atomic
def response_submit(
    *, version: ContentVersion, language: str, answers: Mapping[int, int], city: str = ""
) -> Response:
    """A whole test answered at once (the API): every question exactly once."""
    question_ids = set(version.questions.values_list("pk", flat=True))
    if set(answers) != question_ids:
        raise CitizenshipError(
            _("Give exactly one answer to each of the %(count)s questions of the test.")
            % {"count": len(question_ids)}
        )
    response = response_start(version=version, language=language, city=city)
    for question_id, option_id in answers.items():
        answer_record(response=response, question_id=question_id, option_id=option_id)
    return response_complete(response=response)


@transaction.atomic
def group_create(*, version: ContentVersion, title: str, created_by_id: int | None) -> GroupSession:
    """A new group session with a short join code and a secret facilitator link."""
    taken = True
    code = ""
    while taken:
        code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
        taken = GroupSession.objects.filter(code=code).exists()
    return GroupSession.objects.create(
        version=version,
        code=code,
        secret=secrets.token_urlsafe(24),
        title=" ".join(title.split())[:120],
        created_by_id=created_by_id,
    )


@transaction.atomic
def group_close(*, group: GroupSession) -> GroupSession:
    """Close a session: nobody joins or answers any more; its counts stay for export."""
    group = GroupSession.objects.select_for_update().get(pk=group.pk)
    if group.closed_at is None:
        group.closed_at = timezone.now()
        group.save(update_fields=["closed_at"])
    return group
