"""Pages of the network directory. Views stay thin: selectors read, services write."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from icc.accounts.access import secretariat_required
from icc.accounts.selectors import user_scope
from icc.caching.response_cache import response_cache
from icc.core.tabular import (
    Format,
    TabularFileError,
    import_limits,
    size_text,
    table_download,
)
from icc.htmx import HtmxHttpRequest, page_or_fragment_render
from icc.network import selectors, services
from icc.network.filters import PlaceFilterSet
from icc.network.forms import PlaceImportForm, PlacePrivateForm
from icc.network.place_export import places_sheet
from icc.network.place_import import places_import
from icc.network.place_sections import place_sections_render
from icc.network.timeline import place_timeline

PAGE_SIZE = 50


def _place_filterset(request: HttpRequest) -> PlaceFilterSet:
    return PlaceFilterSet(request.GET or None, queryset=selectors.place_queryset_with_facts())


def overview(request: HttpRequest) -> HttpResponse:
    """Counts, the map of members and the national and regional networks."""
    return render(
        request,
        "network/overview.html",
        {
            "counts": selectors.network_counts(),
            "networks": selectors.network_list(),
            "countries": selectors.country_list_with_members(),
            "map_points": selectors.map_points(filters=selectors.PlaceFilters()),
            "tiles_url": settings.ICC_MAP_TILES_URL,
        },
    )


@response_cache(["network"])
def place_list(request: HtmxHttpRequest) -> HttpResponse:
    """The searchable, filterable list; htmx requests get only the results fragment."""
    filterset = _place_filterset(request)
    filters = selectors.PlaceFilters(**filterset.valid_values())
    places = filterset.qs.prefetch_related("networks")
    page = Paginator(places, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": filterset.form,
        "page": page,
        "query": query.urlencode(),
        "filters": filters,
        "map_points": selectors.map_points(filters=filters),
        "tiles_url": settings.ICC_MAP_TILES_URL,
    }
    return page_or_fragment_render(
        request,
        page="network/place_list.html",
        fragment="network/_place_results.html",
        context=context,
    )


def place_list_export(request: HttpRequest, fmt: Format) -> HttpResponse | StreamingHttpResponse:
    """The filtered list as CSV or XLSX: exactly the places the page shows."""
    places = _place_filterset(request).qs
    return table_download(places_sheet(places), fmt=fmt, filename=f"icc-places.{fmt}")


def place_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A place's public page: facts with sources, membership, networks, coordinators."""
    place = selectors.place_get_public(slug=slug)
    scope = user_scope(user=request.user)
    can_see_private = selectors.place_private_readable(user=request.user, place=place)
    return render(
        request,
        "network/place_detail.html",
        {
            "place": place,
            "timeline": place_timeline(place=place),
            "coordinators": selectors.coordinators_visible(user=request.user, place=place),
            "show_contacts": scope.is_member,
            "can_see_private": can_see_private,
            "has_approximate_facts": any(f.approximate for f in place.facts.all()),
            "map_point": [selectors.map_point(place)],
            "tiles_url": settings.ICC_MAP_TILES_URL,
            "sections": place_sections_render(request=request, place=place),
        },
    )


@login_required
def place_workspace(request: HttpRequest, slug: str) -> HttpResponse:
    """The private side of a place; its city coordinator and the secretariat can edit it."""
    place = selectors.place_get_private_for_user(user=request.user, slug=slug)
    editable = selectors.place_private_editable(user=request.user, place=place)
    form = PlacePrivateForm(
        request.POST or None,
        initial={"website": place.website, "internal_notes": place.internal_notes},
    )
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(
                _("Only the city coordinators of %(place)s and the secretariat can change it.")
                % {"place": place.name}
            )
        if form.is_valid():
            services.place_private_update(
                place=place,
                internal_notes=form.cleaned_data["internal_notes"],
                website=form.cleaned_data["website"],
            )
            messages.success(request, _("Saved."))
            return redirect("network:place_workspace", slug=slug)
    return render(
        request,
        "network/place_workspace.html",
        {"place": place, "form": form, "editable": editable},
    )


def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A national or regional network: what it is, its places, its coordinators."""
    network = selectors.network_get(slug=slug)
    places = selectors.place_list(filters=selectors.PlaceFilters(network=slug))
    return render(
        request,
        "network/network_detail.html",
        {
            "network": network,
            "places": places,
            "coordinators": selectors.coordinators_visible(user=request.user, network=network),
            "show_contacts": user_scope(user=request.user).is_member,
            "map_points": selectors.map_points(filters=selectors.PlaceFilters(network=slug)),
            "tiles_url": settings.ICC_MAP_TILES_URL,
        },
    )


@secretariat_required
def place_import(request: HttpRequest) -> HttpResponse:
    """The secretariat uploads a CSV/XLSX of places and facts; the report lists every bad row."""
    form = PlaceImportForm(request.POST or None, request.FILES or None)
    report = None
    file_error = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = places_import(
                filename=upload.name, file=upload, dry_run=form.cleaned_data["dry_run"]
            )
        except TabularFileError as error:
            file_error = str(error)
    limits = import_limits()
    return render(
        request,
        "network/place_import.html",
        {
            "form": form,
            "report": report,
            "file_error": file_error,
            "max_size": size_text(limits.max_bytes),
            "max_rows": limits.max_rows,
        },
    )
