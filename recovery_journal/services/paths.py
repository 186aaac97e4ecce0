"""Where things live on disk (nothing about a person's recovery outside the vault)."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "recovery-journal"
VAULT_NAME = "journal.rjvault"


def data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_vault_path() -> Path:
    return data_dir() / VAULT_NAME
