"""Which yearly fact counts for a given year: pure, no Django.

Rules held here:

- A place's facts are known by year, each figure possibly missing (None). The figure that counts
  "as of" a year is the latest known one up to that year: the index of 2023 compares places by
  their 2023 facts, or the latest earlier ones.
- A place known only by later facts still gets a figure: the latest at all, so that a new member
  with only this year's census is not left out of every peer group.
- ``year`` None means "today": the latest known figure.
"""

from collections.abc import Iterable

# A place's yearly figures and their sources, in the order files and report keys list them.
FACT_FIELDS: tuple[str, ...] = (
    "population",
    "population_source",
    "foreign_born_pct",
    "foreign_born_source",
    "non_nationals_pct",
    "non_nationals_source",
    "approximate",
)


def fact_as_of(facts: Iterable[tuple[int, float | None]], year: int | None) -> float | None:
    """The figure that counts in ``year`` among ``(year, figure)`` pairs (see the rules above);
    None when no figure is known.

    ``fact_as_of([(2019, 10.0), (2022, 12.0), (2024, 13.0)], 2023)`` is ``12.0``;
    with ``year=2018`` it is ``13.0`` (nothing up to 2018: the latest at all).
    """
    known = sorted((fact_year, value) for fact_year, value in facts if value is not None)
    if not known:
        return None
    up_to = [value for fact_year, value in known if year is None or fact_year <= year]
    return up_to[-1] if up_to else known[-1][1]
