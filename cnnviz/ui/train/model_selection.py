"""Every view shows the model chosen in the run panel: when the model or data set combo
changes (and no run is under way), the session makes a fresh model of that choice current
(Session.select), labelled untrained, unless the current weights already are of it.

A registry data set is described without its files; an image folder's shape is read in the
background, and a result that arrives after the user chose again is dropped (Generation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from cnnviz.core.data.datasets import DATASETS, dataset_info
from cnnviz.core.data.types import DatasetInfo, DatasetSpec
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.model_code import UntrustedModelCodeError
from cnnviz.core.models.spec import ModelSpec
from cnnviz.session.generation import Generation
from cnnviz.ui.shell.i18n import translate_error
from cnnviz.ui.workers.background import BackgroundCall, stop_call

if TYPE_CHECKING:
    from cnnviz.ui.main_window import MainWindow


class ModelSelection(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._selection = Generation()
        self._call: BackgroundCall | None = None
        # once the event loop runs: both combos may change in one go (a checkpoint opened)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.show_selected_model)
        for combo in (window.panel.model_combo, window.panel.dataset_combo):
            combo.currentIndexChanged.connect(lambda _: self._timer.start())

    def show_selected_model(self) -> None:
        """A fresh model of the panel's choice becomes current when the current weights are
        of another model or data set; a model that cannot take the data says so now."""
        window, session = self.window, self.window.session
        if not session.run.phase.at_rest:
            return
        config = window.panel.config()
        if session.shows(config.model, config.dataset):
            return
        token = self._selection.next()
        entry = DATASETS.get(config.dataset)
        if entry is not None and entry.info.class_names:  # described without its files
            self._select(token, config.model, config.dataset, entry.info)
            return
        window.show_status(self.tr("reading {dataset}...").format(dataset=config.dataset))
        folder = DatasetSpec.parse(config.dataset).is_folder

        def failed(error: Exception) -> None:
            if not self._selection.is_current(token):
                return
            if folder:
                window.show_status(self.tr("cannot read {dataset}: {error}").format(
                    dataset=config.dataset, error=translate_error(error)))
            else:  # CIFAR-100 not here yet: its classes come with its files; Train says so
                window.statusBar().clearMessage()

        data_dir = None if folder else window.settings.data_dir()
        self._call = BackgroundCall(
            lambda state: dataset_info(config.dataset, data_dir, False, config.image_size),
            lambda info: self._select(token, config.model, config.dataset, info), failed)

    def _select(self, token: int, model: str, dataset: str, info: DatasetInfo) -> None:
        window = self.window
        if not self._selection.is_current(token) or not window.session.run.phase.at_rest:
            return
        try:
            window.session.select(model, info, dataset)
        except UntrustedModelCodeError as exc:  # e.g. a spec a stranger's file left behind
            window.ask_trust(exc.code, ModelSpec.parse(model).display_name,
                             lambda: self._select(token, model, dataset, info))
        except CnnvizError as exc:
            window.show_error(self.tr("Cannot use this model"), translate_error(exc))

    def stop_background(self) -> None:
        stop_call(self._call)
