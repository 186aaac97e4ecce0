"""The Help window: where to find help now, the helplines and how the app works."""
