"""The Inspect tab's feature maps: every channel of a layer as one tiled image, and one
channel enlarged with a hover readout and an optional overlay on the input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PIL import Image
from PySide6.QtCore import Signal
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

from cnnviz.core.analysis.mosaic import cell_at, grid_columns, normalise, tile
from cnnviz.ui.charts import image_view, lookup_table
from cnnviz.ui.file_dialogs import choose_path

MAPS_PER_PAGE = 64
COLORMAPS = ["viridis", "inferno", "magma", "plasma", "CET-L1"]
DEAD_BRUSH = pg.mkBrush(230, 40, 40)


class FeatureMapsPanel(QWidget):
    #: a message for the status bar
    status = Signal(str)
    #: the channel shown enlarged (a click, the arrow keys, a new layer)
    channel_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer_name = ""
        self.activation: np.ndarray | None = None  # [C, H, W] or [N]
        self.original: np.ndarray | None = None  # uint8 [H, W, C], the input as seen
        self.channel = 0
        self.shown_channels: list[int] = []
        self._columns = 1
        self.colormap_combo = QComboBox(objectName="inspectColormap")
        self.colormap_combo.addItems(COLORMAPS)
        self.scaling_combo = QComboBox(objectName="inspectScaling")
        self.scaling_combo.addItems(["scale each map", "scale the layer together"])
        self.sort_check = QCheckBox("sort by mean activation", objectName="inspectSort")
        self.page_spin = QSpinBox(objectName="inspectPage", minimum=1, maximum=1)
        self.page_spin.setPrefix("page ")
        self.shown_label = QLabel(objectName="inspectShown")
        self.export_png_button = QPushButton("Export PNG...", objectName="inspectExportPng")
        self.export_npy_button = QPushButton("Export .npy...", objectName="inspectExportNpy")
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
        self.dead_marks = pg.ScatterPlotItem(symbol="x", size=10, brush=DEAD_BRUSH,
                                             pen=pg.mkPen(230, 40, 40, width=2))
        self.map_view.addItem(self.dead_marks)
        self.zoom_widget, self.zoom_view, self.zoom_item = image_view("enlargedMapView")
        self.overlay_base = pg.ImageItem(axisOrder="row-major")
        self.zoom_view.addItem(self.overlay_base)
        self.overlay_base.setZValue(-1)
        self.overlay_check = QCheckBox("overlay on the input", objectName="inspectOverlay")
        self.hover_label = QLabel("click a map to enlarge it", objectName="inspectHover")
        self.hover_label.setWordWrap(True)
        zoom_text = QVBoxLayout()
        zoom_text.addWidget(self.overlay_check)
        zoom_text.addWidget(self.hover_label)
        zoom_text.addStretch(1)
        zoom_row = QHBoxLayout()
        self.zoom_widget.setFixedSize(220, 220)
        zoom_row.addWidget(self.zoom_widget)
        zoom_row.addLayout(zoom_text, 1)
        maps_row = QVBoxLayout()
        maps_row.addWidget(self.map_widget, 1)
        maps_row.addLayout(zoom_row)
        layout = QVBoxLayout(self)
        layout.addLayout(map_controls)
        layout.addLayout(maps_row, 1)


        for signal in (self.colormap_combo.currentIndexChanged,
                       self.scaling_combo.currentIndexChanged, self.sort_check.toggled):
            signal.connect(lambda *_: self._draw_maps())
        self.page_spin.valueChanged.connect(lambda *_: self._draw_maps())
        self.overlay_check.toggled.connect(lambda *_: self._draw_zoom())
        self.export_png_button.clicked.connect(lambda: self.export_grid_png())
        self.export_npy_button.clicked.connect(lambda: self.export_activations())
        self.map_widget.scene().sigMouseClicked.connect(self._on_map_clicked)
        self.zoom_widget.scene().sigMouseMoved.connect(self._on_zoom_hover)

    def show_layer(self, name: str, activation: np.ndarray | None, original: np.ndarray | None,
                   new_layer: bool) -> None:  # fmt: skip
        """Draw a layer's activations; a new layer starts at its first page and channel."""
        self.layer_name, self.activation, self.original = name, activation, original
        if new_layer:
            self.channel = 0
            self.page_spin.setValue(1)
        self._draw_maps()

    def step_channel(self, step: int) -> None:
        activation = self._activation()
        if activation is not None and activation.ndim == 3:
            self.channel = (self.channel + step) % len(activation)
            self._draw_zoom()

    def _activation(self) -> np.ndarray | None:
        return self.activation

    def _draw_maps(self) -> None:
        activation = self._activation()
        if activation is None:
            self.map_item.clear()
            return
        maps = activation if activation.ndim == 3 else activation.reshape(1, 1, -1)
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
        columns = grid_columns(len(shown), aspect=1.5)
        self._columns = columns
        mosaic = tile(scaled, columns, fill=np.nan)  # NaN shows as transparent
        self.map_item.setLookupTable(lookup_table(self.colormap_combo.currentText()))
        self.map_item.setImage(mosaic, autoLevels=False, levels=(0.0, 1.0))
        self.map_view.autoRange(padding=0.01)
        dead = [i for i, c in enumerate(shown) if not np.any(maps[c])]
        h, w = maps.shape[1:]
        self.dead_marks.setData(
            [(i % columns) * (w + 1) + w / 2 for i in dead],
            [(i // columns) * (h + 1) + h / 2 for i in dead])
        dead_total = int(sum(not np.any(m) for m in maps))
        self.shown_label.setText(
            f"{len(shown)} of {len(maps)} shown" + (f", {dead_total} dead (x)" if dead_total
                                                    else ""))  # fmt: skip
        self._draw_zoom()

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
        self.zoom_item.setLookupTable(lookup_table(self.colormap_combo.currentText()))
        self.zoom_item.setImage(single, autoLevels=False, levels=(low, high if high > low
                                                                   else low + 1))  # fmt: skip
        if self.overlay_check.isChecked() and self.original is not None:
            base = self.original.mean(axis=2).astype(np.float32)
            self.overlay_base.setImage(base, autoLevels=False, levels=(0, 255))
            self.overlay_base.setRect(0, 0, single.shape[1], single.shape[0])
            self.overlay_base.show()
            self.zoom_item.setOpacity(0.55)
        else:
            self.overlay_base.hide()
            self.zoom_item.setOpacity(1.0)
        self.zoom_view.autoRange(padding=0.01)
        self.hover_label.setText(f"{self.layer_name}, channel {self.channel}: "
                                 f"min {low:.3g}, max {high:.3g}")

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
        x, y = int(point.x()), int(point.y())
        single = activation[self.channel]
        if 0 <= y < single.shape[0] and 0 <= x < single.shape[1]:
            self.hover_label.setText(f"{self.layer_name}, channel {self.channel}: "
                                     f"x {x}, y {y}, value {single[y, x]:.4g}")

    def export_grid_png(self, path: Path | None = None) -> Path | None:
        if self.map_item.image is None:
            return None
        path = choose_path(True, self, path, "Export feature maps",
                           f"{self.layer_name}.png", "PNG (*.png)")
        if path is None:
            return None
        lut = lookup_table(self.colormap_combo.currentText())
        index = np.clip(np.nan_to_num(self.map_item.image, nan=1.0) * 255, 0, 255).astype(np.uint8)
        try:
            Image.fromarray(lut[index][..., :3].astype(np.uint8)).resize(
                (index.shape[1] * 8, index.shape[0] * 8), Image.Resampling.NEAREST).save(path)
        except OSError as exc:
            self.status.emit(f"cannot write {path}: {exc}")
            return None
        return path

    def export_activations(self, path: Path | None = None) -> Path | None:
        activation = self._activation()
        if activation is None:
            return None
        path = choose_path(True, self, path, "Export activations",
                           f"{self.layer_name}.npy", "NumPy (*.npy)")
        if path is None:
            return None
        try:
            np.save(path, activation)
        except OSError as exc:
            self.status.emit(f"cannot write {path}: {exc}")
            return None
        return path
