"""Public pages: a city's anti-rumours page and the network's shared material."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from icc.antirumours import selectors
from icc.antirumours.forms import language_choices
from icc.antirumours.models import RumourTheme
from icc.antirumours.results import round_indicators
from icc.antirumours.shared_search import shared_search
from icc.network.selectors import place_get_public


def shared_material(request: HttpRequest) -> HttpResponse:
    """Every shared rumour with its counter-arguments, by theme and language, with a search
    that crosses languages."""
    theme = request.GET.get("theme", "")
    language = request.GET.get("language", "")
    query = request.GET.get("q", "").strip()[:300]
    if theme not in RumourTheme.values:
        theme = ""
    if language not in dict(language_choices()):
        language = ""
    if query:
        rumours = shared_search(query=query, limit=50)
        if theme:
            rumours = [rumour for rumour in rumours if theme in rumour.themes]
        if language:
            rumours = [rumour for rumour in rumours if rumour.language == language]
    else:
        rumours = selectors.shared_rumours_by_theme(theme=theme, language=language)
    by_theme: dict[str, list[object]] = {}
    labels = dict(RumourTheme.choices)
    for rumour in rumours:
        for key in rumour.themes or ["__none__"]:
            if not theme or key == theme:
                by_theme.setdefault(str(labels.get(key, _("Other themes"))), []).append(rumour)
    return render(
        request,
        "antirumours/shared.html",
        {
            "groups": sorted(by_theme.items()) if not query else [],
            "results": rumours if query else [],
            "query": query,
            "theme": theme,
            "language": language,
            "themes": RumourTheme.choices,
            "languages": [
                (code, name)
                for code, name in language_choices()
                if code in selectors.shared_languages()
            ],
            "places": selectors.places_with_public_page(),
        },
    )


def city_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A city's public anti-rumours page; its editors and readers see it before it is public."""
    place = place_get_public(slug=slug)
    access = selectors.access_for_user(user=request.user, place_id=place.pk)
    strategy = selectors.strategy_for_place(place_id=place.pk)
    if strategy is None or not (strategy.is_public or access.can_read):
        raise Http404(_("There is no anti-rumours page at this address."))
    return render(
        request,
        "antirumours/city.html",
        {
            "place": place,
            "strategy": strategy,
            "access": access,
            "stages": selectors.stages_in_order(strategy=strategy),
            "campaigns": selectors.campaigns_for_place(place_id=place.pk, public_only=True),
            "rumours": selectors.rumours_for_place(place_id=place.pk, shared_only=True),
            "years": selectors.activity_by_year(place_id=place.pk),
            "indicators": round_indicators(
                rounds=[
                    survey_round
                    for survey_round in selectors.rounds_for_place(place_id=place.pk)
                    if survey_round.headline_public or access.can_edit
                ]
            ),
        },
    )
