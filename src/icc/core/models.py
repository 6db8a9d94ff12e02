"""Platform-wide records that belong to no module: rate-limit counters, data versions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateLimitCount(models.Model):
    """How many times ``key`` did ``scope`` in the window that starts at ``window_start``."""

    scope = models.CharField(_("action"), max_length=60)
    key = models.CharField(_("who"), max_length=200)
    window_start = models.DateTimeField(_("window start"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("rate-limit count")
        verbose_name_plural = _("rate-limit counts")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key", "window_start"], name="core_ratelimit_unique_window"
            )
        ]
        indexes = [models.Index(fields=["window_start"], name="core_ratelimit_window")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"


class DataVersion(models.Model):
    """The version of one app's data: ``number`` rises after every committed write to the app's
    tables; ``token`` is drawn at random when the row is made, so that two databases (or a
    database emptied and filled again) never share a version. Read and written, in SQL, by
    ``icc.caching.data_version``."""

    name = models.CharField(_("data"), max_length=40, primary_key=True)
    token = models.CharField(_("token"), max_length=32)
    number = models.PositiveBigIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.name} {self.token[:8]}.{self.number}"
