"""Where the workers' half of a batch runs: a local Dask cluster, an existing one, or this process.

* ``workers >= 1`` and no scheduler: a :class:`dask.distributed.LocalCluster` of that many worker
  processes with one thread each (the models are not thread-parallel, and processes sidestep the GIL).
* a scheduler address (``tcp://host:8786``): an existing Dask cluster, whatever its size; its workers
  must have this version of Veil installed and be able to read the input files at the same paths.
* ``workers == 0``: no cluster, everything in this process (debugging, and the baseline in benchmarks).

Each behaves as an :class:`Executor`: ``submit`` returns a handle whose ``result()`` waits for the
task. A handle may be an argument of a later task: that task gets its result, and on a cluster runs
where the result already is (a file's rendering on the worker that holds its analysis). A handle never
raises for a failure inside the task (the tasks report those themselves); a worker that dies under a
task (killed, out of memory) is reported as ``batch.worker-lost``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import warnings
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from veil import __version__
from veil.batch.work import FileAnalysis, FileFailure, FileRendering, usage, veil_version
from veil.errors import ErrorCode, VeilError

Outcome = FileAnalysis | FileRendering | FileFailure
Task = Callable[..., Outcome]


class Pending(Protocol):
    def result(self) -> Outcome: ...

    def done(self) -> bool:
        """Whether ``result()`` would return without waiting."""
        ...

    def cancel(self) -> None: ...


class Executor(Protocol):
    """Runs analysis tasks somewhere; ``workers`` is how many run at once."""

    workers: int

    def submit(self, task: Task, *args: Any) -> Pending:
        """Run ``task(*args)``; an argument that is a :class:`Pending` of this executor stands for its result."""
        ...

    def usage(self) -> dict[str, tuple[int, float]]:
        """Each worker process's peak resident memory (bytes) and CPU time so far (seconds)."""
        ...


class _Deferred:
    """A task run in this process when its result is asked for."""

    def __init__(self, task: Task, args: tuple[Any, ...]) -> None:
        self._task = task
        self._args = args
        self._outcome: Outcome | None = None

    def result(self) -> Outcome:
        if self._outcome is None:
            args = [arg.result() if isinstance(arg, _Deferred) else arg for arg in self._args]
            self._outcome = self._task(*args)
            self._args = ()
        return self._outcome

    def done(self) -> bool:
        return True  # run on demand: asking for the result never waits on anything else

    def cancel(self) -> None:
        return None


class InProcess:
    workers = 1

    def submit(self, task: Task, *args: Any) -> Pending:
        return _Deferred(task, args)

    def usage(self) -> dict[str, tuple[int, float]]:
        return {"this process": usage()}


class _DaskPending:
    def __init__(self, future: Any, what: str) -> None:
        self._future = future
        self._what = what

    def result(self) -> Outcome:
        try:
            outcome: Outcome = self._future.result()
        except Exception as error:  # KilledWorker, CancelledError, a lost connection to the scheduler
            return FileFailure(
                ErrorCode.WORKER_LOST.value,
                f"{self._what}: the worker working on it was lost ({type(error).__name__}); run again to retry it",
            )
        return outcome

    def done(self) -> bool:
        return bool(self._future.done())

    def cancel(self) -> None:
        self._future.cancel()


class DaskExecutor:
    def __init__(self, client: Any) -> None:
        self.client = client
        self.workers = max(1, len(client.scheduler_info().get("workers", {})))

    def submit(self, task: Task, *args: Any) -> Pending:
        # pure=False: the same file submitted again (a retry) is a new task, not a cached result. A Dask
        # future among the arguments makes Dask pass its result, and prefer the worker that holds it.
        raw = [arg._future if isinstance(arg, _DaskPending) else arg for arg in args]
        what = next((str(arg) for arg in args if isinstance(arg, str)), "task")
        return _DaskPending(self.client.submit(task, *raw, pure=False), what)

    def usage(self) -> dict[str, tuple[int, float]]:
        found: dict[str, tuple[int, float]] = self.client.run(usage)
        return found


def check_versions(client: Any) -> None:
    """Refuse a cluster whose workers run another Veil (or none): their analyses would not fit ours."""
    try:
        versions: dict[str, str] = client.run(veil_version)
    except Exception as error:  # a worker without Veil cannot even load the function
        raise VeilError(
            ErrorCode.USAGE, f"the cluster's workers cannot run Veil ({type(error).__name__}); install Veil there"
        ) from None
    other = sorted({version for version in versions.values() if version != __version__})
    if other:
        raise VeilError(
            ErrorCode.USAGE, f"the cluster's workers run Veil {', '.join(other)}, this is Veil {__version__}"
        )


def _quiet_dask() -> None:
    """Dask logs every worker start and stop at INFO; a batch shows its own progress instead."""
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.ERROR)


DASK_SETTINGS = {
    # Nothing a worker holds may reach its disk: Dask spills task results (here entities, decisions,
    # rendered copies: real mentions) to a temporary folder when a worker's memory fills up. A worker
    # that runs short pauses and, at worst, is restarted (the file is retried) instead.
    "distributed.worker.memory.target": False,
    "distributed.worker.memory.spill": False,
    # Dask's housekeeping, slowed down for long CPU-bound tasks: by default every worker samples its own
    # stack every 10 ms (a profile for the dashboard, which is off) and every process wakes every 20 ms
    # (event-loop health) and every 0.5 s (system monitor). On 2 cores that took about 4 % of each
    # process's CPU, the driver's included; these settings cut it to about 0.5 %.
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing-interval": "1s",
}


@contextlib.contextmanager
def executor(workers: int | None, scheduler: str | None) -> Iterator[Executor]:
    """The executor for these options (see the module docstring), closed when the block ends."""
    if scheduler is None and workers == 0:
        yield InProcess()
        return
    _quiet_dask()
    import dask
    import dask.distributed  # loads Dask's distributed defaults, which the settings below amend

    with dask.config.set(DASK_SETTINGS):
        yield from _dask_executor(workers, scheduler)


def _dask_executor(workers: int | None, scheduler: str | None) -> Iterator[Executor]:
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=30)
        except OSError as error:
            raise VeilError(
                ErrorCode.USAGE, f"cannot reach the Dask scheduler at {scheduler} ({type(error).__name__})"
            ) from None
        with client:
            check_versions(client)
            yield DaskExecutor(client)
        return
    count = workers if workers is not None else (os.cpu_count() or 1)
    # The scheduler's small HTTP server (health checks; the dashboard itself is off) moves to a free port
    # when 8787 is taken, and warns about it: nothing the user needs to know.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
        cluster = LocalCluster(
            n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR,
        )  # fmt: skip
    with cluster, Client(cluster) as client:
        client.wait_for_workers(count)
        yield DaskExecutor(client)
