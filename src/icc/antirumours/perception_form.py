"""The perception survey of the anti-rumours diagnosis, as an XLSForm (pure core, no Django).

Rules:
- One form for the diagnosis and every follow-up, so that answers can be compared: the same
  question names, the same choices. A city adapts it by its rumours, which become the choices of
  ``heard`` (choice name ``r<id>``, label the rumour in the language it circulates in, under every
  label column).
- For each rumour heard, three questions shown only when it was ticked: how often
  (``often_<choice>``), where (``where_<choice>``), whether the person believes it
  (``believe_<choice>``). "Believed" in the results means the answer ``yes``.
- Socio-demographic questions last, each with "prefer not to say": ``age_group``, ``gender``,
  ``born_abroad``. They are the groups of the results; no name, no contact is asked.
- Labels in English, French, Spanish and Italian (``label::English (en)`` …); the form's
  default language is English.

Theory of operation: ``perception_form(rumours=…, title=…)`` returns the three sheets
(``survey``, ``choices``, ``settings``) as lists of rows whose first row is the header; the
Django side writes them to an XLSX with the tabular layer and hands it to the surveys module.
"""

from collections.abc import Sequence
from dataclasses import dataclass

LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
)
GROUP_QUESTIONS: tuple[str, ...] = ("age_group", "gender", "born_abroad")
BELIEVED = "yes"
HEARD = "heard"
NONE = "none"

# text: (en, fr, es, it)
Texts = tuple[str, str, str, str]

_INTRO: Texts = (
    "This short survey asks which statements about people of diverse origins you hear in the "
    "city, and what you think of them. It is anonymous and takes five minutes.",
    "Ce court questionnaire demande quelles affirmations sur les personnes d'origines diverses "
    "vous entendez dans la ville, et ce que vous en pensez. Il est anonyme et prend cinq minutes.",
    "Esta breve encuesta pregunta qué afirmaciones sobre personas de orígenes diversos oye en la "
    "ciudad y qué piensa de ellas. Es anónima y dura cinco minutos.",
    "Questo breve questionario chiede quali affermazioni sulle persone di origini diverse sente "
    "in città e cosa ne pensa. È anonimo e richiede cinque minuti.",
)
_HEARD: Texts = (
    "Which of these statements have you heard in the last twelve months?",
    "Parmi ces affirmations, lesquelles avez-vous entendues au cours des douze derniers mois ?",
    "¿Cuáles de estas afirmaciones ha oído en los últimos doce meses?",
    "Quali di queste affermazioni ha sentito negli ultimi dodici mesi?",
)
_OFTEN: Texts = (
    "How often have you heard: “{rumour}”?",
    "À quelle fréquence avez-vous entendu : « {rumour} » ?",
    "¿Con qué frecuencia ha oído: «{rumour}»?",
    "Quante volte ha sentito: «{rumour}»?",
)
_WHERE: Texts = (
    "Where did you hear it?",
    "Où l'avez-vous entendue ?",
    "¿Dónde la oyó?",
    "Dove l'ha sentita?",
)
_BELIEVE: Texts = (
    "Do you think it is true?",
    "Pensez-vous que c'est vrai ?",
    "¿Cree que es verdad?",
    "Pensa che sia vero?",
)
_AGE: Texts = ("Your age", "Votre âge", "Su edad", "La sua età")
_GENDER: Texts = ("Your gender", "Votre genre", "Su género", "Il suo genere")
_BORN: Texts = (
    "Were you born in another country?",
    "Êtes-vous né·e dans un autre pays ?",
    "¿Nació en otro país?",
    "È nato/a in un altro paese?",
)
_NONE: Texts = ("None of these", "Aucune de ces affirmations", "Ninguna de ellas",
                 "Nessuna di queste")  # fmt: skip
_NOT_SAY: Texts = ("Prefer not to say", "Je préfère ne pas répondre", "Prefiero no decirlo",
                   "Preferisco non rispondere")  # fmt: skip

CHOICE_LISTS: dict[str, tuple[tuple[str, Texts], ...]] = {
    "often": (
        ("once", ("Once", "Une fois", "Una vez", "Una volta")),
        ("sometimes", ("Sometimes", "Parfois", "A veces", "A volte")),
        ("often", ("Often", "Souvent", "A menudo", "Spesso")),
    ),
    "where": (
        (
            "street",
            (
                "In the street or shops",
                "Dans la rue ou les commerces",
                "En la calle o las tiendas",
                "Per strada o nei negozi",
            ),
        ),
        (
            "work",
            (
                "At work or school",
                "Au travail ou à l'école",
                "En el trabajo o la escuela",
                "Al lavoro o a scuola",
            ),
        ),
        (
            "family",
            ("Family and friends", "Famille et ami·es", "Familia y amistades", "Famiglia e amici"),
        ),
        ("social_media", ("Social media", "Réseaux sociaux", "Redes sociales", "Social media")),
        (
            "news",
            (
                "Newspapers, radio, TV",
                "Presse, radio, télévision",
                "Prensa, radio, televisión",
                "Giornali, radio, TV",
            ),
        ),
        ("other", ("Elsewhere", "Ailleurs", "En otro lugar", "Altrove")),
    ),
    "believe": (
        ("yes", ("Yes", "Oui", "Sí", "Sì")),
        ("partly", ("Partly", "En partie", "En parte", "In parte")),
        ("no", ("No", "Non", "No", "No")),
        ("dont_know", ("I don't know", "Je ne sais pas", "No lo sé", "Non lo so")),
    ),
    "age_group": (
        ("16_29", ("16 to 29", "16 à 29 ans", "16 a 29", "16-29")),
        ("30_44", ("30 to 44", "30 à 44 ans", "30 a 44", "30-44")),
        ("45_64", ("45 to 64", "45 à 64 ans", "45 a 64", "45-64")),
        ("65_plus", ("65 and over", "65 ans et plus", "65 y más", "65 e oltre")),
        ("not_say", _NOT_SAY),
    ),
    "gender": (
        ("woman", ("Woman", "Femme", "Mujer", "Donna")),
        ("man", ("Man", "Homme", "Hombre", "Uomo")),
        ("other", ("In another way", "Autrement", "De otra manera", "In altro modo")),
        ("not_say", _NOT_SAY),
    ),
    "born_abroad": (
        ("yes", ("Yes", "Oui", "Sí", "Sì")),
        ("no", ("No", "Non", "No", "No")),
        ("not_say", _NOT_SAY),
    ),
}


@dataclass(frozen=True)
class RumourChoice:
    """A rumour as a choice of the form: its choice name (``r12``) and its text."""

    name: str
    text: str


def _label_header(base: str = "label") -> list[str]:
    return [f"{base}::{name} ({code})" for code, name in LANGUAGES]


def _row(kind: str, name: str, texts: Texts, relevant: str = "", required: str = "") -> list[str]:
    return [kind, name, *texts, relevant, required]


def perception_form(
    *, rumours: Sequence[RumourChoice], title: str, form_id: str
) -> dict[str, list[list[str]]]:
    """The XLSForm sheets of the perception survey for ``rumours`` (at least one).

    Raises ``ValueError`` for no rumour, a repeated or malformed choice name, or an empty text."""
    if not rumours:
        raise ValueError("The survey needs at least one rumour to ask about.")
    names = [rumour.name for rumour in rumours]
    if len(set(names)) != len(names):
        raise ValueError("Each rumour must have its own choice name.")
    for rumour in rumours:
        if not rumour.name.isidentifier() or rumour.name == NONE or not rumour.text.strip():
            raise ValueError(f"Rumour choice {rumour.name!r} needs a name and a text.")
    survey: list[list[str]] = [["type", "name", *_label_header(), "relevant", "required"]]
    survey.append(_row("note", "intro", _INTRO))
    survey.append(_row(f"select_multiple {HEARD}", HEARD, _HEARD, "", "yes"))
    for rumour in rumours:
        shown = f"selected(${{{HEARD}}}, '{rumour.name}')"
        en, fr, es, it = (text.format(rumour=rumour.text) for text in _OFTEN)
        survey.append(
            _row("select_one often", f"often_{rumour.name}", (en, fr, es, it), shown, "yes")
        )
        survey.append(_row("select_multiple where", f"where_{rumour.name}", _WHERE, shown))
        survey.append(_row("select_one believe", f"believe_{rumour.name}", _BELIEVE, shown, "yes"))
    survey.append(_row("select_one age_group", "age_group", _AGE, "", "yes"))
    survey.append(_row("select_one gender", "gender", _GENDER, "", "yes"))
    survey.append(_row("select_one born_abroad", "born_abroad", _BORN, "", "yes"))
    choices: list[list[str]] = [["list_name", "name", *_label_header()]]
    for rumour in rumours:
        choices.append([HEARD, rumour.name, *(rumour.text for _ in LANGUAGES)])
    choices.append([HEARD, NONE, *_NONE])
    for list_name, options in CHOICE_LISTS.items():
        choices.extend([list_name, name, *texts] for name, texts in options)
    settings = [
        ["form_title", "form_id", "default_language"],
        [title, form_id, "English (en)"],
    ]
    return {"survey": survey, "choices": choices, "settings": settings}


def believed(answer: str) -> bool:
    """Whether a ``believe_<choice>`` answer counts as believing the rumour."""
    return answer == BELIEVED
