"""Tokenizer and recursive-descent parser for the XLSForm XPath subset. No ``eval``.

Rules held here:

- Precedence, loosest first: ``or``; ``and``; ``=`` ``!=``; ``<`` ``<=`` ``>`` ``>=``;
  ``+`` ``-``; ``*`` ``div`` ``mod``; unary ``-``. Operators of one level group to the left.
- A word followed by ``(`` is a function call and must be in ``functions.FUNCTIONS`` with the
  right number of arguments; ``and``/``or``/``div``/``mod`` are operators; any other bare word,
  path (``/data/q``, ``../q``), predicate or attribute is refused.
- Every refusal is an ``XPathError`` whose message is a full sentence naming what was refused
  and listing what is supported.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from icc.index.xlsform.xpath.functions import FUNCTIONS, SUPPORTED
from icc.index.xlsform.xpath.nodes import (
    Binary,
    Call,
    Current,
    Expr,
    Literal,
    Negate,
    Reference,
)


class XPathError(ValueError):
    """An expression outside the supported subset, or not well formed."""


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    |(?P<ref>\$\{[^}]*\})
    |(?P<text>'[^']*'|"[^"]*")
    |(?P<number>\d+(?:\.\d*)?|\.\d+)
    |(?P<parent>\.\.)
    |(?P<dot>\.)
    |(?P<op>!=|<=|>=|=|<|>|\+|-|\*)
    |(?P<lparen>\()
    |(?P<rparen>\))
    |(?P<comma>,)
    |(?P<name>[A-Za-z_][A-Za-z0-9_.:-]*)
    """,
    re.VERBOSE,
)
_WORD_OPERATORS = {"and", "or", "div", "mod"}
_LEVELS: tuple[frozenset[str], ...] = (
    frozenset({"or"}),
    frozenset({"and"}),
    frozenset({"=", "!="}),
    frozenset({"<", "<=", ">", ">="}),
    frozenset({"+", "-"}),
    frozenset({"*", "div", "mod"}),
)
_NAME_OK = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    position: int


def _refuse(what: str) -> XPathError:
    return XPathError(f"{what} Supported: {SUPPORTED}.")


def _unsupported_character(expression: str, position: int) -> XPathError:
    char = expression[position]
    if char in "/[@|":
        return _refuse(
            f"The expression uses '{char}' at position {position + 1}, which the platform "
            "cannot evaluate: paths such as /data/q1 or ../q1, predicates and unions are not "
            "supported; refer to other questions as ${name}."
        )
    if char == "$":
        return XPathError(
            f"The reference starting at position {position + 1} is not closed; write "
            "references to other questions as ${name}."
        )
    if char in "'\"":
        return XPathError(
            f"The quoted text starting at position {position + 1} is not closed; "
            f"add the missing {char}."
        )
    return _refuse(
        f"The expression contains {char!r} at position {position + 1}, which the platform "
        "cannot evaluate."
    )


def tokenize(expression: str) -> list[Token]:
    """Split an expression into tokens, refusing characters outside the subset."""
    tokens: list[Token] = []
    position = 0
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if match is None:
            raise _unsupported_character(expression, position)
        kind = match.lastgroup or ""
        if kind == "parent":
            raise _refuse(
                f"The expression uses '..' at position {position + 1}, which the platform "
                "cannot evaluate: relative paths are not supported; refer to other questions "
                "as ${name}."
            )
        if kind != "space":
            tokens.append(Token(kind, match.group(), position))
        position = match.end()
    tokens.append(Token("end", "", len(expression)))
    return tokens


class _Parser:
    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = tokenize(expression)
        self.index = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.token
        self.index += 1
        return token

    def expect(self, kind: str, what: str) -> None:
        if self.token.kind != kind:
            raise self.unexpected(f"expected {what}")
        self.take()

    def unexpected(self, wanted: str) -> XPathError:
        token = self.token
        if token.kind == "end":
            return XPathError(f"The expression ends too early ({wanted}); complete it.")
        return XPathError(
            f"The expression has {token.text!r} at position {token.position + 1} where it "
            f"{wanted}; check the operators and parentheses around it."
        )

    def binary(self, level: int) -> Expr:
        if level == len(_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.token.kind in {"op", "name"} and self.token.text in _LEVELS[level]:
            operator = self.take().text
            left = Binary(operator, left, self.binary(level + 1))
        return left

    def unary(self) -> Expr:
        if self.token.kind == "op" and self.token.text == "-":
            self.take()
            return Negate(self.unary())
        return self.primary()

    def primary(self) -> Expr:
        token = self.take()
        if token.kind == "ref":
            name = token.text[2:-1].strip()
            if not _NAME_OK.match(name):
                raise XPathError(
                    f"The reference {token.text} does not name a question; write ${{name}} "
                    "with the name of a question of the form."
                )
            return Reference(name)
        if token.kind == "text":
            return Literal(token.text[1:-1])
        if token.kind == "number":
            return Literal(float(token.text))
        if token.kind == "dot":
            return Current()
        if token.kind == "lparen":
            inner = self.binary(0)
            self.expect("rparen", "a closing parenthesis")
            return inner
        if token.kind == "name" and token.text not in _WORD_OPERATORS:
            return self.call(token)
        self.index -= 1
        raise self.unexpected("expects a value, a ${name} reference or a function call")

    def call(self, token: Token) -> Expr:
        name = token.text
        if self.token.kind != "lparen":
            raise _refuse(
                f"The word {name!r} is not understood: quote text values ('{name}') and "
                f"refer to questions as ${{{name}}}."
            )
        function = FUNCTIONS.get(name)
        if function is None:
            raise _refuse(
                f"The expression uses the function {name}(), which the platform "
                "cannot evaluate; rewrite the expression without it."
            )
        self.take()
        arguments: list[Expr] = []
        if self.token.kind != "rparen":
            arguments.append(self.binary(0))
            while self.token.kind == "comma":
                self.take()
                arguments.append(self.binary(0))
        self.expect("rparen", "a comma or a closing parenthesis")
        count = len(arguments)
        if count < function.min_args or (
            function.max_args is not None and count > function.max_args
        ):
            raise XPathError(
                f"The function {name}() was given {count} argument(s), which it does not "
                f"accept; write it as {function.usage}."
            )
        return Call(name, tuple(arguments), function.run)


@functools.lru_cache(maxsize=4096)
def parse(expression: str) -> Expr:
    """Parse an expression of the supported subset; raise ``XPathError`` for anything else."""
    if not expression.strip():
        raise XPathError("The expression is empty; write a condition such as ${q} = 'yes'.")
    parser = _Parser(expression)
    tree = parser.binary(0)
    if parser.token.kind != "end":
        raise parser.unexpected("expects an operator (and, or, =, +…) or the end")
    return tree
