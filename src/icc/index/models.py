"""The index: editions (questionnaire + method), cities' responses and answers, results.

Questions keep the XLSForm's labels as ``{language code: text}`` dictionaries, because an
edition may carry any languages; ``label(lang)`` falls back to the edition's default language.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext_lazy as _

from icc.core.models import Timestamped
from icc.index.labels import STATE_LABELS, phase_text
from icc.index.workflow import Phase, State, cities_answer
from icc.index.xlsform.model import ASKED_TYPES
from icc.language import content_language, labelled

# The choice ``or_other`` adds (XLSForm's name for it); its text is kept in ``Answer.other``.
OTHER = "other"


def pick(texts: dict[str, str], default: str = "en") -> str:
    """The text in the active language, else the default language, else any."""
    lang = content_language()
    return texts.get(lang) or texts.get(default) or next(iter(texts.values()), "")


class Edition(models.Model):
    """One edition of the index: the questionnaire (XLSForm) and its method spec."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("In preparation")
        OPEN = "open", _("Open for answers")
        CLOSED = "closed", _("Closed")

    name = models.SlugField(_("name"), max_length=40, unique=True, help_text=_("e.g. 2023"))
    titles = models.JSONField(_("titles"), default=dict)
    form_id = models.CharField(_("form id"), max_length=100)
    form_version = models.CharField(_("form version"), max_length=50, blank=True)
    default_language = models.CharField(max_length=10, default="en")
    languages = models.JSONField(default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    deadline = models.DateField(
        _("deadline for answers"),
        null=True,
        blank=True,
        help_text=_(
            "The last day on which cities answer and submit; the next day the edition is closed "
            "to them, whatever its status says (move the date to give them more time)."
        ),
    )
    method = models.JSONField(_("method spec"), default=dict)
    xlsform = models.BinaryField(_("XLSForm workbook"))
    source_filename = models.CharField(max_length=255, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_editions",
        verbose_name=_("previous edition"),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    results_version = models.PositiveIntegerField(
        _("results version"),
        default=0,
        help_text=_("Grows with every change the results depend on; see EditionResult.version."),
    )

    class Meta:
        verbose_name = _("index edition")
        verbose_name_plural = _("index editions")
        ordering = ["-year", "-name"]

    def __str__(self) -> str:
        return self.name

    @property
    def title(self) -> str:
        return pick(self.titles, self.default_language) or self.name

    @property
    def phase(self) -> Phase:
        """The status as the workflow applies it: an open edition past its deadline is closed."""
        if self.status == self.Status.OPEN and self.deadline_passed:
            return Phase.CLOSED
        return Phase(self.status)

    @property
    def accepting_answers(self) -> bool:
        """Whether cities can answer now: the rule the services apply (its phase, the deadline
        included, through ``workflow.phase_actors``)."""
        return cities_answer(self.phase)

    @property
    def deadline_passed(self) -> bool:
        return self.deadline is not None and timezone.localdate() > self.deadline

    @property
    def phase_note(self) -> str:
        """Why cities cannot answer this edition now, in the reader's language ("" if open)."""
        return phase_text(self.phase, self.deadline, timezone.localdate())


class Area(models.Model):
    """An indicator area of an edition (one XLSForm group, one page of the questionnaire)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(max_length=100)
    labels = models.JSONField(default=dict)
    weight = models.FloatField(default=1.0)
    position = models.PositiveIntegerField(default=0)
    is_indicator = models.BooleanField(default=True)
    is_page = models.BooleanField(default=True, help_text="A group of questions (one page).")
    relevant = models.TextField(blank=True)
    parent_code = models.CharField(max_length=100, blank=True)
    repeat = models.BooleanField(default=False)

    class Meta:
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="area_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return pick(self.labels) or self.code


class Question(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="questions")
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )
    code = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=0)
    type = models.CharField(max_length=40)
    labels = models.JSONField(default=dict)
    hints = models.JSONField(default=dict, blank=True)
    required = models.BooleanField(default=False)
    relevant = models.TextField(blank=True)
    constraint = models.TextField(blank=True)
    constraint_messages = models.JSONField(default=dict, blank=True)
    choices = models.JSONField(
        default=list,
        blank=True,
        help_text="[{name, labels, points, columns}] (columns: the choice's other columns, "
        "which a choice filter reads; only when it has any)",
    )
    choice_filter = models.TextField(
        blank=True, help_text="The XLSForm choice_filter: which choices fit the earlier answers."
    )
    or_other = models.BooleanField(
        default=False, help_text="XLSForm or_other: an “other” choice with a text box."
    )
    indicator = models.CharField(max_length=100, blank=True)
    weight = models.FloatField(default=1.0)
    level = models.CharField(max_length=10, default="advanced")
    recommendations = models.JSONField(default=dict, blank=True)
    scored = models.BooleanField(default=False)

    class Meta:
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="question_unique")]

    def __str__(self) -> str:
        return self.code

    @property
    def label(self) -> str:
        return pick(self.labels) or self.code

    @property
    def asked(self) -> bool:
        """True when a city answers it on the questionnaire pages (``ASKED_TYPES``)."""
        return self.type in ASKED_TYPES

    @property
    def hint(self) -> str:
        return pick(self.hints) if self.hints else ""

    @property
    def recommendation(self) -> str:
        return pick(self.recommendations) if self.recommendations else ""

    def choice_label(self, name: str) -> str:
        for choice in self.choices:
            if choice["name"] == name:
                return pick(choice["labels"]) or name
        return name

    def answer_words(self, value: Any, other: str = "", separator: str = ", ") -> str:
        """An answer in words: the labels of the chosen options (never their codes), with the
        text given for "other" ("Other: a mobile clinic"), numbers in the language's format,
        "—" when unanswered."""
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, str) and self.type == "select_multiple":
            value = value.split()
        if isinstance(value, list):
            return separator.join(self._choice_words(str(v), other) for v in value)
        if self.choices and isinstance(value, str):
            return self._choice_words(value, other)
        if isinstance(value, int | float):
            return str(localize(value))
        return str(value)

    def _choice_words(self, name: str, other: str) -> str:
        label = self.choice_label(name)
        return labelled(label, other) if name == OTHER and other and self.or_other else label


class Response(Timestamped):
    """A place's answers to one edition, with its review state."""

    place = models.ForeignKey(
        "network.Place", on_delete=models.CASCADE, related_name="index_responses"
    )
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="responses")
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=[(s.value, STATE_LABELS[s]) for s in State],
        default=State.DRAFT.value,
        db_index=True,
    )
    is_synthetic = models.BooleanField(
        _("synthetic"), default=False, help_text=_("Invented answers for demonstration.")
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("index response")
        verbose_name_plural = _("index responses")
        constraints = [
            models.UniqueConstraint(fields=["place", "edition"], name="one_response_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.place} — {self.edition}"

    @property
    def state_enum(self) -> State:
        return State(self.state)


class Answer(models.Model):
    """One answer with its evidence; ``version`` guards against silent overwrites."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.JSONField(null=True, blank=True)
    other = models.TextField(
        blank=True, help_text="What the city wrote for the “Other” option (or_other)."
    )
    evidence = models.TextField(blank=True)
    links = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.response}: {self.question.code}"


class AnswerRevision(models.Model):
    """Audit history: every change of an answer, who made it and when."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    at = models.DateTimeField(auto_now_add=True)
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    old_other = models.TextField(blank=True)
    new_other = models.TextField(blank=True)
    old_evidence = models.TextField(blank=True)
    new_evidence = models.TextField(blank=True)
    old_links = models.JSONField(default=list, blank=True)
    new_links = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["answer", "version"]

    def __str__(self) -> str:
        return f"{self.answer} v{self.version}"


class ResponseEvent(models.Model):
    """Audit history of the workflow: each transition with its author and note."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20)
    from_state = models.CharField(max_length=12)
    to_state = models.CharField(max_length=12)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["response", "at", "id"]

    def __str__(self) -> str:
        return f"{self.response}: {self.from_state} → {self.to_state}"


class ReviewComment(models.Model):
    """A reviewer's comment on one answer (or on the whole response)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"


class EditionResult(models.Model):
    """The scored results of an edition, computed from ``Edition.results_version`` = ``version``:
    they are current while both are equal, and being updated while the edition's is higher."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="result")
    version = models.PositiveIntegerField(default=0)
    places = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(auto_now=True)
    n_draws = models.PositiveIntegerField(default=1000)
    sample_averages = models.JSONField(default=dict)
    sensitivity = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Results of {self.edition}"


class PlaceResult(models.Model):
    """One place's scores and ranks in an edition (published responses only)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="place_results")
    place = models.ForeignKey(
        "network.Place", on_delete=models.CASCADE, related_name="index_results"
    )
    index_core = models.FloatField(null=True)
    index_advanced = models.FloatField(null=True)
    indicators_core = models.JSONField(default=dict)
    indicators_advanced = models.JSONField(default=dict)
    rank = models.PositiveIntegerField(null=True)
    rank_of = models.PositiveIntegerField(null=True)
    tied = models.BooleanField(default=False)
    rank_core = models.PositiveIntegerField(null=True)
    median_rank = models.FloatField(null=True)
    rank_low = models.FloatField(null=True)
    rank_high = models.FloatField(null=True)
    peer_groups = models.JSONField(default=dict)
    progress = models.JSONField(default=dict, blank=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["edition", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "place"], name="one_result_per_place")
        ]

    def __str__(self) -> str:
        return f"{self.place} {self.edition}: {self.index_advanced}"


class ResultPayload(models.Model):
    """The JSON of an API answer about an edition's results, serialised once when the results
    are computed (one per language) and served as stored bytes."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="result_payloads")
    kind = models.CharField(max_length=20)
    lang = models.CharField(max_length=10)
    version = models.PositiveIntegerField()
    body = models.BinaryField()
    etag = models.CharField(max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "kind", "lang"], name="one_result_payload_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition} {self.kind} ({self.lang}) v{self.version}"
