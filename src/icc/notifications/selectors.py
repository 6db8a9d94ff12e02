"""Reads of notifications: a person's notices, their unread count, their choices."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils.functional import Promise

from icc.accounts.models import User
from icc.notifications.kinds import notification_kinds
from icc.notifications.models import Notification, NotificationSettings


def notification_list_for_user(*, user: User, unread_only: bool = False) -> QuerySet[Notification]:
    """``user``'s notices, newest first."""
    notices = Notification.objects.filter(recipient=user)
    return notices.filter(read_at__isnull=True) if unread_only else notices


def notification_unread_count(*, user: User | AnonymousUser) -> int:
    """How many notices ``user`` has not read (0 for a visitor who is not logged in)."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


@dataclass(frozen=True)
class KindChoice:
    code: str
    label: str | Promise
    by_email: bool


@dataclass(frozen=True)
class UserNotificationSettings:
    language: str
    kinds: list[KindChoice]


def notification_settings_for_user(*, user: User) -> UserNotificationSettings:
    """``user``'s language for notices and, for every kind, whether it is e-mailed."""
    chosen = NotificationSettings.objects.filter(user=user).first()
    off = set(chosen.email_off) if chosen else set()
    return UserNotificationSettings(
        language=chosen.language if chosen else settings.LANGUAGE_CODE,
        kinds=[
            KindChoice(code=kind.code, label=kind.label, by_email=kind.code not in off)
            for kind in notification_kinds()
        ],
    )
