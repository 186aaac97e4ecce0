import stat
import unicodedata

import pytest

from recovery_journal.vault import (
    SlotKind,
    Vault,
    VaultExistsError,
    VaultMissingError,
    WrongSecretError,
    backups,
    recovery_code,
)


def test_create_save_reopen(vault_path, fast_kdf):
    vault, code = Vault.create(vault_path, "correct horse", b"first", kdf=fast_kdf)
    vault.save(b"second")
    vault.close()
    vault, payload = Vault.open(vault_path, "correct horse")
    assert payload == b"second"
    vault.close()
    assert len(code.split("-")) == 8 and all(len(g) == 4 for g in code.split("-"))


def test_recovery_code_opens_in_any_case_and_spacing(vault_path, fast_kdf):
    vault, code = Vault.create(vault_path, "pw", b"data", kdf=fast_kdf)
    vault.close()
    typed = code.lower().replace("-", " ")
    vault, payload = Vault.open(vault_path, typed, kind=SlotKind.RECOVERY_CODE)
    assert payload == b"data"
    vault.close()


def test_wrong_passphrase_and_wrong_code(vault_path, fast_kdf):
    vault, code = Vault.create(vault_path, "pw", b"data", kdf=fast_kdf)
    vault.close()
    before = vault_path.read_bytes()
    with pytest.raises(WrongSecretError) as info:
        Vault.open(vault_path, "PW")
    assert info.value.exit_code == 3
    other = recovery_code.encode(recovery_code.generate())
    with pytest.raises(WrongSecretError):
        Vault.open(vault_path, other, kind=SlotKind.RECOVERY_CODE)
    with pytest.raises(WrongSecretError):
        Vault.open(vault_path, "not a code", kind=SlotKind.RECOVERY_CODE)
    # The passphrase does not open the recovery slot and vice versa.
    with pytest.raises(WrongSecretError):
        Vault.open(vault_path, code)
    assert vault_path.read_bytes() == before


def test_passphrase_is_unicode_normalised(vault_path, fast_kdf):
    composed = "caf\u00e9 ma\u00f1ana"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    Vault.create(vault_path, composed, b"x", kdf=fast_kdf)[0].close()
    vault, _ = Vault.open(vault_path, decomposed)
    vault.close()


def test_change_passphrase(vault_path, fast_kdf):
    vault, code = Vault.create(vault_path, "old", b"data", kdf=fast_kdf)
    vault.change_passphrase("new", b"data")
    vault.close()
    with pytest.raises(WrongSecretError):
        Vault.open(vault_path, "old")
    vault, payload = Vault.open(vault_path, "new")
    assert payload == b"data"
    vault.close()
    # The recovery code is unchanged by a passphrase change.
    Vault.open(vault_path, code, kind=SlotKind.RECOVERY_CODE)[0].close()


def test_new_recovery_code_replaces_old_one_everywhere(vault_path, fast_kdf):
    vault, old_code = Vault.create(vault_path, "pw", b"v1", kdf=fast_kdf)
    vault.save(b"v2")  # leaves a backup of v1 made under the old code
    assert backups.list_backups(vault_path)
    new_code = vault.new_recovery_code(b"v2")
    vault.close()
    assert new_code != old_code
    with pytest.raises(WrongSecretError):
        Vault.open(vault_path, old_code, kind=SlotKind.RECOVERY_CODE)
    for backup in backups.list_backups(vault_path):
        with pytest.raises(WrongSecretError):
            Vault.open(backup, old_code, kind=SlotKind.RECOVERY_CODE)
        Vault.open(backup, new_code, kind=SlotKind.RECOVERY_CODE)[0].close()


def test_backups_follow_a_passphrase_change(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "leaked", b"v1", kdf=fast_kdf)
    vault.save(b"v2")
    vault.change_passphrase("fresh", b"v2")
    vault.close()
    backup = backups.list_backups(vault_path)[0]
    with pytest.raises(WrongSecretError):
        Vault.open(backup, "leaked")
    opened, payload = Vault.open(backup, "fresh")
    opened.close()
    assert payload == b"v1"


def test_create_refuses_existing_file_and_open_refuses_missing(vault_path, fast_kdf):
    Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)[0].close()
    before = vault_path.read_bytes()
    with pytest.raises(VaultExistsError):
        Vault.create(vault_path, "pw2", b"y", kdf=fast_kdf)
    assert vault_path.read_bytes() == before
    with pytest.raises(VaultMissingError):
        Vault.open(vault_path.with_name("nothing.rjvault"), "pw")


def test_file_modes_are_private(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)
    vault.save(b"y")
    copy = vault_path.parent / "copy.rjvault"
    vault.write_copy(copy)
    vault.close()
    files = [vault_path, copy, *backups.list_backups(vault_path)]
    files.append(vault_path.with_name(vault_path.name + ".lock"))
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(backups.backup_dir(vault_path).stat().st_mode) == 0o700


def test_write_copy_opens_with_same_passphrase(vault_path, fast_kdf, tmp_path):
    vault, _ = Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)
    vault.save(b"latest")
    vault.write_copy(tmp_path / "copy.rjvault")
    vault.close()
    copy, payload = Vault.open(tmp_path / "copy.rjvault", "pw")
    copy.close()
    assert payload == b"latest"


def test_forget_keys_then_unlock_again(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)
    vault.forget_keys()
    assert not vault.is_unlocked
    with pytest.raises(WrongSecretError):
        vault.unlock("nope")
    assert vault.unlock("pw") == b"x"
    vault.close()


def test_rotate_keys_replaces_data_key_secrets_and_backups(vault_path, fast_kdf):
    from recovery_journal.vault import crypto
    from recovery_journal.vault import format as fmt

    vault, old_code = Vault.create(vault_path, "first passphrase", b"v1", kdf=fast_kdf)
    vault.save(b"v2")
    old_key = bytes(vault._data_key)
    new_code = vault.rotate_keys("second passphrase", b"v2")
    vault.close()
    assert new_code != old_code
    header, header_bytes, ciphertext = fmt.parse(vault_path.read_bytes())
    with pytest.raises(Exception):
        crypto.decrypt_payload(old_key, header, header_bytes, ciphertext)
    for path in [vault_path, *backups.list_backups(vault_path)]:
        with pytest.raises(WrongSecretError):
            Vault.open(path, "first passphrase")
        with pytest.raises(WrongSecretError):
            Vault.open(path, old_code, kind=SlotKind.RECOVERY_CODE)
        Vault.open(path, "second passphrase")[0].close()
        Vault.open(path, new_code, kind=SlotKind.RECOVERY_CODE)[0].close()
