"""Translated sentences for the problems ``icc.surveys.form`` finds in answers."""

from django.utils.translation import gettext as _

from icc.surveys.form import TEXT_MAX, Problem


def problem_text(problem: Problem) -> str:
    """The problem in the current language (a form's own constraint message as written)."""
    texts = {
        "required": _("An answer is required."),
        "number": _("Enter a number (a whole number where the question asks for one)."),
        "choice": _("Choose one of the answers offered."),
        "date": _("Enter a date as YYYY-MM-DD."),
        "time": _("Enter a time as HH:MM."),
        "datetime": _("Enter a date and time as YYYY-MM-DD HH:MM."),
        "range": _("Enter a number within the range the question gives."),
        "geopoint": _("Enter a location as latitude and longitude, e.g. 43.263 -2.935."),
        "too_long": _("Keep the answer under %(count)s characters.") % {"count": TEXT_MAX},
        "constraint": _("This answer is not accepted."),
    }
    if problem.message:
        return problem.message
    return texts.get(problem.code, problem.message)
