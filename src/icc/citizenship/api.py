"""Citizenship test API (``/api/v1/citizenship/…``): the test in a language, and a whole set
of answers scored into a profile. Anonymous; submissions are rate-limited per client address.
"""

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from icc.api_contract import ContentLanguage, Error
from icc.citizenship import selectors
from icc.citizenship.limits import client_allowed
from icc.citizenship.models import ContentVersion
from icc.citizenship.services import CitizenshipError, response_submit

router = Router(tags=["citizenship"])
INTERFACE_LANGUAGES = {code for code, _name in settings.LANGUAGES}


class OptionOut(Schema):
    id: int
    text: str


class QuestionOut(Schema):
    id: int
    text: str
    options: list[OptionOut]


class TestOut(Schema):
    questions: list[QuestionOut]


ID_MAX = 2**63 - 1  # the largest key the database stores


class AnswerIn(Schema):
    question: int = Field(ge=1, le=ID_MAX)
    option: int = Field(ge=1, le=ID_MAX)


class ResponseIn(Schema):
    lang: ContentLanguage = ""
    answers: list[AnswerIn] = Field(max_length=200)
    city: str = Field("", max_length=100, pattern=r"^[^\x00]*$")


class DimensionOut(Schema):
    code: str
    label: str
    score: float


class ProfileOut(Schema):
    dimensions: list[DimensionOut]
    url: str


def _version() -> ContentVersion:
    version = selectors.version_current()
    if version is None:
        raise HttpError(404, "The citizenship test has not been published yet.")
    return version


def _served_language(version: ContentVersion, lang: str) -> str:
    """``lang`` (empty: the request's) if the test is written in it, else English (what the
    texts fall back to)."""
    code = selectors.language_resolve(lang)
    codes = {language.code for language in selectors.content_languages(version=version)}
    return code if code in codes else "en"


@router.get(
    "/citizenship/test",
    response={200: TestOut, 404: Error, 422: Error},
    summary="The citizenship test in a language",
)
def test_get(request: HttpRequest, lang: ContentLanguage = "") -> dict[str, object]:
    """The questions of the published test with their options, texts in ``lang`` (English
    where a text is not translated). There are no right answers: options carry no score here."""
    version = _version()
    view = selectors.content_view(version=version, language=_served_language(version, lang))
    return {
        "questions": [
            {
                "id": q.id,
                "text": q.text,
                "options": [{"id": o.id, "text": o.text} for o in q.options],
            }
            for q in view.questions
        ]
    }


@router.post(
    "/citizenship/responses",
    response={200: ProfileOut, 400: Error, 404: Error, 422: Error, 429: Error},
    summary="Score a complete set of answers into a profile",
)
def response_create(request: HttpRequest, payload: ResponseIn) -> dict[str, object]:
    """One answer per question; returns the profile per dimension (0–100) and the address of
    its shareable result page. Rate-limited per client (429 when exceeded)."""
    version = _version()
    language = _served_language(version, payload.lang)
    answers: dict[int, int] = {}
    for answer in payload.answers:
        if answer.question in answers:
            raise HttpError(400, _("Question %(id)s is answered twice.") % {"id": answer.question})
        answers[answer.question] = answer.option
    if not client_allowed(request=request, action="start"):
        raise HttpError(429, _("Too many tests were sent from your address; wait a few minutes."))
    try:
        response = response_submit(
            version=version, language=language, answers=answers, city=payload.city
        )
    except CitizenshipError as error:
        raise HttpError(400, str(error)) from error
    labels = selectors.dimension_labels(version=version, language=language)
    with translation.override(language if language in INTERFACE_LANGUAGES else None):
        url = request.build_absolute_uri(response.get_absolute_url())
    return {
        "dimensions": [
            {"code": code, "label": label, "score": round(float(response.scores[code]), 1)}
            for code, label in labels.items()
            if code in response.scores
        ],
        "url": url,
    }
