"""Which counts of a results table are hidden, so that no hidden count can be worked out from
what is shown. Pure: plain numbers in, masks out; no Django.

The table of one question: a row per group of respondents (the first row is everyone), a column
per choice, and each row's number of respondents. Rules:

1. Primary: a group with fewer than ``k`` respondents is hidden whole (its size too); in a group
   shown, a cell of 1 to k − 1 people is hidden.
2. Secondary (complementary): a hidden number must not be the only hidden one of a sum that can
   be worked out, or subtraction gives it back. The sums a reader knows:
   - within a group of a ``select_one`` question, its respondents are the sum of its cells;
   - the groups' sizes add up to everyone's (when every respondent is in a group: those who
     did not answer the grouping question make up the difference, and they may be none);
   - for each choice, the groups' cells add up to everyone's cell (the same way).
   So while a row (group) or a column (choice, or the groups' sizes) has exactly one hidden
   number, the smallest number shown beside it (fewest people; the first in form order on a
   tie) is hidden too, and the rule runs again until no sum has exactly one hidden number.
   In a column the number chosen is a group's, never everyone's: everyone's numbers are the
   ones people come for.
3. A number hidden by rule 2 says so (``protects``): it is not small, it protects a small one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Suppression:
    """``group_hidden[g]`` and ``cell_hidden[g][c]`` (row 0 is everyone); ``*_protects`` marks
    what rule 2 hid."""

    group_hidden: list[bool]
    group_protects: list[bool]
    cell_hidden: list[list[bool]]
    cell_protects: list[list[bool]]

    def row(self, g: int) -> tuple[bool, bool, list[bool], list[bool]]:
        """Group ``g``: hidden, hidden by rule 2, its cells hidden, its cells hidden by rule 2."""
        return (
            self.group_hidden[g], self.group_protects[g], self.cell_hidden[g],
            self.cell_protects[g],
        )  # fmt: skip


def suppress(sizes: list[int], cells: list[list[int]], k: int, *, rows_add_up: bool) -> Suppression:
    """The masks for a table of ``sizes[g]`` respondents and ``cells[g][c]`` counts (row 0 is
    everyone, the others its groups); ``rows_add_up`` for a ``select_one`` question."""
    groups = len(sizes)
    choices = len(cells[0]) if cells else 0
    group_hidden = [size < k for size in sizes]
    group_protects = [False] * groups
    hidden = [
        [group_hidden[g] or 0 < cells[g][c] < k for c in range(choices)] for g in range(groups)
    ]
    protects = [[False] * choices for _ in range(groups)]

    def hide_smallest_group(candidates: list[int]) -> bool:
        if not candidates:
            return False
        g = min(candidates, key=lambda i: (sizes[i], i))
        group_hidden[g] = group_protects[g] = True
        for c in range(choices):
            if not hidden[g][c]:
                hidden[g][c] = protects[g][c] = True
        return True

    changed = True
    while changed:
        changed = False
        shown_groups = [g for g in range(1, groups) if not group_hidden[g]]
        if groups > 1 and not group_hidden[0] and sum(group_hidden[1:]) == 1:
            changed |= hide_smallest_group(shown_groups)
        for g in range(groups):
            if group_hidden[g] or not rows_add_up:
                continue
            open_cells = [c for c in range(choices) if not hidden[g][c]]
            if sum(hidden[g]) == 1 and open_cells:
                c = min(open_cells, key=lambda i: (cells[g][i], i))
                hidden[g][c] = protects[g][c] = True
                changed = True
        if groups > 1 and not group_hidden[0]:
            for c in range(choices):
                column = [hidden[g][c] for g in range(groups)]
                open_rows = [g for g in range(1, groups) if not hidden[g][c]]
                if sum(column) == 1 and open_rows:
                    g = min(open_rows, key=lambda i: (cells[i][c], i))
                    hidden[g][c] = protects[g][c] = True
                    changed = True
    return Suppression(group_hidden, group_protects, hidden, protects)
