"""From the Overview to the tab that shows one thing closely: a clicked map opens Inspect on
its layer and channel, a clicked class bar opens Inspect's Explain page for that class, both
with the Overview's input. The window passes its tab widget and Inspect tab; nothing here holds
state."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QTabWidget, QWidget


def open_inspect(tabs: QTabWidget, inspect: QWidget, image: np.ndarray | None, layer: str,
                 channel: int) -> None:  # fmt: skip
    """Inspect ``image`` with ``layer`` selected and its map ``channel`` enlarged."""
    tabs.setCurrentWidget(inspect)
    if image is not None:
        inspect.show_image(image)
    inspect.select_layer(layer)
    inspect.maps.step_channel(channel - inspect.maps.channel)


def open_explain(tabs: QTabWidget, inspect: QWidget, image: np.ndarray | None,
                 class_index: int) -> None:  # fmt: skip
    """Explain ``image`` for class ``class_index`` on Inspect's Explain page."""
    tabs.setCurrentWidget(inspect)
    if image is not None:
        inspect.show_image(image)
    inspect.pages.setCurrentWidget(inspect.explain_panel)
    inspect.explain_panel.class_combo.setCurrentIndex(class_index + 1)  # 0: predicted class
