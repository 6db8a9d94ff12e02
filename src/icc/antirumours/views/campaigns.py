"""Campaigns and actions, with their materials."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from icc.antirumours import selectors, services
from icc.antirumours.forms import CampaignForm, MaterialForm
from icc.antirumours.views._shared import apply_or_error


@login_required
def campaigns(request: HttpRequest, slug: str) -> HttpResponse:
    place, access = selectors.place_get_for_reader(user=request.user, slug=slug)
    rumours = selectors.rumours_for_place(place_id=place.pk, shared_only=False)
    form = CampaignForm(request.POST or None, rumours=rumours) if access.can_edit else None

    def write(data: dict[str, Any]) -> object:
        fields = {key: value for key, value in data.items() if key != "rumours"}
        return services.campaign_create(
            place_id=place.pk, rumour_ids=[rumour.pk for rumour in data["rumours"]], **fields
        )

    posted = apply_or_error(request, form, write, success=_("The campaign was added."))
    return posted or render(
        request,
        "antirumours/campaigns.html",
        {
            "place": place,
            "access": access,
            "form": form,
            "campaigns": selectors.campaigns_for_place(place_id=place.pk, public_only=False),
        },
    )


@login_required
def campaign_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = selectors.campaign_get_for_editor(user=request.user, campaign_id=campaign_id)
    form = MaterialForm(request.POST or None, request.FILES or None)
    posted = apply_or_error(
        request,
        form,
        lambda data: services.campaign_material_add(campaign=campaign, **data),
        success=_("The material was added."),
    )
    return posted or render(
        request,
        "antirumours/campaign.html",
        {"campaign": campaign, "place": campaign.place, "form": form},
    )
