"""The project vault (``veil.vault.Project``) as the review app's :class:`~veil.review.project.ReviewProject`.

One source of truth: the app decides with the vault's memory (one person, one pseudonym, whether the
document came through the CLI or the app), seals every uploaded original in the vault together with its
protected version, opens originals from the vault when it needs them (each time audited as a reveal,
with the signed-in user as the actor), lists the documents the command line protected so the archive
shows them, and writes the app's sensitive events (views of originals, decisions, approvals, exports,
deletions) to the vault's audit log. The vault is opened once, at start, and shared between threads (it
serialises its own access).
"""

from __future__ import annotations

import time
from pathlib import Path

from veil.config import Settings
from veil.deciding import EntityMemory
from veil.pipeline import Analysis, Pipeline
from veil.reading import Document, format_for
from veil.review.project import ProjectDocument, Staging
from veil.vault import Project, audit

REVIEW_REASON = "reviewed in the web app"
OUTPUT_FOLDER = Path("review") / "protected"
# The app's audit actions, as the vault names them; others stay in the app's own trail only.
VAULT_ACTIONS = {"view-original": "view-original", "decision": "decision", "add-span": "decision",
                 "approve": "approve", "export-document": "export", "export-page": "export"}  # fmt: skip


class VaultProject:
    """A :class:`~veil.review.project.ReviewProject` backed by an open ``veil.vault.Project``."""

    def __init__(self, project: Project, base: Settings | None = None) -> None:
        self.project = project
        self.settings: Settings = project.settings(base)
        self.memory: EntityMemory = project.memory()
        self.staging = Staging()

    def keep_original(self, key: str, name: str, data: bytes) -> None:
        self.staging.keep(key, name, data)

    def record(self, key: str, analysis: Analysis, actor: str) -> int | None:
        """Seal the staged original and this protected version (written under ``review/protected``).

        Each call records a new version (the vault keeps the original once); earlier versions stay, so that
        every protected file ever exported can still be revealed.
        """
        staged = self.staging.path(key)
        if staged is None:
            return None
        suffix = Path(staged[0]).suffix
        output = self.project.root / OUTPUT_FOLDER / f"testimony-{key}-{time.time_ns()}.protected{suffix}"
        output.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        pipeline = Pipeline(self.settings, self.memory)
        done = self.project.protect_file(staged[1], output, pipeline=pipeline, analysis=analysis, reports=False,
                                         format_name=format_for(Path(staged[0])).name, actor=actor)  # fmt: skip
        return int(done.document_id)

    def open_original(self, key: str, document: int | None, actor: str) -> Document | None:
        """The staged original, else the one sealed in the vault (audited as a reveal)."""
        staged = self.staging.open(key)
        if staged is not None or document is None:
            return staged
        info = self.project.document(document)
        data = b"".join(self.project.reveal(document, reason=REVIEW_REASON, actor=actor))
        self.staging.keep(key, f"original.{info.format}", data)
        return self.staging.open(key)

    def adopt_decisions(self, document: int | None, analysis: Analysis, actor: str) -> None:
        """Each entity a reviewer decided gets that decision in the vault (``veil protect`` follows it), and
        a person a reviewer named gets that name as the pseudonym every later document gives them."""
        reviewed: dict[str, str] = analysis.extras.get("reviewed", {})
        chosen: dict[str, dict[str, str]] = analysis.extras.get("chosen", {})
        if document is None or not reviewed:
            return
        project_entities = self.project.analysis(document)["project_entities"]
        for entity_id in reviewed:
            project_entity = project_entities.get(entity_id)
            if project_entity is not None:
                action = analysis.decision_for(entity_id).action.value
                self.project.change_decision(int(project_entity), action, actor=actor, reason=REVIEW_REASON,
                                             replacement=chosen.get(entity_id))  # fmt: skip

    def forget(self, key: str, document: int | None, actor: str) -> None:
        self.staging.drop(key)
        if document is not None:
            self.project.delete_document(document, reason="deleted in the web app", actor=actor)

    def documents(self) -> list[ProjectDocument]:
        found = []
        for info in self.project.documents():
            language = max(info.languages, key=lambda k: info.languages[k]) if info.languages else ""
            output = Path(info.output) if info.output else None
            found.append(ProjectDocument(int(info.id), str(info.format), language, output))
        return found

    def audit(self, user: str, action: str, target: str, document: int | None = None) -> None:
        vault_action = VAULT_ACTIONS.get(action)
        if vault_action is None:
            return
        # The reason says what was done to which testimony (ids and offsets only), so `veil audit show` tells it.
        audit.append(self.project.vault, vault_action, actor=user, reason=f"{REVIEW_REASON}: {action} {target}",
                     document_id=document, what=action, target=target)  # fmt: skip
