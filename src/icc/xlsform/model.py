"""What an XLSForm questionnaire holds once pyxform has parsed it: plain frozen data, no Django.

Rules held here:

- Texts that can be translated (labels, hints, constraint messages, titles) are
  ``{language code: text}``: ``label::Français (fr)`` gives key ``fr``; the plain ``label``
  column gives the form's default language.
- A question's ``path`` lists the names of its enclosing groups, repeats and loops, outermost
  first; ``group`` is the innermost one ("" at the top level). Names are kept as the form
  writes them; XLSForm lets two questions of different groups share a name, and then
  ``Form.question`` finds the first.
- Answer values, as the evaluator reads them: ``select_one`` → the choice name (str);
  ``select_multiple`` → list of names (or one space-separated text); numbers → int or float;
  anything else → its text. An unanswered question is ``None``.
- Columns the model does not name (a module's own columns such as ``indicator`` or ``points``,
  ``$kuid``, ``media::image``…) are kept in ``extra``: ``{header base: text}`` for a plain
  column, ``{header base: {language code: text}}`` for a translated one.
- ``shown`` says whether the platform's questionnaire pages can show a question (see
  ``SHOWN_TYPES``); the others are kept, with a warning, never refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol, TypedDict

# Question types the platform's questionnaire pages show (pyxform's names normalised).
SHOWN_TYPES = frozenset(
    {"select_one", "select_multiple", "integer", "decimal", "text", "date", "note"}
)
SELECT_TYPES = frozenset({"select_one", "select_multiple"})

Extra = dict[str, "str | dict[str, str]"]
GroupKind = Literal["group", "repeat", "loop"]


@dataclass(frozen=True)
class Issue:
    """An error or warning about a form file, located as precisely as possible.

    ``row`` is the spreadsheet row as the user sees it (header = 1); ``column`` the header.
    ``message`` is a full sentence saying what is wrong and how to fix it.
    """

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Choice:
    """One answer option of a choice list; ``extra`` holds its other columns (filter columns
    used by ``choice_filter``, a module's own columns)."""

    name: str
    labels: dict[str, str]
    row: int | None = None
    extra: Extra = field(default_factory=dict)

    def text(self, column: str) -> str:
        """A plain column of the choice as text ("" when absent or translated)."""
        value = self.extra.get(column)
        return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Group:
    """A ``begin group``/``begin repeat``/``begin loop`` block.

    ``parent`` is the enclosing block's name ("" at the top level); ``loop_over`` the choices
    a loop repeats its questions for; ``repeat_count`` the ``repeat_count`` expression.
    """

    name: str
    kind: GroupKind
    labels: dict[str, str]
    relevant: str = ""
    parent: str = ""
    path: tuple[str, ...] = ()
    row: int | None = None
    appearance: str = ""
    repeat_count: str = ""
    loop_over: tuple[Choice, ...] = ()
    extra: Extra = field(default_factory=dict)

    @property
    def repeat(self) -> bool:
        """True for blocks answered several times (repeats and loops)."""
        return self.kind != "group"


@dataclass(frozen=True)
class Question:
    """One question (or note, calculation, metadata field) of the survey sheet."""

    name: str
    type: str
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    required: bool = False
    required_expression: str = ""
    required_messages: dict[str, str] = field(default_factory=dict)
    read_only: bool = False
    relevant: str = ""
    constraint: str = ""
    constraint_messages: dict[str, str] = field(default_factory=dict)
    calculation: str = ""
    default: str = ""
    appearance: str = ""
    choice_filter: str = ""
    list_name: str | None = None
    choices: tuple[Choice, ...] = ()
    or_other: bool = False
    parameters: dict[str, str] = field(default_factory=dict)
    path: tuple[str, ...] = ()
    in_repeat: bool = False
    row: int | None = None
    extra: Extra = field(default_factory=dict)

    @property
    def group(self) -> str:
        """The innermost enclosing block's name ("" at the top level)."""
        return self.path[-1] if self.path else ""

    @property
    def shown(self) -> bool:
        """Whether the platform's questionnaire pages can show this question."""
        return self.type in SHOWN_TYPES

    def text(self, column: str) -> str:
        """A plain extra column as text ("" when absent or translated)."""
        value = self.extra.get(column)
        return value if isinstance(value, str) else ""

    def texts(self, column: str) -> dict[str, str]:
        """A translated extra column by language ({} when absent; a plain one as default)."""
        value = self.extra.get(column)
        return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class FormHead:
    """What names a form and its languages, whichever module keeps the form."""

    form_id: str
    version: str
    titles: dict[str, str]
    default_language: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Form(FormHead):
    """A whole questionnaire as pyxform parsed it (see the rules above)."""

    groups: tuple[Group, ...]
    questions: tuple[Question, ...]
    choice_lists: dict[str, tuple[Choice, ...]] = field(default_factory=dict)
    settings: Extra = field(default_factory=dict)
    sheet_names: tuple[str, ...] = ()

    def question(self, name: str) -> Question | None:
        """The first question called ``name``, or None."""
        for question in self.questions:
            if question.name == name:
                return question
        return None

    def choices(self, list_name: str) -> tuple[Choice, ...]:
        """The choices of a list, in sheet order (() for an unknown list)."""
        return self.choice_lists.get(list_name, ())

    def label(self, labels: dict[str, str], language: str) -> str:
        """The text in ``language``, else the default language, else any ("" when none)."""
        return (
            labels.get(language)
            or labels.get(self.default_language)
            or next(iter(labels.values()), "")
        )


class QuestionRules(TypedDict):
    """The columns that say how a question is shown and checked, as every module keeps them."""

    type: str
    labels: dict[str, str]
    hints: dict[str, str]
    required: bool
    relevant: str
    constraint: str
    constraint_messages: dict[str, str]


class _HasRules(Protocol):
    @property
    def type(self) -> str: ...
    @property
    def labels(self) -> dict[str, str]: ...
    @property
    def hints(self) -> dict[str, str]: ...
    @property
    def required(self) -> bool: ...
    @property
    def relevant(self) -> str: ...
    @property
    def constraint(self) -> str: ...
    @property
    def constraint_messages(self) -> dict[str, str]: ...


def question_rules(question: _HasRules) -> QuestionRules:
    """A question's ``QuestionRules``, to copy them onto a question of another module's kind
    (``Kind(code=..., **question_rules(question))``)."""
    return QuestionRules(
        type=question.type,
        labels=question.labels,
        hints=question.hints,
        required=question.required,
        relevant=question.relevant,
        constraint=question.constraint,
        constraint_messages=question.constraint_messages,
    )


@dataclass(frozen=True)
class CodedQuestion:
    """A question as a module keeps it once read: by a ``code`` unique in its form (answers are
    stored by code), in the innermost ``group`` around it, with the rules that show and check
    it. The index's and the surveys' questions add their own fields to it."""

    code: str
    type: str
    labels: dict[str, str]
    hints: dict[str, str] = field(default_factory=dict)
    required: bool = False
    relevant: str = ""
    constraint: str = ""
    constraint_messages: dict[str, str] = field(default_factory=dict)
    group: str = ""


@dataclass(frozen=True)
class FormReadResult:
    """What ``form_read`` found: the form (None when refused), warnings and errors.

    A file with any error is refused: ``form`` is None and ``errors`` says why, each with its
    sheet, row, column and reason. Warnings never refuse a file.
    """

    form: Form | None
    warnings: tuple[Issue, ...] = ()
    errors: tuple[Issue, ...] = ()

    @property
    def ok(self) -> bool:
        return self.form is not None and not self.errors

    def form_or_raise(self) -> Form:
        """The form, or ``XLSFormError`` with every error."""
        if self.form is None or self.errors:
            raise XLSFormError(self.errors)
        return self.form


class XLSFormError(ValueError):
    """A form file that cannot be used; ``issues`` lists every problem found."""

    def __init__(self, issues: list[Issue] | tuple[Issue, ...]) -> None:
        self.issues = tuple(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))
