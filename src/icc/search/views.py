"""The search page ``/<lang>/search/``: one box, every language, facets; htmx swaps the facets
and results as the visitor types or ticks, and the address bar keeps every choice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpResponse, QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from icc.accounts.selectors import user_scope
from icc.htmx import HtmxHttpRequest, page_or_fragment_render
from icc.language import language_name
from icc.network.selectors import country_list_with_members
from icc.search.labels import facet_labels
from icc.search.selectors import FACETS, FacetCount, search

PAGE_SIZE = 20
PAGES_MAX = 500
FILTERS = tuple(name for name in FACETS if name != "language")
VALUES_MAX = 20
OPTIONS_SHOWN = 12  # per facet, most frequent first (ticked ones always)
FACET_LABELS = {
    "kind": pgettext_lazy("search", "Type"),
    "language": pgettext_lazy("search", "Language"),
    "area": pgettext_lazy("search", "Policy area"),
    "theme": pgettext_lazy("search", "Theme"),
    "country": pgettext_lazy("search", "Country"),
    "type": pgettext_lazy("search", "Type of publication"),
    "year": pgettext_lazy("search", "Year"),
}
KIND_LABELS = {
    "practice": pgettext_lazy("search", "Good practice"),
    "publication": pgettext_lazy("search", "Publication"),
    "news": pgettext_lazy("search", "News"),
    "rumour": pgettext_lazy("search", "Rumour"),
}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=500, strip=True)
    lang = forms.ChoiceField(label=pgettext_lazy("search", "Written in"), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=PAGES_MAX)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = settings.MODELTRANSLATION_LANGUAGES
        choices = [
            ("", pgettext_lazy("search", "Any language")),
            *((c, language_name(c)) for c in codes),
        ]
        lang = self.fields["lang"]
        assert isinstance(lang, forms.ChoiceField)
        lang.choices = choices
        self.fields["q"].widget.attrs.update(
            {
                "type": "search",
                "autocomplete": "off",
                "placeholder": pgettext_lazy("search", "Words, in any language"),
            }
        )


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption]


def _chosen(data: QueryDict) -> dict[str, list[str]]:
    return {
        name: [value[:100] for value in data.getlist(name)[:VALUES_MAX] if value]
        for name in FILTERS
        if data.getlist(name)
    }


def _groups(counts: dict[str, list[FacetCount]], chosen: dict[str, list[str]]) -> list[FacetGroup]:
    countries = {country.code: country.name for country in country_list_with_members()}
    labels: dict[str, dict[str, str]] = {
        "kind": {key: str(label) for key, label in KIND_LABELS.items()},
        "country": countries,
    }
    groups = []
    for name in FILTERS:
        ticked, counted = chosen.get(name, []), counts.get(name, [])
        if not (counted or ticked):
            continue
        names = labels[name] if name in labels else facet_labels(facet=name)
        if name == "year":  # newest first rather than most frequent
            counted = sorted(counted, key=lambda facet: facet.value, reverse=True)
        seen = {facet.value for facet in counted}
        shown = [f for i, f in enumerate(counted) if i < OPTIONS_SHOWN or f.value in ticked]
        options = [
            FacetOption(f.value, names.get(f.value, f.value), f.count, f.value in ticked)
            for f in shown
        ] + [  # a value chosen that no result carries any more stays, to be unticked
            FacetOption(value, names.get(value, value), 0, True)
            for value in ticked
            if value not in seen
        ]
        groups.append(FacetGroup(name, str(FACET_LABELS[name]), options))
    return groups


def search_page(request: HtmxHttpRequest) -> HttpResponse:
    """Results for the words and filters in the address; facets with their counts."""
    form = SearchForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    values = form.cleaned_data if request.GET and valid else {}
    chosen = _chosen(request.GET)
    page = values.get("page") or 1
    results = search(
        q=values.get("q", ""),
        language=values.get("lang") or None,
        facets=chosen,
        viewer=user_scope(user=request.user),
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    query = request.GET.copy()
    query.pop("page", None)
    pages = max(1, -(-results.total // PAGE_SIZE))
    languages = {f.value: f.count for f in results.facets.get("language", [])}
    context = {
        "form": form,
        "results": results,
        "hits": [
            {
                "hit": hit,
                "kind": KIND_LABELS.get(hit.kind, hit.kind),
                "language": language_name(hit.language, in_sentence=True),
            }
            for hit in results.hits
        ],
        "groups": _groups(results.facets, chosen),
        "language_counts": [
            (language_name(code, in_sentence=True), n) for code, n in languages.items()
        ],
        "query": query.urlencode(),
        "page": page,
        "pages": pages,
        "previous": page - 1 if page > 1 else None,
        "next": page + 1 if page < min(pages, PAGES_MAX) else None,
        "invalid": not valid,
    }
    return page_or_fragment_render(
        request, page="search/search.html", fragment="search/_results.html", context=context
    )
