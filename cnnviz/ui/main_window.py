"""The main window: the run panel, the Training / Inspect / Draw tabs, menus and status bar.

It owns at most one TrainingRun at a time and renders the core's events; everything slow
happens in the run's worker thread.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.paths import runs_home
from cnnviz.core.training.checkpoint import Checkpoint, load_checkpoint, save_checkpoint
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import (
    EpochEvent,
    EvaluationEvent,
    FailedEvent,
    FinishedEvent,
    StartedEvent,
    StepEvent,
    StoppedEvent,
    WeightsEvent,
)
from cnnviz.ui.draw_tab import DrawTab
from cnnviz.ui.evaluate_tab import EvaluateTab
from cnnviz.ui.file_dialogs import choose_path
from cnnviz.ui.inspect_tab import InspectTab
from cnnviz.ui.run_panel import RunPanel
from cnnviz.ui.settings import AppSettings
from cnnviz.ui.threads import keep_gui_thread_single_threaded
from cnnviz.ui.training_plots import TrainingPlots
from cnnviz.ui.training_worker import TrainingRun


def new_run_dir(config: TrainConfig) -> Path:
    """A fresh folder for a run, named by time, model and data set; never an existing one."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    model = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(config.model.split(":")[0]).stem or "model")
    dataset = "folder" if config.dataset.startswith("folder:") else config.dataset
    base = runs_home() / f"{stamp}-{model}-{dataset}"
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


class MainWindow(QMainWindow):
    """cnnviz's window. Build it with no arguments once a QApplication exists."""

    #: a new current checkpoint: (path, label), the label saying where it came from
    #: ("this run, epoch 3"), or None for a file the user opened
    checkpoint_changed = Signal(object)

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        keep_gui_thread_single_threaded()
        self.setWindowTitle("cnnviz")
        self.settings = settings or AppSettings()
        self.run: TrainingRun | None = None
        self.state = "idle"
        self.run_dir: Path | None = None
        self.current_checkpoint: Path | None = None
        self.total_steps = 0
        self.last_step = 0
        self.batch_size = 100
        self.dialog: QMessageBox | None = None

        self.panel = RunPanel(self.settings)
        self.plots = TrainingPlots()
        self.plots.setObjectName("trainingTab")
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.addTab(self.plots, "&Training")
        self.inspect_tab = InspectTab(self.settings.data_dir)
        self.inspect_tab.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.tabs.addTab(self.inspect_tab, "&Inspect")
        self.draw_tab = DrawTab()
        self.tabs.addTab(self.draw_tab, "Dra&w")
        self.evaluate_tab = EvaluateTab(lambda: self.current_checkpoint, self.settings.data_dir)
        self.tabs.addTab(self.evaluate_tab, "&Evaluate")
        self.evaluate_tab.inspect_requested.connect(self._inspect_test_image)
        self.checkpoint_changed.connect(lambda change: self.draw_tab.use_checkpoint(*change))
        self.checkpoint_changed.connect(lambda change: self.inspect_tab.use_checkpoint(*change))
        self.draw_tab.inspect_requested.connect(self.inspect_image)
        self.tabs.currentChanged.connect(lambda _: self._update_live_inspection())
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(290)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)

        self.device_label = QLabel()
        self.data_label = QLabel()
        self.state_label = QLabel()
        self.speed_label = QLabel()
        self.eta_label = QLabel()
        for label in (self.device_label, self.data_label, self.state_label, self.speed_label,
                      self.eta_label):  # fmt: skip
            label.setContentsMargins(10, 0, 10, 0)
            self.statusBar().addPermanentWidget(label)

        self._build_menus()
        self.panel.train_button.clicked.connect(lambda: self.start_training())
        self.panel.pause_button.clicked.connect(self.toggle_pause)
        self.panel.stop_button.clicked.connect(self.stop_training)
        self.panel.restore()
        self._restore_geometry()
        self._set_state("idle")

    # -- menus ------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open checkpoint...", self.open_checkpoint,
                     QKeySequence.StandardKey.Open, "openCheckpointAction")
        self.recent_menu = file_menu.addMenu("Open &recent")
        self._action(file_menu, "&Save checkpoint as...", self.save_checkpoint_as,
                     QKeySequence.StandardKey.Save, "saveCheckpointAction")
        file_menu.addSeparator()
        self._action(file_menu, "Export &metrics (CSV)...", self.export_metrics, "Ctrl+E")
        self._action(file_menu, "Export &plots (PNG)...", self.export_plots, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self._action(file_menu, "Choose &data folder...", self.choose_data_folder)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        run_menu = self.menuBar().addMenu("&Run")
        self._action(run_menu, "&Train", self.start_training, "Ctrl+R")
        self._action(run_menu, "&Pause / resume", self.toggle_pause, "Ctrl+P")
        self._action(run_menu, "&Stop", self.stop_training, "Ctrl+.")
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About cnnviz", self._about)
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_checkpoints()
        for path in recent:
            self._action(self.recent_menu, path, lambda p=path: self.open_checkpoint(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _about(self) -> None:
        import cnnviz

        QMessageBox.about(self, "About cnnviz",
                          f"cnnviz {cnnviz.__version__}: see how convolutional networks learn.")

    # -- state ------------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        self.state = state
        self.panel.set_state(state)
        self.state_label.setText(state)
        if state == "idle":
            self.speed_label.setText("")
            self.eta_label.setText("")

    # -- training ---------------------------------------------------------------------------
    def start_training(self, resume: bool | None = None) -> None:
        """Start a run. After a run, ``resume`` says whether to continue from its weights; when
        it is None the user is asked."""
        if self.state != "idle":
            return
        config = self.panel.config()
        checkpoint = self._resumable_checkpoint(config)
        if checkpoint is not None and resume is None:
            self._ask_continue_or_fresh(checkpoint)
            return
        continuing = checkpoint is not None and resume
        if continuing:
            meta = load_checkpoint(checkpoint).meta
            config = replace(config, resume=checkpoint, epochs=meta.epoch + config.epochs)
        else:
            self.plots.clear()
        try:
            # a run of the app's own continues in its folder; a checkpoint opened from
            # elsewhere is never written over: its continuation gets a new folder
            own_run = continuing and runs_home().resolve() in checkpoint.resolve().parents
            config = replace(config, out_dir=checkpoint.parent if own_run
                             else new_run_dir(config))  # fmt: skip
        except OSError as exc:
            self.show_error("Cannot start training",
                            f"cannot create a run folder in {runs_home()}: {exc}")
            return
        self.run_dir = config.out_dir
        self.batch_size = config.batch_size
        self.panel.save()
        self.run = TrainingRun(config)
        worker = self.run.worker
        worker.stepped.connect(self._on_steps)
        worker.reported.connect(self._on_event)
        worker.loading.connect(self._on_loading)
        worker.finished.connect(self._on_finished)
        self._update_live_inspection()
        self._set_state("loading")
        self.panel.progress.setRange(0, 0)
        self.panel.progress.setFormat("loading data...")
        self.statusBar().showMessage(f"loading {config.dataset}...")
        self.run.start()

    def _resumable_checkpoint(self, config: TrainConfig) -> Path | None:
        """The current checkpoint, if it is of the model and data set now chosen."""
        if self.current_checkpoint is None or not self.current_checkpoint.is_file():
            return None
        try:
            meta = load_checkpoint(self.current_checkpoint).meta
        except CnnvizError:
            return None
        if meta.model != config.model or meta.dataset != config.dataset:
            return None
        return self.current_checkpoint

    def _ask_continue_or_fresh(self, checkpoint: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, "Train",
                          "Continue training from the current weights, or start fresh?",
                          parent=self)  # fmt: skip
        box.setInformativeText(str(checkpoint))
        cont = box.addButton("Continue", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Start fresh", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("continueOrFreshDialog")

        def on_click(button) -> None:
            role = box.buttonRole(button)
            if role == QMessageBox.ButtonRole.RejectRole:
                return
            self.start_training(resume=button is cont)

        box.buttonClicked.connect(on_click)
        self._show_dialog(box)

    def _update_live_inspection(self) -> None:
        """Weight snapshots flow only while the Inspect tab is on screen."""
        if self.run is not None:
            watching = self.tabs.currentWidget() is self.inspect_tab
            self.run.worker.snapshot_interval = (
                self.inspect_tab.refresh_seconds if watching else None)

    def inspect_image(self, image: np.ndarray | Path | str) -> bool:
        """Show an input (an array or an image file) in the Inspect tab."""
        self.tabs.setCurrentWidget(self.inspect_tab)
        return self.inspect_tab.show_image(image)

    def _inspect_test_image(self, request: tuple[int, np.ndarray]) -> None:
        """A test image from the Evaluate gallery: by index when Inspect browses the same
        test set, so that its true label shows too."""
        index, image = request
        tab = self.inspect_tab
        if tab.test is not None and tab.dataset == self.evaluate_tab.dataset:
            self.tabs.setCurrentWidget(tab)
            tab.index_spin.setValue(index)
            tab.show_test_image(index)
        else:
            self.inspect_image(image)

    def toggle_pause(self) -> None:
        if self.run is None or self.state not in ("running", "paused"):
            return
        if self.state == "paused":
            self.run.worker.resume()
            self._set_state("running")
        else:
            self.run.worker.pause()
            self._set_state("paused")

    def stop_training(self) -> None:
        if self.run is None or self.state not in ("loading", "running", "paused"):
            return
        self.run.worker.request_stop()
        self._set_state("stopping")
        self.statusBar().showMessage("stopping at the next batch...")

    # -- events from the worker -------------------------------------------------------------
    def _on_loading(self, status: tuple[str, float | None]) -> None:
        message, fraction = status
        self.statusBar().showMessage(message)
        if fraction is None:
            self.panel.progress.setRange(0, 0)
        else:
            self.panel.progress.setRange(0, 1000)
            self.panel.progress.setValue(int(1000 * fraction))
        self.panel.progress.setFormat(message)

    def _on_steps(self, steps: list[StepEvent]) -> None:
        self.plots.add_steps(steps)
        last = steps[-1]
        self.last_step = last.step
        self.panel.progress.setValue(last.step)
        self.speed_label.setText(f"{last.images_per_second:,.0f} images/s")
        remaining = max(0, self.total_steps - last.step)
        rate = last.images_per_second / max(1, self.batch_size)
        if rate > 0:
            seconds = int(remaining / rate)
            self.eta_label.setText(f"ETA {seconds // 60}:{seconds % 60:02d}")

    def _on_event(self, event: Any) -> None:
        if isinstance(event, StartedEvent):
            self.total_steps = event.total_steps
            self.plots.set_epoch_span(event.epochs)
            self.panel.progress.setRange(0, max(1, event.total_steps))
            self.panel.progress.setValue(event.start_step)
            self.panel.progress.setFormat("step %v of %m")
            self.device_label.setText(event.device)
            self.data_label.setText(f"{event.dataset}: {event.train_size:,} train / "
                                    f"{event.test_size:,} test")
            self.statusBar().showMessage(
                f"training {event.model}, {event.parameters:,} parameters", 5000)
            if self.state == "loading":
                self._set_state("running")
            self.inspect_tab.prepare_live(event.model, event.input_shape, event.mean, event.std,
                                          event.class_names, event.dataset)
        elif isinstance(event, EpochEvent):
            self.plots.add_epoch(event)
            self.statusBar().showMessage(
                f"epoch {event.epoch}: test accuracy {event.test_acc:.2%}", 10000)
            if event.checkpoint:
                self._set_current_checkpoint(
                    Path(event.checkpoint),
                    f"this run, epoch {event.epoch} ({event.test_acc:.1%})")
        elif isinstance(event, EvaluationEvent):
            self.plots.add_evaluation(event)
        elif isinstance(event, WeightsEvent):
            self.inspect_tab.show_weights(event.state, event.step)

    def _on_finished(self, event: Any) -> None:
        if self.run is not None:
            self.run.thread.wait()
        self._set_state("idle")
        self.panel.progress.setRange(0, max(1, self.total_steps))
        if isinstance(event, FinishedEvent):
            self.panel.progress.setValue(self.total_steps)
            self.panel.progress.setFormat("done: test accuracy " + f"{event.test_acc:.2%}")
            self.statusBar().showMessage(
                f"finished: test accuracy {event.test_acc:.2%} in {event.wall_seconds:.0f} s")
        elif isinstance(event, StoppedEvent):
            self.panel.progress.setFormat(f"stopped at step {event.step}")
            self.statusBar().showMessage(f"stopped at step {event.step}")
            if event.checkpoint:
                self._set_current_checkpoint(Path(event.checkpoint),
                                             f"this run, stopped at step {event.step}")
        elif isinstance(event, FailedEvent):
            self.panel.progress.setFormat("failed")
            self.statusBar().showMessage("training failed")
            self._show_failure(event)

    def _set_current_checkpoint(self, path: Path, label: str | None = None) -> None:
        self.current_checkpoint = path
        self.checkpoint_changed.emit((path, label))

    # -- dialogs ----------------------------------------------------------------------------
    def _show_dialog(self, box: QMessageBox) -> None:
        """Dialogs open window-modal without blocking, so a worker's signals keep flowing."""
        self.dialog = box
        box.open()

    def show_error(self, title: str, message: str, details: str = "") -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Critical, title, message, parent=self)
        box.setObjectName("errorDialog")
        if details:
            box.setDetailedText(details)
        self._show_dialog(box)
        return box

    def _show_failure(self, event: FailedEvent) -> None:
        if event.kind != "dataset-missing":
            self.show_error("Training failed", event.message, event.details)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Data set not found", event.message,
                          parent=self)  # fmt: skip
        box.setObjectName("missingDataDialog")
        choose = box.addButton("Choose data folder...", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(
            lambda button: self.choose_data_folder() if button is choose else None)
        self._show_dialog(box)

    def choose_data_folder(self, path: Path | None = None) -> None:
        if path is None:
            chosen = QFileDialog.getExistingDirectory(self, "Data folder",
                                                      str(self.settings.data_dir()))
            if not chosen:
                return
            path = Path(chosen)
        self.settings.set_data_dir(path)
        self.statusBar().showMessage(f"data folder: {path}", 5000)

    # -- files ------------------------------------------------------------------------------
    def open_checkpoint(self, path: Path | None = None) -> Checkpoint | None:
        path = choose_path(False, self, path, "Open checkpoint", "",
                           "Checkpoints (*.pt *.pth);;All files (*)")
        if path is None:
            return None
        try:
            checkpoint = load_checkpoint(path)
        except CnnvizError as exc:
            self.show_error("Cannot open checkpoint", str(exc))
            return None
        meta = checkpoint.meta
        self.panel.model_combo.select(meta.model)
        self.panel.dataset_combo.select(meta.dataset)
        self._set_current_checkpoint(Path(path))
        self.settings.add_recent_checkpoint(Path(path))
        self._refresh_recent()
        accuracy = meta.metrics.get("test_acc")
        self.statusBar().showMessage(
            f"opened {Path(path).name}: {meta.model} on {meta.dataset}, epoch {meta.epoch}"
            + (f", test accuracy {accuracy:.2%}" if accuracy is not None else ""))
        return checkpoint

    def save_checkpoint_as(self, path: Path | None = None) -> Path | None:
        if self.current_checkpoint is None:
            self.show_error("Nothing to save", "Train a model or open a checkpoint first.")
            return None
        path = choose_path(True, self, path, "Save checkpoint as", "model.pt", "Checkpoints (*.pt)")
        if path is None:
            return None
        try:
            save_checkpoint(load_checkpoint(self.current_checkpoint), Path(path))
        except CnnvizError as exc:
            self.show_error("Cannot save checkpoint", str(exc))
            return None
        self.settings.add_recent_checkpoint(Path(path))
        self._refresh_recent()
        self.statusBar().showMessage(f"saved {path}", 5000)
        return Path(path)

    def export_metrics(self, path: Path | None = None) -> None:
        path = choose_path(True, self, path, "Export metrics", "metrics.csv", "CSV (*.csv)")
        if path is None:
            return
        try:
            self.plots.export_csv(path)
        except OSError as exc:
            self.show_error("Cannot export metrics", f"{path}: {exc}")

    def export_plots(self, path: Path | None = None) -> None:
        path = choose_path(True, self, path, "Export plots", "loss.png", "PNG (*.png)")
        if path is None:
            return
        try:
            written = self.plots.export_png(path)
        except OSError as exc:
            self.show_error("Cannot export plots", f"{path}: {exc}")
            return
        self.statusBar().showMessage("wrote " + ", ".join(str(p) for p in written), 5000)

    # -- window -----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 880)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run is not None and self.run.is_running:
            self.statusBar().showMessage("stopping training and saving a checkpoint...")
            self.run.stop_and_wait()
        self.inspect_tab.wait_for_loading()
        self.evaluate_tab.wait()
        self.panel.save()
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
