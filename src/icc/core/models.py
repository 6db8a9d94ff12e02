"""Platform-wide records that belong to no module: rate-limit counters."""

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
