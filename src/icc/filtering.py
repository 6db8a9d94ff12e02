"""What every query-string filter of the platform shares (django-filter FilterSets).

Rules held here:

- A list page's filters are one ``django_filters.FilterSet`` per list (``network.filters``,
  ``events.filters``, ``reports.charts.query``), read from the query string so that a filtered
  view has a URL.
- A value outside the choices is an error whose message names the value and says what to do;
  the page shows it and drops only that filter (``valid_values``), so old bookmarks still work.

This module sits below every app (import-linter's layers): any app may use it.
"""

from collections.abc import Callable, Iterable
from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

ANY = _("Any")
INVALID_CHOICE = _("“%(value)s” is not one of the choices; choose one from the list.")


class UpperChoiceField(django_filters.fields.ChoiceField):
    """A choice of codes written in capitals (``es`` is ``ES``)."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).upper()


class CodeChoiceFilter(django_filters.ChoiceFilter):
    field_class = UpperChoiceField


def choice_filter(
    label: Any,
    choices: Callable[[], Iterable[tuple[str, Any]]] | Iterable[tuple[str, Any]],
    filter_class: type[django_filters.ChoiceFilter] = django_filters.ChoiceFilter,
    *,
    any_label: Any = ANY,
    **extra: Any,
) -> Any:
    """A single-choice filter whose wrong values get ``INVALID_CHOICE``. ``choices`` (a list, or
    a callable run when the form is shown or a value checked) follow the empty choice,
    ``any_label``."""

    def every_choice() -> list[tuple[str, Any]]:
        return [("", any_label), *(choices() if callable(choices) else choices)]

    return filter_class(
        label=label,
        choices=every_choice,
        empty_label=None,
        error_messages={"invalid_choice": INVALID_CHOICE},
        **extra,
    )


class QueryFilterSet(django_filters.FilterSet):
    """A FilterSet read from a query string, which can say which of its values hold."""

    def valid_values(self) -> dict[str, Any]:
        """The filters that hold a valid, non-empty value (wrong ones dropped)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned: dict[str, Any] = getattr(self.form, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value}


class FilterValues:
    """Base of a list's filter values (a frozen dataclass of the facets; empty means "any")."""

    def is_empty(self) -> bool:
        """Whether no filter is given (every value empty)."""
        return not any(vars(self).values())
