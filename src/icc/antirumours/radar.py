"""The rumour radar's matching (pure core, NumPy only).

Rules:
- A post counts for at most one rumour: the rumour nearest to it by cosine similarity, and only
  when that similarity is at least ``threshold``. Vectors are L2-normalised, so the cosine is the
  dot product.
- The result is counts per rumour, in the rumours' order. ``radar_examples`` also names, per
  rumour, the few matching posts nearest to it (most similar first), for the city to see what
  was counted.

Shapes: ``rumours`` (R, D), ``posts`` (P, D), both float, rows of unit length.
"""

import numpy as np
import numpy.typing as npt

DEFAULT_THRESHOLD = 0.86


def radar_counts(
    *, rumours: npt.NDArray[np.floating], posts: npt.NDArray[np.floating], threshold: float
) -> list[int]:
    """How many posts match each rumour (see the rules above)."""
    if rumours.ndim != 2 or posts.ndim != 2:
        raise ValueError("Give the rumours and the posts as two-dimensional arrays.")
    if not 0 < threshold <= 1:
        raise ValueError("The threshold is a cosine similarity between 0 and 1.")
    counts = [0] * rumours.shape[0]
    if rumours.shape[0] == 0 or posts.shape[0] == 0:
        return counts
    if rumours.shape[1] != posts.shape[1]:
        raise ValueError("Rumours and posts must have vectors of the same length.")
    similarity = posts @ rumours.T  # (P, R)
    nearest = similarity.argmax(axis=1)
    best = similarity[np.arange(posts.shape[0]), nearest]
    for rumour in nearest[best >= threshold]:
        counts[int(rumour)] += 1
    return counts


def radar_examples(
    *,
    rumours: npt.NDArray[np.floating],
    posts: npt.NDArray[np.floating],
    threshold: float,
    per_rumour: int = 3,
) -> list[list[int]]:
    """For each rumour, the indexes of at most ``per_rumour`` posts that count for it (see the
    rules above), the most similar first."""
    examples: list[list[int]] = [[] for _ in range(rumours.shape[0])]
    if rumours.shape[0] == 0 or posts.shape[0] == 0:
        return examples
    similarity = posts @ rumours.T
    nearest = similarity.argmax(axis=1)
    best = similarity[np.arange(posts.shape[0]), nearest]
    for post in np.argsort(-best, kind="stable"):
        if best[post] < threshold:
            break
        chosen = examples[int(nearest[post])]
        if len(chosen) < per_rumour:
            chosen.append(int(post))
    return examples
