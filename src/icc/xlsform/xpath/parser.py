"""Tokenizer and recursive-descent parser for the XPath of XLSForm expressions. No ``eval``.

Rules held here:

- Precedence, loosest first: ``or``; ``and``; ``=`` ``!=``; ``<`` ``<=`` ``>`` ``>=``;
  ``+`` ``-``; ``*`` ``div`` ``mod``; unary ``-``; ``|``; paths. Operators of one level group
  to the left.
- The whole XPath 1.0 syntax that ODK accepts parses: ``${name}`` references, paths
  (``/data/q``, ``../q``, ``current()/../q``, ``instance('l')/root/item[name = ${q}]/label``),
  predicates, attributes, unions. What the server cannot compute is kept in the tree and
  raises ``Unevaluable`` only when evaluated (see ``nodes``).
- A word followed by ``(`` is a function call: a function of ``functions.FUNCTIONS`` (computed)
  or ``functions.ODK_ONLY`` (accepted, not computed), with the right number of arguments; any
  other function is refused, as ODK refuses it.
- Every refusal is an ``XPathError`` whose message is a full sentence naming what was refused.
- Curly quotes (‘ ’ “ ”) are read as straight quotes, as pyxform writes them into the XForm.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from icc.xlsform.xpath.functions import FUNCTIONS, ODK_ONLY
from icc.xlsform.xpath.nodes import (
    Binary,
    Call,
    Current,
    Expr,
    Literal,
    Negate,
    Path,
    Reference,
    Step,
    Union,
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
    |(?P<slash>//?)
    |(?P<lbracket>\[)
    |(?P<rbracket>\])
    |(?P<at>@)
    |(?P<pipe>\|)
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


_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _unsupported_character(expression: str, position: int) -> XPathError:
    char = expression[position]
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
    return XPathError(
        f"The expression contains {char!r} at position {position + 1}, which is not XPath; "
        "remove it or put it inside quotes."
    )


def tokenize(expression: str) -> list[Token]:
    """Split an expression into tokens, refusing characters that are not XPath."""
    tokens: list[Token] = []
    position = 0
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if match is None:
            raise _unsupported_character(expression, position)
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append(Token(kind, match.group(), position))
        position = match.end()
    tokens.append(Token("end", "", len(expression)))
    return tokens


_STEP_START = {"name", "dot", "parent", "at"}


class _Parser:
    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = tokenize(expression)
        self.index = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def peek(self, offset: int = 1) -> Token:
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

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
        left = self.path()
        while self.token.kind == "pipe":
            self.take()
            left = Union(left, self.path())
        return left

    def _is_step_start(self) -> bool:
        token = self.token
        if token.kind == "op" and token.text == "*":
            return True
        if token.kind == "name":
            return token.text not in _WORD_OPERATORS and self.peek().kind != "lparen"
        return token.kind in _STEP_START

    def path(self) -> Expr:
        if self.token.kind == "slash":
            double = self.take().text == "//"
            steps: list[Step] = [Step("*")] if double else []
            if self._is_step_start():
                steps += self.steps()
            elif double:
                raise self.unexpected("expects a step after //")
            return Path(tuple(steps), absolute=True)
        if self._is_step_start() and self.token.kind != "dot":
            return Path(tuple(self.steps()))
        if self.token.kind == "dot" and self.peek().kind == "slash":
            return Path(tuple(self.steps()))
        start = self.primary()
        predicates = self.predicates()
        if predicates:
            start = Path((Step(".", predicates),), start=start)
        if self.token.kind == "slash":
            double = self.take().text == "//"
            steps = ([Step("*")] if double else []) + self.steps()
            return Path(tuple(steps), start=start)
        return start

    def steps(self) -> list[Step]:
        steps = [self.step()]
        while self.token.kind == "slash":
            if self.take().text == "//":
                steps.append(Step("*"))
            steps.append(self.step())
        return steps

    def step(self) -> Step:
        token = self.token
        if token.kind in {"dot", "parent"}:
            self.take()
            return Step(token.text)
        if token.kind == "at":
            self.take()
            if self.token.kind != "name" and self.token.text != "*":
                raise self.unexpected("expects an attribute name after @")
            return Step("@" + self.take().text, self.predicates())
        if token.kind == "name" or (token.kind == "op" and token.text == "*"):
            self.take()
            return Step(token.text, self.predicates())
        raise self.unexpected("expects a step of a path (a name, . or ..)")

    def predicates(self) -> tuple[Expr, ...]:
        found: list[Expr] = []
        while self.token.kind == "lbracket":
            self.take()
            found.append(self.binary(0))
            self.expect("rbracket", "a closing ]")
        return tuple(found)

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
        function = FUNCTIONS.get(name)
        if function is None and name not in ODK_ONLY:
            raise XPathError(
                f"The expression uses the function {name}(), which is not an ODK XPath "
                "function (ODK refuses it); check its spelling or rewrite the expression "
                "without it."
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
        if function is None:
            return Call(name, tuple(arguments), _never, evaluated=False)
        if name in {"max", "min"} and count == 1:  # of a repeat's node-set
            return Call(name, tuple(arguments), _never, evaluated=False)
        if count < function.min_args or (
            function.max_args is not None and count > function.max_args
        ):
            raise XPathError(
                f"The function {name}() was given {count} argument(s), which it does not "
                f"accept; write it as {function.usage}."
            )
        return Call(name, tuple(arguments), function.run)


def _never(_values: object, _context: object) -> bool:
    raise AssertionError("an unevaluated call is never run")  # Call raises Unevaluable first


@functools.lru_cache(maxsize=4096)
def parse(expression: str) -> Expr:
    """Parse an XPath expression; raise ``XPathError`` for one that ODK would refuse."""
    expression = expression.translate(_CURLY)
    if not expression.strip():
        raise XPathError("The expression is empty; write a condition such as ${q} = 'yes'.")
    parser = _Parser(expression)
    tree = parser.binary(0)
    if parser.token.kind != "end":
        raise parser.unexpected("expects an operator (and, or, =, +…) or the end")
    return tree
