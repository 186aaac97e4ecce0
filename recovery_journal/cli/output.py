"""Plain text for the terminal."""

from __future__ import annotations

RECOVERY_WARNING = (
    "Keep this recovery code somewhere safe and private, away from this computer\n"
    "(on paper, or in a password manager). It is shown only this once. If you lose\n"
    "both your passphrase and this code, nobody can open your journal: not us, not anyone."
)


def recovery_code_block(code: str) -> str:
    return f"\nYour recovery code:\n\n    {code}\n\n{RECOVERY_WARNING}\n"
