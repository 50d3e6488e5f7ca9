"""A project: a folder with an encrypted vault, the one source of truth for everything Veil keeps.

The command line, the review web app and the batch runner all go through :class:`Project`. It protects
documents with the vault as the pipeline's memory (one person, one pseudonym, in every document of the
project), records each protection (the sealed original, the analysis, which project entity each mention
is), and gives the real texts back only through calls that demand a reason and write the audit log.

Example::

    from pathlib import Path
    from veil.vault import Project

    with Project.init(Path("case-42"), passphrase) as project:          # or Project.open(...)
        result = project.protect_file(Path("interview.txt"), Path("out/interview.txt"))
        for doc in project.documents():
            print(doc.id, doc.name, doc.masked_entities)
        for entity in project.entities():
            print(entity.id, entity.type, entity.action, entity.display)   # never the real name
        project.change_decision(entity.id, "keep", actor="anna", reason="public figure")
        original = project.reveal(result.document_id, reason="fact-check", actor="anna")

Concurrency: one writer at a time. Each write holds the vault's lock for its transaction; a command
that protects many files holds it for the whole run with :meth:`session`, so no other process can give
the same person a different pseudonym meanwhile (another process then gets ``vault.locked``). Threads
of one process share the connection safely. A batch driver owns the project and calls
:meth:`protect_file` with the ``analysis`` its workers' entities produced (``Pipeline.finish``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from veil.config import Settings, load_settings
from veil.errors import ErrorCode, VeilError
from veil.findings import Action, Decision, Entity
from veil.pipeline import Analysis, Pipeline, ProgressCallback
from veil.vault import audit
from veil.vault import documents as docs
from veil.vault.crypto import KdfParams
from veil.vault.entities import Entities, VaultMemory
from veil.vault.passphrase import check_strength
from veil.vault.vault import Vault
from veil.vault.views import (
    DocumentInfo,
    EntityInfo,
    document_info,
    document_record,
    entity_info,
    key_entry,
    record_entity,
    report_entities,
    without_originals,
)
from veil.writing.files import FileResult, protect_file

VAULT_FILE = "vault.veil"
CONFIG_FILE = "veil.toml"


@dataclass(frozen=True)
class PreparedDocument:
    """A document decided, rendered and reported elsewhere (a batch worker), ready to be recorded: its
    source, its sealed record's contents and its report's entities in parts (with originals, encoded
    by :func:`veil.vault.documents.encode_part`), its entities and their decisions."""

    source: Path
    record: dict[str, Any]
    parts: list[bytes]
    entities: Sequence[Entity]
    decisions: Mapping[str, Decision]
    reports: bool


@dataclass(frozen=True)
class ProtectedDocument:
    """A file protected in a project: the usual result plus the document's id in the vault."""

    result: FileResult
    document_id: int


def is_project(folder: Path) -> bool:
    return (folder / VAULT_FILE).is_file()


def _require_reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise VeilError(ErrorCode.REVEAL_NO_REASON, "say why (--reason): every reveal and export is audited")
    return reason.strip()


class Project:
    """An open project (its vault unlocked). Use :meth:`init` or :meth:`open`, and close it when done."""

    def __init__(self, root: Path, vault: Vault, actor: str | None = None) -> None:
        self.root = root
        self.vault = vault
        self.actor = actor or audit.current_actor()
        self._entities = Entities(vault)

    # -- opening and closing ---------------------------------------------------------------------------

    @classmethod
    def init(cls, root: Path, passphrase: str, *, kdf: KdfParams | None = None, actor: str | None = None) -> Project:
        """Create a project folder (new or empty) with a new vault; readable by its owner only."""
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise VeilError(ErrorCode.PROJECT_EXISTS, f"{root}: exists and is not an empty folder")
        check_strength(passphrase)
        try:
            root.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(root, 0o700)
        except OSError as error:
            raise VeilError(
                ErrorCode.OUTPUT_UNWRITABLE, f"{root}: cannot create the project ({error.strerror})"
            ) from None
        previous = os.umask(0o077)
        try:
            vault = Vault.create(root / VAULT_FILE, passphrase, kdf)
        finally:
            os.umask(previous)
        project = cls(root, vault, actor)
        audit.append(vault, "init", actor=project.actor)
        return project

    @classmethod
    def open(cls, root: Path, passphrase: str, *, lock_timeout: float = 0.0, actor: str | None = None) -> Project:
        """Open and unlock an existing project (``lock_timeout``: seconds to wait for another writer)."""
        if not is_project(root):
            raise VeilError(ErrorCode.PROJECT_NOT_FOUND, f"{root}: not a Veil project (no {VAULT_FILE}); see veil init")
        return cls(root, Vault.unlock(root / VAULT_FILE, passphrase, lock_timeout=lock_timeout), actor)

    def close(self) -> None:
        self.vault.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @contextlib.contextmanager
    def session(self) -> Iterator[Project]:
        """Hold the writer lock for a whole run (many documents, consistent pseudonyms)."""
        with self.vault.store.writing():
            yield self

    # -- settings and the pipeline ---------------------------------------------------------------------

    def settings(self, base: Settings | None = None) -> Settings:
        """``base`` (else the project's ``veil.toml``, else defaults) plus the vault's deny and allow terms."""
        if base is None:
            config = self.root / CONFIG_FILE
            base = load_settings(config) if config.is_file() else Settings()
        deny = tuple(text for _, text in docs.terms(self.vault, "deny"))
        allow = tuple(text for _, text in docs.terms(self.vault, "allow"))
        if not deny and not allow:
            return base
        return base.merged(deny=base.deny + deny, allow=base.allow + allow)

    def memory(self, *, writable: bool = True) -> VaultMemory:
        """The vault as the pipeline's memory; ``writable=False`` keeps new decisions in this process."""
        return VaultMemory(self._entities, writable=writable)

    def pipeline(self, settings: Settings | None = None, *, writable: bool = True) -> Pipeline:
        return Pipeline(self.settings(settings), self.memory(writable=writable))

    # -- protecting ------------------------------------------------------------------------------------

    def protect_file(
        self,
        source: Path,
        output: Path,
        *,
        pipeline: Pipeline | None = None,
        lang: str = "auto",
        format_name: str | None = None,
        reports: bool = True,
        originals: bool = False,
        analysis: Analysis | None = None,
        actor: str | None = None,
        progress: ProgressCallback | None = None,
        record_once: bool = False,
    ) -> ProtectedDocument:
        """Protect ``source`` into ``output`` and record it; all or nothing in the vault.

        The vault's record (original, analysis, entities, audit entry) commits before the output takes
        its name. ``originals=True`` writes reports with real texts, and is audited as an export.
        ``record_once=True`` records nothing new when the vault already holds this very original protected
        into exactly this output (a batch redoing a file a crash interrupted after the vault's commit).
        """
        pipeline = pipeline or self.pipeline()
        sealed: list[int] = []

        def seal(done: Analysis, digest: bytes) -> None:
            original_id = docs.store_original_file(self.vault, source)
            earlier = self._same_protection(original_id, digest) if record_once else None
            if earlier is not None:
                sealed.append(earlier)
                return
            sealed.append(self._record(done, source, output, original_id, digest, actor))
            if originals and reports:
                audit.append(self.vault, "export", actor=actor or self.actor, document_id=sealed[0], what="report")
            self.vault.commit_now()

        with self.vault.transaction():
            if analysis is None:
                analysis = pipeline.analyze(pipeline.read(source, format_name), lang, progress)
            result = protect_file(
                pipeline, source, output, reports=reports, originals=originals, analysis=analysis, seal=seal
            )
        return ProtectedDocument(result, sealed[0])

    def _same_protection(self, original_id: int, protected_digest: bytes) -> int | None:
        """The document that protected this original into exactly this content, if there is one."""
        for document_id in docs.documents_protected_as(self.vault, protected_digest):
            if docs.document_record(self.vault, document_id, whole=False)[0] == original_id:
                return document_id
        return None

    def protect_text(
        self, text: str, *, name: str = "text.txt", lang: str = "auto", pipeline: Pipeline | None = None
    ) -> tuple[str, int]:
        """Protect a string and record it (the Python API and tests); the protected text and its id."""
        pipeline = pipeline or self.pipeline()
        data = text.encode("utf-8")
        with self.vault.transaction():
            protected = pipeline.protect_text(text, lang)
            original_id = docs.store_original(self.vault, [data] if data else [], hashlib.sha256(data).digest())
            digest = hashlib.sha256(protected.text.encode("utf-8")).digest()
            document_id = self._record(protected.analysis, Path(name), None, original_id, digest, None)
        return protected.text, document_id

    def record_prepared(self, prepared: PreparedDocument, digest: bytes, *, originals: bool = False) -> int:
        """Record a document a batch worker analysed and rendered (its output is written, not yet named).

        The driver decided its entities already (the memory holds their replacements); this stores the
        original, the document's sealed record and what it taught about each entity, and commits. As in
        :meth:`protect_file` with ``record_once``, the same original protected into the same content
        again (a file a crash interrupted after this commit) records nothing new.
        """
        with self.vault.transaction():
            original_id = docs.store_original_file(self.vault, prepared.source)
            earlier = self._same_protection(original_id, digest)
            if earlier is not None:
                return earlier
            document_id = self._record_parts(
                prepared.record, prepared.parts, prepared.entities, prepared.decisions, original_id, digest, None
            )
            if originals and prepared.reports:
                audit.append(self.vault, "export", actor=self.actor, document_id=document_id, what="report")
            self.vault.commit_now()
        return document_id

    def _record(
        self, analysis: Analysis, source: Path, output: Path | None, original_id: int, digest: bytes, actor: str | None
    ) -> int:
        record = document_record(analysis, source, output)
        parts = docs.report_parts(report_entities(analysis))
        return self._record_parts(
            record, parts, analysis.entities, analysis.decisions_by_id(), original_id, digest, actor
        )

    def _record_parts(
        self,
        record: dict[str, Any],
        parts: Iterable[list[dict[str, Any]] | bytes],
        entities: Sequence[Entity],
        decisions: Mapping[str, Decision],
        original_id: int,
        digest: bytes,
        actor: str | None,
    ) -> int:
        """The document's sealed record, its report's entities in parts, and what it taught about each
        entity (one write per entity)."""
        with self.vault.transaction():
            document_id = docs.add_document(self.vault, original_id, digest, record)
            record["parts"] = docs.add_parts(self.vault, document_id, parts)
            for entity in entities:
                entity_id = record_entity(self._entities, entity, decisions[entity.id], document_id)
                if entity_id is not None:
                    record["entities"][entity.id] = entity_id
            self._save_document(document_id, record)
            audit.append(self.vault, "protect", actor=actor or self.actor, document_id=document_id)
        return document_id

    def _save_document(self, document_id: int, record: Mapping[str, Any]) -> None:
        with self.vault.transaction() as db:
            sealed = self.vault.keys.seal_json(f"document/{document_id}/record", dict(record))
            db.execute("UPDATE documents SET record = ? WHERE id = ?", (sealed, document_id))

    # -- documents and entities (no real identifiers) --------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """Every document of the project, oldest first."""
        return [self.document(document_id) for document_id, _, _ in docs.document_rows(self.vault)]

    def document(self, document_id: int) -> DocumentInfo:
        _, created, record = docs.document_record(self.vault, document_id, whole=False)
        return document_info(document_id, created, record)

    def analysis(
        self, document_id: int, *, originals: bool = False, reason: str = "", actor: str | None = None
    ) -> dict[str, Any]:
        """A document's analysis in the report format, plus ``project_entities`` (document -> project id).

        Without ``originals`` it holds pseudonyms and protected context only. With ``originals=True`` it
        holds the real mention texts; that needs a reason and is audited as ``view-original``.
        """
        _, _, record = docs.document_record(self.vault, document_id)
        report = dict(record["report"]) if originals else without_originals(record["report"])
        if originals:
            audit.append(
                self.vault, "view-original", actor=actor or self.actor, reason=_require_reason(reason),
                document_id=document_id, what="analysis",
            )  # fmt: skip
        return {**report, "project_entities": dict(record["entities"])}

    def entities(self) -> list[EntityInfo]:
        return [entity_info(i, r) for i, r in sorted(self._entities.all().items())]

    def entity(self, entity_id: int) -> EntityInfo:
        return entity_info(entity_id, self._entity_record(entity_id))

    def _entity_record(self, entity_id: int) -> dict[str, Any]:
        record = self._entities.get(entity_id)
        if record is None:
            raise VeilError(ErrorCode.ENTITY_UNKNOWN, f"no entity {entity_id} in this project")
        return record

    def change_decision(
        self,
        entity_id: int,
        action: str | Action | None,
        *,
        actor: str | None = None,
        reason: str = "",
        replacement: Mapping[str, str] | None = None,
    ) -> None:
        """Set what happens to an entity in every document protected from now on (audited).

        ``action`` None removes a reviewer's decision. ``replacement`` replaces the stored record the
        strategy reads (``{"en": ..., "ru": ...}`` for a generalisation, a surrogate record for a person).
        Re-protect a document to apply the change to it.
        """
        record = dict(self._entity_record(entity_id))
        chosen = Action(action).value if action is not None else None
        record["review"] = {"action": chosen, "by": actor or self.actor} if chosen else None
        if replacement is not None:
            record["replacement"] = dict(replacement)
        with self.vault.transaction():
            self._entities.save(entity_id, record)
            audit.append(
                self.vault, "decision", actor=actor or self.actor, reason=reason, entity_id=entity_id,
                decided=chosen or "automatic", replaced=replacement is not None,
            )  # fmt: skip

    def add_term(self, list_name: str, text: str, *, actor: str | None = None, reason: str = "") -> int:
        """Always (``deny``) or never (``allow``) mask ``text`` in this project; kept sealed, audited."""
        if not text.strip():
            raise VeilError(ErrorCode.USAGE, "the term is empty")
        with self.vault.transaction():
            term_id = docs.add_term(self.vault, list_name, text.strip())
            audit.append(self.vault, "term", actor=actor or self.actor, reason=reason, list=list_name, added=term_id)
        return term_id

    def terms(self, list_name: str) -> list[tuple[int, str]]:
        """(id, text) of the project's deny or allow list (sensitive: real names)."""
        if list_name not in docs.TERM_LISTS:
            raise VeilError(ErrorCode.USAGE, f"unknown term list {list_name!r}; use deny or allow")
        return docs.terms(self.vault, list_name)

    def remove_term(self, term_id: int, *, actor: str | None = None, reason: str = "") -> None:
        if term_id not in {i for name in docs.TERM_LISTS for i, _ in docs.terms(self.vault, name)}:
            raise VeilError(ErrorCode.USAGE, f"no term {term_id} in this project")
        with self.vault.transaction():
            docs.remove_term(self.vault, term_id)
            audit.append(self.vault, "term", actor=actor or self.actor, reason=reason, removed=term_id)

    def delete_document(self, document_id: int, *, reason: str, actor: str | None = None) -> None:
        """Remove a document and (if no other document uses it) its sealed original; audited."""
        with self.vault.transaction():
            docs.delete_document(self.vault, document_id)
            audit.append(
                self.vault, "delete", actor=actor or self.actor, reason=_require_reason(reason), document_id=document_id
            )

    # -- revealing (always with a reason, always audited) ----------------------------------------------

    def find_protected(self, protected: Path) -> int:
        """The id of the document whose protected output is exactly the file ``protected``."""
        try:
            digest = docs.file_digest(protected)
        except FileNotFoundError:
            raise VeilError(ErrorCode.INPUT_NOT_FOUND, f"{protected}: no such file") from None
        except OSError as error:
            raise VeilError(ErrorCode.INPUT_UNREADABLE, f"{protected}: cannot be read ({error.strerror})") from None
        return docs.one_document(self.vault, digest, str(protected))

    def find_protected_text(self, text: str) -> int:
        return docs.one_document(self.vault, hashlib.sha256(text.encode("utf-8")).digest(), "this text")

    def reveal(self, document_id: int, *, reason: str, actor: str | None = None) -> Iterator[bytes]:
        """The original bytes of a document, after writing the audit entry (no entry, no data)."""
        reason = _require_reason(reason)
        original_id, _, _ = docs.document_record(self.vault, document_id, whole=False)
        audit.append(self.vault, "reveal", actor=actor or self.actor, reason=reason, document_id=document_id)
        return docs.read_original(self.vault, original_id)

    def reveal_text(self, protected: str, *, reason: str, actor: str | None = None) -> str:
        """The original of a text protected with :meth:`protect_text` (or a UTF-8 file)."""
        chunks = self.reveal(self.find_protected_text(protected), reason=reason, actor=actor)
        return b"".join(chunks).decode("utf-8")

    def record_publication(self, protected: Path, *, actor: str | None = None) -> int | None:
        """Audit publishing the file ``protected`` (as ``export`` of a page), before the page is written.

        Returns the project's document that was protected into exactly this content, or None when there
        is none (the file was edited since, or never protected in this project): the entry is written
        either way, without a document id then.
        """
        try:
            document_id: int | None = self.find_protected(protected)
        except VeilError as error:
            if error.code not in {ErrorCode.REVEAL_UNKNOWN_DOCUMENT, ErrorCode.REVEAL_AMBIGUOUS}:
                raise
            document_id = None
        audit.append(self.vault, "export", actor=actor or self.actor, document_id=document_id, what="page")
        return document_id

    def export_key(self, *, reason: str, actor: str | None = None) -> dict[str, Any]:
        """Every entity with its real mentions and its replacement: the key to the project (audited)."""
        reason = _require_reason(reason)
        audit.append(self.vault, "export", actor=actor or self.actor, reason=reason, what="key")
        entities = [key_entry(i, r) for i, r in sorted(self._entities.all().items())]
        return {"project": self.root.name, "entities": entities}

    def check(self) -> dict[str, int]:
        """Open every sealed record and walk the audit chain; counts, or the first error found."""
        counts = {"entities": len(self._entities.all()), "documents": 0, "original_bytes": 0}
        for document_id, original_id, _ in docs.document_rows(self.vault):
            docs.document_record(self.vault, document_id)
            counts["documents"] += 1
            counts["original_bytes"] += sum(len(b) for b in docs.read_original(self.vault, original_id))
        counts["terms"] = len(docs.terms(self.vault, "deny")) + len(docs.terms(self.vault, "allow"))
        audit.require_intact(self.vault)
        counts["audit_entries"] = len(self.audit_entries())
        return counts

    # -- the audit log and the passphrase --------------------------------------------------------------

    def audit_entries(self) -> list[audit.AuditEntry]:
        return list(audit.entries(self.vault))

    def verify_audit(self) -> audit.AuditCheck:
        return audit.verify(self.vault)

    def change_passphrase(self, new_passphrase: str, *, kdf: KdfParams | None = None, actor: str | None = None) -> None:
        """Re-wrap the vault's key under a new passphrase (the old one stops working); audited."""
        check_strength(new_passphrase)
        with self.vault.transaction():
            self.vault.change_passphrase(new_passphrase, kdf)
            audit.append(self.vault, "passphrase", actor=actor or self.actor)
