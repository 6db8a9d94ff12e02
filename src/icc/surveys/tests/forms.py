"""Small XLSForm workbooks written for these tests (openpyxl, in memory)."""

from icc.xlsform.tests.builders import Rows, xlsx


def xlsform_bytes(survey: Rows, choices: Rows | None = None, settings: Rows | None = None) -> bytes:
    """An .xlsx with the given sheets (each a header row then data rows); an empty or missing
    ``choices`` or ``settings`` sheet is left out."""
    extra = {title: rows for title, rows in (("choices", choices), ("settings", settings)) if rows}
    return xlsx(survey=survey, **extra)


# A perception survey in English and French: skip logic (believed only if heard), a group,
# a constraint, a required question, a cascading select (district filtered by city) and a
# select_multiple.
SURVEY = [
    [
        "type",
        "name",
        "label::English (en)",
        "label::French (fr)",
        "required",
        "relevant",
        "constraint",
        "constraint_message::English (en)",
        "choice_filter",
    ],
    ["begin group", "about", "About you", "À propos de vous", "", "", "", "", ""],
    [
        "integer",
        "age",
        "Your age",
        "Votre âge",
        "yes",
        "",
        ". >= 16 and . < 120",
        "Between 16 and 119",
        "",
    ],
    ["select_one gender", "gender", "Gender", "Genre", "", "", "", "", ""],
    ["select_one city", "city", "City", "Ville", "", "", "", "", ""],
    ["select_one district", "district", "District", "Quartier", "", "", "", "", "city=${city}"],
    ["end group", "", "", "", "", "", "", "", ""],
    [
        "select_one yesno",
        "heard",
        "Have you heard that newcomers take jobs?",
        "Avez-vous entendu dire que les nouveaux venus prennent les emplois ?",
        "yes",
        "",
        "",
        "",
        "",
    ],
    [
        "select_one yesno",
        "believed",
        "Do you believe it?",
        "Le croyez-vous ?",
        "yes",
        "${heard} = 'yes'",
        "",
        "",
        "",
    ],
    [
        "select_multiple where",
        "where",
        "Where did you hear it?",
        "Où l'avez-vous entendu ?",
        "",
        "${heard} = 'yes'",
        "",
        "",
        "",
    ],
    ["text", "comment", "Anything else?", "Autre chose ?", "", "", "", "", ""],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::French (fr)", "city"],
    ["yesno", "yes", "Yes", "Oui", ""],
    ["yesno", "no", "No", "Non", ""],
    ["gender", "woman", "Woman", "Femme", ""],
    ["gender", "man", "Man", "Homme", ""],
    ["gender", "other", "Other", "Autre", ""],
    ["city", "bilbao", "Bilbao", "Bilbao", ""],
    ["city", "getxo", "Getxo", "Getxo", ""],
    ["district", "deusto", "Deusto", "Deusto", "bilbao"],
    ["district", "abando", "Abando", "Abando", "bilbao"],
    ["district", "algorta", "Algorta", "Algorta", "getxo"],
    ["where", "street", "In the street", "Dans la rue", ""],
    ["where", "social", "On social media", "Sur les réseaux sociaux", ""],
    ["where", "work", "At work", "Au travail", ""],
]
SETTINGS = [["form_title", "form_id", "default_language"], ["Perceptions", "perceptions", "en"]]


def perception_form() -> bytes:
    return xlsform_bytes(SURVEY, CHOICES, SETTINGS)


def yes_no_form() -> bytes:
    """One required yes/no question: the smallest survey, for interval tests."""
    return xlsform_bytes(
        [["type", "name", "label"], ["select_one yesno", "heard", "Heard it?"]],
        [["list_name", "name", "label"], ["yesno", "yes", "Yes"], ["yesno", "no", "No"]],
    )
