"""Reading the ``settings`` and ``indicators`` sheets, and finding the form's languages.

Rules held here:

- The default language is the ``default_language`` setting (``English (en)``, ``en`` or
  ``English`` all mean ``en``); without it, ``en`` when the survey has a plain ``label``
  column, else the first language of the headers. It comes first in ``Form.languages``, then
  every other language in the order its headers first appear (survey, choices, indicators,
  settings).
- Settings are read from row 2. ``form_title`` is the title in the default language;
  ``index_title::<Language> (<code>)`` gives titles per language (pyxform ignores these).
  Settings the platform does not use are kept verbatim in ``Form.settings_extra``.
- The ``indicators`` sheet has ``code``, ``label::…`` and ``weight`` columns; codes are unique.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from icc.index.scoring.spec import Bands
from icc.index.xlsform.checks import Report, check_edges, check_share, check_weight
from icc.index.xlsform.columns import cell_text, language_code
from icc.index.xlsform.model import IndicatorDef
from icc.index.xlsform.workbook import Sheet, SheetRow

_TRANSLATED = {
    "survey": ("label", "hint", "constraint_message", "recommendation"),
    "choices": ("label",),
    "indicators": ("label",),
    "settings": ("index_title",),
}
SETTINGS_KNOWN = {
    "form_title",
    "form_id",
    "version",
    "default_language",
    "index_title",
    "index_min_answered_share",
    "index_aggregation",
    "index_population_edges",
    "index_foreign_born_edges",
}


@dataclass(frozen=True)
class Languages:
    """The default language and all languages, as codes."""

    default: str
    all: tuple[str, ...]

    def texts(self, sheet: Sheet, row: SheetRow, base: str) -> dict[str, str]:
        """The texts of a translatable column on one row, by language code (empty: absent)."""
        texts: dict[str, str] = {}
        for header in sheet.translated(base):
            text = row.text(header.text)
            if not text:
                continue
            if header.language is None:
                texts.setdefault(self.default, text)
            else:
                texts[language_code(header.language)] = text
        return texts


def languages_find(sheets: dict[str, Sheet]) -> Languages:
    """The form's languages (see the rules above)."""
    found: list[str] = []
    plain_label = False
    for sheet_name, bases in _TRANSLATED.items():
        sheet = sheets.get(sheet_name)
        for header in sheet.headers if sheet else ():
            if header.base in bases and header.language is not None:
                found.append(language_code(header.language))
            plain_label |= sheet_name == "survey" and header.text.lower() == "label"
    settings = sheets.get("settings")
    chosen = ""
    if settings is not None and settings.rows:
        chosen = settings.rows[0].text(settings.header("default_language"))
    if chosen:
        default = language_code(chosen)
    elif plain_label or not found:
        default = "en"
    else:
        default = found[0]
    return Languages(default, tuple(dict.fromkeys([default, *found])))


@dataclass
class Settings:
    """What the settings sheet says, with defaults for what it does not."""

    form_id: str = ""
    version: str = ""
    titles: dict[str, str] = field(default_factory=dict)
    min_answered_share: float = 0.5
    aggregation: Literal["arithmetic", "geometric"] = "arithmetic"
    population_edges: tuple[float, ...] | None = None
    foreign_born_edges: tuple[float, ...] | None = None
    extra: dict[str, str] = field(default_factory=dict)


def settings_read(sheet: Sheet | None, languages: Languages, report: Report) -> Settings:
    """Read the settings sheet (row 2), reporting invalid index settings as errors."""
    settings = Settings()
    if sheet is None or not sheet.rows:
        return settings
    row = sheet.rows[0]
    name = sheet.name

    def cell(base: str) -> tuple[object, str | None]:
        header = sheet.header(base)
        return (row.cells.get(header) if header else None), header

    settings.form_id = cell_text(cell("form_id")[0])
    settings.version = cell_text(cell("version")[0])
    title = cell_text(cell("form_title")[0])
    settings.titles = ({languages.default: title} if title else {}) | languages.texts(
        sheet, row, "index_title"
    )
    value, header = cell("index_min_answered_share")
    settings.min_answered_share, problem = check_share(value, "index_min_answered_share")
    if problem:
        report.error(name, row.number, header, problem)
    value, header = cell("index_aggregation")
    aggregation = cell_text(value).lower() or "arithmetic"
    if aggregation in ("arithmetic", "geometric"):
        settings.aggregation = "geometric" if aggregation == "geometric" else "arithmetic"
    else:
        report.error(
            name,
            row.number,
            header,
            f"index_aggregation is {cell_text(value)!r}; write arithmetic (weighted mean) or "
            "geometric (weighted geometric mean).",
        )
    _edges_read(sheet, row, settings, report)
    for header_item in sheet.headers:
        if header_item.base not in SETTINGS_KNOWN and header_item.text in row.cells:
            settings.extra[header_item.text] = row.text(header_item.text)
    return settings


def _edges_read(sheet: Sheet, row: SheetRow, settings: Settings, report: Report) -> None:
    for base, default in (
        ("index_population_edges", settings.population_edges),
        ("index_foreign_born_edges", settings.foreign_born_edges),
    ):
        header = sheet.header(base)
        edges, problem = check_edges(row.cells.get(header) if header else None, base, default)
        if problem is None and edges is not None:
            try:
                if base == "index_population_edges":
                    Bands(population_edges=edges, foreign_born_edges=())
                else:
                    Bands(population_edges=(), foreign_born_edges=edges)
            except ValueError as error:
                problem = f"{base} is not valid: {error}"
        if problem:
            report.error(sheet.name, row.number, header, problem)
        elif base == "index_population_edges":
            settings.population_edges = edges
        else:
            settings.foreign_born_edges = edges


def indicators_read(
    sheet: Sheet, languages: Languages, report: Report
) -> dict[str, tuple[IndicatorDef, int]]:
    """Indicators by code, each with its row number, in sheet order."""
    found: dict[str, tuple[IndicatorDef, int]] = {}
    code_header = sheet.header("code")
    if code_header is None:
        report.error(
            sheet.name,
            1,
            "code",
            "The indicators sheet has no code column; add a column headed code with one "
            "indicator code per row.",
        )
        return found
    weight_header = sheet.header("weight")
    for row in sheet.rows:
        code = row.text(code_header)
        if not code:
            report.error(
                sheet.name,
                row.number,
                code_header,
                "This indicator has no code; give it a short code such as education.",
            )
            continue
        if code in found:
            report.error(
                sheet.name,
                row.number,
                code_header,
                f"The indicator code {code!r} is already used at row {found[code][1]}; give "
                "each indicator its own code.",
            )
            continue
        weight, problem = check_weight(
            row.cells.get(weight_header) if weight_header else None, f"indicator {code!r}"
        )
        if problem:
            report.error(sheet.name, row.number, weight_header, problem)
        labels = languages.texts(sheet, row, "label")
        found[code] = (IndicatorDef(code, labels, weight), row.number)
    return found
