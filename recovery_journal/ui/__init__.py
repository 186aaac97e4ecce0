"""ui layer of Recovery Journal (see docs/architecture.md)."""
