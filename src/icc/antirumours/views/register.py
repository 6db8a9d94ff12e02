"""The rumour register: the list, one rumour with its counter-arguments, sharing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from icc.antirumours import selectors, services
from icc.antirumours.forms import CounterArgumentForm, RumourForm
from icc.antirumours.shared_search import shared_similar
from icc.antirumours.views._shared import apply_or_error


@login_required
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """The city's rumours: all of them for its editors, the shared ones for its readers."""
    place, access = selectors.place_get_for_reader(user=request.user, slug=slug)
    form = RumourForm(request.POST or None) if access.can_edit else None
    posted = apply_or_error(
        request,
        form,
        lambda data: services.rumour_create(place_id=place.pk, **data),
        success=_("The rumour was added."),
    )
    rumours = selectors.rumours_for_place(place_id=place.pk, shared_only=not access.can_edit)
    return posted or render(
        request,
        "antirumours/register.html",
        {"place": place, "access": access, "rumours": rumours, "form": form},
    )


def rumour_detail(request: HttpRequest, rumour_id: int) -> HttpResponse:
    """One rumour, its counter-arguments, and the same rumour in other cities."""
    rumour, access = selectors.rumour_get_readable(user=request.user, rumour_id=rumour_id)
    form = None
    if access.can_edit:
        form = CounterArgumentForm(request.POST or None, initial={"language": rumour.language})
    posted = apply_or_error(
        request,
        form,
        lambda data: services.counter_argument_add(rumour=rumour, **data),
        success=_("The counter-argument was added."),
    )
    return posted or render(
        request,
        "antirumours/rumour.html",
        {
            "rumour": rumour,
            "place": rumour.place,
            "access": access,
            "form": form,
            "similar": shared_similar(text=rumour.text, exclude_place_id=rumour.place_id),
        },
    )


@login_required
def rumour_share(request: HttpRequest, rumour_id: int) -> HttpResponse:
    """Share with the network: a page that says what sharing means, then a POST."""
    rumour = selectors.rumour_get_for_editor(user=request.user, rumour_id=rumour_id)
    if request.method == "POST":
        if request.POST.get("action") == "unshare":
            services.rumour_unshare(rumour=rumour)
            messages.success(request, _("The rumour is private to the city again."))
        elif request.POST.get("confirm") == "yes":
            services.rumour_share(rumour=rumour, user=request.user)
            messages.success(request, _("The rumour and its counter-arguments are shared."))
        else:
            messages.error(request, _("Tick the box to confirm that you want to share it."))
            return redirect(request.path)
        return redirect(reverse("antirumours:rumour", kwargs={"rumour_id": rumour.pk}))
    return render(
        request, "antirumours/rumour_share.html", {"rumour": rumour, "place": rumour.place}
    )
