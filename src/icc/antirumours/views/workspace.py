"""The city's anti-rumours workspace: strategy and stages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icc.antirumours import selectors, services
from icc.antirumours.forms import StageDocumentForm, StageForm, StrategyPublicForm
from icc.antirumours.views._shared import apply_or_error


@login_required
def strategy(request: HttpRequest, slug: str) -> HttpResponse:
    """The strategy: stages with status, dates, people, documents; links to every tool."""
    place, access = selectors.place_get_for_reader(user=request.user, slug=slug)
    current = selectors.strategy_for_place(place_id=place.pk)
    public_form = posted = None
    if current is not None and access.can_edit:
        public_form = StrategyPublicForm(request.POST or None, instance=current)
        posted = apply_or_error(
            request,
            public_form,
            lambda data: services.strategy_public_set(strategy=current, **data),
            success=_("The public page was saved."),
        )
    return posted or render(
        request,
        "antirumours/strategy.html",
        {
            "place": place,
            "access": access,
            "strategy": current,
            "stages": selectors.stages_in_order(strategy=current) if current else [],
            "public_form": public_form,
            "trainings": selectors.trainings_for_place(place_id=place.pk),
            "campaigns": selectors.campaigns_for_place(place_id=place.pk, public_only=False),
            "agents_count": selectors.agents_for_place(place_id=place.pk).count(),
            "reach": selectors.reach_totals(place_id=place.pk),
        },
    )


@login_required
@require_POST
def strategy_start(request: HttpRequest, slug: str) -> HttpResponse:
    place = selectors.place_get_for_editor(user=request.user, slug=slug)
    services.strategy_start(place_id=place.pk)
    return redirect("antirumours:strategy", slug=place.slug)


@login_required
def stage_edit(request: HttpRequest, stage_id: int) -> HttpResponse:
    stage = selectors.stage_get_for_editor(user=request.user, stage_id=stage_id)
    place = stage.strategy.place
    back = reverse("antirumours:strategy", kwargs={"slug": place.slug})
    form = StageForm(
        request.POST if "save_stage" in request.POST else None, instance=stage, prefix="stage"
    )
    document_form = StageDocumentForm(
        request.POST if "add_document" in request.POST else None,
        request.FILES or None,
        prefix="document",
    )
    posted = apply_or_error(
        request,
        form,
        lambda data: services.stage_update(stage=stage, **data),
        success=_("The stage was saved."),
        next_url=back,
    ) or apply_or_error(
        request,
        document_form,
        lambda data: services.stage_document_add(stage=stage, **data),
        success=_("The document was added."),
    )
    return posted or render(
        request,
        "antirumours/stage.html",
        {"stage": stage, "place": place, "form": form, "document_form": document_form},
    )
