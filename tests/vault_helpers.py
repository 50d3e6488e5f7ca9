"""Shared helpers for the vault tests: a quick project (cheap Argon2id for tests only) and damage tools."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from veil import Settings
from veil.vault import KdfParams, Project

PASSPHRASE = "correct horse battery staple"


def new_project(root: Path, *, seed: int | None = 7) -> Project:
    """A fresh project whose pipeline uses a fixed seed (repeatable pseudonyms in tests)."""
    project = Project.init(root, PASSPHRASE, kdf=KdfParams.fast(), actor="tester")
    if seed is not None:
        (root / "veil.toml").write_text(f"seed = {seed}\n", encoding="utf-8")
    return project


def open_project(root: Path) -> Project:
    return Project.open(root, PASSPHRASE, actor="tester")


def raw_sql(root: Path, *statements: str) -> None:
    """Change the vault file behind Veil's back (as an attacker with the folder could)."""
    db = sqlite3.connect(root / "vault.veil", isolation_level=None)
    try:
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


def seeded() -> Settings:
    return Settings(seed=7)
