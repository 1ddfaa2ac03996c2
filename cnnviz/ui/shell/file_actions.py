"""The File menu's work: open and save checkpoints, export the model, the metrics and the
plots, open a run folder, choose the data folder, and the recent list.

The window builds the menu and hands each action here; what a checkpoint or a run folder
does once opened is the session's (Session.open_checkpoint, RunController.show_run), and
this module asks for the path, reports errors and remembers what was opened.

Open recent names each entry by its run (or file), model and accuracy, since every run's
checkpoint is called checkpoint.pt; the name is made when the entry is remembered, when the
weights are at hand, and the entry's tool tip keeps the path.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu

from cnnviz.core.analysis.onnx_export import export_onnx
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.model_code import UntrustedModelCodeError
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.checkpoint import load_checkpoint, save_checkpoint
from cnnviz.core.training.run_folder import BEST
from cnnviz.session.session import CurrentModel, run_of_checkpoint, suggested_file_name
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.shell.i18n import translate_error, translate_text
from cnnviz.ui.workers.background import BackgroundCall, stop_call

if TYPE_CHECKING:
    from cnnviz.ui.main_window import MainWindow

translate = QCoreApplication.translate


def where_from(path: Path) -> str:
    """Where an entry's weights are: its run for a run's checkpoint, else the file or folder."""
    run = run_of_checkpoint(path)
    if run is None:
        return path.name
    if path.name == BEST:
        return translate("FileActions", "run {run}, best").format(run=run.name)
    return translate("FileActions", "run {run}").format(run=run.name)


def entry_name(where: str, model: str, accuracy: float | None) -> str:
    """An Open recent entry: where the weights are (a run, a file), their model and their
    test accuracy."""
    name = ModelSpec.parse(model).display_name
    if accuracy is None:
        return translate("FileActions", "{where}: {model}").format(where=where, model=name)
    return translate("FileActions", "{where}: {model}, {accuracy}").format(
        where=where, model=name, accuracy=f"{accuracy:.1%}")


class FileActions:
    """File actions of one window; ``recent_menu`` lists the recent checkpoints and runs."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.session = window.session
        self.settings = window.settings
        self.recent_menu = QMenu(translate("FileActions", "Open &recent"), window,
                                 objectName="recentMenu")  # fmt: skip
        self._export_call: BackgroundCall | None = None
        window.controller.remembered.connect(self.remember)
        self.refresh_recent()

    def _status(self, text: str, milliseconds: int = 0) -> None:
        self.window.statusBar().showMessage(text, milliseconds)

    # -- the recent list --------------------------------------------------------------------
    def refresh_recent(self) -> None:
        """Recent checkpoints and run folders, newest first; each opens the way it came."""
        self.recent_menu.clear()
        recent = [path for path in self.settings.recent_checkpoints() if Path(path).exists()]
        names = self.settings.recent_names()
        for path in recent:
            opener = self.open_run if Path(path).is_dir() else self.open_checkpoint
            action = self.recent_menu.addAction(names.get(path) or where_from(Path(path)))
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path, o=opener: o(Path(p)))
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.setEnabled(bool(recent))

    def remember(self, path: Path) -> None:
        """Put a checkpoint (the current weights' file) or a run folder first in Open
        recent."""
        path = Path(path)
        current = self.session.current
        if current.path == path:
            name = entry_name(where_from(path), current.meta.model,
                              current.meta.metrics.get("test_acc"))  # fmt: skip
        else:
            run = self.window.runs.find(path)
            accuracy = None if run is None else run.best_test_acc or run.test_acc
            name = path.name if run is None else entry_name(path.name, run.model, accuracy)
        self.settings.add_recent_checkpoint(path, name)
        self.refresh_recent()

    # -- runs -------------------------------------------------------------------------------
    def open_run(self, path: Path) -> bool:
        """Show a run folder's curves and follow them while another process writes the run;
        returns at once. While this window trains, the run is drawn over its own instead."""
        path = Path(path)
        window = self.window
        try:
            window.runs.add_folder(path)
        except (CnnvizError, OSError) as exc:
            window.show_error(translate("FileActions", "Cannot open run"), translate_error(exc))
            return False
        self.settings.set_extra_run_folders(window.runs.extra)
        self.remember(path)
        if not window.controller.show_run(path):
            window.show_status(translate("FileActions", "{run} is drawn over the run that trains "
                                                        "now").format(run=path.name))
            return True
        window.tabs.setCurrentWidget(window.plots)
        window.show_status(translate("FileActions", "showing {run}").format(run=path.name))
        return True

    # -- checkpoints ------------------------------------------------------------------------
    def open_checkpoint(self, path: Path | None = None) -> CurrentModel | None:
        """Make a checkpoint current in every tab. One whose model is a Python file opens
        only once the user trusts that code (asked once per version of the file)."""
        window = self.window
        path = choose_path(False, window, path, translate("FileActions", "Open checkpoint"),
                           str(self.session.home),
                           translate("FileActions", "Checkpoints (*.pt *.pth);;All files (*)"))
        if path is None:
            return None
        try:
            current = self.session.open_checkpoint(path)
        except UntrustedModelCodeError as exc:
            window.ask_trust(exc.code, Path(path).name, lambda: self.open_checkpoint(path))
            return None
        except CnnvizError as exc:
            window.show_error(translate("FileActions", "Cannot open checkpoint"),
                              translate_error(exc))
            return None
        self.remember(Path(path))
        self._status(translate("FileActions", "opened {weights}").format(
            weights=translate_text(current.label)))
        return current

    def save_checkpoint_as(self, path: Path | None = None) -> Path | None:
        """Save the current weights; the name suggested says what they are (model, data set
        and accuracy: simple-cnn-mnist-98.4.pt)."""
        window = self.window
        current = self.session.current
        if current.path is None:
            window.show_error(translate("FileActions", "Nothing to save"),
                              translate("FileActions", "Train a model or open a checkpoint "
                                                       "first."))  # fmt: skip
            return None
        path = choose_path(True, window, path, translate("FileActions", "Save checkpoint as"),
                           suggested_file_name(current.meta),
                           translate("FileActions", "Checkpoints (*.pt)"))  # fmt: skip
        if path is None:
            return None
        try:
            save_checkpoint(load_checkpoint(current.path), Path(path))
        except CnnvizError as exc:
            window.show_error(translate("FileActions", "Cannot save checkpoint"),
                              translate_error(exc))
            return None
        self.remember(Path(path))
        self._status(translate("FileActions", "saved {path}").format(path=path), 5000)
        return Path(path)

    # -- exports ----------------------------------------------------------------------------
    def export_model(self, path: Path | None = None) -> bool:
        """The current model as ONNX (as ``cnnviz export`` writes it), in the background:
        the exporter traces the model for a few seconds."""
        window = self.window
        path = choose_path(True, window, path, translate("FileActions", "Export model"),
                           "model.onnx", "ONNX (*.onnx)")  # fmt: skip
        if path is None:
            return False
        stop_call(self._export_call)
        predictor = self.session.current.predictor.copy()
        self._status(translate("FileActions", "exporting {weights} to {path}...").format(
            weights=translate_text(self.session.current.label), path=path))
        self._export_call = BackgroundCall(
            lambda state: export_onnx(predictor.model, predictor.meta, path),
            lambda _: self._status(translate("FileActions", "wrote {path}").format(path=path),
                                   8000),
            lambda error: window.show_error(translate("FileActions", "Cannot export model"),
                                            translate_error(error)),
        )  # fmt: skip
        return True

    def export_metrics(self, path: Path | None = None) -> None:
        window = self.window
        path = choose_path(True, window, path, translate("FileActions", "Export metrics"),
                           "metrics.csv", "CSV (*.csv)")  # fmt: skip
        if path is None:
            return
        try:
            window.plots.export_csv(path)
        except OSError as exc:
            window.show_error(translate("FileActions", "Cannot export metrics"),
                              f"{path}: {exc}")

    def export_plots(self, path: Path | None = None) -> None:
        window = self.window
        path = choose_path(True, window, path, translate("FileActions", "Export plots"),
                           "loss.png", "PNG (*.png)")  # fmt: skip
        if path is None:
            return
        try:
            written = window.plots.export_png(path)
        except OSError as exc:
            window.show_error(translate("FileActions", "Cannot export plots"), f"{path}: {exc}")
            return
        self._status(translate("FileActions", "wrote {path}").format(
            path=", ".join(str(p) for p in written)), 5000)

    # -- the data folder --------------------------------------------------------------------
    def choose_data_folder(self, path: Path | None = None) -> None:
        if path is None:
            chosen = QFileDialog.getExistingDirectory(
                self.window, translate("FileActions", "Data folder"), str(self.settings.data_dir()))
            if not chosen:
                return
            path = Path(chosen)
        self.settings.set_data_dir(path)
        self._status(translate("FileActions", "data folder: {path}").format(path=path), 5000)

    def stop_background(self) -> None:
        stop_call(self._export_call)
