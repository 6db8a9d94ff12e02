"""A person's notices and their choices. Reading a list never marks anything: opening a
notice is a POST that marks it read and goes to its page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from icc.accounts.models import User
from icc.notifications.models import Notification
from icc.notifications.selectors import notification_list_for_user, notification_settings_for_user
from icc.notifications.services import (
    notification_read,
    notification_read_all,
    notification_settings_set,
)

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required let only people in
    return request.user


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """My notices, newest first, unread ones marked; 25 a page."""
    unread_only = request.GET.get("show") == "unread"
    notices = notification_list_for_user(user=_user(request), unread_only=unread_only)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page, "unread_only": unread_only})


@login_required
@require_POST
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark the notice read and go to what it is about."""
    try:
        notice = notification_read(user=_user(request), notification_id=notification_id)
    except Notification.DoesNotExist:
        raise Http404(_("This notice does not exist or is not yours.")) from None
    safe = url_has_allowed_host_and_scheme(notice.url, allowed_hosts={request.get_host()})
    return redirect(notice.url if notice.url and safe else "notifications:list")


@login_required
@require_POST
def notification_read_all_view(request: HttpRequest) -> HttpResponse:
    """Mark every notice read."""
    count = notification_read_all(user=_user(request))
    text = ngettext("%(count)d notice marked as read.", "%(count)d notices marked as read.", count)
    messages.success(request, text % {"count": count})
    return redirect("notifications:list")


@login_required
def notification_preferences(request: HttpRequest) -> HttpResponse:
    """The language of my notices and which kinds reach me by e-mail."""
    user = _user(request)
    if request.method == "POST":
        wanted = set(request.POST.getlist("email"))
        current = notification_settings_for_user(user=user)
        language = request.POST.get("language", current.language)
        try:
            notification_settings_set(
                user=user,
                language=language,
                email_off=[k.code for k in current.kinds if k.code not in wanted],
            )
        except ValueError:
            messages.error(request, _("Choose one of the languages offered."))
        else:
            messages.success(request, _("Your notification preferences are saved."))
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"chosen": notification_settings_for_user(user=user)},
    )
