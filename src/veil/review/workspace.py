"""The server's working state: one project, one pipeline, a background worker and progress.

An upload is stored in the project (the vault) and processed by a single background worker thread (the
models are loaded once and are not shared between threads), which reports progress in characters so an
HTMX-polled bar can show it. What detection found is kept in memory, per testimony, so that each
reviewer's decision rebuilds the analysis in milliseconds (see :mod:`veil.review.decisions`). Failures
become a stable error code and a safe message on the testimony, never a traceback.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from django.db import close_old_connections

from veil.errors import VeilError
from veil.pipeline import Analysis, Pipeline
from veil.reading import Document
from veil.review.decisions import Detected, Missed, Verdict, protected_text, rebuild
from veil.review.models import Status, Testimony
from veil.review.project import ReviewProject

log = logging.getLogger("veil.review")


@dataclass
class Progress:
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0


class Workspace:
    """Everything a running server shares: the project, the pipeline and what detection found."""

    def __init__(self, project: ReviewProject) -> None:
        self.project = project
        self.pipeline = Pipeline(project.settings, project.memory)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veil-worker")
        self._lock = threading.RLock()
        # Models are not shared between threads: detection runs under this lock, whichever thread runs it.
        self._models = threading.Lock()
        self._detected: dict[int, Detected] = {}
        self._progress: dict[int, Progress] = {}

    # -- processing -----------------------------------------------------------------------------------

    def submit(self, testimony_id: int, name: str, data: bytes) -> Future[None]:
        """Keep the original in the project and process it in the background."""
        self.project.keep_original(str(testimony_id), name, data)
        with self._lock:
            self._progress[testimony_id] = Progress()
        return self._worker.submit(self._process, testimony_id)

    def progress(self, testimony_id: int) -> Progress:
        with self._lock:
            return self._progress.get(testimony_id, Progress())

    def _process(self, testimony_id: int) -> None:
        try:
            self._detect(testimony_id)
            testimony = Testimony.objects.get(pk=testimony_id)
            analysis = self.analysis(testimony)
            if analysis is not None:
                self.save_protected(testimony, analysis, status=str(Status.REVIEW))
        except VeilError as error:
            Testimony.objects.filter(pk=testimony_id).update(
                status=Status.FAILED, error=f"[{error.code}] {error.message}"
            )
        except Exception as error:
            log.error("processing testimony %s failed: %s", testimony_id, type(error).__name__)
            Testimony.objects.filter(pk=testimony_id).update(
                status=Status.FAILED, error="[internal] unexpected failure"
            )
        finally:
            close_old_connections()

    def _detect(self, testimony_id: int) -> Detected | None:
        document = self.project.open_original(str(testimony_id))
        if document is None:
            return None
        progress = self.progress(testimony_id)
        progress.total = sum(len(unit.text) for unit in document.units())

        def advance(characters: int) -> None:
            progress.done += characters

        with self._models:
            detections, languages = self.pipeline.detect(document, progress=advance)
        detected = Detected(document, detections, languages)
        with self._lock:
            self._detected[testimony_id] = detected
        return detected

    # -- review ---------------------------------------------------------------------------------------

    def analysis(self, testimony: Testimony) -> Analysis | None:
        """The testimony's analysis with every reviewer decision applied; None without the original."""
        with self._lock:
            detected = self._detected.get(int(testimony.pk))
        if detected is None:
            detected = self._detect(int(testimony.pk))
            if detected is None:
                return None
        missed = [Missed(a.start, a.end, a.kind) for a in testimony.added_spans.all()]
        verdicts = [Verdict((c.anchor_start, c.anchor_end), c.verdict, c.replacement) for c in testimony.changes.all()]
        return rebuild(self.pipeline, detected, missed, verdicts)

    def original(self, testimony_id: int) -> Document | None:
        with self._lock:
            detected = self._detected.get(testimony_id)
        return detected.document if detected else self.project.open_original(str(testimony_id))

    def save_protected(self, testimony: Testimony, analysis: Analysis, status: str | None = None) -> None:
        """Store the protected text (what the archive searches) after a change."""
        testimony.protected_text = protected_text(analysis)
        testimony.language = analysis.lang
        fields = ["protected_text", "language", "updated_at"]
        if status:
            testimony.status = status
            fields.append("status")
        testimony.save(update_fields=fields)

    def forget(self, testimony_id: int) -> None:
        with self._lock:
            self._detected.pop(testimony_id, None)
            self._progress.pop(testimony_id, None)
        self.project.forget(str(testimony_id))

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)


_current: Workspace | None = None


def install(workspace: Workspace) -> None:
    """Make ``workspace`` the one the views use (done once, when the server starts)."""
    global _current
    _current = workspace


def current() -> Workspace:
    if _current is None:
        raise RuntimeError("the review server has no workspace; start it with `veil serve`")
    return _current
