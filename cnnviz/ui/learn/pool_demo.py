"""The pooling demo: one depth slice from real data, 2x2 max pooling with stride 2 with the
winner of every window marked, and average pooling beside it for comparison, the two drawn at
the same size. A flat window (all zeros after a ReLU, say) has no winner to mark: marking its
first cell would cover the background and hide the real winners.

The slice is a feature map of the current model for the input Inspect shows (by default the
map the model's own first pool takes), or the tutorial's 4x4 example until there is one.
Each view is one ImageItem with fixed levels; the winners are a second, transparent image
on top, and numbers are written only on maps small enough to read them.
"""

from __future__ import annotations

import itertools

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from cnnviz.core.analysis.inspection import LayerInfo
from cnnviz.core.analysis.pooling import TUTORIAL_SLICE, Pooled, pool_slice
from cnnviz.ui.learn.notes import NotesPane, beside_notes, notes_label
from cnnviz.ui.widgets.charts import lookup_table
from cnnviz.ui.widgets.style import (
    CELL_PT,
    LABEL_PT,
    TEXT,
    UNSIGNED_COLOURMAP,
    css_size,
    follow_scale,
    font,
)

#: maps up to this many cells a side show their numbers
MAX_NUMBERED = 8
WINNER = (255, 60, 0, 120)
#: the layer menu's first item, the tutorial's example (translated where it is shown)
TUTORIAL_ITEM = QT_TRANSLATE_NOOP("PoolDemo", "the tutorial's 4x4 example")

#: two short lines each, so that three fit side by side in presentation mode's large type
TITLES = (QT_TRANSLATE_NOOP("PoolDemo", "Input slice,<br>the winners marked"),
          QT_TRANSLATE_NOOP("PoolDemo", "2x2 max pooling,<br>stride 2"),
          QT_TRANSLATE_NOOP("PoolDemo", "2x2 average pooling,<br>stride 2"))  # fmt: skip


def real_winners(slice_: np.ndarray, pooled: Pooled) -> np.ndarray:
    """bool [H, W]: the winners of the windows whose cells are not all equal."""
    height, width = pooled.maximum.shape
    windows = slice_[: 2 * height, : 2 * width].reshape(height, 2, width, 2)
    varied = windows.min(axis=(1, 3)) < pooled.maximum
    winners = pooled.winners.copy()
    winners[: 2 * height, : 2 * width] &= varied.repeat(2, axis=0).repeat(2, axis=1)
    return winners


def winners_image(winners: np.ndarray) -> np.ndarray:
    """uint8 [H, W, 4]: the winning cells in a see-through colour, the rest transparent."""
    image = np.zeros((*winners.shape, 4), dtype=np.uint8)
    image[winners] = WINNER
    return image


def default_layer(layers: list[LayerInfo], activations: dict[str, np.ndarray]) -> str | None:
    """The map the model's first pool takes (the layer just before it), else the first
    feature map; None when there is no map of at least 2x2."""
    maps = [i.name for i in layers if _poolable(activations.get(i.name))]
    leaves = [i for i in layers if i.is_leaf]
    for before, pool in itertools.pairwise(leaves):
        if "pool" in pool.kind.lower() and before.name in maps:
            return before.name
    return maps[0] if maps else None


def _poolable(activation: np.ndarray | None) -> bool:
    return activation is not None and activation.ndim == 3 and min(activation.shape[1:]) >= 2


class PoolDemo(QWidget):
    """A slice, its max pooling with the winners marked, and its average pooling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("poolDemo")
        self.activations: dict[str, np.ndarray] = {}
        self.pooled: Pooled | None = None
        self.layer_combo = QComboBox(objectName="poolLayerCombo")
        self.layer_combo.setToolTip(self.tr("The layer whose feature map is pooled"))
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel_spin = QSpinBox(objectName="poolChannelSpin", minimum=0, maximum=0)
        self.channel_spin.setPrefix(self.tr("channel "))
        self.channel_spin.setToolTip(self.tr("The channel (depth slice) of the layer's "
                                             "feature maps to pool"))
        self.source_label = QLabel(objectName="poolSource")
        self.source_label.setWordWrap(True)
        self.explanation = QLabel(objectName="poolExplanation")
        self.explanation.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Slice")))
        controls.addWidget(self.layer_combo)
        controls.addWidget(self.channel_spin)
        controls.addStretch(1)

        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setObjectName("poolView")
        self.plots.setBackground("w")
        self.views: list[pg.ViewBox] = []
        self.items: list[pg.ImageItem] = []
        self.titles: list[pg.LabelItem] = []
        for column, title in enumerate(TITLES):
            self.titles.append(self.plots.addLabel(self.tr(title), row=0, col=column))
            view = self.plots.addViewBox(row=1, col=column, lockAspect=True, invertY=True,
                                         enableMenu=False)  # fmt: skip
            view.setMouseEnabled(False, False)
            item = pg.ImageItem(axisOrder="row-major")
            item.setLookupTable(lookup_table(UNSIGNED_COLOURMAP))
            view.addItem(item)
            self.views.append(view)
            self.items.append(item)
        self.winners_item = pg.ImageItem(axisOrder="row-major")
        self.views[0].addItem(self.winners_item)
        self.texts: list[list[pg.TextItem]] = [[] for _ in self.views]  # numbers, per view
        follow_scale(self, self._restyle)

        demo = QVBoxLayout()
        demo.addLayout(controls)
        demo.addWidget(self.source_label)
        demo.addWidget(self.plots, 1)
        demo.addWidget(self.explanation)
        self.notes = NotesPane("poolNotes", [notes_label("poolNotesText", self.tr(
            "<p><b>Pooling</b></p>"
            "<p>A pooling layer shrinks every feature map. The tutorial's choice, and still the "
            "most common one, is max pooling over 2x2 windows at stride 2: the windows do not "
            "overlap, and each keeps only the largest of its four values. Three values of "
            "every four are thrown away: 75% of the activations are dropped.</p>"
            "<p>Pooling works on each depth slice on its own, so the width and height halve "
            "while the depth stays the same: 16 channels × 28 × 28 become 16 channels × 14 × "
            "14.</p>"
            "<p>When a side is odd, its last row or column fills no whole window, and PyTorch "
            "drops it, so a little more than 75% goes: 7 × 7 becomes 3 × 3.</p>")),
            notes_label("poolWhy", self.tr(
                "<p><b>Why pool?</b> The maps after it hold a quarter of the values, so the "
                "layers after it compute less, and a fully connected layer after it needs a "
                "quarter of the weights: fewer parameters, and so less overfitting. A max also "
                "does not care exactly where in its window a feature was, so a small shift "
                "of the input changes little.</p>"
                "<p>Pooling itself has no parameters: it learns nothing, it only takes each "
                "window's max or mean. (The tutorial counts it among the layers with "
                "parameters; it has none.)</p>"))])
        beside_notes(self, demo, self.notes)
        self.layer_combo.currentIndexChanged.connect(lambda _: self._on_layer())
        self.channel_spin.valueChanged.connect(lambda _: self.draw())
        self.show_activations([], {})

    def _restyle(self) -> None:
        """Titles and numbers in the type scale; the three columns as wide as the widest
        title and equally stretched, so that max and average pooling are drawn at one size."""
        layout = self.plots.ci.layout
        for label in self.titles:
            label.setText(label.text, color=TEXT, size=css_size(LABEL_PT), bold=True)
        widest = max(label.minimumWidth() for label in self.titles)
        for column in range(len(self.titles)):
            layout.setColumnMinimumWidth(column, widest)
            layout.setColumnPreferredWidth(column, widest)
            layout.setColumnStretchFactor(column, 1)
        for text in (text for texts in self.texts for text in texts):
            text.setFont(font(CELL_PT))

    def show_activations(self, layers: list[LayerInfo],
                         activations: dict[str, np.ndarray]) -> None:  # fmt: skip
        """The current model's feature maps for Inspect's input (none: the tutorial's
        example); keeps the chosen layer when the new maps have it."""
        chosen = self.layer_combo.currentText()
        self.activations = {i.name: activations[i.name] for i in layers
                            if _poolable(activations.get(i.name))}  # fmt: skip
        with QSignalBlocker(self.layer_combo):
            self.layer_combo.clear()
            self.layer_combo.addItem(self.tr(TUTORIAL_ITEM))
            self.layer_combo.addItems(list(self.activations))
            default = default_layer(layers, activations)
            pick = chosen if chosen in self.activations else default
            self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findText(pick or "")))
        self.source_label.setText(
            self.tr("A feature map of the current model, for the input shown in Inspect.")
            if self.activations else
            self.tr("The tutorial's example. Pick an input in Inspect (a test image, a file, or "
                    "a drawing) to pool the current model's own feature maps."))  # fmt: skip
        self._on_layer()

    def _on_layer(self) -> None:
        maps = self.activations.get(self.layer_combo.currentText())
        with QSignalBlocker(self.channel_spin):
            self.channel_spin.setMaximum(0 if maps is None else len(maps) - 1)
            self.channel_spin.setEnabled(maps is not None)
        self.draw()

    def current_slice(self) -> tuple[np.ndarray, int]:
        """The slice shown and the depth of the volume it comes from."""
        maps = self.activations.get(self.layer_combo.currentText())
        if maps is None:
            return TUTORIAL_SLICE, 1
        return maps[min(self.channel_spin.value(), len(maps) - 1)], len(maps)

    def draw(self) -> None:
        slice_, depth = self.current_slice()
        pooled = pool_slice(slice_)
        self.pooled = pooled
        low, high = float(slice_.min()), float(slice_.max())
        levels = (low, high if high > low else low + 1)
        images = (slice_, pooled.maximum, pooled.average)
        numbered = max(slice_.shape) <= MAX_NUMBERED
        for view, item, texts, image in zip(self.views, self.items, self.texts, images,
                                            strict=True):  # fmt: skip
            item.setImage(np.ascontiguousarray(image, dtype=np.float32), autoLevels=False,
                          levels=levels)  # fmt: skip
            self._write_numbers(view, texts, image if numbered else None)
            view.setRange(xRange=(0, image.shape[1]), yRange=(0, image.shape[0]), padding=0.02)
        self.winners_item.setImage(winners_image(real_winners(slice_, pooled)), autoLevels=False,
                                   levels=(0, 255))  # fmt: skip
        h, w = slice_.shape
        oh, ow = pooled.maximum.shape
        rows, columns = pooled.border
        # one channel or several, each its own string: Qt's %n would show English's "(s)"
        # without an English translation to give its plural
        channels = (self.tr("1 channel") if depth == 1 else
                    self.tr("{count} channels").format(count=depth))  # fmt: skip
        border = ""
        if rows or columns:
            lost = [self.tr("the last row") if rows == 1 else self.tr("the last {count} rows"),
                    self.tr("the last column") if columns == 1 else
                    self.tr("the last {count} columns")]  # fmt: skip
            lost = [text.format(count=n) for text, n in zip(lost, (rows, columns), strict=True)
                    if n]  # fmt: skip
            border = self.tr(" ({lost} fill no whole window and are dropped, as PyTorch does, "
                             "so more than 75% goes)").format(lost=self.tr(" and ").join(lost))
        self.explanation.setText(self.tr(
            "Max pooling keeps the largest activation of each 2x2 window (marked where the "
            "window's values differ): {height}x{width} becomes {pooled_height}x{pooled_width}, "
            "so {dropped} of the activations are dropped{border}. Each depth slice is pooled on "
            "its own, so the depth stays the same: {channels} × {height} × {width} becomes "
            "{channels} × {pooled_height} × {pooled_width}. Average pooling keeps each "
            "window's mean instead: smoother, and every activation counts a little.").format(
            height=h, width=w, pooled_height=oh, pooled_width=ow,
            dropped=f"{pooled.dropped_fraction:.0%}", border=border, channels=channels))

    @staticmethod
    def _write_numbers(view: pg.ViewBox, texts: list[pg.TextItem],
                       image: np.ndarray | None) -> None:  # fmt: skip
        """Each cell's value (none when image is None); text items are kept and reused,
        since making one costs more than a frame's worth of drawing."""
        count = 0 if image is None else image.size
        while len(texts) < count:
            texts.append(pg.TextItem(color=TEXT, anchor=(0.5, 0.5), fill=(255, 255, 255, 170)))
            texts[-1].setFont(font(CELL_PT))
            view.addItem(texts[-1])
        for text in texts[count:]:
            view.removeItem(text)
        del texts[count:]
        if image is not None:
            for text, ((r, c), value) in zip(texts, np.ndenumerate(image), strict=True):
                text.setText(f"{value:.3g}")
                text.setPos(c + 0.5, r + 0.5)
