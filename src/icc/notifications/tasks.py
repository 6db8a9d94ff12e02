"""Background tasks of notifications (django-tasks; ``icc db_worker`` runs them)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from icc.notifications.models import Notification, NotificationSettings


def _site_url() -> str:
    return str(getattr(settings, "ICC_SITE_URL", "") or "http://127.0.0.1:8000").rstrip("/")


@task()
def notification_email_task(notification_ids: list[int]) -> int:
    """E-mail the notices not yet e-mailed, each in its recipient's language; returns the count.

    Running twice sends nothing twice: a notice is marked when its e-mail leaves.
    """
    sent = 0
    notices = list(
        Notification.objects.filter(
            pk__in=notification_ids, emailed_at__isnull=True
        ).select_related("recipient")
    )
    languages = dict(
        NotificationSettings.objects.filter(
            user_id__in={notice.recipient_id for notice in notices}
        ).values_list("user_id", "language")
    )  # one query for every recipient's language
    for notice in notices:
        with translation.override(languages.get(notice.recipient_id, settings.LANGUAGE_CODE)):
            lines = [notice.body] if notice.body else []
            if notice.url:
                lines.append(_site_url() + notice.url)
            lines.append(
                gettext("Choose which notices you receive by e-mail: %(url)s")
                % {"url": _site_url() + reverse("notifications:preferences")}
            )
            send_mail(
                subject=f"[{settings.ICC_SITE_NAME}] {notice.title}",
                message="\n\n".join(lines),
                from_email=None,
                recipient_list=[notice.recipient.email],
            )
        Notification.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent
