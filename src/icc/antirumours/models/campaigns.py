"""Campaigns and actions: what was done, where, when, with whom, the reach, the materials."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    """A campaign or a single action of the city's strategy."""

    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        related_name="antirumours_campaigns",
        verbose_name=_("place"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what was done"), blank=True)
    where = models.CharField(_("where"), max_length=300, blank=True)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    partners = models.CharField(_("with whom"), max_length=500, blank=True)
    reach_people = models.PositiveIntegerField(_("people reached"), default=0)
    reach_posts = models.PositiveIntegerField(_("social media posts"), default=0)
    reach_media = models.PositiveIntegerField(_("media pieces"), default=0)
    rumours = models.ManyToManyField(
        "antirumours.Rumour", blank=True, related_name="campaigns", verbose_name=_("rumours")
    )
    is_public = models.BooleanField(_("shown on the public page"), default=True)
    is_demo = models.BooleanField(_("invented for the demo"), default=False)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.title


class CampaignMaterial(models.Model):
    """A material of a campaign (poster, video, guide) in one language: a file or a link."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="materials", verbose_name=_("campaign")
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    file = models.FileField(_("file"), upload_to="antirumours/materials/", blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["language", "id"]

    def __str__(self) -> str:
        return self.title
