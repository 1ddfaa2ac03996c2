"""The Inspect tab's feature maps: every channel of a layer as one tiled image, and one
channel enlarged with a hover readout and an optional overlay on the input.

Hovering over a unit of the enlarged map outlines its receptive field on the model's input
(the per-dimension field and jump of the layer, so the square grows from layer to layer), and
a toggle draws its effective receptive field beside it: the gradient of that unit with
respect to the input (Luo et al., 2016), which is much smaller than the outline. The outline
moves at once; the gradient, a forward and backward pass, follows at most every
GRADIENT_MS milliseconds, for the unit last hovered.

While Inspect's timelapse slider is moved back (timelapse_replay.py), the maps are those the
run recorded then, of the test image it followed, and that image is the input shown beside
them (the effective field, a pass through today's weights, waits for the slider's end).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PIL import Image
from PySide6.QtCore import QRectF, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.mosaic import cell_at, fitting_columns, normalise, tile
from cnnviz.core.analysis.receptive_field import Field
from cnnviz.core.training.timelapse import TimelapseEvent
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.widgets.charts import bar_brushes, image_view, lookup_table
from cnnviz.ui.widgets.controls import SteadyLabel
from cnnviz.ui.widgets.grid_marks import (
    GridMarks,
    colour_bar,
    rect_outline,
    set_scale,
    view_area,
)
from cnnviz.ui.widgets.style import style_plot

MAPS_PER_PAGE = 64
COLORMAPS = ["viridis", "inferno", "magma", "plasma", "CET-L1"]
DEAD_BRUSH = pg.mkBrush(230, 40, 40)
#: a receptive field's outline
FIELD_COLOUR = QColor(255, 40, 40)
GRADIENT_MS = 30
#: the smallest side of the enlarged map and the input beside it, in pixels
ZOOM_MINIMUM = 96
#: (layer, unit) -> the unit's input gradient [H, W], or None without an input
GradientFn = Callable[[str, tuple[int, ...]], "np.ndarray | None"]


class FeatureMapsPanel(QWidget):
    #: a message for the status bar
    status = Signal(str)
    #: the channel shown enlarged (a click, the arrow keys, a new layer)
    channel_changed = Signal(int)

    def __init__(self, gradient: GradientFn | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.gradient = gradient
        self.field: Field | None = None
        self.model_input: np.ndarray | None = None  # uint8 [C, H, W], the input at model size
        self.hovered: tuple[int, int] | None = None  # (row, column) of the unit under the mouse
        self._hover_text = ""
        self.layer_name = ""
        self.output_names: list[str] | None = None
        self.activation: np.ndarray | None = None  # [C, H, W] or [N]
        self.original: np.ndarray | None = None  # uint8 [H, W, C], the input as seen
        self.channel = 0
        #: a timelapse frame whose maps (and input) are shown instead of the model's
        self.recorded: TimelapseEvent | None = None
        self.shown_channels: list[int] = []
        self._columns = 1
        self.colormap_combo = QComboBox(objectName="inspectColormap")
        self.colormap_combo.addItems(COLORMAPS)
        self.scaling_combo = QComboBox(objectName="inspectScaling")
        self.scaling_combo.addItems([self.tr("scale each map"),
                                     self.tr("scale the layer together")])  # fmt: skip
        self.sort_check = QCheckBox(self.tr("sort by mean activation"), objectName="inspectSort")
        self.page_spin = QSpinBox(objectName="inspectPage", minimum=1, maximum=1)
        self.page_spin.setPrefix(self.tr("page "))
        self.shown_label = QLabel(objectName="inspectShown")
        self.export_png_button = QPushButton(self.tr("Export PNG..."),
                                             objectName="inspectExportPng")  # fmt: skip
        self.export_npy_button = QPushButton(self.tr("Export .npy..."),
                                             objectName="inspectExportNpy")  # fmt: skip
        map_controls = QGridLayout()
        map_controls.addWidget(self.colormap_combo, 0, 0)
        map_controls.addWidget(self.scaling_combo, 0, 1)
        map_controls.addWidget(self.sort_check, 0, 2)
        map_controls.addWidget(self.page_spin, 1, 0)
        map_controls.addWidget(self.shown_label, 1, 1)
        exports = QHBoxLayout()
        exports.addWidget(self.export_png_button)
        exports.addWidget(self.export_npy_button)
        map_controls.addLayout(exports, 1, 2)
        self.map_widget, self.map_view, self.map_item = image_view("featureMapView")
        self.map_widget.setMinimumSize(200, 120)  # never squeezed away by the columns beside
        self.map_marks = GridMarks(self.map_widget, self.map_view)
        self.bars = pg.PlotWidget(objectName="layerOutputBars")
        self.bars.setMenuEnabled(False)
        style_plot(self.bars)
        self.bars.hide()
        self.dead_marks = pg.ScatterPlotItem(symbol="x", size=10, brush=DEAD_BRUSH,
                                             pen=pg.mkPen(230, 40, 40, width=2))
        self.map_view.addItem(self.dead_marks)
        self.zoom_widget, self.zoom_view, self.zoom_item = image_view("enlargedMapView")
        self.zoom_bar = colour_bar(self.zoom_widget)
        self.overlay_base = pg.ImageItem(axisOrder="row-major")
        self.zoom_view.addItem(self.overlay_base)
        self.overlay_base.setZValue(-1)
        self.field_widget, self.field_view, self.field_item = image_view("receptiveFieldView")
        self.field_outline = rect_outline(self.field_view, FIELD_COLOUR, 2, 10)
        self.erf_widget, self.erf_view, self.erf_item = image_view("effectiveFieldView")
        self.erf_item.setLookupTable(lookup_table("inferno"))
        self.erf_outline = rect_outline(self.erf_view, FIELD_COLOUR, 2, 10)
        self.erf_widget.hide()
        self.overlay_check = QCheckBox(self.tr("overlay on the input"),
                                       objectName="inspectOverlay")  # fmt: skip
        self.erf_check = QCheckBox(self.tr("effective receptive field"),
                                   objectName="inspectEffectiveField")  # fmt: skip
        self.erf_check.setToolTip(self.tr(
            "Beside the outline, the gradient of the unit under the mouse with respect to the "
            "input: the pixels that really move it (Luo et al., 2016). It fills much less than "
            "the theoretical square."))
        # two lines kept, so that a reading that wraps moves nothing as the mouse moves
        self.hover_label = SteadyLabel(2, objectName="inspectHover")
        self.hover_label.setText(self.tr("click a map to enlarge it; hover over it to see a "
                                         "unit's receptive field"))  # fmt: skip
        zoom_checks = QHBoxLayout()
        zoom_checks.addWidget(self.overlay_check)
        zoom_checks.addWidget(self.erf_check)
        zoom_checks.addStretch(1)
        # the enlarged map takes the room there is; the input beside it a bit less. Under the
        # grid, they give way first: on a projector at 1280x720 the grid keeps its maps large
        self.zoom_row = QWidget()
        zoom_row = QHBoxLayout(self.zoom_row)
        zoom_row.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.zoom_widget, 3), (self.field_widget, 2),
                                (self.erf_widget, 2)):  # fmt: skip
            widget.setMinimumSize(ZOOM_MINIMUM, ZOOM_MINIMUM)
            zoom_row.addWidget(widget, stretch)
        maps_row = QVBoxLayout()
        maps_row.addWidget(self.map_widget, 3)
        maps_row.addWidget(self.bars, 3)
        maps_row.addWidget(self.zoom_row, 2)
        maps_row.addLayout(zoom_checks)
        maps_row.addWidget(self.hover_label)
        layout = QVBoxLayout(self)
        layout.addLayout(map_controls)
        layout.addLayout(maps_row, 1)

        for signal in (self.colormap_combo.currentIndexChanged,
                       self.scaling_combo.currentIndexChanged, self.sort_check.toggled):
            signal.connect(lambda *_: self._draw_maps())
        self.page_spin.valueChanged.connect(lambda *_: self._draw_maps())
        self.overlay_check.toggled.connect(lambda *_: self._draw_zoom())
        self.erf_check.toggled.connect(self._on_erf_toggled)
        self._gradient_timer = QTimer(self, singleShot=True, interval=GRADIENT_MS)
        self._gradient_timer.timeout.connect(self._draw_gradient)
        self.export_png_button.clicked.connect(lambda: self.export_grid_png())
        self.export_npy_button.clicked.connect(lambda: self.export_activations())
        self.map_widget.scene().sigMouseClicked.connect(self._on_map_clicked)
        # the grid takes the shape that draws its maps largest, whenever its room changes
        self.map_view.sigResized.connect(lambda *_: self._refit())
        self.zoom_widget.scene().sigMouseMoved.connect(self._on_zoom_hover)

    def show_layer(self, name: str, activation: np.ndarray | None, original: np.ndarray | None,
                   new_layer: bool, field: Field | None = None,
                   model_input: np.ndarray | None = None,
                   output_names: list[str] | None = None) -> None:  # fmt: skip
        """Draw a layer's activations; a new layer starts at its first page and channel.
        field: the layer's receptive field; model_input: uint8 [C, H, W], what it sees;
        output_names: what a fully connected layer's outputs mean (the class names of the
        last one), else they are numbered."""
        moved = new_layer or model_input is not self.model_input or field != self.field
        self.output_names = output_names
        self.layer_name, self.activation, self.original = name, activation, original
        self.field, self.model_input = field, model_input
        if new_layer:
            self.channel = 0
            self.page_spin.setValue(1)
        self._draw_field_input(keep_outline=not moved)
        self._draw_maps()

    def step_channel(self, step: int) -> None:
        activation = self._activation()
        if activation is not None and activation.ndim == 3:
            self.channel = (self.channel + step) % len(activation)
            self._draw_zoom()

    def show_recorded(self, frame: TimelapseEvent | None) -> None:
        """A timelapse frame's maps instead of the model's (None: the model's again)."""
        if frame is not self.recorded:
            self.recorded = frame
            self._draw_field_input(keep_outline=False)
            self._draw_maps()

    def _activation(self) -> np.ndarray | None:
        frame = self.recorded
        if frame is None:
            return self.activation
        return frame.layer_maps(self.layer_name) if self.layer_name in frame.maps_layers \
            else None  # fmt: skip

    def _inputs(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        """What the maps shown are of: (uint8 [C, H, W] at model size, uint8 [H, W, C])."""
        frame = self.recorded
        if frame is None:
            return self.model_input, self.original
        return frame.image, frame.image.transpose(1, 2, 0)

    def _draw_maps(self) -> None:
        activation = self._activation()
        flat = activation is not None and activation.ndim != 3
        for widget in (self.map_widget, self.zoom_row):
            widget.setVisible(not flat)
        self.bars.setVisible(flat)
        if activation is None:
            self.map_item.clear()
            self.map_marks.clear()
            self.hover_label.setText(
                "" if not self.layer_name else
                self.tr("{layer}: no output for this input").format(layer=self.layer_name)
                if self.recorded is None else
                self.tr("{layer}: the timelapse recorded no maps of it (it has {layers})")
                .format(layer=self.layer_name, layers=", ".join(self.recorded.maps_layers)))
            return
        if flat:
            self._draw_bars(activation.reshape(-1))
            return
        maps = activation
        order = np.arange(len(maps))
        if self.sort_check.isChecked():
            order = np.argsort(-maps.reshape(len(maps), -1).mean(axis=1), kind="stable")
        pages = max(1, -(-len(maps) // MAPS_PER_PAGE))
        self.page_spin.setMaximum(pages)
        page = min(self.page_spin.value(), pages) - 1
        shown = order[page * MAPS_PER_PAGE : (page + 1) * MAPS_PER_PAGE]
        self.shown_channels = [int(c) for c in shown]
        per_map = self.scaling_combo.currentIndex() == 0
        scaled = normalise(maps, per_map=per_map)[shown]
        columns = fitting_columns(len(shown), maps.shape[1:], view_area(self.map_view))
        self._columns = columns
        mosaic = tile(scaled, columns, fill=np.nan)  # NaN shows as transparent
        colormap = self.colormap_combo.currentText()
        self.map_item.setLookupTable(lookup_table(colormap))
        self.map_item.setImage(mosaic, autoLevels=False, levels=(0.0, 1.0))
        self.map_view.autoRange(padding=0.01, items=[self.map_item])
        self.map_marks.number(self.shown_channels, maps.shape[1:], columns)
        self.map_marks.fit_bar((mosaic.shape[1], mosaic.shape[0]))
        # each map scaled alone: the bar reads from its lowest (0) to its highest (1)
        self.map_marks.scale(colormap, *((0.0, 1.0) if per_map
                                         else (float(maps.min()), float(maps.max()))))
        dead = [i for i, c in enumerate(shown) if not np.any(maps[c])]
        h, w = maps.shape[1:]
        self.dead_marks.setData(
            [(i % columns) * (w + 1) + w / 2 for i in dead],
            [(i // columns) * (h + 1) + h / 2 for i in dead])
        dead_total = int(sum(not np.any(m) for m in maps))
        self.shown_label.setText(
            (self.tr("{shown} of {count} shown, {dead} dead (x)") if dead_total else
             self.tr("{shown} of {count} shown")).format(shown=len(shown), count=len(maps),
                                                         dead=dead_total))  # fmt: skip
        self._draw_zoom()

    def _refit(self) -> None:
        """The view was resized: the maps are tiled again if another shape of the grid now
        draws them larger."""
        activation = self._activation()
        if activation is None or activation.ndim != 3 or not self.shown_channels:
            return
        area = view_area(self.map_view)
        if fitting_columns(len(self.shown_channels), activation.shape[1:], area) != self._columns:
            self._draw_maps()

    def _draw_bars(self, values: np.ndarray) -> None:
        """A fully connected layer: one labelled bar per output (the class names for the
        last layer), the highest in a stronger colour."""
        names = self.output_names
        labels = names if names is not None and len(names) == len(values) else \
            [str(i) for i in range(len(values))]  # fmt: skip
        top = int(np.argmax(values))
        brushes = bar_brushes(len(values), top)
        self.bars.clear()
        self.bars.addItem(pg.BarGraphItem(x=np.arange(len(values)), height=values, width=0.7,
                                          brushes=brushes))  # fmt: skip
        step = max(1, len(values) // 20)  # at most about 20 names on the axis
        self.bars.getAxis("bottom").setTicks([[(i, labels[i])
                                               for i in range(0, len(values), step)]])
        text = (self.tr("{layer}: {count} class scores (logits); highest: {name} ({value})")
                if labels is names else
                self.tr("{layer}: {count} outputs; highest: {name} ({value})"))
        self.hover_label.setText(text.format(layer=self.layer_name, count=len(values),
                                             name=labels[top], value=f"{values[top]:.3g}"))
        self.shown_label.setText(self.tr("{count} outputs").format(count=len(values)))

    def _draw_zoom(self) -> None:
        activation = self._activation()
        if activation is None or activation.ndim != 3:
            self.zoom_item.clear()
            self.overlay_base.clear()
            return
        self.channel = min(self.channel, len(activation) - 1)
        self.channel_changed.emit(self.channel)
        single = activation[self.channel]
        low, high = float(single.min()), float(single.max())
        chosen = (self.shown_channels.index(self.channel)
                  if self.channel in self.shown_channels else None)  # fmt: skip
        self.map_marks.select(chosen, single.shape, self._columns)
        set_scale(self.zoom_bar, self.colormap_combo.currentText(), low, high)
        self.zoom_item.setLookupTable(lookup_table(self.colormap_combo.currentText()))
        self.zoom_item.setImage(single, autoLevels=False, levels=(low, high if high > low
                                                                   else low + 1))  # fmt: skip
        original = self._inputs()[1]
        if self.overlay_check.isChecked() and original is not None:
            base = original.mean(axis=2).astype(np.float32)
            self.overlay_base.setImage(base, autoLevels=False, levels=(0, 255))
            self.overlay_base.setRect(0, 0, single.shape[1], single.shape[0])
            self.overlay_base.show()
            self.zoom_item.setOpacity(0.55)
        else:
            self.overlay_base.hide()
            self.zoom_item.setOpacity(1.0)
        self.zoom_view.autoRange(padding=0.01)
        values = {"layer": self.layer_name, "channel": self.channel, "low": f"{low:.3g}",
                  "high": f"{high:.3g}"}
        if self.recorded is None:
            text = self.tr("{layer}, channel {channel}: min {low}, max {high}")
        else:
            text = self.tr("{layer}, channel {channel} (test image 0, step {step}): min {low}, "
                           "max {high}")
            values["step"] = f"{self.recorded.step:,}"
        self.hover_label.setText(text.format(**values))
        self._draw_gradient()  # the unit hovered, in this channel or with new weights

    def _on_map_clicked(self, event) -> None:
        activation = self._activation()
        if activation is None or activation.ndim != 3:
            return
        point = self.map_item.mapFromScene(event.scenePos())
        h, w = activation.shape[1:]
        index = cell_at(point.x(), point.y(), (h, w), self._columns,
                        len(self.shown_channels))  # fmt: skip
        if index is not None:
            self.channel = self.shown_channels[index]
            self._draw_zoom()

    def _on_zoom_hover(self, scene_pos) -> None:
        activation = self._activation()
        if activation is None or activation.ndim != 3:
            return
        point = self.zoom_item.mapFromScene(scene_pos)
        x, y = int(np.floor(point.x())), int(np.floor(point.y()))
        single = activation[self.channel]
        if 0 <= y < single.shape[0] and 0 <= x < single.shape[1]:
            self.hover_unit(y, x)

    def hover_unit(self, row: int, column: int) -> None:
        """The mouse is over unit (row, column) of the enlarged map: its value, and its
        receptive field outlined on the input (the effective field follows shortly)."""
        single = self._activation()[self.channel]
        text = self.tr("{layer}, channel {channel}: x {x}, y {y}, value {value}").format(
            layer=self.layer_name, channel=self.channel, x=column, y=row,
            value=f"{single[row, column]:.4g}")
        self.hovered = (row, column)
        if self.field is not None and self._inputs()[0] is not None:
            top, left, height, width = self.field.rect(row, column)
            for item in (self.field_outline, self.erf_outline):
                item.setRect(QRectF(left, top, width, height))
                item.show()
            text = (self.tr("{reading}; receptive field: the whole input").format(reading=text)
                    if self.field.jump is None else
                    self.tr("{reading}; receptive field: {size} pixels from ({x}, {y})").format(
                        reading=text, size=f"{int(height)}x{int(width)}", x=int(left),
                        y=int(top)))  # fmt: skip
            if self.erf_check.isChecked() and not self._gradient_timer.isActive():
                self._gradient_timer.start()
        self._hover_text = text
        self.hover_label.setText(text)

    def _draw_field_input(self, keep_outline: bool) -> None:
        """The model's input, for the outline: grey or colour, its own size, a margin round
        it so that a field reaching into the padding shows. The outline stays for new
        weights of the same layer and input (a live run); _draw_zoom redraws its effective
        field."""
        if not keep_outline:
            self.hovered = None
            for item in (self.field_outline, self.erf_outline):
                item.hide()
            self.erf_item.clear()
        image = self._inputs()[0]
        if image is None:
            self.field_item.clear()
            return
        picture = image[0] if image.shape[0] == 1 else image.transpose(1, 2, 0)
        self.field_item.setImage(np.ascontiguousarray(picture, dtype=np.float32),
                                 autoLevels=False, levels=(0, 255))  # fmt: skip
        height, width = image.shape[1:]
        margin = 0.15 * max(height, width)
        bounds = QRectF(-margin, -margin, width + 2 * margin, height + 2 * margin)
        for view in (self.field_view, self.erf_view):
            view.setRange(bounds, padding=0)

    def _on_erf_toggled(self, shown: bool) -> None:
        self.erf_widget.setVisible(shown)
        if shown and self.hovered is not None:
            self._draw_gradient()

    def _draw_gradient(self) -> None:
        """The effective receptive field of the unit last hovered, as a heatmap."""
        if self.hovered is None or self.gradient is None or not self.erf_check.isChecked() \
                or self.recorded is not None:  # fmt: skip
            return
        gradient = self.gradient(self.layer_name, (self.channel, *self.hovered))
        if gradient is None:
            return
        high = float(gradient.max())
        self.erf_item.setImage(gradient, autoLevels=False, levels=(0.0, high if high > 0 else 1.0))
        if high == 0:
            self.hover_label.setText(self.tr("{reading}; effective field: none, the unit is off "
                                             "for this input, so no pixel moves it")
                                     .format(reading=self._hover_text))  # fmt: skip

    def export_grid_png(self, path: Path | None = None) -> Path | None:
        if self.map_item.image is None:
            return None
        path = choose_path(True, self, path, self.tr("Export feature maps"),
                           f"{self.layer_name}.png", self.tr("PNG (*.png)"))
        if path is None:
            return None
        lut = lookup_table(self.colormap_combo.currentText())
        index = np.clip(np.nan_to_num(self.map_item.image, nan=1.0) * 255, 0, 255).astype(np.uint8)
        try:
            Image.fromarray(lut[index][..., :3].astype(np.uint8)).resize(
                (index.shape[1] * 8, index.shape[0] * 8), Image.Resampling.NEAREST).save(path)
        except OSError as exc:
            self.status.emit(self.tr("cannot write {path}: {error}").format(path=path, error=exc))
            return None
        return path

    def export_activations(self, path: Path | None = None) -> Path | None:
        activation = self._activation()
        if activation is None:
            return None
        path = choose_path(True, self, path, self.tr("Export activations"),
                           f"{self.layer_name}.npy", self.tr("NumPy (*.npy)"))
        if path is None:
            return None
        try:
            np.save(path, activation)
        except OSError as exc:
            self.status.emit(self.tr("cannot write {path}: {error}").format(path=path, error=exc))
            return None
        return path
