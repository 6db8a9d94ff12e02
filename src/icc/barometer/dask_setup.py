"""The barometer's Dask worker plugin: what each worker does once before classifying."""

from __future__ import annotations

from distributed import Worker, WorkerPlugin

from icc.barometer.pipeline import allocator_tune


class WorkerSetup(WorkerPlugin):
    """Tunes the allocator of each worker, present and future (``pipeline.allocator_tune``)."""

    name = "icc-barometer-setup"

    def setup(self, worker: Worker) -> None:
        allocator_tune()
