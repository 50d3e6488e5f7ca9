"""Sealed records: they open only unchanged, only in their own place, and only with the right key."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.errors import ErrorCode, VeilError
from veil.vault.crypto import KdfParams, Keys, new_data_key, unwrap_key, wrap_key

KEYS = Keys(bytes(range(32)), "test-vault")
# Sealing is fast, but a loaded machine can stall any single example: no per-example deadline, so a slow
# moment is not reported as a failure (the example counts are what the tests check, and they stay).
PROPERTY = settings(max_examples=100, deadline=None)


@PROPERTY
@given(st.binary(max_size=2048), st.text(min_size=1, max_size=40))
def test_seal_then_open_gives_the_plaintext(plaintext: bytes, purpose: str) -> None:
    assert KEYS.open(purpose, KEYS.seal(purpose, plaintext)) == plaintext


@settings(PROPERTY, max_examples=300)
@given(st.binary(max_size=512), st.data())
def test_any_flipped_byte_is_detected(plaintext: bytes, data: st.DataObject) -> None:
    blob = bytearray(KEYS.seal("entity/1/record", plaintext))
    position = data.draw(st.integers(0, len(blob) - 1), label="position")
    blob[position] ^= data.draw(st.integers(1, 255), label="xor")
    with pytest.raises(VeilError) as caught:
        KEYS.open("entity/1/record", bytes(blob))
    assert caught.value.code == ErrorCode.VAULT_TAMPERED


@PROPERTY
@given(st.binary(max_size=64), st.integers(0, 200))
def test_a_cut_record_is_detected(plaintext: bytes, cut: int) -> None:
    blob = KEYS.seal("entity/1/record", plaintext)
    with pytest.raises(VeilError):
        KEYS.open("entity/1/record", blob[: min(cut, len(blob) - 1)])


@pytest.mark.parametrize(
    ("sealed_for", "opened_as"),
    [
        ("entity/1/record", "entity/2/record"),  # moved to another row
        ("document/3/record", "entity/3/record"),  # moved to another table
        ("original/1/chunk/1", "original/1/chunk/2"),  # chunks swapped
    ],
)
def test_a_record_moved_elsewhere_does_not_open(sealed_for: str, opened_as: str) -> None:
    with pytest.raises(VeilError) as caught:
        KEYS.open(opened_as, KEYS.seal(sealed_for, b"secret"))
    assert caught.value.code == ErrorCode.VAULT_TAMPERED


def test_another_vaults_key_does_not_open_a_record() -> None:
    other = Keys(bytes(range(32)), "other-vault")  # same key material, different vault id
    with pytest.raises(VeilError):
        other.open("entity/1/record", KEYS.seal("entity/1/record", b"secret"))


def test_the_same_plaintext_seals_differently_each_time() -> None:
    assert KEYS.seal("p", b"Volkov") != KEYS.seal("p", b"Volkov")


def test_tags_are_keyed_and_stable() -> None:
    assert KEYS.tag("entity-key", "person:volkov") == KEYS.tag("entity-key", "person:volkov")
    assert KEYS.tag("entity-key", "person:volkov") != Keys(bytes(32), "test-vault").tag("entity-key", "person:volkov")
    assert KEYS.tag("entity-key", "person:volkov") != KEYS.tag("original", "person:volkov")


def test_wrong_passphrase_is_reported_as_such() -> None:
    kdf = KdfParams.fast()
    data_key = new_data_key()
    wrapped = wrap_key(kdf.derive("right passphrase!"), data_key, b"binding")
    assert unwrap_key(kdf.derive("right passphrase!"), wrapped, b"binding") == data_key
    with pytest.raises(VeilError) as caught:
        unwrap_key(kdf.derive("wrong passphrase!"), wrapped, b"binding")
    assert caught.value.code == ErrorCode.VAULT_WRONG_PASSPHRASE


def test_kdf_parameters_round_trip_and_unknown_ones_are_refused() -> None:
    kdf = KdfParams.new()
    assert KdfParams.from_json(kdf.to_json()) == kdf
    assert kdf.memory_kib >= 64 * 1024  # the default is the RFC 9106 recommendation
    with pytest.raises(VeilError) as caught:
        KdfParams.from_json(kdf.to_json().replace("argon2id", "argon2i"))
    assert caught.value.code == ErrorCode.VAULT_NEWER_VERSION
    with pytest.raises(VeilError) as caught:
        KdfParams.from_json("{not json")
    assert caught.value.code == ErrorCode.VAULT_TAMPERED
