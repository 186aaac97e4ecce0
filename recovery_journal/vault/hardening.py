"""Process hardening while secrets are in memory."""

from __future__ import annotations

import contextlib
import sys


def disable_core_dumps() -> None:
    """No core files (they would hold the decrypted journal); on Linux also refuse ptrace attach
    from other processes of the same user via PR_SET_DUMPABLE."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            pr_set_dumpable = 4
            ctypes.CDLL(None).prctl(pr_set_dumpable, 0, 0, 0, 0)
