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


SPONSOR_KEY_NAME = "sponsor-key.rjkey"
KEPT_REVIEWS_NAME = "sponsee-reviews"


def sponsor_key_path(journal: Path) -> Path:
    """The sponsor key, beside the journal it was made from (docs/review-file-format.md)."""
    return Path(journal).parent / SPONSOR_KEY_NAME


def kept_reviews_dir(journal: Path) -> Path:
    """Review files the sponsor opened, kept as they came (encrypted), beside the key."""
    return Path(journal).parent / KEPT_REVIEWS_NAME
