"""The Settings window: preferences, the passphrase and recovery code, and the call list."""
