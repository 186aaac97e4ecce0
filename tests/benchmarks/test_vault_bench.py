"""Vault open and save at 2, 20 and 100 MB payloads, and the calibrated KDF.

Not run by default: ``.venv/bin/python -m pytest tests/benchmarks --benchmark-only``.
Budgets (DESIGN.md) at 2 MB: save ≤ 15 ms median, open without KDF ≤ 50 ms.
"""

from __future__ import annotations

import os

import pytest

from recovery_journal.vault import Vault, crypto
from recovery_journal.vault import format as fmt

SIZES = {"2MB": 2 * 1024 * 1024, "20MB": 20 * 1024 * 1024, "100MB": 100 * 1024 * 1024}


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def sized_vault(request, tmp_path, fast_kdf):
    payload = os.urandom(SIZES[request.param])
    vault, _ = Vault.create(tmp_path / "bench.rjvault", "benchmark pass", payload, kdf=fast_kdf)
    yield vault, payload
    vault.close()


def test_save(benchmark, sized_vault):
    vault, payload = sized_vault
    benchmark(vault.save, payload)


def test_open_without_kdf(benchmark, sized_vault):
    """Read, parse, unwrap with an already derived slot key, decrypt."""
    vault, _ = sized_vault
    path = vault.path
    header, _, _ = fmt.parse(path.read_bytes())
    slot = header.slot(fmt.SlotKind.PASSPHRASE)
    slot_key = crypto.derive_slot_key(
        crypto.passphrase_bytes("benchmark pass"), slot.salt, slot.kdf
    )

    def open_without_kdf():
        blob = path.read_bytes()
        parsed, header_bytes, ciphertext = fmt.parse(blob)
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        s = parsed.slot(fmt.SlotKind.PASSPHRASE)
        key = AESGCM(slot_key).decrypt(
            s.nonce, s.wrapped_key, fmt.slot_associated_data(parsed.vault_id, s)
        )
        return crypto.decrypt_payload(key, parsed, header_bytes, ciphertext)

    benchmark(open_without_kdf)


def test_kdf_at_calibrated_parameters(benchmark):
    params = crypto.calibrate()
    benchmark.extra_info["memory_mib"] = params.memory_kib // 1024
    benchmark.pedantic(
        crypto.derive_slot_key, args=(b"benchmark pass", b"\0" * 16, params), rounds=5
    )
