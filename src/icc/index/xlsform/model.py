"""What an XLSForm questionnaire edition holds once read: plain frozen data, no Django.

The XLSForm standard (KoboToolbox/ODK) gives ``survey``, ``choices`` and ``settings`` sheets.
The index adds its own columns, which other tools ignore:

- ``survey``: ``indicator`` (the indicator a question scores into; empty: unscored),
  ``weight`` (default 1), ``level`` (``core`` or ``advanced``; default ``advanced``),
  ``recommendation::<Language> (<code>)`` (advice for cities that score low on it);
- ``choices``: ``points`` (0–100) on each choice of a scored question;
- an ``indicators`` sheet: ``code``, ``label::<Language> (<code>)``, ``weight``;
- ``settings``: ``index_min_answered_share`` (default 0.5), ``index_aggregation``
  (``arithmetic`` or ``geometric``), ``index_population_edges`` and ``index_foreign_born_edges``
  (space-separated numbers, e.g. ``100000 500000`` and ``10 20``); empty: the platform's
  default edges apply when the edition's method is built (``form_method_spec``).

Answer values: ``select_one`` → the choice name (str); ``select_multiple`` → list of choice names;
``integer`` → int; ``decimal`` → float; ``text``, ``date`` and others → str.
A question's points: ``select_one`` → the chosen choice's points; ``select_multiple`` → the sum of
the chosen choices' points, capped at 100; anything else is not scored.

Cascading selects and "other": ``choice_filter`` (e.g. ``country=${country}``; bare names are
columns of the choices sheet, kept in the choice's ``extra``) limits a question's choices to
those that fit the earlier answers; ``or_other`` (``select_one list or_other``) adds an "other"
choice with a text box, whose text is kept with the answer. "other" earns no points unless the
list gives it points itself.

Columns the platform does not interpret (``appearance``, ``calculation``, ``$kuid``…) are kept
verbatim in the ``extra`` dicts (header as written → cell text), so that a third-party form
written back out still converts with pyxform.
"""

from dataclasses import dataclass, field
from typing import Literal

from icc.xlsform.model import SHOWN_TYPES, CodedQuestion, FormHead, Issue, XLSFormError

__all__ = ["Choice", "Form", "Group", "IndicatorDef", "Issue", "Level", "Question", "XLSFormError"]

Level = Literal["core", "advanced"]

# What a city answers on the questionnaire pages: what they show, less notes (read, never
# answered). The rest (metadata, calculations, geopoints, photos) is kept, with a warning at
# import, and is neither shown, answered, counted in progress nor required to submit.
ASKED_TYPES = SHOWN_TYPES - {"note"}


@dataclass(frozen=True)
class Choice:
    """One answer option. ``extra``: other ``choices`` columns (header → text), kept verbatim."""

    name: str
    labels: dict[str, str]
    points: float | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Group:
    """A ``begin group`` … ``end group`` block: one page of the questionnaire.

    ``parent`` is the code of the enclosing group ("" at the top level); ``repeat`` marks a
    ``begin repeat`` block; ``extra`` holds the other columns of its row (e.g. ``appearance``).
    """

    code: str
    labels: dict[str, str]
    relevant: str = ""
    row: int = 0
    parent: str = ""
    repeat: bool = False
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Question(CodedQuestion):
    """A question of an edition (``group``: its page) with the index's own columns."""

    list_name: str | None = None
    choices: tuple[Choice, ...] = ()
    choice_filter: str = ""
    or_other: bool = False
    indicator: str | None = None
    weight: float = 1.0
    level: Level = "advanced"
    recommendations: dict[str, str] = field(default_factory=dict)
    row: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def asked(self) -> bool:
        """True when a city answers it on the questionnaire pages (``ASKED_TYPES``)."""
        return self.type in ASKED_TYPES

    @property
    def scored(self) -> bool:
        """True when the question counts in the index (an indicator and points on choices)."""
        return (
            self.indicator is not None
            and self.type in {"select_one", "select_multiple"}
            and any(choice.points is not None for choice in self.choices)
        )


@dataclass(frozen=True)
class IndicatorDef:
    code: str
    labels: dict[str, str]
    weight: float = 1.0


@dataclass(frozen=True)
class Form(FormHead):
    """A whole questionnaire edition as read from (or written to) an XLSForm workbook."""

    groups: tuple[Group, ...]
    questions: tuple[Question, ...]
    indicators: tuple[IndicatorDef, ...]
    min_answered_share: float = 0.5
    aggregation: Literal["arithmetic", "geometric"] = "arithmetic"
    # None: the form sets no edges (the platform's default applies in ``form_method_spec``)
    population_edges: tuple[float, ...] | None = None
    foreign_born_edges: tuple[float, ...] | None = None
    warnings: tuple[Issue, ...] = ()
    settings_extra: dict[str, str] = field(default_factory=dict)
