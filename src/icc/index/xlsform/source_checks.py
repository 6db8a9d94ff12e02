"""Structural checks of the YAML source of an edition, located by path.

``SourceReader`` reads one value at a time, recording an issue (sheet ``source``, column = the
path in the source) for each problem and returning a harmless default, so that every problem of
a source is reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from icc.index.xlsform.checks import Report, check_expression
from icc.index.xlsform.model import Group, IndicatorDef, Question

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class SourceReader:
    """Reads values out of the parsed YAML, collecting issues in ``report``."""

    report: Report
    default: str = "en"
    seen_languages: list[str] = field(default_factory=list)

    @property
    def languages(self) -> list[str]:
        """The default language, then every language met in texts, in order."""
        return list(dict.fromkeys([self.default, *self.seen_languages]))

    def fail(self, path: str, message: str) -> None:
        self.report.error("source", None, path or "(top)", message)

    def mapping(
        self, path: str, value: object, required: set[str], allowed: set[str]
    ) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.fail(path, f"Expected a mapping of keys ({', '.join(sorted(allowed))}).")
            return {}
        for key in sorted(required - set(value)):
            self.fail(f"{path}.{key}".strip("."), f"The key {key} is missing; add it.")
        for key in sorted(set(value) - allowed):
            self.fail(
                f"{path}.{key}".strip("."),
                f"The key {key!r} is unknown; the known keys are {', '.join(sorted(allowed))}.",
            )
        return value

    def items(self, path: str, value: object) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, "Expected a list (lines starting with '- ').")
            return []
        return value

    def clean(self, path: str, text: str) -> str:
        """Stripped text with one kind of line break; control characters are refused."""
        if _CONTROL.search(text):
            self.fail(path, "The text contains a control character; remove it.")
        return text.replace("\r\n", "\n").replace("\r", "\n").strip()

    def text(self, path: str, value: object, *, allow_empty: bool = False) -> str:
        if isinstance(value, str) and (allow_empty or value.strip()):
            return self.clean(path, value)
        if value is None or value == "":
            if not allow_empty:
                self.fail(path, "A text is needed here; write it.")
            return ""
        self.fail(
            path,
            f"{value!r} is not text; put it in quotes (YAML reads yes, no and numbers as "
            'other things), e.g. "yes".',
        )
        return str(value)

    def texts(self, path: str, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if isinstance(value, str):
            return {self.default: self.clean(path, value)} if value.strip() else {}
        if not isinstance(value, Mapping):
            self.fail(path, "Expected texts by language, e.g. {en: ..., fr: ...}.")
            return {}
        found: dict[str, str] = {}
        for code, text in value.items():
            if not isinstance(code, str) or not isinstance(text, str):
                self.fail(f"{path}.{code}", "Write each language as code: text, both as text.")
                continue
            if text.strip():
                found[code] = self.clean(f"{path}.{code}", text)
                self.seen_languages.append(code)
        return found

    def flag(self, path: str, value: object) -> bool:
        if isinstance(value, bool):
            return value
        self.fail(path, f"{value!r} is not true or false; write true or false.")
        return False


def source_expressions_check(
    reader: SourceReader,
    groups: list[Group],
    questions: list[Question],
    indicators: list[IndicatorDef],
) -> None:
    """Unique codes, and relevant/constraint expressions the platform can evaluate."""
    first: dict[str, str] = {}
    for kind, codes in (
        ("indicator", [indicator.code for indicator in indicators]),
        ("question", [question.code for question in questions]),
    ):
        seen: set[str] = set()
        for code in codes:
            if code in seen:
                reader.fail(
                    f"{kind} {code}", f"The {kind} code {code!r} is used twice; rename one."
                )
            seen.add(code)
            first.setdefault(code, kind)
    names = {*first, *(group.code for group in groups)}
    for question in questions:
        for column, expression in (
            ("relevant", question.relevant),
            ("constraint", question.constraint),
        ):
            problem = check_expression(expression, column, names)
            if problem:
                reader.fail(f"question {question.code}.{column}", problem)
