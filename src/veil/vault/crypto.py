"""The vault's cryptography: one passphrase, one data key, three subkeys, sealed records.

How the pieces fit:

* The passphrase goes through Argon2id (:class:`KdfParams`, stored with the vault so they can be raised
  later) to a key-encryption key, which wraps a random 256-bit **data key** with AES-256-GCM. Changing
  the passphrase re-wraps the data key; nothing else is re-encrypted.
* HKDF-SHA256 derives three subkeys from the data key: one seals records, one makes lookup tags
  (HMAC-SHA256, so an entity key such as ``person:volkov`` is never stored, only its keyed hash), one
  chains the audit log.
* :meth:`Keys.seal` encrypts with AES-256-GCM under a fresh random 96-bit nonce and binds the
  ciphertext to its *purpose* (table, row and field) as associated data, so a record moved to another
  row, or any flipped bit, fails to open with ``vault.tampered`` instead of yielding wrong data.

Only the primitives of the ``cryptography`` and ``argon2-cffi`` packages are used; nothing here is
home-made beyond the record layout: ``version (1 byte) | nonce (12) | ciphertext | tag (16)``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from veil.errors import ErrorCode, VeilError

SEAL_VERSION = 1
NONCE_BYTES = 12
KEY_BYTES = 32
SALT_BYTES = 16
_HEADER = bytes([SEAL_VERSION])
_OVERHEAD = 1 + NONCE_BYTES + 16


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters, stored in the vault next to the wrapped key.

    The default follows RFC 9106's second recommendation (3 passes, 64 MiB, 4 lanes): about half a second
    on a laptop, and 64 MiB of memory per guess for an attacker. Tests use :meth:`fast` to stay quick.
    """

    salt: str
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4
    version: int = ARGON2_VERSION
    algorithm: str = "argon2id"

    @classmethod
    def new(cls, *, time_cost: int = 3, memory_kib: int = 64 * 1024, parallelism: int = 4) -> KdfParams:
        return cls(secrets.token_hex(SALT_BYTES), time_cost, memory_kib, parallelism)

    @classmethod
    def fast(cls) -> KdfParams:
        """Cheap parameters for tests only: never for a real vault."""
        return cls.new(time_cost=1, memory_kib=8 * 1024, parallelism=1)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, raw: bytes | str) -> KdfParams:
        """Parameters read back from a vault, refused unless they are whole and within sane limits."""
        damaged = VeilError(ErrorCode.VAULT_TAMPERED, "the vault's key parameters are damaged")
        try:
            data: dict[str, Any] = json.loads(raw)
            params = cls(**data)
            bytes.fromhex(params.salt)
        except (ValueError, TypeError):
            raise damaged from None
        if params.algorithm != "argon2id" or params.version != ARGON2_VERSION:
            raise VeilError(ErrorCode.VAULT_NEWER_VERSION, "the vault uses a key derivation this Veil does not know")
        limits = ((params.time_cost, 100), (params.memory_kib, 4 << 20), (params.parallelism, 64))
        if not all(isinstance(value, int) and 1 <= value <= most for value, most in limits):
            raise damaged
        return params

    def derive(self, passphrase: str) -> bytes:
        """The key-encryption key for ``passphrase`` (slow on purpose)."""
        return hash_secret_raw(
            passphrase.encode("utf-8"),
            bytes.fromhex(self.salt),
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
            version=self.version,
        )


def _aead_seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return _HEADER + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _aead_open(key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Decrypt and authenticate; raises :class:`InvalidTag` (or ``ValueError``) on any change."""
    if len(blob) < _OVERHEAD or blob[:1] != _HEADER:
        raise InvalidTag
    return AESGCM(key).decrypt(blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :], aad)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def wrap_key(kek: bytes, data_key: bytes, binding: bytes) -> bytes:
    """The data key sealed under the passphrase's key, bound to the vault id and KDF parameters."""
    return _aead_seal(kek, data_key, b"veil/data-key/" + binding)


def unwrap_key(kek: bytes, wrapped: bytes, binding: bytes) -> bytes:
    try:
        return _aead_open(kek, wrapped, b"veil/data-key/" + binding)
    except (InvalidTag, ValueError):
        raise VeilError(
            ErrorCode.VAULT_WRONG_PASSPHRASE, "wrong passphrase (or the vault's key record was changed)"
        ) from None


def _subkey(data_key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(data_key)


class Keys:
    """The unlocked vault's subkeys; seals and opens records, makes lookup tags and audit links."""

    def __init__(self, data_key: bytes, vault_id: str) -> None:
        self._seal_key = _subkey(data_key, b"veil/seal/v1")
        self._index_key = _subkey(data_key, b"veil/index/v1")
        self._audit_key = _subkey(data_key, b"veil/audit/v1")
        self._prefix = f"veil/{vault_id}/".encode()

    def seal(self, purpose: str, plaintext: bytes) -> bytes:
        """Encrypt ``plaintext`` for one place in the vault (``purpose`` names the table, row and field)."""
        return _aead_seal(self._seal_key, plaintext, self._prefix + purpose.encode("utf-8"))

    def open(self, purpose: str, blob: bytes) -> bytes:
        """The plaintext sealed for ``purpose``; ``vault.tampered`` if anything about it changed."""
        try:
            if not isinstance(blob, bytes):
                raise InvalidTag
            return _aead_open(self._seal_key, blob, self._prefix + purpose.encode("utf-8"))
        except (InvalidTag, ValueError):
            raise VeilError(ErrorCode.VAULT_TAMPERED, f"a sealed record failed its check ({_where(purpose)})") from None

    def seal_json(self, purpose: str, value: Any) -> bytes:
        return self.seal(purpose, json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def open_json(self, purpose: str, blob: bytes) -> Any:
        # Authenticated, so the JSON is what Veil wrote; decoding cannot fail on a record that opened.
        return json.loads(self.open(purpose, blob).decode("utf-8"))

    def tag(self, space: str, value: str | bytes) -> bytes:
        """A keyed hash of ``value`` for lookups: equal values give equal tags, and nothing else leaks."""
        data = value.encode("utf-8") if isinstance(value, str) else value
        return hmac.new(self._index_key, space.encode("utf-8") + b"\x00" + data, hashlib.sha256).digest()

    def chain(self, previous: bytes, entry: bytes) -> bytes:
        """The next link of the audit log's hash chain (keyed, so it cannot be rebuilt without the key)."""
        return hmac.new(self._audit_key, previous + entry, hashlib.sha256).digest()


def _where(purpose: str) -> str:
    """The table part of a purpose (never a value): ``entity/12/record`` -> ``entity 12``."""
    parts = purpose.split("/")
    return " ".join(parts[:2])
