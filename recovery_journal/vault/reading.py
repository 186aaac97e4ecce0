"""Reading a file that may be hostile: only a regular file, never more than a size bound.

A path given to the app (the journal, an import file, anything in ``backups/``) may name a
named pipe, a device such as ``/dev/zero``, a folder or a symbolic link to one of them. Reading
"everything" from those hangs forever or fills memory. Here the file is opened without
blocking, checked with ``fstat`` on the open descriptor (so it can't be swapped in between),
and read up to a bound.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1 << 20


class NotRegularFileError(OSError):
    """The path names something other than a regular file; ``kind`` says what, in words."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a file")
        self.kind = kind


class FileTooLargeError(OSError):
    """The file is larger than the caller allows; ``size`` is what it claims."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path} is larger than {limit} bytes")
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ("a folder", "a named pipe", …)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def check_regular(path: Path) -> os.stat_result:
    """``stat`` (following links) and refuse anything but a regular file.

    Raises ``FileNotFoundError``, :class:`NotRegularFileError` or another ``OSError``.
    """
    st = Path(path).stat()
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFileError(Path(path), kind_of(st.st_mode))
    return st


def read_regular(path: Path, limit: int, *, head: bool = False) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    A larger file raises :class:`FileTooLargeError`, unless ``head`` is true: then only its
    first ``limit`` bytes are returned. Never blocks on a pipe or a device.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(Path(path), kind_of(st.st_mode))
        if st.st_size > limit and not head:
            raise FileTooLargeError(Path(path), st.st_size, limit)
        chunks: list[bytes] = []
        left = limit if head else limit + 1  # one byte more: a file that grew is noticed
        while left > 0:
            chunk = os.read(fd, min(_CHUNK, left))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileTooLargeError(Path(path), len(data), limit)
    return data


def is_regular_file(path: Path) -> bool:
    """True for a regular file itself (a symbolic link does not count, even to a file)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
