"""Which input the Inspect tab shows: the test split's images, a random one, the next
mistake, or an image file.

This is InspectTab's input side, a mixin kept apart from inspect_tab.py so that the tab's
module stays short (issue 22): it picks the input and says why there is none; the tab runs it
through the model and draws it (``refresh``). Its strings keep the tab's translation context
("InspectTab"), so the .ts entries are the ones they were.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from cnnviz.core.data.images import as_model_input
from cnnviz.core.data.types import LoadedDataset
from cnnviz.core.errors import CnnvizError
from cnnviz.session.test_split import SplitKey
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.shell.i18n import translate_error

translate = QCoreApplication.translate


class InspectInputs:
    """The test set's state and the inputs of an InspectTab (which it is mixed into: it uses
    the tab's state, picker, search, status signal and ``refresh``)."""

    # -- the test set -----------------------------------------------------------------------
    def _is_mine(self, key: SplitKey | None) -> bool:
        return self.described is not None and key == SplitKey.of(self.described)

    def _show_split(self) -> None:
        """Browsing while the model's split is here; else say that it loads, or why not."""
        test = self.test
        self.picker.set_browsing(len(test) if test is not None else None)
        if test is not None or not self._is_mine(self.test_split.key):
            return
        if self.test_split.error is not None:
            self.picker.show_caption(translate("InspectTab",
                                               "no test set: open an image instead"),
                                     str(self.test_split.error))  # fmt: skip
        elif self.image is None:
            self.picker.show_caption(translate("InspectTab",
                                               "loading the {dataset} test set...")
                                     .format(dataset=self.dataset))  # fmt: skip

    def _on_split_loading(self, key: SplitKey) -> None:
        if self._is_mine(key):
            self._show_split()

    def _on_split_ready(self, data: LoadedDataset) -> None:
        if self._split() is not data:
            return  # another model's
        if self.unit_source is not None:
            self.unit_source.test = data.test
            for view in self.unit_views:
                view.redraw()
        self._show_split()
        if self.image is None:
            self.show_test_image(self.index_spin.value())

    def _on_split_failed(self, error: Exception) -> None:
        """The tab says so; the status bar only while the tab is on screen, so that a first
        launch without data opens on a working tab without a complaint about this one."""
        if not self._is_mine(self.test_split.key):
            return
        self._show_split()
        if self.isVisible():
            self.status.emit(translate("InspectTab", "Inspect: {error}").format(
                error=translate_error(error)))

    # -- inputs -----------------------------------------------------------------------------
    def show_test_image(self, index: int) -> None:
        test = self.test
        if test is None or self.inspector is None or not 0 <= index < len(test):
            return
        image = test.images[index].numpy()
        if image.shape != self.inspector.input_shape:
            return
        self._set_input(image, image.transpose(1, 2, 0), int(test.labels[index]))

    def show_random(self) -> None:
        if self.test is not None:
            self.index_spin.setValue(int(np.random.default_rng().integers(len(self.test))))

    def show_next_misclassified(self) -> None:
        """Search forward from the current index, in the background."""
        if self.test is not None and self.inspector is not None:
            self.search.start(self.inspector, self.test, self.index_spin.value() + 1)

    def _on_mistake_found(self, index: int | None) -> None:
        if index is None:
            self.status.emit(translate("InspectTab",
                                       "Inspect: no misclassified image after this one"))
        else:
            self.index_spin.setValue(index)

    def _on_search_failed(self, error: Exception) -> None:
        self.status.emit(translate("InspectTab", "Inspect: cannot search for a mistake: {error}")
                         .format(error=translate_error(error)))  # fmt: skip

    def open_image(self, path: Path | None = None) -> bool:
        path = choose_path(False, self, path, translate("InspectTab", "Open an image"), "",
                           translate("InspectTab",
                                     "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;"
                                     "All files (*)"))  # fmt: skip
        if path is None:
            return False
        return self.show_image(path)

    def show_image(self, image: np.ndarray | Path | str) -> bool:
        """An image file, or an array: uint8 [C, H, W] in the model's input shape, or any
        [H, W] / [H, W, C] picture, which is converted as the data set's images are."""
        if self.inspector is None:
            return False
        source = Path(image) if isinstance(image, str) else image
        try:
            model_input, original = as_model_input(source, self.inspector.input_shape)
        except (CnnvizError, ValueError, TypeError) as exc:
            self.status.emit(translate("InspectTab", "Inspect: {error}").format(
                error=translate_error(exc)))
            self.picker.show_caption(translate_error(exc))
            return False
        self.picker.show_other_input()
        self._set_input(model_input, original)
        return True

    def _set_input(self, image: np.ndarray, original: np.ndarray,
                   true_label: int | None = None) -> None:  # fmt: skip
        self.state.show(image, original, true_label)
        self.refresh()
