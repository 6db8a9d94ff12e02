"""View decorators that turn the access selectors' answers into HTTP responses."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from icc.accounts.selectors import user_scope


def secretariat_required(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the login page; logged-in people outside the secretariat get 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_scope(user=request.user).is_secretariat:
            raise PermissionDenied(
                _(
                    "This page is for the secretariat: it needs the secretariat role, which your "
                    "account does not have."
                )
            )
        return view(request, *args, **kwargs)

    return wrapped
