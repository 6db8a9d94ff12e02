"""View decorators that turn the access selectors' answers into HTTP responses."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from icc.accounts.selectors import user_scope


def secretariat_required(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Anonymous visitors go to the login page; logged-in people outside the secretariat get 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if not user_scope(user=request.user).is_secretariat:
            raise PermissionDenied(
                _(
                    "This page is for the secretariat: it needs the secretariat role, which your "
                    "account does not have."
                )
            )
        return view(request, *args, **kwargs)

    return login_required(wrapped)
