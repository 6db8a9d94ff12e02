"""The home page and other pages that belong to no single module."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from icc.accounts.selectors import role_assignments_for_user, user_scope
from icc.events.selectors import registrations_of_user
from icc.index.selectors import edition_list
from icc.network.selectors import network_counts, network_list, places_for_user


def home(request: HttpRequest) -> HttpResponse:
    """Landing page: what the network is, headline counts, where to go next."""
    return render(
        request,
        "core/home.html",
        {"counts": network_counts(), "networks": network_list()[:8]},
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """Who I am here: my roles and the places I answer for."""
    user = request.user
    return render(
        request,
        "core/account.html",
        {
            "roles": role_assignments_for_user(user=user),
            "scope": user_scope(user=user),
            "places": places_for_user(user=user),
            "registrations": registrations_of_user(user=user),
            "latest_edition": edition_list().first(),
        },
    )
