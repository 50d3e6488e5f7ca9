"""Sealing: the project folder and its encrypted vault, the key to the real identities.

:class:`Project` is the API the command line, the review app and the batch runner share; see
``SECURITY.md`` for what the vault protects against and what it does not.
"""

from veil.vault.audit import AuditCheck, AuditEntry
from veil.vault.crypto import KdfParams
from veil.vault.locate import find_project, resolve_project
from veil.vault.project import CONFIG_FILE, VAULT_FILE, Project, ProtectedDocument, is_project
from veil.vault.views import DocumentInfo, EntityInfo

__all__ = [  # noqa: RUF022 - plain sorted order, as the public API test wants
    "AuditCheck",
    "AuditEntry",
    "CONFIG_FILE",
    "DocumentInfo",
    "EntityInfo",
    "KdfParams",
    "Project",
    "ProtectedDocument",
    "VAULT_FILE",
    "find_project",
    "is_project",
    "resolve_project",
]
