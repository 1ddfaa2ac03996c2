"""Inspect's "Top test images": the test images that excite the chosen channel most, each
cropped to what the channel's unit sees, as the Deep Visualization Toolbox shows them.

One scan finds the top images of every channel of a layer at once (in the background, with
progress and Cancel), so moving between channels afterwards is instant; a scan of a checkpoint
is kept next to it (cnnviz.core.analysis.unit_cache), so the next look at it is instant too.
Clicking a crop shows its whole test image in Inspect.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from cnnviz.core.analysis.top_inputs import (
    DEFAULT_TOP,
    CropGeometry,
    TopInputs,
    channel_crops,
    crop_at,
    crops_grid,
    find_top_inputs,
    layer_geometry,
    layer_maps_shape,
)
from cnnviz.core.analysis.unit_cache import load_top_inputs, save_top_inputs
from cnnviz.ui.inspect.unit_view import UnitView
from cnnviz.ui.shell.i18n import translate_error
from cnnviz.ui.workers.background import TaskState

#: crops are drawn this many times their size, so that small ones stay visible
CROP_SCALE = 4


class TopInputsPanel(UnitView):
    #: the index of a test image whose crop was clicked
    image_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__("units", "unitsView")
        self.heading.setText(self.tr("Top test images"))
        self.task_bar.start_button.setText(self.tr("Find top images"))
        self.results: dict[str, tuple[TopInputs, CropGeometry, str]] = {}
        self.view.scene().sigMouseClicked.connect(self._on_clicked)

    def cancelled_text(self) -> str:
        return self.tr("Scan cancelled.")

    def error_text(self, error: Exception) -> str:
        return self.tr("Cannot scan {layer}: {error}").format(
            layer=self.layer, error=translate_error(error))

    def start(self) -> None:
        source, layer = self.source, self.layer
        if source is None or source.test is None or not layer:
            self.caption.setText(self.tr("The test set is not loaded yet."))
            return
        model, test, label = source.copy_model(), source.test, source.weights_label

        def work(state: TaskState) -> tuple[TopInputs, CropGeometry, str] | None:
            top = (load_top_inputs(source.weights, layer, DEFAULT_TOP, source.dataset, len(test),
                                   layer_maps_shape(model, source.input_shape, layer))
                   if source.weights else None)  # fmt: skip
            if top is None:
                top = find_top_inputs(model, test.images, source.normalizer, layer, DEFAULT_TOP,
                                      should_stop=state.is_interruption_requested,
                                      on_progress=state.set_progress)  # fmt: skip
                if top is None:
                    return None
                if source.weights is not None:
                    save_top_inputs(source.weights, top, source.dataset, len(test))
            return top, layer_geometry(model, source.input_shape, layer, top.map_size), label

        self.caption.setText(self.tr("Scanning {count} test images for {layer}...")
                             .format(count=f"{len(test):,}", layer=layer))  # fmt: skip
        self.task_bar.run(work, lambda result: self._on_done(layer, result), self._on_error)

    def redraw(self) -> None:
        found = self.results.get(self.layer)
        if found is None or self.source is None or self.source.test is None:
            self._show_hint(self.tr("Find the test images that excite each channel of {layer} "
                                    "most.").format(layer=self.layer or self.tr("a layer")))
            return
        top, geometry, label = found
        channel = min(self.channel, top.channels - 1)
        crops = channel_crops(self.source.test.images, top, channel, geometry)
        self.draw_picture(crops_grid(crops, CROP_SCALE))
        values = ", ".join(f"{v:.3g}" for v in top.activations[channel])
        self.caption.setText(self.tr(
            "{layer}, channel {channel}: the {k} strongest of {count} test images ({values}), "
            "each cropped to the {size} pixels its unit sees. Weights: {label}.").format(
            layer=self.layer, channel=channel, k=top.k, count=f"{len(self.source.test):,}",
            values=values, size=f"{geometry.size[0]}x{geometry.size[1]}", label=label))

    def shown_indices(self) -> list[int]:
        """The test images of the crops on screen, in grid order."""
        found = self.results.get(self.layer)
        if found is None:
            return []
        top = found[0]
        return [int(i) for i in top.indices[min(self.channel, top.channels - 1)]]

    def _on_clicked(self, event) -> None:
        indices = self.shown_indices()
        if not indices:
            return
        geometry = self.results[self.layer][1]
        point = self.image_item.mapFromScene(event.scenePos())
        cell = crop_at(point.x(), point.y(), len(indices), geometry.size, CROP_SCALE)
        if cell is not None:
            self.image_requested.emit(indices[cell])
