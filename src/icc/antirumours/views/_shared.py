"""What the anti-rumours views share: the access answer for a request, form error handling."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from icc.antirumours.services import AntirumoursError


def apply_or_error(
    request: HttpRequest,
    form: forms.BaseForm | None,
    write: Callable[[dict[str, Any]], object],
    *,
    success: str,
    next_url: str = "",
) -> HttpResponse | None:
    """Run ``write`` with a bound form's cleaned data; redirect on success (to ``next_url``, the
    page itself by default), put a refused write's reason on the form and answer ``None``.

    ``None`` also answers no form, an unbound one (a GET, or another form's button) and an
    invalid one: the view then renders its page, as in ``return posted or render(...)``."""
    if form is None or not form.is_valid():
        return None
    try:
        write(form.cleaned_data)
    except AntirumoursError as error:
        form.add_error(None, str(error))
        return None
    messages.success(request, success)
    return redirect(next_url or request.path)
