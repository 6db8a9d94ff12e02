"""Which counts of a survey's results are hidden, decided once for the whole survey, so that no
hidden count can be worked out by subtraction from the numbers shown, on one results page or
by putting together every page a reader can ask for: each select question alone, and grouped
by each question that can make groups. Pure: sets of respondents in, masks out; no Django.

A set of respondents is a bit mask (bit ``i`` is the survey's ``i``-th submission). ``k`` is the
smallest number of people a count may show; a number is *small* when it counts 1 to k − 1.
Groups are made by ``select_one`` questions asked of everyone (no skip logic, no choice
filter): a question asked only of some would let two groupings be subtracted from each other.

1. **Answers, survey-wide.** An answer chosen by a small number of the survey's respondents
   is hidden on every page: its count overall and in every group, and its group when its
   question makes groups. A ``select_one`` question's answers add up to its respondents, so an
   answer hidden alone would be the respondents less the answers shown: the next smallest
   (fewest people, the first in form order on a tie) is hidden with it, everywhere. A question
   answered by fewer than k people is hidden whole, with its groups.
2. **Two questions, one table.** Question Q grouped by B, and B grouped by Q when Q makes
   groups too, show numbers of one table: a row per answer of Q and one for "did not answer
   Q", a column per answer of B and one for "did not answer B". The rows and columns that hold
   a small number (a cell, or a group's size on either page) are marked, with the row, and the
   column, with fewest people beside them while one alone is marked; every cell where a marked
   row meets a marked column is hidden on both pages, and a group whose "did not answer" cell
   is hidden is hidden whole. Then the table is checked as a reader would attack it: the cells
   are unknowns (for two questions tied by rule 3, those with nobody in them count as known
   zeros: the form may forbid them, as a district outside its city), every number either page
   or rule 1 shows is an equation, and no small hidden number may follow from them. While one
   does, the row or column next to it that stops it is marked too (the smallest that does;
   the smallest otherwise).
3. **The same people, the same fate.** Skip logic and choice filters tie questions together:
   a question asked only of those who gave one answer to another has as many respondents, in
   each group, as that answer. Two numbers of tied questions that count exactly the same
   respondents are hidden alike: when one is hidden, the other is hidden too. A question
   answered by those who gave any of several answers of another (``_Relation``) has, in each
   group, as many respondents as those answers together: the two questions' tables are
   attacked together (rule 2, with that sum as one more equation), and the question is hidden
   whole when its respondents would give one of the other's hidden answers away. Rules 1 and 2
   run again until nothing changes.
4. A number hidden although it is not small says so (``protects``): it protects a small one.

Why it holds across pages: numbers of different tables are tied only through each question's
overall counts, which rule 1 keeps alike everywhere (two hidden answers can trade people
without any number shown changing), and through skip logic, which rule 3 follows. The
attacker's test (``tests/test_suppression_attack.py``) takes every page's numbers and checks
that no small hidden count lies in their span.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

NONE = -1  # the row or column of those who did not answer


@dataclass(frozen=True)
class QuestionSets:
    """A select question as sets of respondents: ``choices[i]`` chose answer ``i`` (form
    order), ``answered`` gave any answer; ``multiple`` for ``select_multiple``; ``mentions``:
    the questions its skip logic or choice filter reads (``${name}``); ``groups`` when it may
    make groups (a ``select_one`` question asked of everyone); ``always`` when the form requires
    it of everyone."""

    name: str
    multiple: bool
    choices: tuple[int, ...]
    answered: int
    mentions: frozenset[str] = frozenset()
    groups: bool = False
    always: bool = False  # required and asked of everyone: nobody leaves it unanswered


@dataclass(frozen=True)
class Suppression:
    """One page: ``group_hidden[g]`` and ``cell_hidden[g][c]`` (row 0 is everyone); ``*_protects``
    marks what is hidden although not small."""

    group_hidden: list[bool]
    group_protects: list[bool]
    cell_hidden: list[list[bool]]
    cell_protects: list[list[bool]]

    def row(self, g: int) -> tuple[bool, bool, list[bool], list[bool]]:
        """Group ``g``: hidden, hidden although not small, its cells hidden, cells protecting."""
        return (
            self.group_hidden[g], self.group_protects[g], self.cell_hidden[g],
            self.cell_protects[g],
        )  # fmt: skip


@dataclass
class _OneWay:
    hidden: list[bool]
    protects: list[bool]
    question_hidden: bool


@dataclass(frozen=True)
class _Block:
    """The hidden cells of a table: every marked row by every marked column."""

    rows: frozenset[int] = frozenset()
    cols: frozenset[int] = frozenset()

    def __contains__(self, cell: tuple[int, int]) -> bool:
        return cell[0] in self.rows and cell[1] in self.cols

    def transposed(self) -> _Block:
        return _Block(self.cols, self.rows)


@dataclass
class _Forced:
    """What rule 3 adds: answers to hide, whole questions, cells of a table to mark."""

    answers: set[tuple[str, int]] = field(default_factory=set)
    questions: set[str] = field(default_factory=set)
    cells: dict[tuple[str, str], set[tuple[int, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Number:
    """A number some page shows or hides: the respondents it counts, whether it is hidden,
    the questions it is about, and how rule 3 hides it."""

    mask: int
    hidden: bool
    questions: frozenset[str]
    how: tuple[object, ...]


def _count(mask: int) -> int:
    return mask.bit_count()


def _families(questions: Sequence[QuestionSets]) -> dict[str, int]:
    """Questions tied by skip logic or choice filters that read one another, numbered (one
    number per connected family)."""
    parent = {q.name: q.name for q in questions}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for q in questions:
        for other in q.mentions & parent.keys():
            parent[root(q.name)] = root(other)
    roots = sorted({root(name) for name in parent})
    return {name: roots.index(root(name)) for name in parent}


Key = tuple[object, ...]
Terms = dict[Key, float]


class _Equations:
    """A reader's knowledge of one or more tables: the unknowns are their cells (for a
    ``select_multiple`` question, its ticks, its respondents and its silent ones per column),
    less those known to be empty; each number shown is an equation (a sum of cells); ``follows``
    tells a small hidden number that is a combination of them."""

    def __init__(self, cells: dict[Key, int], known_empty: set[Key]) -> None:
        self.cells = cells
        keys = [key for key, n in cells.items() if n or key not in known_empty]
        self.index = {key: i for i, key in enumerate(keys)}
        self.known: list[np.ndarray] = []

    def vector(self, terms: Terms | Iterable[Key]) -> np.ndarray:
        row = np.zeros(len(self.index))
        for key, weight in (terms if isinstance(terms, dict) else dict.fromkeys(terms, 1)).items():
            if key in self.index:
                row[self.index[key]] += weight
        return row

    def shown(self, terms: Terms | Iterable[Key]) -> None:
        self.known.append(self.vector(terms))

    def follows(self, targets: Sequence[Iterable[Key]]) -> int | None:
        """The index of the first target the equations give exactly, or None."""
        if not self.index or not targets:
            return None
        basis = np.zeros((0, len(self.index)))
        if self.known:
            _u, singular, vt = np.linalg.svd(np.array(self.known), full_matrices=False)
            basis = vt[: int((singular > 1e-9 * max(singular.max(), 1)).sum())]
        for n, keys in enumerate(targets):
            target = self.vector(keys)
            if not target.any() or np.linalg.norm(target - basis.T @ (basis @ target)) < 1e-6:
                return n
        return None


@dataclass(frozen=True)
class _Relation:
    """Skip logic that makes ``question`` answered by exactly the respondents in some lines of
    ``other`` (several answers, or "did not answer"; for a ``select_multiple`` other, the
    lines of one answer ``tick``: ticked, answered without it, did not answer): ``lines``."""

    question: str
    other: str
    lines: frozenset[int | str]
    tick: int = 0


class SurveySuppression:
    """The masks of every results page of one survey (rules at the top of this module)."""

    def __init__(self, questions: Sequence[QuestionSets], respondents: int, k: int) -> None:
        self.k = k
        self.everyone = (1 << respondents) - 1
        self.questions = {q.name: q for q in questions}
        self._order = {q.name: i for i, q in enumerate(questions)}
        self._family = _families(questions)
        self._all_pairs = self._pairs()
        self._relations = self._find_relations()
        forced = _Forced()
        while True:
            self.one_way = {q.name: self._one_way(q, forced) for q in questions}
            self.blocks: dict[tuple[str, str], _Block] = {}
            for component in self._components():  # tables checked together
                self.blocks |= self._blocks(component, forced)
            if not (self._answered_alike(forced) | self._same_people(forced)):
                break

    def _small(self, n: int) -> bool:
        return 0 < n < self.k

    # -- rule 1 --------------------------------------------------------------------------------

    def _one_way(self, q: QuestionSets, forced: _Forced) -> _OneWay:
        counts = [_count(mask) for mask in q.choices]
        if _count(q.answered) < self.k or q.name in forced.questions:
            protects = [not self._small(n) for n in counts]
            return _OneWay([True] * len(counts), protects, True)
        hidden = [self._small(n) for n in counts]
        protects = [False] * len(counts)
        for name, i in forced.answers:
            if name == q.name and not hidden[i]:
                hidden[i] = protects[i] = True
        if not q.multiple and sum(hidden) == 1:
            shown = [i for i in range(len(counts)) if not hidden[i]]
            partner = min(shown, key=lambda i: (counts[i] == 0, counts[i], i))
            hidden[partner] = protects[partner] = True
        return _OneWay(hidden, protects, False)

    # -- skip logic that answers a question by several answers of another ---------------------

    def _categories(self, other: QuestionSets, tick: int) -> dict[int | str, int]:
        """The lines of ``other`` that split its respondents: its answers and "did not
        answer"; for a ``select_multiple`` one, answer ``tick``'s ticked / not / silent."""
        if not other.multiple:
            return {i: self._mask(other, i) for i in [*range(len(other.choices)), NONE]}
        ticked = other.choices[tick]
        return {"t": ticked, "u": other.answered & ~ticked, "e": self._mask(other, NONE)}

    def _find_relations(self) -> list[_Relation]:
        """Every question answered by exactly a union of lines of a tied question, beyond those
        rule 3 sees: one answer shown on its own, or everyone who answered the other."""
        relations = []
        for q in self.questions.values():
            if not q.answered:
                continue
            for other in self.questions.values():
                if other.name == q.name or self._family[other.name] != self._family[q.name]:
                    continue
                for tick in range(len(other.choices)) if other.multiple else [0]:
                    lines = {i: m for i, m in self._categories(other, tick).items() if m}
                    inside = frozenset(i for i, mask in lines.items() if mask & ~q.answered == 0)
                    covered = 0
                    for i in inside:
                        covered |= lines[i]
                    answered = {i for i in lines if i not in (NONE, "e")}
                    one = len(inside) == 1 and not inside & {NONE, "u", "e"}
                    seen = one or inside == answered  # a number some page shows
                    if covered == q.answered and inside != lines.keys() and not seen:
                        relations.append(_Relation(q.name, other.name, inside, tick))
        return relations

    def _answered_alike(self, forced: _Forced) -> bool:
        """A question's respondents, answered by several answers of another, must not give
        away one of that other's hidden answers: the question is hidden whole if they would.
        True when something was added."""
        added = False
        for relation in self._relations:
            if self.one_way[relation.question].question_hidden:
                continue
            other = self.questions[relation.other]
            one = self.one_way[other.name]
            lines = self._categories(other, relation.tick)
            cells: dict[Key, int] = {(i,): _count(mask) for i, mask in lines.items()}
            answers = [relation.tick] if other.multiple else list(range(len(other.choices)))
            hidden = [i for i in answers if one.hidden[i]]
            name = (lambda i: ("t",)) if other.multiple else (lambda i: (i,))
            equations = _Equations(cells, set())
            equations.shown(list(cells))  # everyone
            equations.shown([(NONE,)] if not other.multiple else [("e",)])
            equations.shown([("t",), ("u",)] if other.multiple else [name(i) for i in hidden])
            for i in range(len(other.choices)) if not other.multiple else [relation.tick]:
                if not one.hidden[i]:
                    equations.shown([name(i)])
            equations.shown([(line,) for line in relation.lines])  # the question's respondents
            targets = [[name(i)] for i in hidden if self._small(_count(other.choices[i]))]
            if equations.follows(targets) is not None:
                forced.questions.add(relation.question)
                added = True
        return added

    # -- rule 2 --------------------------------------------------------------------------------

    def _pairs(self) -> list[tuple[str, str]]:
        """(rows, columns) of every table: each question by each question that makes groups;
        two that both make groups share one table, rows the first in form order."""
        pairs = []
        for q in self.questions.values():
            for b in self.questions.values():
                if not b.groups or b.name == q.name:
                    continue
                if q.groups and self._order[b.name] < self._order[q.name]:
                    continue
                pairs.append((q.name, b.name))
        return pairs

    def _components(self) -> list[list[tuple[str, str]]]:
        """The tables to check together: those of one grouping question whose row questions a
        relation (``_find_relations``) ties; most stand alone."""
        joined = {pair: [pair] for pair in self._all_pairs}
        for relation in self._relations:
            for by in self.questions.values():
                one = self._pair(relation.question, by.name)
                two = self._pair(relation.other, by.name)
                if one in joined and two in joined and joined[one] is not joined[two]:
                    merged = joined[one] + joined[two]
                    for pair in merged:
                        joined[pair] = merged
        seen: list[list[tuple[str, str]]] = []
        for group in joined.values():
            if not any(group is other for other in seen):
                seen.append(group)
        return seen

    def _pair(self, question: str, by: str) -> tuple[str, str]:
        """The key of the table of these two questions (either way round)."""
        return (question, by) if (question, by) in self._all_pairs else (by, question)

    def _mask(self, q: QuestionSets, i: int) -> int:
        return self.everyone & ~q.answered if i == NONE else q.choices[i]

    def _lines(self, q: QuestionSets) -> list[int]:
        """Answers shown (by rule 1), then "did not answer"."""
        hidden = self.one_way[q.name].hidden
        return [i for i in range(len(q.choices)) if not hidden[i]] + [NONE]

    def _marked(
        self, pair: tuple[str, str], forced: set[tuple[int, int]]
    ) -> tuple[set[int], set[int]]:
        """The rows and columns of a table holding a small number, each with a partner."""
        q, b = self.questions[pair[0]], self.questions[pair[1]]
        rows, cols = self._lines(q), self._lines(b)
        if self.one_way[q.name].question_hidden or self.one_way[b.name].question_hidden:
            return set(rows), set(cols)
        small = set(forced)
        for j in cols[:-1]:
            small |= {(i, j) for i in rows[:-1] if self._small(_count(q.choices[i] & b.choices[j]))}
            if self._small(_count(q.answered & b.choices[j])):
                small.add((NONE, j))  # group j's size on "Q by B"
        if q.groups:
            sizes = {i: _count(b.answered & q.choices[i]) for i in rows[:-1]}
            small |= {(i, NONE) for i, n in sizes.items() if self._small(n)}  # on "B by Q"
        marked_rows = {i for i, _j in small}
        marked_cols = {j for _i, j in small}
        if small and len(marked_rows) == 1 and not q.multiple:
            self._mark_next(marked_rows, rows, q)
        if small and len(marked_cols) == 1:
            self._mark_next(marked_cols, cols, b)
        return marked_rows, marked_cols

    def _mark_next(self, marked: set[int], lines: list[int], q: QuestionSets) -> None:
        people = {i: _count(self._mask(q, i)) for i in lines if i not in marked}
        eligible = [i for i, n in people.items() if n > 0]
        if eligible:
            marked.add(min(eligible, key=lambda i: (people[i], i == NONE, i)))

    def _blocks(
        self, component: list[tuple[str, str]], forced: _Forced
    ) -> dict[tuple[str, str], _Block]:
        """Rule 2 for tables checked together: mark, then attack and mark more until no small
        hidden number follows from the numbers shown."""
        marks = {pair: self._marked(pair, forced.cells.get(pair, set())) for pair in component}

        def blocks(
            extra: tuple[tuple[str, str], int, int] | None = None,
        ) -> dict[tuple[str, str], _Block]:
            out = {}
            for pair, (rows, cols) in marks.items():
                rows, cols = set(rows), set(cols)
                if extra and extra[0] == pair:
                    (rows if extra[1] == 0 else cols).add(extra[2])
                out[pair] = _Block(frozenset(rows), frozenset(cols))
            return out

        while True:
            equations, targets = self._attack(component, blocks())
            found = equations.follows(targets)
            if found is None:
                break
            goal = targets[found]
            candidates = []
            for pair in component:
                for side, owner in enumerate(pair):
                    question = self.questions[owner]
                    for line in self._lines(question):
                        people = _count(self._mask(question, line))
                        if line not in marks[pair][side] and people:
                            candidates.append((people, line == NONE, line, side, pair))
            if not candidates:
                break
            candidates.sort(key=lambda c: c[:4])
            choice = candidates[0]
            for candidate in candidates:
                *_key, side, pair = candidate
                trial = self._attack(component, blocks((pair, side, candidate[2])))[0]
                if trial.follows([goal]) is None:
                    choice = candidate
                    break
            marks[choice[4]][choice[3]].add(choice[2])
        return blocks()

    def _attack(
        self, component: list[tuple[str, str]], blocks: dict[tuple[str, str], _Block]
    ) -> tuple[_Equations, list[list[Key]]]:
        """What a reader knows of these tables and of the skip logic that ties them, and the
        small numbers the pages hide."""
        cells: dict[Key, int] = {}
        empty: set[Key] = set()
        shown: list[Terms | list[Key]] = []
        targets: list[list[Key]] = []
        for pair in component:
            table = self._table(*pair, blocks[pair])
            cells |= table[0]
            empty |= table[1]
            shown += table[2]
            targets += table[3]
        for relation in self._relations:
            for pair in component:
                if (
                    relation.question != pair[0]
                    or self._pair(relation.other, pair[1]) not in blocks
                ):
                    continue
                other = self._pair(relation.other, pair[1])
                for c in [*range(len(self.questions[pair[1]].choices)), NONE]:
                    same: Terms = dict.fromkeys(self._answered_keys(pair, c), 1.0)
                    for key, weight in self._line_terms(other, relation, c).items():
                        same[key] = same.get(key, 0) - weight
                    shown.append(same)  # the skip logic: both sides count the same people
        equations = _Equations(cells, empty)
        for terms in shown:
            equations.shown(terms)
        return equations, targets

    def _answered_keys(self, pair: tuple[str, str], c: int) -> list[Key]:
        q = self.questions[pair[0]]
        if q.multiple:
            return [(pair, "a", c)]
        return [(pair, i, c) for i in range(len(q.choices))]

    def _line_terms(self, pair: tuple[str, str], relation: _Relation, c: int) -> Terms:
        """The cells, in column ``c`` of the grouping question, of ``relation``'s lines of its
        other question, in ``pair``'s table."""
        other = self.questions[relation.other]
        if other.multiple:
            t, a, e = (pair, "t", relation.tick, c), (pair, "a", c), (pair, "e", c)
            parts: dict[int | str, Terms] = {"t": {t: 1}, "u": {a: 1, t: -1}, "e": {e: 1}}
            terms: Terms = {}
            for line in relation.lines:
                for key, weight in parts[line].items():
                    terms[key] = terms.get(key, 0) + weight
            return terms
        if pair[0] == relation.other:
            return {(pair, line, c): 1.0 for line in relation.lines}
        return {(pair, c, line): 1.0 for line in relation.lines}

    def _table(
        self, row_name: str, col_name: str, block: _Block
    ) -> tuple[dict[Key, int], set[Key], list[list[Key]], list[list[Key]]]:
        """One table of ``row_name`` by ``col_name`` (and the other way when ``row_name``
        makes groups): its cells, those known empty, the numbers shown, the small hidden ones.
        """
        q, b = self.questions[row_name], self.questions[col_name]
        pair = (row_name, col_name)
        q1, b1 = self.one_way[q.name], self.one_way[b.name]
        answers_q, answers_b = range(len(q.choices)), range(len(b.choices))
        columns = [*answers_b, NONE]
        cells: dict[Key, int] = {}
        if q.multiple:  # unknowns: ticks of each answer, respondents, silent ones, per column
            for c in columns:
                group = self._mask(b, c)
                cells |= {(pair, "t", i, c): _count(q.choices[i] & group) for i in answers_q}
                cells[(pair, "a", c)] = _count(q.answered & group)
                cells[(pair, "e", c)] = _count(self._mask(q, NONE) & group)

            def row(i: int) -> list[Key]:
                if i == NONE:
                    return [(pair, "e", c) for c in columns]
                return [(pair, "t", i, c) for c in columns]

            def column(c: int) -> list[Key]:
                return [(pair, "a", c), (pair, "e", c)]

            def size(c: int) -> list[Key]:
                return [(pair, "a", c)]

            def cell(i: int, c: int) -> list[Key]:
                return [(pair, "t", i, c)]

            totals = [row(i) for i in answers_q if not q1.hidden[i]]
            totals += [[(pair, "a", c) for c in columns], row(NONE)]
        else:
            lines = [*answers_q, NONE]
            cells = {
                (pair, i, c): _count(self._mask(q, i) & self._mask(b, c))
                for i in lines
                for c in columns
            }

            def row(i: int) -> list[Key]:
                return [(pair, i, c) for c in columns]

            def column(c: int) -> list[Key]:
                return [(pair, i, c) for i in lines]

            def size(c: int) -> list[Key]:
                return [(pair, i, c) for i in answers_q]

            def cell(i: int, c: int) -> list[Key]:
                return [(pair, i, c)]

            hidden_rows = [key for i in answers_q if q1.hidden[i] for key in row(i)]
            totals = [row(i) for i in lines if i == NONE or not q1.hidden[i]] + [hidden_rows]
        hidden_cols = [key for c in answers_b if b1.hidden[c] for key in column(c)]
        totals += [column(c) for c in columns if c == NONE or not b1.hidden[c]] + [hidden_cols]
        # nobody in a cell of two tied questions, or in "did not answer" of a question asked
        # of everyone and required, may be the form's doing, known to everyone
        if self._family[q.name] == self._family[b.name]:
            empty = set(cells)
        else:
            empty = set(row(NONE)) if q.always else set()
            empty |= set(column(NONE)) if b.always else set()
        shown: list[list[Key]] = list(totals)
        targets: list[list[Key]] = []

        def note(keys: list[Key], hidden: bool) -> None:
            if not hidden:
                shown.append(keys)
            elif self._small(sum(cells[key] for key in keys)):
                targets.append(keys)

        for c in answers_b:  # "Q by B"
            whole = b1.hidden[c] or (NONE, c) in block
            note(size(c), whole)
            for i in answers_q:
                note(cell(i, c), whole or q1.hidden[i] or (i, c) in block)
        if q.groups:  # "B by Q"
            for i in answers_q:
                whole = q1.hidden[i] or (i, NONE) in block
                note([(pair, i, c) for c in answers_b], whole)
                for c in answers_b:
                    note(cell(i, c), whole or b1.hidden[c] or (i, c) in block)
        targets += [row(i) for i in answers_q if q1.hidden[i] and self._small(_count(q.choices[i]))]
        targets += [
            column(c) for c in answers_b if b1.hidden[c] and self._small(_count(b.choices[c]))
        ]
        return cells, empty, shown, targets

    # -- rule 3 --------------------------------------------------------------------------------

    def _numbers(self) -> list[_Number]:
        """Every number of every page."""
        numbers: list[_Number] = []
        for q in self.questions.values():
            one, alone = self.one_way[q.name], frozenset({q.name})
            numbers.append(_Number(q.answered, one.question_hidden, alone, ("question", q.name)))
            numbers += [
                _Number(mask, one.hidden[i], alone, ("answer", q.name, i))
                for i, mask in enumerate(q.choices)
            ]
        for pair, block in self.blocks.items():
            q, b = self.questions[pair[0]], self.questions[pair[1]]
            q1, b1 = self.one_way[pair[0]], self.one_way[pair[1]]
            both = frozenset(pair)
            for j, b_mask in enumerate(b.choices):
                whole = b1.hidden[j] or (NONE, j) in block  # group j on "Q by B"
                numbers.append(_Number(q.answered & b_mask, whole, both, ("cell", pair, NONE, j)))
                for i, q_mask in enumerate(q.choices):
                    # shown on "Q by B" in group j, and on "B by Q" in group i
                    unseen = whole and (not q.groups or q1.hidden[i] or (i, NONE) in block)
                    hidden = q1.hidden[i] or b1.hidden[j] or (i, j) in block or unseen
                    numbers.append(_Number(q_mask & b_mask, hidden, both, ("cell", pair, i, j)))
            if q.groups:
                for i, q_mask in enumerate(q.choices):
                    hidden = q1.hidden[i] or (i, NONE) in block  # group i on "B by Q"
                    numbers.append(
                        _Number(b.answered & q_mask, hidden, both, ("cell", pair, i, NONE))
                    )
        return numbers

    def _tied(self, one: frozenset[str], other: frozenset[str]) -> bool:
        """Whether skip logic or a choice filter may make numbers about these questions count
        the same people: a question only one of them is about is in the family of a question
        only the other is about (or, when one is about more questions than the other, of one
        of the other's)."""
        first, second = one - other, other - one
        if not first or not second:
            first, second = (first or second), one & other
        return any(self._family[a] == self._family[c] for a in first for c in second)

    def _same_people(self, forced: _Forced) -> bool:
        """Rule 3: hide each number shown that counts the same people as a hidden number of
        tied questions; True when something was added."""
        numbers = self._numbers()
        hidden: dict[int, list[frozenset[str]]] = {}
        for number in numbers:
            if number.hidden and number.mask:
                hidden.setdefault(number.mask, []).append(number.questions)
        added = False
        for number in numbers:
            twins = [] if number.hidden else hidden.get(number.mask, [])
            if not any(self._tied(number.questions, other) for other in twins):
                continue
            added = True
            kind, *where = number.how
            if kind == "question":
                forced.questions.add(str(where[0]))
            elif kind == "answer":
                forced.answers.add((str(where[0]), int(str(where[1]))))
            else:
                pair, i, j = where
                forced.cells.setdefault(pair, set()).add((i, j))  # type: ignore[arg-type]
        return added

    # -- pages ---------------------------------------------------------------------------------

    def page(self, question: str, by: str | None) -> Suppression:
        """The masks of ``question`` alone (``by`` None) or grouped by ``by`` (a question that
        makes groups): row 0 is everyone, then a row per answer of ``by``."""
        q, one = self.questions[question], self.one_way[question]
        group_hidden, group_protects = [one.question_hidden], [False]
        cell_hidden, cell_protects = [list(one.hidden)], [list(one.protects)]
        if by is None:
            return Suppression(group_hidden, group_protects, cell_hidden, cell_protects)
        b, by_one = self.questions[by], self.one_way[by]
        if by == question:
            block = _Block()
        elif (question, by) in self.blocks:
            block = self.blocks[(question, by)]
        else:
            block = self.blocks[(by, question)].transposed()
        for j, b_mask in enumerate(b.choices):
            size = _count(q.answered & b_mask)
            whole = by_one.hidden[j] or (NONE, j) in block
            group_hidden.append(whole)
            group_protects.append(by_one.protects[j] if by_one.hidden[j] else not self._small(size))
            hidden, protects = [], []
            for i, q_mask in enumerate(q.choices):
                hide = whole or one.hidden[i] or (i, j) in block
                hidden.append(hide)
                protects.append(hide and not self._small(_count(q_mask & b_mask)))
            cell_hidden.append(hidden)
            cell_protects.append(protects)
        return Suppression(group_hidden, group_protects, cell_hidden, cell_protects)
