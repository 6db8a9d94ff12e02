"""Forms of the knowledge base: list filters, a practice, a call and its answers, the
newsletter's subscription and issues, imports."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from icc.core.forms import DateInput
from icc.knowledge import selectors
from icc.knowledge.models import CONTENT_LANGUAGES, PracticeFile, PublicationKind
from icc.knowledge.services import PracticeData, period_problem

ANY: list[tuple[str, Any]] = [("", _("Any"))]
MAX_QUERY = 200


class FilterForm(forms.Form):
    """A list page's filters, read from the query string."""

    def clean_value(self, name: str) -> Any:
        """The filter ``name`` as given, or empty when it is not valid: a wrong filter is left
        out (and said so), the others still apply."""
        if not self.is_bound:
            return self.fields[name].initial or ""
        self.is_valid()  # cleaned_data keeps the fields that are valid
        return self.cleaned_data.get(name) or ""

    def query_without_page(self) -> str:
        """This form's filters as a query string (for pagination links)."""
        if not self.is_bound:
            return ""
        return urlencode([(k, v) for k, v in self.data.items() if k != "page" and v])


def choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    """``form``'s choice field ``name`` (typed, to set its choices)."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def _area_choices() -> list[tuple[str, str]]:
    labels = selectors.indicator_labels()
    return sorted(labels.items(), key=lambda item: item[1])


def _theme_choices() -> list[tuple[str, Any]]:
    return ANY + [(t.slug, t.name) for t in selectors.themes()]


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)


class PracticeFilterForm(FilterForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=MAX_QUERY)
    area = forms.ChoiceField(label=_("Policy area"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=ANY + list(CONTENT_LANGUAGES)
    )
    country = forms.CharField(label=_("Country code"), required=False, max_length=2)
    year = _year_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "area").choices = ANY + _area_choices()
        choice_field(self, "theme").choices = _theme_choices()

    def filters(self) -> selectors.PracticeFilters:
        return selectors.PracticeFilters(
            q=self.clean_value("q"),
            area=self.clean_value("area"),
            theme=self.clean_value("theme"),
            country=str(self.clean_value("country")).upper(),
            language=self.clean_value("language"),
            year=self.clean_value("year") or None,
        )


class PublicationFilterForm(FilterForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=MAX_QUERY)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=ANY + PublicationKind.choices)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=ANY + list(CONTENT_LANGUAGES)
    )
    year = _year_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "theme").choices = _theme_choices()

    def filters(self) -> selectors.PublicationFilters:
        return selectors.PublicationFilters(
            q=self.clean_value("q"),
            kind=self.clean_value("kind"),
            theme=self.clean_value("theme"),
            language=self.clean_value("language"),
            year=self.clean_value("year") or None,
        )


class NewsFilterForm(FilterForm):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    series = forms.ChoiceField(label=_("Special edition"), required=False)
    year = _year_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "theme").choices = _theme_choices()
        choice_field(self, "series").choices = ANY + selectors.news_series_choices()

    def values(self) -> dict[str, Any]:
        return {
            "theme": self.clean_value("theme"),
            "series": self.clean_value("series"),
            "year": self.clean_value("year") or None,
        }


class PracticeForm(forms.Form):
    """A good practice, written in one language."""

    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    description = forms.CharField(
        label=_("Full description"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=50_000,
        help_text=_("Simple HTML is kept: paragraphs, lists, emphasis, links, tables."),
    )
    results = forms.CharField(
        label=_("Results"), widget=forms.Textarea(attrs={"rows": 4}), required=False,
        max_length=10_000,
    )  # fmt: skip
    places = forms.TypedMultipleChoiceField(label=_("Cities"), coerce=int)
    themes = forms.TypedMultipleChoiceField(
        label=_("Themes"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    areas = forms.MultipleChoiceField(
        label=_("Policy areas (index indicators)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(label=_("Written in"), choices=CONTENT_LANGUAGES)
    languages = forms.MultipleChoiceField(
        label=_("Also available in"),
        choices=CONTENT_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    period_start = forms.IntegerField(
        label=_("Started (year)"), required=False, min_value=1950, max_value=2100
    )
    period_end = forms.IntegerField(
        label=_("Ended (year)"), required=False, min_value=1950, max_value=2100
    )
    contact = forms.CharField(label=_("Contact"), max_length=300, required=False)
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("One per line: a label, a space, then the address (https://…)."),
    )

    def __init__(self, *args: Any, places: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "places").choices = places
        choice_field(self, "themes").choices = [(t.pk, t.name) for t in selectors.themes()]
        choice_field(self, "areas").choices = _area_choices()

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        problem = period_problem(start=data.get("period_start"), end=data.get("period_end"))
        if problem:
            self.add_error("period_end", problem)
        return data

    def clean_links(self) -> list[tuple[str, str]]:
        """One link per line; a line whose address is wrong is named (its number and its
        address), and the field keeps what was typed."""
        links = []
        validate = forms.URLField(max_length=500, assume_scheme="https")
        lines = str(self.cleaned_data.get("links") or "").splitlines()
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            label, _sep, url = line.strip().rpartition(" ")
            try:
                links.append(((label or url).strip()[:200], validate.clean(url)))
            except forms.ValidationError:
                raise forms.ValidationError(
                    _(
                        "Line %(line)s: “%(address)s” is not a web address. Write a label, "
                        "a space, then the address (https://…), or remove the line."
                    ),
                    params={"line": number, "address": url[:100]},
                    code="invalid_link",
                ) from None
        return links

    def data_object(self) -> PracticeData:
        d = self.cleaned_data
        return PracticeData(
            title=d["title"],
            summary=d["summary"],
            description=d["description"],
            results=d["results"],
            contact=d["contact"],
            language=d["language"],
            languages=d["languages"],
            period_start=d["period_start"],
            period_end=d["period_end"],
            place_ids=d["places"],
            theme_ids=d["themes"],
            area_codes=d["areas"],
            links=d["links"],
        )


class PracticeFileForm(forms.Form):
    """One attachment or image added to a practice."""

    kind = forms.ChoiceField(label=_("Kind"), choices=PracticeFile.Kind.choices)
    title = forms.CharField(label=_("Title or image description"), max_length=300)
    file = forms.FileField(label=_("File"))


class CallForm(forms.Form):
    theme = forms.TypedChoiceField(label=_("Theme"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("What we are looking for"), widget=forms.Textarea(attrs={"rows": 4}),
        required=False, max_length=5000,
    )  # fmt: skip
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "theme").choices = [(t.pk, t.name) for t in selectors.themes()]


class CallAnswerForm(forms.Form):
    """The short form a city fills in to answer a call."""

    place = forms.TypedChoiceField(label=_("City"), coerce=int)
    title = forms.CharField(label=_("Name of the practice"), max_length=300)
    summary = forms.CharField(
        label=_("In a few lines"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    contact = forms.CharField(label=_("Contact"), max_length=300, required=False)
    language = forms.ChoiceField(label=_("Written in"), choices=CONTENT_LANGUAGES)

    def __init__(self, *args: Any, places: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "place").choices = places


class ModerationForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the city"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )  # fmt: skip


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)  # the column's
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=CONTENT_LANGUAGES)


class IssueForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction"), widget=forms.Textarea(attrs={"rows": 5}), required=False,
        max_length=10_000,
    )  # fmt: skip
    news = forms.TypedMultipleChoiceField(
        label=_("News"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    practices = forms.TypedMultipleChoiceField(
        label=_("Good practices"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
    dry_run = forms.BooleanField(label=_("Check only, import nothing"), required=False)
