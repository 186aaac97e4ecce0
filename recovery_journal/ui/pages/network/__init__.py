"""The Network page: the people in your recovery network, and your regular meetings."""
