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
from veil.reading import format_for
from veil.review.decisions import Detected, Missed, Verdict, protected_text, rebuild
from veil.review.models import Status, Testimony, Version
from veil.review.project import ProjectDocument, ReviewProject

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
        # Recording a document in the project and adopting the project's documents into the archive must
        # not interleave, or the archive would adopt a document the app itself is recording.
        self._recording = threading.Lock()
        self._detected: dict[int, Detected] = {}
        self._progress: dict[int, Progress] = {}

    # -- processing -----------------------------------------------------------------------------------

    def submit(self, testimony_id: int, name: str, data: bytes, actor: str) -> Future[None]:
        """Hold the original and process it in the background; the project then seals it."""
        self.project.keep_original(str(testimony_id), name, data)
        with self._lock:
            self._progress[testimony_id] = Progress()
        return self._worker.submit(self._process, testimony_id, actor)

    def progress(self, testimony_id: int) -> Progress:
        with self._lock:
            return self._progress.get(testimony_id, Progress())

    def _process(self, testimony_id: int, actor: str) -> None:
        try:
            self._detect(testimony_id, None, actor)
            testimony = Testimony.objects.get(pk=testimony_id)
            analysis = self.analysis(testimony, actor)
            if analysis is not None:
                self.record(testimony, analysis, actor)
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

    def _detect(self, testimony_id: int, document_id: int | None, actor: str) -> Detected | None:
        document = self.project.open_original(str(testimony_id), document_id, actor)
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

    def analysis(self, testimony: Testimony, actor: str) -> Analysis | None:
        """The testimony's analysis with every reviewer decision applied; None without the original."""
        with self._lock:
            detected = self._detected.get(int(testimony.pk))
        if detected is None:
            detected = self._detect(int(testimony.pk), testimony.vault_document, actor)
            if detected is None:
                return None
        missed = [Missed(a.start, a.end, a.kind) for a in testimony.added_spans.all()]
        verdicts = [Verdict((c.anchor_start, c.anchor_end), c.verdict, c.replacement) for c in testimony.changes.all()]
        return rebuild(self.pipeline, detected, missed, verdicts)

    def record(self, testimony: Testimony, analysis: Analysis, actor: str) -> None:
        """Seal the original and this protected version in the project (again after approval)."""
        with self._recording:
            document = self.project.record(str(testimony.pk), analysis, actor)
            if document is not None:
                Version.objects.create(testimony=testimony, document=document)
                testimony.vault_document = document
                testimony.save(update_fields=["vault_document", "updated_at"])

    def save_protected(self, testimony: Testimony, analysis: Analysis, status: str | None = None) -> None:
        """Store the protected text (what the archive searches) after a change."""
        testimony.protected_text = protected_text(analysis)
        testimony.language = analysis.lang
        fields = ["protected_text", "language", "updated_at"]
        if status:
            testimony.status = status
            fields.append("status")
        testimony.save(update_fields=fields)

    def forget(self, testimony: Testimony, actor: str) -> None:
        """Delete the testimony's original and every version of it from the project."""
        key = int(testimony.pk)
        with self._lock:
            self._detected.pop(key, None)
            self._progress.pop(key, None)
        documents = set(testimony.versions.values_list("document", flat=True)) | {testimony.vault_document}
        for document in sorted(d for d in documents if d is not None):
            self.project.forget(str(key), document, actor)
        self.project.forget(str(key), None, actor)

    def sync(self) -> int:
        """Add to the archive the project's documents it does not list yet (protected from the CLI, say)."""
        with self._recording:
            return self._adopt()

    def _adopt(self) -> int:
        known = set(Version.objects.values_list("document", flat=True))
        known |= set(Testimony.objects.exclude(vault_document=None).values_list("vault_document", flat=True))
        added = 0
        for document in self.project.documents():
            if document.id not in known:
                adopted = Testimony.objects.create(
                    title=f"Project document {document.id}",
                    format=document.format,
                    language=document.language,
                    status=Status.REVIEW,
                    vault_document=document.id,
                    protected_text=read_protected(document),
                )
                Version.objects.create(testimony=adopted, document=document.id)
                added += 1
        return added

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)


def read_protected(document: ProjectDocument) -> str:
    """The text of a document's protected output, where it still exists (for full-text search)."""
    path = document.protected
    if path is None or not path.is_file():
        return ""
    try:
        return format_for(path).read(path).text()
    except VeilError:
        return ""


_current: Workspace | None = None


def install(workspace: Workspace) -> None:
    """Make ``workspace`` the one the views use (done once, when the server starts)."""
    global _current
    _current = workspace


def current() -> Workspace:
    if _current is None:
        raise RuntimeError("the review server has no workspace; start it with `veil serve`")
    return _current
