"""The city's anti-rumours agents and their trainings.

Contact data are kept only with consent (its date and purpose); withdrawing consent erases them
(``agent_consent_withdraw``) and keeps an anonymous row so that counts stay right."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgentKind(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer")
    ORGANISATION = "organisation", _("Organisation")


class Agent(models.Model):
    """An anti-rumours agent: a volunteer or an organisation of the city's network."""

    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        related_name="antirumours_agents",
        verbose_name=_("place"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=AgentKind.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.CharField(_("languages"), max_length=100, blank=True)
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_purpose = models.CharField(_("purpose of the consent"), max_length=300, blank=True)
    consent_withdrawn_on = models.DateField(_("consent withdrawn on"), null=True, blank=True)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    is_demo = models.BooleanField(_("invented for the demo"), default=False)

    class Meta:
        verbose_name = _("anti-rumours agent")
        verbose_name_plural = _("anti-rumours agents")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or self.organisation or str(_("Agent (contact data erased)"))

    @property
    def has_contact(self) -> bool:
        return bool(self.email or self.phone)


class Training(models.Model):
    """A training of agents. The event itself (dates, venue, programme) lives in the events
    module; this row ties it to the city and carries attendance."""

    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        related_name="antirumours_trainings",
        verbose_name=_("place"),
    )
    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="antirumours_training",
        verbose_name=_("event"),
    )
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-id"]

    def __str__(self) -> str:
        return str(self.event)


class TrainingAttendance(models.Model):
    """Who was expected at a training and whether they attended."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("training")
    )
    agent = models.ForeignKey(
        Agent, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("agent")
    )
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["training", "agent"], name="antirumours_attendance_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agent} — {self.training}"
