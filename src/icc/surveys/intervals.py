"""Confidence intervals for shares of respondents. Pure: no Django.

Rules held here:

- A share ``x / n`` gets Wilson's score interval (Wilson 1927), which stays inside [0, 1] and
  behaves with small samples and shares near 0 or 1, unlike the plain ``p ± z·se``.
- A change between two independent samples (a follow-up survey against a diagnosis) is
  ``p_after − p_before`` with Newcombe's hybrid score interval (Newcombe 1998, method 10), built
  from the two Wilson intervals: ``lower = d − sqrt((p_a − l_a)² + (u_b − p_b)²)`` and
  ``upper = d + sqrt((u_a − p_a)² + (p_b − l_b)²)``.
- 95 % intervals: ``z = 1.959963984540054``. ``n = 0`` gives no share and no interval (``None``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float


def wilson(count: int, total: int, z: float = Z95) -> Interval | None:
    """The share ``count / total`` with its Wilson score interval; ``None`` when ``total`` is 0."""
    if total <= 0:
        return None
    if not 0 <= count <= total:
        raise ValueError("A count must lie between 0 and the number of respondents.")
    share = count / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (share + z2 / (2 * total)) / denominator
    half = z * math.sqrt(share * (1 - share) / total + z2 / (4 * total * total)) / denominator
    return Interval(share, max(0.0, centre - half), min(1.0, centre + half))


def newcombe_difference(
    count_after: int, total_after: int, count_before: int, total_before: int, z: float = Z95
) -> Interval | None:
    """``after − before`` share with Newcombe's hybrid score interval; ``None`` when either
    sample is empty."""
    after = wilson(count_after, total_after, z)
    before = wilson(count_before, total_before, z)
    if after is None or before is None:
        return None
    difference = after.estimate - before.estimate
    low = difference - math.sqrt(
        (after.estimate - after.low) ** 2 + (before.high - before.estimate) ** 2
    )
    high = difference + math.sqrt(
        (after.high - after.estimate) ** 2 + (before.estimate - before.low) ** 2
    )
    return Interval(difference, low, high)
