"""The places of the app, one package each. Pages never import each other (import-linter
contract in pyproject.toml); what two pages share lives in ``ui/common`` or ``ui/dialogs``."""
