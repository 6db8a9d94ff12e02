"""Form widgets every module shares.

A browser's date box (``<input type="date">``) reads and writes only ISO dates (2025-01-15),
whatever the page's language. Django's own ``DateInput`` writes the value in the language's
first input format (15/01/2025 on French pages), which the box shows as empty, so saving an
edited form in French erased its date. Every form that shows a date box uses ``DateInput``
from here; ``TimeInput`` does the same for time boxes (14:30, without seconds).
"""

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    """A browser's date box whose value is always ISO (2025-01-15)."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:
        super().__init__(attrs, format=format or "%Y-%m-%d")


class TimeInput(forms.TimeInput):
    """A browser's time box whose value is always 24-hour hours and minutes (14:30)."""

    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:
        super().__init__(attrs, format=format or "%H:%M")
