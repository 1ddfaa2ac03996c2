"""The Learn tab: the tutorial's ideas as live demos that work offline, from the first launch.

In the tutorial's order: one neuron, small fully connected nets (which lead to why images need
something else), convolution step by step, pooling on a real feature map, local connectivity
and weight sharing in numbers, and the tutorial's architecture pattern as a model to build and
train. Beside each demo, the tutorial's notes on its idea (notes.py).
The pooling demo and the parameter table follow the current model through what the Inspect
tab computes (its layers, and the feature maps of the input it shows).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from cnnviz.core.analysis.inspection import LayerInfo
from cnnviz.ui.learn.conv_demo import ConvDemo
from cnnviz.ui.learn.fc_net_demo import FcNetDemo
from cnnviz.ui.learn.neuron_demo import NeuronDemo
from cnnviz.ui.learn.notes import NotesToggle
from cnnviz.ui.learn.pattern_builder import PatternBuilder
from cnnviz.ui.learn.pool_demo import PoolDemo
from cnnviz.ui.learn.sharing_panel import SharingPanel


class LearnTab(QWidget):
    """The demos as pages."""

    #: a model spec to select for training (from the pattern builder)
    model_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learnTab")
        self.neuron_demo = NeuronDemo()
        self.fc_net_demo = FcNetDemo()
        self.conv_demo = ConvDemo()
        self.pool_demo = PoolDemo()
        self.sharing_panel = SharingPanel()
        self.pattern_builder = PatternBuilder()
        self.pages = QTabWidget(objectName="learnPages")
        self.pages.addTab(self.neuron_demo, self.tr("Neuron"))
        self.pages.addTab(self.fc_net_demo, self.tr("Fully connected"))
        self.pages.addTab(self.conv_demo, self.tr("Convolution"))
        self.pages.addTab(self.pool_demo, self.tr("Pooling"))
        self.pages.addTab(self.sharing_panel, self.tr("Weight sharing"))
        self.pages.addTab(self.pattern_builder, self.tr("Build a model"))
        self.notes_toggle = NotesToggle()
        self.pages.setCornerWidget(self.notes_toggle)
        self.notes_toggle.shown_changed.connect(self._show_notes)
        self._show_notes(self.notes_toggle.isChecked())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.pattern_builder.use_requested.connect(self.model_requested)
        self.fc_net_demo.sharing_requested.connect(
            lambda: self.pages.setCurrentWidget(self.sharing_panel))
        self._pending: tuple[list[LayerInfo], dict[str, np.ndarray]] | None = None

    def show_inspection(self, layers: list[LayerInfo],
                        activations: dict[str, np.ndarray] | None) -> None:  # fmt: skip
        """The current model's layers and, when Inspect has an input, its feature maps. Drawn
        now when the tab is on screen, else when it is next shown, so that a run's live
        refreshes cost nothing here."""
        self._pending = (layers, activations or {})
        if self.isVisible():
            self._apply()

    def _show_notes(self, shown: bool) -> None:
        for page in (self.neuron_demo, self.fc_net_demo, self.conv_demo, self.pool_demo,
                     self.sharing_panel, self.pattern_builder):  # fmt: skip
            page.notes.setVisible(shown)

    def set_dataset(self, name: str) -> None:
        self.pattern_builder.set_dataset(name)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply()

    def _apply(self) -> None:
        if self._pending is None:
            return
        layers, activations = self._pending
        self._pending = None
        self.sharing_panel.show_layers(layers)
        self.pool_demo.show_activations(layers, activations)
