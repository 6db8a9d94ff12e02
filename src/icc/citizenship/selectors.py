"""Reads of the citizenship test: the current version in a language, results, group tallies.

Content texts are read in the language a person took the test in (falling back to English),
whatever the language of the interface around them; views get plain dataclasses.

Small counts: a group session's counts of a question (per option, and the shares drawn from
them) are shown only once as many participants as the platform's small-cell threshold
(``ICC_SURVEYS_MIN_CELL``, 5 by default, the surveys' rule) have answered it; until then the
question says from how many they are shown, so that nobody's answer can be told from a count of
one or two. The facilitator guide's texts write that number ``{min_answers}``; it is filled in
from the setting when they are read, and the guide's ``small-groups`` section also shows on
the facilitator's screen while counts are hidden.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from icc.citizenship.models import (
    Answer,
    ContentVersion,
    Dimension,
    GroupSession,
    Option,
    Question,
    Response,
    VersionStatus,
)
from icc.citizenship.profile import OptionSpec, QuestionSpec, ScoringSpec
from icc.language import content_language, language_base

CONTENT_LANGUAGES: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)


@dataclass(frozen=True)
class LanguageChoice:
    code: str
    name: str


@dataclass(frozen=True)
class OptionView:
    id: int
    text: str


@dataclass(frozen=True)
class QuestionView:
    id: int
    number: int
    text: str
    prompt: str
    options: tuple[OptionView, ...]


@dataclass(frozen=True)
class DimensionView:
    code: str
    label: str
    description: str
    reflection: tuple[str, ...]


@dataclass(frozen=True)
class ResourceView:
    title: str
    url: str


@dataclass(frozen=True)
class ContentView:
    """A version of the test in one language, ready for a page or the API."""

    version: ContentVersion
    language: str
    title: str
    intro: str
    questions: tuple[QuestionView, ...]
    dimensions: tuple[DimensionView, ...]
    resources: tuple[ResourceView, ...]

    def question(self, number: int) -> QuestionView | None:
        """The question at 1-based ``number``, or ``None`` outside the test."""
        return self.questions[number - 1] if 1 <= number <= len(self.questions) else None


def version_current() -> ContentVersion | None:
    """The published version: the test people take now (``None`` before any is published)."""
    return ContentVersion.objects.filter(status=VersionStatus.PUBLISHED).first()


def version_current_or_404() -> ContentVersion:
    """The published version, or a 404 page saying the test is not available yet."""
    version = version_current()
    if version is None:
        raise Http404("The citizenship test has not been published yet.")
    return version


def scoring_spec(*, version: ContentVersion) -> ScoringSpec:
    """The scoring spec of ``version`` for the pure core (``profile.profile_score``)."""
    questions = version.questions.prefetch_related("options")
    return ScoringSpec(
        dimensions=tuple(version.dimensions.values_list("code", flat=True)),
        questions=tuple(
            QuestionSpec(
                q.pk, tuple(OptionSpec(o.pk, dict(o.points or {})) for o in q.options.all())
            )
            for q in questions
        ),
    )


def language_resolve(code: str) -> str:
    """``code`` (its base, ``fr-CH`` → ``fr``) if it is a content language, else the active
    content language (see ``icc.language``)."""
    base = language_base(code)
    return base if base in CONTENT_LANGUAGES else content_language()


def content_languages(*, version: ContentVersion) -> list[LanguageChoice]:
    """Content languages in which every question and option of ``version`` is written."""
    languages = []
    for code in CONTENT_LANGUAGES:
        untranslated = Q(**{f"text_{code}": ""}) | Q(**{f"text_{code}__isnull": True})
        if code != "en" and (
            Question.objects.filter(untranslated, version=version).exists()
            or Option.objects.filter(untranslated, question__version=version).exists()
        ):
            continue
        languages.append(LanguageChoice(code, get_language_info(code)["name_local"]))
    return languages


def content_view(*, version: ContentVersion, language: str) -> ContentView:
    """Every text of ``version`` in ``language`` (English where a text is missing)."""
    with translation.override(language):
        questions = version.questions.prefetch_related("options")
        return ContentView(
            version=version,
            language=language,
            title=version.title,
            intro=version.intro,
            questions=tuple(
                QuestionView(
                    q.pk,
                    number,
                    q.text,
                    q.prompt,
                    tuple(OptionView(o.pk, o.text) for o in q.options.all()),
                )
                for number, q in enumerate(questions, start=1)
            ),
            dimensions=tuple(
                DimensionView(d.code, d.label, d.description, tuple(d.reflection_questions()))
                for d in version.dimensions.all()
            ),
            resources=tuple(ResourceView(r.title, r.url) for r in version.resources.all()),
        )


MIN_ANSWERS_MARK = "{min_answers}"
SMALL_GROUPS_SECTION = "small-groups"


def group_min_answers() -> int:
    """From how many participants who answered a question its counts are shown."""
    return max(1, int(settings.ICC_SURVEYS_MIN_CELL))


@dataclass(frozen=True)
class GuideSectionView:
    """A section of the facilitator guide, its ``{min_answers}`` filled in."""

    code: str
    title: str
    paragraphs: tuple[str, ...]


def guide_sections(
    *, version: ContentVersion, language: str, code: str = ""
) -> list[GuideSectionView]:
    """The facilitator guide of ``version`` in ``language`` (only the section ``code`` when
    one is given)."""
    sections = version.guide.filter(code=code) if code else version.guide.all()
    number = str(group_min_answers())
    with translation.override(language):
        return [
            GuideSectionView(
                s.code,
                s.title.replace(MIN_ANSWERS_MARK, number),
                tuple(p.replace(MIN_ANSWERS_MARK, number) for p in s.paragraphs()),
            )
            for s in sections
        ]


def response_get(*, public_id: str) -> Response | None:
    """A response by its unguessable id (in progress or completed)."""
    return Response.objects.select_related("version", "group").filter(public_id=public_id).first()


def response_get_completed_or_404(*, public_id: str) -> Response:
    """A completed response for its shareable result page; 404 for anything else."""
    response = response_get(public_id=public_id)
    if response is None or response.completed_at is None:
        raise Http404("No result with this address.")
    return response


def response_answers(*, response: Response) -> dict[int, int]:
    """The answers saved so far: question id → option id."""
    return dict(Answer.objects.filter(response=response).values_list("question_id", "option_id"))


def response_first_open(*, response: Response) -> int | None:
    """The number (1-based) of the first question ``response`` has not answered, ``None`` once
    every question has an answer."""
    answered = set(Answer.objects.filter(response=response).values_list("question_id", flat=True))
    question_ids = Question.objects.filter(version_id=response.version_id).values_list(
        "pk", flat=True
    )
    return next(
        (number for number, pk in enumerate(question_ids, start=1) if pk not in answered), None
    )


def response_resume_at(*, response: Response) -> int:
    """Where a test in progress goes on: its first open question, or its last one (whose button
    shows the profile) when every question is answered."""
    first_open = response_first_open(response=response)
    return first_open or Question.objects.filter(version_id=response.version_id).count() or 1


def dimension_labels(*, version: ContentVersion, language: str) -> dict[str, str]:
    """Dimension code → label in ``language``."""
    with translation.override(language):
        return {d.code: d.label for d in Dimension.objects.filter(version=version)}


def group_get_by_code(*, code: str) -> GroupSession | None:
    """The group session with join code ``code`` (any case, spaces ignored)."""
    cleaned = "".join(code.split()).upper()
    if not cleaned:
        return None
    return GroupSession.objects.select_related("version").filter(code=cleaned).first()


def group_get_for_facilitator(*, secret: str) -> GroupSession:
    """The session whose facilitator link holds ``secret``; 404 otherwise (the link is the
    facilitator's only key, so "wrong" and "missing" look the same)."""
    group = GroupSession.objects.select_related("version").filter(secret=secret).first()
    if group is None or not secret:
        raise Http404("No group session at this address.")
    return group


@dataclass(frozen=True)
class OptionTally:
    """An option and how many chose it; ``count`` and ``share`` are ``None`` while its question
    is ``hidden``."""

    text: str
    count: int | None
    share: float | None  # 0–100, of the answers given to this question


@dataclass(frozen=True)
class QuestionTally:
    """``hidden``: fewer participants than the threshold answered it, so no count is shown."""

    number: int
    text: str
    prompt: str
    answered: int
    hidden: bool
    options: tuple[OptionTally, ...]


@dataclass(frozen=True)
class GroupTally:
    """Anonymous counts of a group session: nobody's answers can be told apart. A question's
    counts are shown from ``min_answers`` participants who answered it; ``guide`` is the
    facilitator guide's section on it (``small-groups``) when the session's version has one."""

    joined: int
    completed: int
    min_answers: int
    questions: tuple[QuestionTally, ...]
    guide: GuideSectionView | None

    @property
    def any_hidden(self) -> bool:
        """Some question's counts are still hidden."""
        return any(q.hidden for q in self.questions)


def group_tally(*, group: GroupSession, language: str) -> GroupTally:
    """How many joined and finished, and per question how many chose each option (small counts
    hidden, see the top of this file). A closed session keeps the answers given while it was
    open: a participant who goes on alone answers on a copy (``response_continue_alone``)."""
    min_answers = group_min_answers()
    responses = Response.objects.filter(group=group)
    counts = dict(
        Answer.objects.filter(response__group=group)
        .values("option_id")
        .annotate(n=Count("id"))
        .values_list("option_id", "n")
    )
    view = content_view(version=group.version, language=language)
    questions = []
    for q in view.questions:
        answered = sum(counts.get(o.id, 0) for o in q.options)
        hidden = answered < min_answers
        options = tuple(
            OptionTally(o.text, None, None)
            if hidden
            else OptionTally(o.text, counts.get(o.id, 0), 100.0 * counts.get(o.id, 0) / answered)
            for o in q.options
        )
        questions.append(QuestionTally(q.number, q.text, q.prompt, answered, hidden, options))
    any_hidden = any(q.hidden for q in questions)
    return GroupTally(
        joined=responses.count(),
        completed=responses.filter(completed_at__isnull=False).count(),
        min_answers=min_answers,
        questions=tuple(questions),
        guide=_small_groups_guide(group.version, language) if any_hidden else None,
    )


def _small_groups_guide(version: ContentVersion, language: str) -> GuideSectionView | None:
    found = guide_sections(version=version, language=language, code=SMALL_GROUPS_SECTION)
    return found[0] if found else None


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


@dataclass(frozen=True)
class MeanRow:
    label: str
    value: float


@dataclass(frozen=True)
class Statistics:
    """Anonymous counts of completed tests for the secretariat."""

    completions: int
    by_language: tuple[CountRow, ...]
    by_city: tuple[CountRow, ...]
    by_month: tuple[CountRow, ...]
    by_leading: tuple[CountRow, ...]
    means: tuple[MeanRow, ...]


def statistics_for_secretariat(*, language: str) -> Statistics:
    """Completions by language, self-declared city (merged regardless of case) and month, the
    distribution of leading dimensions and the mean score per dimension (all versions)."""
    done = Response.objects.filter(completed_at__isnull=False)
    languages = done.values("language").annotate(n=Count("id")).order_by("-n", "language")
    cities: dict[str, CountRow] = {}
    for row in done.exclude(city="").values("city").annotate(n=Count("id")):
        key = row["city"].casefold()
        known = cities.get(key)
        cities[key] = CountRow(
            known.label if known else row["city"], row["n"] + (known.count if known else 0)
        )
    months = done.annotate(month=TruncMonth("completed_at")).values("month").annotate(n=Count("id"))
    version = version_current()
    labels = dimension_labels(version=version, language=language) if version else {}
    order = {code: position for position, code in enumerate(labels)}
    totals: dict[str, list[float]] = {}
    leading: dict[str, int] = {}
    for scores, lead in done.values_list("scores", "leading"):
        leading[lead] = leading.get(lead, 0) + 1
        for code, score in (scores or {}).items():
            totals.setdefault(code, []).append(float(score))
    return Statistics(
        completions=done.count(),
        by_language=tuple(
            CountRow(capfirst(get_language_info(r["language"])["name_local"]), r["n"])
            for r in languages
        ),
        by_city=tuple(sorted(cities.values(), key=lambda r: (-r.count, r.label.casefold()))),
        by_month=tuple(
            CountRow(f"{r['month']:%Y-%m}", r["n"])
            for r in sorted(months, key=lambda r: r["month"])
        ),
        by_leading=tuple(
            CountRow(labels.get(code, code), n)
            for code, n in sorted(leading.items(), key=lambda item: -item[1])
        ),
        means=tuple(
            MeanRow(labels.get(code, code), sum(totals[code]) / len(totals[code]))
            for code in sorted(totals, key=lambda code: order.get(code, len(order)))
        ),
    )
