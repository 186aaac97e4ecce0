"""Recovery Journal: a private, encrypted, offline recovery journal."""

__version__ = "0.1.0"
