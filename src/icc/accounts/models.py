"""Users and their roles.

Roles (DESIGN.md "Users"): the secretariat is ``is_staff``; every other role is a
``RoleAssignment`` scoped to one place (city coordinator, expert, anti-rumours team) or one network
(national-network coordinator). A user with no assignment is a member of the public with an account.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who can log in. ``is_staff`` marks the secretariat."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    # The secretariat administers everything on the platform: being staff is the permission.
    def has_perm(self, perm: str, obj: models.Model | None = None) -> bool:
        return (self.is_active and self.is_staff) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label: str) -> bool:
        return (self.is_active and self.is_staff) or super().has_module_perms(app_label)


class Role(models.TextChoices):
    CITY_COORDINATOR = "city_coordinator", _("City coordinator")
    NETWORK_COORDINATOR = "network_coordinator", _("National network coordinator")
    EXPERT = "expert", _("Expert")
    # a member of a city's anti-rumours team: edits that city's anti-rumours work, nothing else
    ANTIRUMOURS_TEAM = "antirumours_team", _("Anti-rumours team")


class RoleAssignment(models.Model):
    """One role of one user, scoped to a place or a network."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("place"),
    )
    network = models.ForeignKey(
        "network.Network",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("network"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.CheckConstraint(
                name="role_scope_matches_role",
                condition=(
                    models.Q(
                        role__in=["city_coordinator", "expert", "antirumours_team"],
                        place__isnull=False,
                        network__isnull=True,
                    )
                    | models.Q(
                        role="network_coordinator", network__isnull=False, place__isnull=True
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "place", "network"], name="role_assignment_unique"
            ),
        ]

    def __str__(self) -> str:
        scope = self.place or self.network
        return f"{self.user} — {self.get_role_display()} ({scope})"
