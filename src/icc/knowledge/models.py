"""The knowledge base's records: themes, good practices and their moderation trail, calls for
practices, publications with their language versions, news (with special-edition series), and
the newsletter (issues, subscribers, deliveries).

Titles and texts are translated with django-modeltranslation (``translation.py``); a practice's
or a news item's ``language`` is the language it was written in, ``languages`` those it can be
read in. Rich text (descriptions, news bodies) is stored already sanitised (``sanitise.py``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from icc.knowledge.workflow import State

CONTENT_LANGUAGES = (
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("uk", _("Ukrainian")),
    ("de", _("German")),
)
#: Languages a publication's version may be in: the content languages and a few more.
VERSION_LANGUAGES = (
    *CONTENT_LANGUAGES,
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("ca", _("Catalan")),
    ("no", _("Norwegian")),
)


class Theme(models.Model):
    """A theme practices, publications and news are filed under; its page gathers them (and
    the events filed under the events' theme of the same slug)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    intro = models.TextField(_("introduction"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    event_themes = models.CharField(
        _("events' themes"),
        max_length=200,
        blank=True,
        help_text=_("Slugs of the events' themes shown on this theme's page, separated by commas."),
    )

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:theme_detail", kwargs={"slug": self.slug})


class PracticeStatus(models.TextChoices):
    DRAFT = State.DRAFT.value, _("Draft")
    SUBMITTED = State.SUBMITTED.value, _("Submitted")
    CHANGES_REQUESTED = State.CHANGES_REQUESTED.value, _("Changes requested")
    PUBLISHED = State.PUBLISHED.value, _("Published")


class CallForPractices(models.Model):
    """A thematic survey: the secretariat asks the cities for practices on a theme."""

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="calls", verbose_name=_("theme")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("what we are looking for"), blank=True)
    deadline = models.DateField(_("deadline"))
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("call for practices")
        verbose_name_plural = _("calls for practices")
        ordering = ["-deadline", "-pk"]

    def __str__(self) -> str:
        return self.title


class GoodPractice(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("full description"), blank=True)
    results = models.TextField(_("results"), blank=True)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    places = models.ManyToManyField(
        "network.Place", related_name="good_practices", verbose_name=_("places"), blank=True
    )
    country = models.ForeignKey(
        "network.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    period_start = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="practices", verbose_name=_("themes"), blank=True
    )
    language = models.CharField(
        _("written in"), max_length=8, choices=CONTENT_LANGUAGES, default="en"
    )
    languages = models.CharField(
        _("languages available"),
        max_length=60,
        blank=True,
        help_text=_("Language codes separated by commas, e.g. en,fr"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.DRAFT,
        db_index=True,
    )
    call = models.ForeignKey(
        CallForPractices,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("answer to the call"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    moderation_note = models.TextField(_("note from the secretariat"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:practice_detail", kwargs={"slug": self.slug})

    @property
    def language_codes(self) -> list[str]:
        codes = [c.strip() for c in self.languages.split(",") if c.strip()]
        return codes or [self.language]


class PracticeArea(models.Model):
    """A policy area of a practice: the code of an index indicator area (``education``, …)."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(_("indicator area"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
        constraints = [
            models.UniqueConstraint(fields=["practice", "code"], name="practice_area_unique")
        ]

    def __str__(self) -> str:
        return self.code


class PracticeLink(models.Model):
    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=200)
    url = models.URLField(_("link"), max_length=500)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.label


class PracticeFile(models.Model):
    """An attachment (a document) or an image of a practice."""

    class Kind(models.TextChoices):
        ATTACHMENT = "attachment", _("Attachment")
        IMAGE = "image", _("Image")

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title or image description"), max_length=300)
    file = models.FileField(_("file"), upload_to="knowledge/practices/")

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.title


class PracticeEvent(models.Model):
    """One step of a practice's moderation: who took it, when, with what note."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20)
    status = models.CharField(_("status after"), max_length=20, choices=PracticeStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation step")
        verbose_name_plural = _("moderation steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.practice_id}: {self.action}"


class PublicationKind(models.TextChoices):
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    STUDY = "study", _("Study")
    MANUAL = "manual", _("Manual")
    GUIDE = "guide", _("Guide")
    GLOSSARY = "glossary", _("Glossary")
    VIDEO_TUTORIAL = "video_tutorial", _("Video tutorial")
    BRAND_PACK = "brand_pack", _("Brand pack")
    WELCOME_PACK = "welcome_pack", _("Welcome pack")
    REPORT = "report", _("Report")


class Publication(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=PublicationKind.choices)
    published_on = models.DateField(_("date"), null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        _("date known to"),
        max_length=5,
        choices=[("day", _("day")), ("month", _("month")), ("year", _("year"))],
        default="day",
    )
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="publications", verbose_name=_("themes"), blank=True
    )
    practices = models.ManyToManyField(
        GoodPractice, related_name="publications", verbose_name=_("related practices"), blank=True
    )
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:publication_detail", kwargs={"slug": self.slug})


class PublicationVersion(models.Model):
    """One language version of a publication: a file or a link."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=8, choices=VERSION_LANGUAGES)
    file = models.FileField(_("file"), upload_to="knowledge/publications/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"], name="publication_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.publication_id}: {self.language}"


class NewsSeries(models.Model):
    """A special edition: a series of news items (e.g. city testimonies)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("special edition")
        verbose_name_plural = _("special editions")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title


class NewsItem(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    language = models.CharField(
        _("written in"), max_length=8, choices=CONTENT_LANGUAGES, default="en"
    )
    series = models.ForeignKey(
        NewsSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("special edition"),
    )
    themes = models.ManyToManyField(
        Theme, related_name="news", verbose_name=_("themes"), blank=True
    )
    places = models.ManyToManyField(
        "network.Place", related_name="+", verbose_name=_("places"), blank=True
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:news_detail", kwargs={"slug": self.slug})


class NewsletterIssue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    number = models.PositiveIntegerField(_("number"), unique=True)
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    news = models.ManyToManyField(NewsItem, related_name="issues", blank=True)
    practices = models.ManyToManyField(GoodPractice, related_name="issues", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"#{self.number} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:issue_detail", kwargs={"number": self.number})


class Subscriber(models.Model):
    """A newsletter subscriber: receives issues once the address is confirmed (double opt-in)
    and until they unsubscribe."""

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=CONTENT_LANGUAGES, default="en"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class NewsletterDelivery(models.Model):
    """One issue sent to one subscriber (so that sending twice sends nothing twice)."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="delivery_unique")
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}"
