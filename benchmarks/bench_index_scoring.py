"""Benchmark of the index scoring core against the cheapest possible computation ("floor").

Run: ``python benchmarks/bench_index_scoring.py``. Synthetic data, fixed seed; best of 3 runs.

- Scoring: 100,000 places x 300 questions in 16 indicators, ~10 % unanswered. Floor: one weighted
  sum ``np.nan_to_num(points) @ w`` over the same matrix, the least any scoring must do (read every
  answer once, with missing answers handled).
- Monte Carlo: ``rank_uncertainty`` with its defaults (1,000 draws of indicator and question
  weights, half of them geometric) for 141 places x 300 questions. Floor: the 1,000 weighted sums
  alone, ``np.nan_to_num(points) @ W`` with one weight column per draw: the arithmetic every draw
  needs before any aggregation, ranking or percentile.
- Sobol: ``sobol_indices`` with n_base=256 (256 x (17 factors + 2) = 4,864 model runs) on the
  same 141 places, for the record (SALib's bootstrap of the confidence intervals included).

Small matrix products are sensitive to BLAS threading on machines with few or shared cores: the
last line says how many CPUs there were; pin threads with ``OPENBLAS_NUM_THREADS`` to compare.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# The path above makes a plain checkout runnable, installed or not.
from icc.index.scoring import (
    Indicator,
    MethodSpec,
    Question,
    rank_uncertainty,
    score,
    sobol_indices,
)

SEED = 20_231_018
N_INDICATORS = 16
N_QUESTIONS = 300
MISSING_SHARE = 0.10


def synthetic(n_places: int, rng: np.random.Generator) -> tuple[MethodSpec, NDArray[np.float64]]:
    """A spec of 16 indicators x 300 questions (60 % core) and points on a 0/25/50/75/100 scale."""
    spec = MethodSpec(
        indicators=tuple(
            Indicator(f"I{i:02d}", float(rng.uniform(0.5, 2))) for i in range(N_INDICATORS)
        ),
        questions=tuple(
            Question(
                f"Q{j:03d}",
                f"I{j % N_INDICATORS:02d}",
                float(rng.uniform(0.5, 2)),
                "core" if rng.random() < 0.6 else "advanced",
            )
            for j in range(N_QUESTIONS)
        ),
    )
    points = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=(n_places, N_QUESTIONS))
    points[rng.random(points.shape) < MISSING_SHARE] = np.nan
    return spec, points


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Shortest wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = np.random.default_rng(SEED)
    spec, points = synthetic(100_000, rng)
    weights = np.array([question.weight for question in spec.questions])
    floor = best_of(3, lambda: np.nan_to_num(points) @ weights)
    full = best_of(3, lambda: score(points, spec))
    n, q = points.shape
    print(f"index scoring {n}x{q}: {full:.3f} s, floor {floor:.3f} s, ratio {full / floor:.1f}x")

    spec, points = synthetic(141, rng)
    draws = 1000
    draw_weights = weights[:, None] * rng.uniform(0.75, 1.25, (q, draws))
    floor = best_of(3, lambda: np.nan_to_num(points) @ draw_weights)
    full = best_of(3, lambda: rank_uncertainty(points, spec, n_draws=draws, seed=1))
    print(
        f"index monte carlo {draws} draws x {points.shape[0]} places: {full:.3f} s, "
        f"floor {floor:.3f} s, ratio {full / floor:.1f}x"
    )
    only = best_of(
        3, lambda: rank_uncertainty(points, spec, n_draws=draws, question_weight_noise=0, seed=1)
    )
    print(
        f"index monte carlo {draws} draws x {points.shape[0]} places, indicator weights only: "
        f"{only:.3f} s, floor {floor:.3f} s, ratio {only / floor:.1f}x"
    )
    sobol_indices(points, spec, n_base=16, seed=1)  # import SALib and pandas outside the timing
    sobol = best_of(3, lambda: sobol_indices(points, spec, n_base=256, seed=1))
    runs = 256 * (N_INDICATORS + 1 + 2)  # Saltelli: N x (factors + 2), factors = weights + rule
    print(f"index sobol {runs} runs x {points.shape[0]} places: {sobol:.3f} s")
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(f"(numpy {np.__version__}, {os.cpu_count()} CPUs, OPENBLAS_NUM_THREADS={threads})")


if __name__ == "__main__":
    main()
