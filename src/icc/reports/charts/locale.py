"""Number and date formats of the charts per interface language, for vega-embed and vl-convert.

French follows the French typographic rules that Django's own French formats follow: decimal
comma, narrow no-break space between thousands and before the percent sign.
"""

from typing import Any

import vl_convert
from django.utils.translation import gettext as _

from icc.language import current_language

NNBSP = "\u202f"
NBSP = "\u00a0"

FORMAT_LOCALES: dict[str, dict[str, Any]] = {
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
    "fr": {
        "decimal": ",",
        "thousands": NNBSP,
        "grouping": [3],
        "currency": ["", f"{NBSP}€"],
        "percent": f"{NNBSP}%",
    },
}

_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
TIME_FORMAT_LOCALES: dict[str, dict[str, Any]] = {
    "en": {
        "dateTime": "%a %e %b %Y %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        "months": _EN_MONTHS,
        "shortMonths": [m[:3] for m in _EN_MONTHS],
    },
    "fr": {
        "dateTime": "%A %e %B %Y à %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
        "months": _FR_MONTHS,
        "shortMonths": [
            "janv.",
            "févr.",
            "mars",
            "avr.",
            "mai",
            "juin",
            "juil.",
            "août",
            "sept.",
            "oct.",
            "nov.",
            "déc.",
        ],
    },
}


def chart_language() -> str:
    """The active interface language if the charts know its formats, else English."""
    lang = current_language()
    return lang if lang in FORMAT_LOCALES else "en"


def embed_options() -> dict[str, Any]:
    """vega-embed options for the active language: SVG renderer, our formats, menu in the
    language, and no action that leaves the site (no "Open in Vega Editor")."""
    lang = chart_language()
    return {
        "renderer": "svg",
        "actions": {"export": True, "source": False, "compiled": False, "editor": False},
        "formatLocale": FORMAT_LOCALES[lang],
        "timeFormatLocale": TIME_FORMAT_LOCALES[lang],
        "i18n": {
            "SVG_ACTION": _("Save as SVG"),
            "PNG_ACTION": _("Save as PNG"),
            "SOURCE_ACTION": _("View source"),
            "COMPILED_ACTION": _("View compiled Vega"),
            "EDITOR_ACTION": _("Open in the Vega editor"),
            "CLICK_TO_VIEW_ACTIONS": _("Chart menu: save the chart as an image"),
        },
    }


def svg_render(spec: dict[str, Any]) -> str:
    """The chart as SVG text, drawn by vl-convert with the active language's formats."""
    lang = chart_language()
    return vl_convert.vegalite_to_svg(
        spec,
        vl_version="6.4",
        format_locale=FORMAT_LOCALES[lang],
        time_format_locale=TIME_FORMAT_LOCALES[lang],
    )
