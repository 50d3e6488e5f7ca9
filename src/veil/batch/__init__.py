"""Batch runs over whole archives: many workers, one vault writer, resumable (``veil batch``).

:func:`run_batch` protects every supported file under a folder into the same relative paths under
another, with the workers' half (read, detect, link) on a Dask cluster and the deciding and writing in
this process, in a fixed order, against the project's vault. See ``docs/batch.md``.
"""

from __future__ import annotations

from veil.batch.runner import BatchEvents, BatchOptions, BatchSummary, Failed, run_batch

__all__ = ["BatchEvents", "BatchOptions", "BatchSummary", "Failed", "run_batch"]
