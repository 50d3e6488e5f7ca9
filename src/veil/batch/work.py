"""The workers' half of a batch: read, detect and link one file, and send back what was found.

This is the heavy part of protecting a file and it does not depend on any other file, so it runs on any
worker in any order. It decides nothing: deciding reads and writes the project's memory, and only the
driver that owns the vault does that (see :mod:`veil.batch.runner`). A worker keeps one
:class:`~veil.pipeline.Pipeline` per process, so its models load once per worker, not once per file.

What comes back holds real mentions (the entities), so it travels between processes in memory only and
is never written down. A failure comes back as a stable error code and a message that names the file
and nothing from inside it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from veil.config import Settings
from veil.errors import ErrorCode, VeilError
from veil.findings import Entity
from veil.pipeline import Pipeline


@dataclass(frozen=True)
class FileAnalysis:
    """One file read, detected and linked on a worker: its characters per language and its entities.

    ``worker`` (the process id) and ``pipelines_built`` (pipelines that process has built so far) let the
    driver and the tests see that models load once per worker.
    """

    languages: dict[str, int]
    entities: list[Entity]
    worker: int
    pipelines_built: int

    @property
    def characters(self) -> int:
        return sum(self.languages.values())


@dataclass(frozen=True)
class FileFailure:
    """A file that could not be analysed: a stable error code and a message safe to show."""

    code: str
    message: str


class _PipelineCache:
    """The worker process's pipeline, rebuilt only when a run with other settings arrives."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key = ""
        self._pipeline: Pipeline | None = None
        self.built = 0

    def get(self, settings: Settings) -> Pipeline:
        key = settings.model_dump_json()
        with self._lock:
            if self._pipeline is None or key != self._key:
                self._pipeline = Pipeline(settings)
                self._key = key
                self.built += 1
            return self._pipeline


PIPELINES = _PipelineCache()


def analyze_file(source: str, settings: Settings, lang: str, format_name: str | None) -> FileAnalysis | FileFailure:
    """Read, detect and link ``source`` (a path the worker can read); never raises.

    An unexpected exception is reported by its type only: its message could quote the document.
    """
    try:
        pipeline = PIPELINES.get(settings)
        document = pipeline.read(Path(source), format_name)
        detections, languages = pipeline.detect(document, lang)
        entities = pipeline.link(detections, document, lang)
    except VeilError as error:
        return FileFailure(error.code.value, error.message)
    except MemoryError:
        return FileFailure(ErrorCode.INTERNAL.value, f"{source}: out of memory while analysing it")
    except Exception as error:
        hidden = "details hidden because they may contain document text"
        return FileFailure(ErrorCode.INTERNAL.value, f"{source}: unexpected {type(error).__name__} ({hidden})")
    return FileAnalysis(languages, entities, os.getpid(), PIPELINES.built)


def veil_version() -> str:
    """The Veil version this worker runs (the driver refuses workers that run another)."""
    from veil import __version__

    return __version__


def usage() -> tuple[int, float]:
    """This process's peak resident memory in bytes (Linux and macOS) and the CPU seconds it has used."""
    import resource
    import sys
    import time

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024), time.process_time()
