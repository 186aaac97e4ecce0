"""Drawing a finished chart ``Figure`` onto a report page, as vectors, at its own size.

The chart builders make one ``Figure`` per chart, laid out for its own size (fixed margins in
inches, a figure-level legend). A report page is another ``Figure``. Instead of resizing a
chart (which would stretch its layout) or pasting a bitmap (which would blur in print),
:class:`EmbeddedFigure` is an artist on the page that draws the chart figure through a
renderer that moves every drawing call by the chart's offset on the page. The chart keeps
its own layout, stays vector in the PDF and extractable as text.

The offset is applied where coordinates reach the renderer: paths, markers, collections,
meshes, images, text, and the clip rectangles and clip paths set on graphics contexts.
"""

from __future__ import annotations

from typing import Any

from matplotlib.artist import Artist
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.figure import Figure
from matplotlib.transforms import Affine2D, Bbox, Transform, TransformedPath

_SHIFTED_GC: dict[type, type] = {}


def _shifted_gc_class(base: type) -> type:
    """A subclass of the renderer's graphics context that moves clip regions as they are set
    (once, so a context used for several drawing calls is moved only once)."""
    cls = _SHIFTED_GC.get(base)
    if cls is None:

        class ShiftedContext(base):  # type: ignore[misc]
            _rj_dx = 0.0
            _rj_dy = 0.0

            def set_clip_rectangle(self, rectangle: Bbox | None) -> None:
                if rectangle is not None:
                    rectangle = Bbox(rectangle.get_points()).translated(self._rj_dx, self._rj_dy)
                super().set_clip_rectangle(rectangle)

            def set_clip_path(self, path: TransformedPath | None) -> None:
                if path is not None:
                    inner, affine = path.get_transformed_path_and_affine()
                    moved = affine + Affine2D().translate(self._rj_dx, self._rj_dy)
                    path = TransformedPath(inner, moved)
                super().set_clip_path(path)

        cls = _SHIFTED_GC[base] = ShiftedContext
    return cls


class ShiftedRenderer:
    """Passes everything to ``inner``, with every coordinate moved by ``(dx, dy)`` pixels."""

    def __init__(self, inner: RendererBase, dx: float, dy: float) -> None:
        self._inner = inner
        self._dx = dx
        self._dy = dy
        self._shift = Affine2D().translate(dx, dy)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def new_gc(self) -> GraphicsContextBase:
        gc = self._inner.new_gc()
        gc.__class__ = _shifted_gc_class(type(gc))
        gc._rj_dx = self._dx  # type: ignore[attr-defined]
        gc._rj_dy = self._dy  # type: ignore[attr-defined]
        return gc

    def _moved(self, transform: Transform) -> Transform:
        return transform + self._shift

    def draw_path(self, gc: Any, path: Any, transform: Transform, rgbFace: Any = None) -> None:
        self._inner.draw_path(gc, path, self._moved(transform), rgbFace)

    def draw_markers(
        self,
        gc: Any,
        marker_path: Any,
        marker_trans: Transform,
        path: Any,
        trans: Transform,
        rgbFace: Any = None,
    ) -> None:
        self._inner.draw_markers(gc, marker_path, marker_trans, path, self._moved(trans), rgbFace)

    def draw_path_collection(
        self, gc: Any, master_transform: Transform, *args: Any, **kwargs: Any
    ) -> None:
        # Offsets are added after the master transform, so moving it moves every path once.
        self._inner.draw_path_collection(gc, self._moved(master_transform), *args, **kwargs)

    def draw_quad_mesh(
        self, gc: Any, master_transform: Transform, *args: Any, **kwargs: Any
    ) -> None:
        self._inner.draw_quad_mesh(gc, self._moved(master_transform), *args, **kwargs)

    def draw_gouraud_triangles(
        self, gc: Any, triangles_array: Any, colors_array: Any, transform: Transform
    ) -> None:
        self._inner.draw_gouraud_triangles(
            gc, triangles_array, colors_array, self._moved(transform)
        )

    def draw_image(self, gc: Any, x: float, y: float, im: Any, transform: Any = None) -> None:
        self._inner.draw_image(gc, x + self._dx, y + self._dy, im, transform)

    def _text_y(self, y: float) -> float:
        # Text arrives with y already flipped on renderers whose origin is the top (Agg).
        return y - self._dy if self._inner.flipy() else y + self._dy

    def draw_text(self, gc: Any, x: float, y: float, *args: Any, **kwargs: Any) -> None:
        self._inner.draw_text(gc, x + self._dx, self._text_y(y), *args, **kwargs)

    def draw_tex(self, gc: Any, x: float, y: float, *args: Any, **kwargs: Any) -> None:
        self._inner.draw_tex(gc, x + self._dx, self._text_y(y), *args, **kwargs)


class EmbeddedFigure(Artist):
    """Draws ``inner`` with its lower-left corner at ``(x_in, bottom_in)`` inches on the page.

    ``inner`` keeps its own size and layout; it is drawn at the page's resolution.
    """

    def __init__(self, inner: Figure, x_in: float, bottom_in: float) -> None:
        super().__init__()
        self.inner = inner
        self.x_in = x_in
        self.bottom_in = bottom_in
        for artist in inner.findobj():
            artist.set_rasterized(False)  # rasterizing would bypass the moved renderer

    @property
    def size_in(self) -> tuple[float, float]:
        width, height = self.inner.get_size_inches()
        return float(width), float(height)

    def draw(self, renderer: RendererBase) -> None:
        if not self.get_visible():
            return
        page = self.get_figure(root=True)
        assert page is not None
        dpi = page.dpi
        saved = self.inner.dpi
        self.inner.set_dpi(dpi)
        try:
            moved = ShiftedRenderer(renderer, self.x_in * dpi, self.bottom_in * dpi)
            self.inner.draw(moved)  # type: ignore[arg-type]
        finally:
            self.inner.set_dpi(saved)
        self.stale = False
