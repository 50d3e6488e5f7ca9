"""Errors with stable codes.

Every failure a user can meet is a :class:`VeilError` with a code from :class:`ErrorCode`. Codes are part
of the public contract: scripts match on them, the CLI prints them, and they never change meaning.
Messages are written for people and must never contain text from the document being protected: they
may name a path the user gave, a byte offset or a count, nothing more.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable error codes. The value is what the CLI prints, e.g. ``veil: error[input.not-utf8]``."""

    # reading
    INPUT_NOT_FOUND = "input.not-found"
    INPUT_UNREADABLE = "input.unreadable"
    INPUT_NOT_UTF8 = "input.not-utf8"
    INPUT_BINARY = "input.binary"
    INPUT_EMPTY = "input.empty"
    INPUT_UNSUPPORTED = "input.unsupported-format"
    INPUT_CORRUPT = "input.corrupt"
    INPUT_ENCRYPTED = "input.encrypted"
    INPUT_TOO_LARGE = "input.too-large"
    # writing
    OUTPUT_UNWRITABLE = "output.unwritable"
    OUTPUT_CONFLICT = "output.conflict"
    # usage and configuration
    USAGE = "usage"
    CONFIG_INVALID = "config.invalid"
    LANGUAGE_UNSUPPORTED = "language.unsupported"
    # project and vault
    PROJECT_NOT_FOUND = "project.not-found"
    PROJECT_EXISTS = "project.exists"
    VAULT_WRONG_PASSPHRASE = "vault.wrong-passphrase"  # noqa: S105 - an error code, not a secret
    VAULT_TAMPERED = "vault.tampered"
    VAULT_TRUNCATED = "vault.truncated"
    VAULT_NEWER_VERSION = "vault.newer-version"
    VAULT_LOCKED = "vault.locked"
    VAULT_NO_PASSPHRASE = "vault.no-passphrase"  # noqa: S105 - an error code, not a secret
    VAULT_WEAK_PASSPHRASE = "vault.weak-passphrase"  # noqa: S105 - an error code, not a secret
    REVEAL_NO_REASON = "reveal.no-reason"
    REVEAL_UNKNOWN_DOCUMENT = "reveal.unknown-document"
    REVEAL_AMBIGUOUS = "reveal.ambiguous"
    ENTITY_UNKNOWN = "entity.unknown"
    AUDIT_BROKEN = "audit.broken-chain"
    # batch runs
    WORKER_LOST = "batch.worker-lost"
    BATCH_BUSY = "batch.busy"
    # models and internals
    MODEL_MISSING = "model.missing"
    INTERNAL = "internal"


class VeilError(Exception):
    """A failure with a stable code and a message that is safe to show (no document text)."""

    def __init__(self, code: ErrorCode, message: str, *, exit_code: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return f"error[{self.code.value}]: {self.message}"
