"""Where the passphrase comes from: the ``VEIL_PASSPHRASE`` environment variable or a hidden prompt.

Never from the command line, where other users of the machine can read it (``ps``) and the shell keeps
it in its history. A new passphrase must be at least :data:`MIN_LENGTH` characters: the Argon2id
parameters make each guess slow, but not slow enough to save a short word.
"""

from __future__ import annotations

import getpass
import os
import sys

from veil.errors import ErrorCode, VeilError

ENV = "VEIL_PASSPHRASE"
NEW_ENV = "VEIL_NEW_PASSPHRASE"
MIN_LENGTH = 12


def _interactive() -> bool:
    return sys.stdin.isatty()


def _prompt(text: str) -> str:
    try:
        return getpass.getpass(text)
    except (EOFError, KeyboardInterrupt):
        raise VeilError(ErrorCode.VAULT_NO_PASSPHRASE, "no passphrase given") from None


def _missing(variable: str) -> VeilError:
    return VeilError(
        ErrorCode.VAULT_NO_PASSPHRASE,
        f"the vault needs its passphrase: run in a terminal to be asked for it, or set {variable} for scripts",
    )


def existing_passphrase() -> str:
    """The passphrase of an existing vault."""
    value = os.environ.get(ENV)
    if value:
        return value
    if not _interactive():
        raise _missing(ENV)
    return _prompt("Vault passphrase: ")


def check_strength(passphrase: str) -> str:
    if len(passphrase) < MIN_LENGTH:
        raise VeilError(
            ErrorCode.VAULT_WEAK_PASSPHRASE,
            f"the passphrase is too short: use at least {MIN_LENGTH} characters (several words are best)",
        )
    return passphrase


def new_passphrase(variable: str = ENV) -> str:
    """A passphrase for a new vault (or a new one for an existing vault): asked twice, or from ``variable``."""
    value = os.environ.get(variable)
    if value:
        return check_strength(value)
    if not _interactive():
        raise _missing(variable)
    first = check_strength(_prompt("New vault passphrase: "))
    if _prompt("Repeat it: ") != first:
        raise VeilError(ErrorCode.VAULT_NO_PASSPHRASE, "the two passphrases differ; nothing was changed")
    return first
