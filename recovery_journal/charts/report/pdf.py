"""Writing the report as a PDF readable by this user only, and pages as images for a preview.

The PDF is written by matplotlib's own PDF backend (``PdfPages``), on this computer, with no
network. It goes to a temporary file created exclusively with mode 0600 **in the target
folder** (so no readable copy ever lands anywhere else), is flushed to disk, then replaces the
target in one step; the folder is synced so the new name survives a crash. On any failure
the temporary file is removed and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from recovery_journal.charts.report.pages import CREATOR, pdf_title, report_rc

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from recovery_journal.charts.report.content import ReportContent

PRIVATE_MODE = 0o600


def _rc() -> Any:
    # Typed loosely, like the chart builders' own settings: matplotlib's stubs want literal keys.
    return report_rc()


def target_problem(output: Path, vault: Path | None) -> str | None:
    """Why the report must not be written to ``output``, in words, or ``None`` when it may.

    It never overwrites the journal itself, a folder, or an existing file that is not a PDF
    (a previous report may be replaced).
    """
    target = Path(output).expanduser().resolve()
    if vault is not None and target == Path(vault).expanduser().resolve():
        return f"{output} is your journal itself; choose another name for the report"
    if not target.parent.is_dir():
        return f"the folder {Path(output).parent} doesn't exist; create it or choose another"
    if target.is_dir():
        return f"{output} is a folder; give a file name ending in .pdf"
    if target.exists():
        try:
            with target.open("rb") as existing:
                is_pdf = existing.read(5) == b"%PDF-"
        except OSError:
            is_pdf = False
        if not is_pdf:
            return (
                f"{output} already exists and is not a PDF; choose another name so nothing "
                "is overwritten"
            )
    return None


@contextlib.contextmanager
def private_file(path: Path) -> Iterator[BinaryIO]:
    """A new file beside ``path`` (mode 0600, created exclusively), open for writing, that is
    synced and then replaces ``path`` when the block ends without an error."""
    path = Path(path)
    folder = path.parent
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, PRIVATE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(PRIVATE_MODE)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - folders cannot be opened for fsync on Windows
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a folder we may write but not read
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def write_pdf(
    path: Path, pages: Sequence[Figure], *, title: str, created: dt.datetime | None = None
) -> None:
    """Write ``pages`` (A4 figures) to ``path`` as one PDF with mode 0600."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    metadata = {"Title": title, "Creator": CREATOR, "Subject": "A personal recovery review"}
    if created is not None:
        metadata["CreationDate"] = created  # type: ignore[assignment]
    with (
        private_file(path) as handle,
        matplotlib.rc_context(_rc()),
        PdfPages(handle, metadata=metadata) as pdf,
    ):
        info = pdf.infodict()
        info["Title"] = title
        info["Creator"] = CREATOR
        for page in pages:
            pdf.savefig(page)


def write_report_pdf(
    path: Path,
    pages: Sequence[Figure],
    content: ReportContent,
    *,
    created: dt.datetime | None = None,
) -> None:
    """Write the report's pages to ``path`` (mode 0600), titled with its period."""
    write_pdf(path, pages, title=pdf_title(content), created=created)


def page_image(page: Figure, dpi: float) -> tuple[bytes, int, int]:
    """One page drawn with the Agg renderer: RGBA bytes, width and height in pixels."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    saved = page.dpi
    canvas: Any = FigureCanvasAgg(page)
    try:
        with matplotlib.rc_context(_rc()):
            page.set_dpi(dpi)
            canvas.draw()
            data = bytes(canvas.buffer_rgba())
            width, height = canvas.get_width_height(physical=True)
    finally:
        page.set_dpi(saved)
    return data, int(width), int(height)


def page_png(page: Figure, path: Path, dpi: float = 110) -> None:
    """Save one page as a PNG file (mode 0600), e.g. for the README's screenshots."""
    import matplotlib

    with private_file(Path(path)) as handle, matplotlib.rc_context(_rc()):
        page.savefig(handle, format="png", dpi=dpi, metadata={"Software": None})
