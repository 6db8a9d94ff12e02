"""Login lockout and throttled password resets: the account pages' guards against guessing.

Logins: django-axes counts failed logins per username and address; once locked out, the login
page answers 429 with the form and a message saying how long to wait, and logs nobody in.
Password resets: each request counts against its address and its e-mail address
(``icc.core.ratelimit``); beyond the limit the page answers exactly as usual, so it reveals
nothing about accounts, but no e-mail leaves. Both refusals are logged.
"""

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from icc.core.client_address import client_address
from icc.core.ratelimit import rate_limit_allow

logger = logging.getLogger("icc.accounts")


def login_locked_out(
    request: HttpRequest, response: HttpResponse | None, credentials: dict[str, Any] | None
) -> HttpResponse:
    """The login page of a locked-out username and address (django-axes' lockout answer)."""
    username = str((credentials or {}).get("username") or request.POST.get("username", ""))
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    logger.warning(
        "Login refused, locked out: username=%s address=%s", username, client_address(request)
    )
    message = _(
        "Too many failed logins for this account from your address. For your safety, logging in "
        "is paused for %(minutes)d minutes: try again later, or reset your password."
    ) % {"minutes": minutes}
    form = AuthenticationForm(request, initial={"username": username})
    context = {"form": form, "lockout_message": message, "next": request.POST.get("next", "")}
    return render(request, "accounts/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class PasswordResetThrottledView(auth_views.PasswordResetView):
    """Django's password reset, sending at most so many e-mails per address and per account."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        address = client_address(self.request)
        email = form.cleaned_data["email"].strip().lower()
        window_s = settings.ICC_PASSWORD_RESET_WINDOW_S
        by_address = rate_limit_allow(
            scope="password-reset-address",
            key=address,
            limit=settings.ICC_PASSWORD_RESET_PER_ADDRESS,
            window_s=window_s,
        )
        # Requests already refused for their address do not use up the account's allowance.
        if by_address and rate_limit_allow(
            scope="password-reset-account",
            key=email,
            limit=settings.ICC_PASSWORD_RESET_PER_ACCOUNT,
            window_s=window_s,
        ):
            return super().form_valid(form)
        # rate_limit_allow has logged which limit was reached; answer as if the mail had gone.
        return HttpResponseRedirect(self.get_success_url())
