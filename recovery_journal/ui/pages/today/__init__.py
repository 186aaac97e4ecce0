"""The Today page: how today went, in a few clicks, and where the person stands."""
