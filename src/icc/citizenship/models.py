"""The citizenship test as versioned content, and the anonymous responses and group sessions.

A ``ContentVersion`` holds dimensions, questions with options (points per dimension), resources and
the facilitator guide. A published version is frozen: responses point at it and its points must
never move under them; the secretariat edits a new draft copied from it, then publishes that.
Texts are modeltranslation fields (see ``translation.py``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class ContentVersion(models.Model):
    """One edition of the test; only a draft may change."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("test version")
        verbose_name_plural = _("test versions")

    def __str__(self) -> str:
        return f"v{self.number} ({self.get_status_display()})"

    @property
    def is_frozen(self) -> bool:
        """Published and retired versions are read-only."""
        return self.status != VersionStatus.DRAFT


class Dimension(models.Model):
    """A dimension of intercultural citizenship, with its explanation and reflection questions."""

    version = models.ForeignKey(ContentVersion, on_delete=models.CASCADE, related_name="dimensions")
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = models.CharField(_("label"), max_length=120)
    description = models.TextField(_("explanation"), blank=True)
    reflection = models.TextField(
        _("reflection questions"), blank=True, help_text=_("One question per line.")
    )

    class Meta:
        ordering = ["version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="citizenship_dimension_code")
        ]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self) -> str:
        return self.label

    def reflection_questions(self) -> list[str]:
        """The reflection questions, one per non-empty line."""
        return [line.strip() for line in self.reflection.splitlines() if line.strip()]


class Question(models.Model):
    """A situation or statement; ``prompt`` is the facilitator's discussion prompt for it."""

    version = models.ForeignKey(ContentVersion, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(_("code"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(_("text"))
    prompt = models.TextField(_("discussion prompt"), blank=True)

    class Meta:
        ordering = ["version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="citizenship_question_code")
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:60]}"


class Option(models.Model):
    """An answer option; ``points`` maps dimension codes to whole points (0–3 in version 1)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("text"), max_length=300)
    points = models.JSONField(
        _("points per dimension"),
        default=dict,
        blank=True,
        help_text=_('For example {"openness": 2, "action": 1}; dimensions left out get 0.'),
    )

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.text


class Resource(models.Model):
    """A link offered on the result page."""

    version = models.ForeignKey(ContentVersion, on_delete=models.CASCADE, related_name="resources")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=400)

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.title


class GuideSection(models.Model):
    """A section of the facilitator guide; paragraphs are separated by blank lines.

    ``code`` names a section that a page shows on its own: ``small-groups`` (why a group's
    counts are hidden) also shows on the facilitator's screen while counts are hidden. In the
    body, ``{min_answers}`` stands for the number of participants from which counts are shown
    (the ``ICC_SURVEYS_MIN_CELL`` setting)."""

    version = models.ForeignKey(ContentVersion, on_delete=models.CASCADE, related_name="guide")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    code = models.SlugField(
        _("code"),
        max_length=40,
        blank=True,
        help_text=_(
            "Optional. “small-groups” marks the section that explains why a group's counts are "
            "hidden: the facilitator's screen shows it while they are. In the text of any "
            "section, {min_answers} stands for the number of participants from which counts "
            "are shown."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("guide section")
        verbose_name_plural = _("guide sections")

    def __str__(self) -> str:
        return self.title

    def paragraphs(self) -> list[str]:
        """The body split on blank lines."""
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class GroupSession(models.Model):
    """A facilitated session: participants join with ``code``; the facilitator's screen is
    reached with ``secret`` alone (no account needed)."""

    version = models.ForeignKey(ContentVersion, on_delete=models.PROTECT, related_name="groups")
    code = models.CharField(_("code"), max_length=12, unique=True)
    secret = models.CharField(max_length=64, unique=True)
    title = models.CharField(_("name"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("group session")
        verbose_name_plural = _("group sessions")

    def __str__(self) -> str:
        return self.title or self.code

    @property
    def is_open(self) -> bool:
        """Participants may join and answer until the facilitator closes the session."""
        return self.closed_at is None


class Response(models.Model):
    """One person's pass through the test. Anonymous: no user, no address, only the language,
    an optional self-declared city and, once completed, the scores."""

    public_id = models.CharField(max_length=32, unique=True)
    version = models.ForeignKey(ContentVersion, on_delete=models.PROTECT, related_name="responses")
    language = models.CharField(_("language"), max_length=8)
    city = models.CharField(_("city (self-declared)"), max_length=100, blank=True)
    group = models.ForeignKey(
        GroupSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    leading = models.CharField(_("leading dimension"), max_length=40, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["completed_at"], name="citizenship_completed")]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return self.public_id[:8]

    def get_absolute_url(self) -> str:
        return reverse("citizenship:result", kwargs={"public_id": self.public_id})

    @property
    def group_closed(self) -> bool:
        """Unfinished while the facilitator closed its group session: the group takes no more
        answers from it; the person may go on alone (``response_continue_alone``)."""
        return self.completed_at is None and self.group is not None and not self.group.is_open


class Answer(models.Model):
    """The option a response chose for a question (one per question, replaced on change)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT)
    option = models.ForeignKey(Option, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="citizenship_one_answer")
        ]

    def __str__(self) -> str:
        return f"{self.question_id} → {self.option_id}"
