"""Sponsees: reviews the people you sponsor sent you (read-only)."""
