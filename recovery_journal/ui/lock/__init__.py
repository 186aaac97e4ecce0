"""Locking and unlocking: the unlock window, the first-run wizard, passphrase fields, the
recovery code, resetting a forgotten passphrase, and locking after idle time or a system lock."""
