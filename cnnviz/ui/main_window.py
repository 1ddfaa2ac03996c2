"""The main window: layout, menus and the wiring between the session, the training worker and
the tabs.

The state (current model, run lifecycle, trusted code) lives in a Qt-free Session; the window
forwards what the user asks to it, starts and stops the one TrainingRun, and hands the
worker's events to the session and the plots.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QByteArray, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from cnnviz.core.analysis.onnx_export import export_onnx
from cnnviz.core.data.datasets import DATASETS, dataset_info
from cnnviz.core.data.types import DatasetInfo, DatasetSpec
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.model_code import ModelCode, UntrustedModelCodeError
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.checkpoint import load_checkpoint, save_checkpoint
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
from cnnviz.core.training.run_folder import METRICS, read_metrics
from cnnviz.session.generation import Generation
from cnnviz.session.job import shell_line, torchrun_command
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.runs import RunsState
from cnnviz.session.session import CurrentModel, Session, TrainMode
from cnnviz.session.test_split import CurrentSplit
from cnnviz.ui.draw.draw_tab import DrawTab
from cnnviz.ui.evaluate.evaluate_tab import EvaluateTab
from cnnviz.ui.inspect.inspect_tab import InspectTab
from cnnviz.ui.learn.learn_tab import LearnTab
from cnnviz.ui.overview.links import open_explain, open_inspect
from cnnviz.ui.overview.overview_tab import OverviewTab
from cnnviz.ui.projector.projector_tab import ProjectorTab
from cnnviz.ui.runs.runs_tab import RunsTab
from cnnviz.ui.shell.dialogs import TrustDialog, error_box, train_mode_box
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.shell.help import GuideDialog, ShortcutsDialog, docs_url
from cnnviz.ui.shell.i18n import add_language_menu
from cnnviz.ui.shell.presentation import Presentation
from cnnviz.ui.shell.settings import AppSettings
from cnnviz.ui.train.histograms_tab import HistogramsTab
from cnnviz.ui.train.job_run import JobRun
from cnnviz.ui.train.run_following import RunFollowing
from cnnviz.ui.train.run_panel import RunPanel
from cnnviz.ui.train.training_plots import TrainingPlots
from cnnviz.ui.train.training_worker import TrainingRun
from cnnviz.ui.workers.background import BackgroundCall, run_in_background, stop_call
from cnnviz.ui.workers.threads import keep_gui_thread_single_threaded

#: how long closing the window waits for a run to stop before it lets the run finish its
#: batch in the background and closes when it has
CLOSE_WAIT_MS = 10_000


def _as_bool(value: object) -> bool:
    """QSettings' .ini files give booleans back as "true" and "false"."""
    return value if isinstance(value, bool) else str(value).lower() == "true"


class MainWindow(QMainWindow):
    """cnnviz's window. Build it once a QApplication exists; tests may pass their own
    settings and session."""

    def __init__(self, settings: AppSettings | None = None,
                 session: Session | None = None) -> None:  # fmt: skip
        super().__init__()
        keep_gui_thread_single_threaded()
        self.setWindowTitle("cnnviz")
        self.settings = settings or AppSettings()
        self.session = session or Session()
        self.run: TrainingRun | JobRun | None = None
        self.total_steps = 0
        self.last_step = 0
        self.batch_size = 100
        self.dialog: QWidget | None = None
        self._close_when_stopped = False
        self.runs = RunsState(self.session.home, self.settings.extra_run_folders())
        self._selection = Generation()
        self._selection_call: BackgroundCall | None = None
        self._export_call: BackgroundCall | None = None

        self.panel = RunPanel(self.settings)
        self.plots = TrainingPlots()
        self.plots.setObjectName("trainingTab")
        self.following = RunFollowing(self.plots, self.runs)
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.addTab(self.plots, "&Training")
        self.runs_tab = RunsTab(self.runs)
        self.tabs.addTab(self.runs_tab, "R&uns")
        self.test_split = CurrentSplit(run_in_background, self.settings.data_dir)
        self.test_split.follow(self.session)
        self.inspect_tab = InspectTab(self.test_split)
        self.tabs.addTab(self.inspect_tab, "&Inspect")
        self.draw_tab = DrawTab()
        self.tabs.addTab(self.draw_tab, "Dra&w")
        self.evaluate_tab = EvaluateTab(lambda: self.session.current, self.test_split)
        self.tabs.addTab(self.evaluate_tab, "&Evaluate")
        self.histograms_tab = HistogramsTab()
        self.tabs.addTab(self.histograms_tab, "&Histograms")
        self.projector_tab = ProjectorTab(lambda: self.session.current, self.test_split)
        self.tabs.addTab(self.projector_tab, "&Projector")
        self.learn_tab = LearnTab()
        self.tabs.addTab(self.learn_tab, "&Learn")
        self.overview_tab = OverviewTab(self.settings.data_dir, lambda: self.draw_tab.model_input)
        self.tabs.insertTab(0, self.overview_tab, "&Overview")
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(290)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        self.presentation = Presentation(self, scroll)
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
        self._connect()
        self.panel.restore()
        self.learn_tab.set_dataset(self.panel.dataset_combo.value())
        self._restore_geometry()
        self._show_current(self.session.current)
        self._on_phase(self.session.run.phase)

    def _connect(self) -> None:
        session = self.session
        session.current_changed.connect(self._show_current)
        session.run_started.connect(self._on_run_started)
        session.run.changed.connect(self._on_phase)
        session.problem.connect(self.show_status)
        self.inspect_tab.status.connect(self.show_status)
        self.overview_tab.status.connect(self.show_status)
        self.overview_tab.inspect_requested.connect(
            lambda *unit: open_inspect(self.tabs, self.inspect_tab, *unit))
        self.overview_tab.explain_requested.connect(
            lambda *target: open_explain(self.tabs, self.inspect_tab, *target))
        self.evaluate_tab.inspect_requested.connect(self._inspect_test_image)
        self.projector_tab.inspect_requested.connect(
            lambda request: self._inspect_test_image(request, self.projector_tab.dataset))
        self.draw_tab.inspect_requested.connect(self.inspect_image)
        self.draw_tab.shipped_requested.connect(session.use_shipped)
        self.inspect_tab.inspected.connect(self.learn_tab.show_inspection)
        self.learn_tab.model_requested.connect(self._use_model)
        self.panel.dataset_combo.currentIndexChanged.connect(
            lambda _: self.learn_tab.set_dataset(self.panel.dataset_combo.value()))
        self.tabs.currentChanged.connect(lambda _: self._update_live_inspection())
        self.panel.train_button.clicked.connect(lambda: self.start_training())
        self.panel.pause_button.clicked.connect(self.toggle_pause)
        self.panel.stop_button.clicked.connect(self.stop_training)
        self.panel.copy_command_button.clicked.connect(self.copy_command)
        self._selection_timer = QTimer(self, singleShot=True, interval=0)
        self._selection_timer.timeout.connect(self.show_selected_model)
        for combo in (self.panel.model_combo, self.panel.dataset_combo):
            combo.currentIndexChanged.connect(lambda _: self._selection_timer.start())
        self.runs_tab.use_weights_requested.connect(self.open_checkpoint)
        self.runs_tab.show_requested.connect(self.open_run)
        self.runs_tab.status.connect(self.show_status)
        self.following.status.connect(self.show_status)
        self.panel.model_file_chosen.connect(self.session.trust_chosen_file)

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
        self.recent_menu.setObjectName("recentMenu")
        self._action(file_menu, "&Save checkpoint as...", self.save_checkpoint_as,
                     QKeySequence.StandardKey.Save, "saveCheckpointAction")
        file_menu.addSeparator()
        self._action(file_menu, "Export m&odel (ONNX)...", self.export_model, None,
                     "exportModelAction")
        self._action(file_menu, "Export &metrics (CSV)...", self.export_metrics, "Ctrl+E")
        self._action(file_menu, "Export &plots (PNG)...", self.export_plots, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self._action(file_menu, "Choose &data folder...", self.choose_data_folder)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        view_menu = self.menuBar().addMenu("&View")
        self.present_action = self._action(view_menu, "&Present", self.toggle_presentation,
                                           "F11", "presentAction")
        self.present_action.setCheckable(True)
        self.present_action.setToolTip("Large text, plots and maps, full screen: for a "
                                       "projector (F11 again to leave)")
        add_language_menu(self, view_menu, self.settings)
        run_menu = self.menuBar().addMenu("&Run")
        self._action(run_menu, "&Train", self.start_training, "Ctrl+R")
        self._action(run_menu, "&Pause / resume", self.toggle_pause, "Ctrl+P")
        self._action(run_menu, "&Stop", self.stop_training, "Ctrl+.")
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&Guide", self.show_guide, QKeySequence.StandardKey.HelpContents,
                     "guideAction")
        self._action(help_menu, "&Documentation", self.open_documentation, None,
                     "documentationAction")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, None,
                     "shortcutsAction")
        self._action(help_menu, "&About cnnviz", self._about)
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        """Recent checkpoints and run folders, newest first; each opens the way it came."""
        self.recent_menu.clear()
        recent = [path for path in self.settings.recent_checkpoints() if Path(path).exists()]
        for path in recent:
            opener = self.open_run if Path(path).is_dir() else self.open_checkpoint
            self._action(self.recent_menu, path, lambda p=path, o=opener: o(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _remember(self, path: Path) -> None:
        self.settings.add_recent_checkpoint(Path(path))
        self._refresh_recent()

    def toggle_presentation(self) -> bool:
        active = self.presentation.toggle()
        self.present_action.setChecked(active)
        return active

    def open_documentation(self, page: str = "index.html") -> QUrl:
        """Open a page of the documentation in the browser: the built site when there is one
        (``site/`` next to the checkout, or ``$CNNVIZ_DOCS``), else the online one."""
        url = docs_url(page)
        if QDesktopServices.openUrl(url):
            self.show_status(f"opened the documentation: {url.toDisplayString()}")
        else:
            self.show_status(f"could not open a browser; the documentation is at "
                             f"{url.toDisplayString()}")
        return url

    def show_guide(self) -> GuideDialog:
        guide = GuideDialog(self, self.settings.value("help/guide_at_start", True, _as_bool),
                            self.open_documentation)
        guide.at_start.toggled.connect(lambda on: self.settings.set("help/guide_at_start", on))
        self._show_dialog(guide)
        return guide

    def show_guide_at_start(self) -> None:
        """The guide opens when cnnviz starts, until the user unticks it."""
        if self.settings.value("help/guide_at_start", True, _as_bool):
            self.show_guide()

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self, self.findChildren(QAction))
        self._show_dialog(dialog)
        return dialog

    def _about(self) -> None:
        import cnnviz

        QMessageBox.about(self, "About cnnviz",
                          f"cnnviz {cnnviz.__version__}: see how convolutional networks learn.")

    # -- state ------------------------------------------------------------------------------
    @property
    def phase(self) -> Phase:
        return self.session.run.phase

    def _on_phase(self, phase: Phase) -> None:
        self.panel.set_state(phase)
        if self.run is not None and not self.run.can_pause and phase.active:
            self.panel.pause_button.setEnabled(False)  # a torchrun job stops, never pauses
        self.state_label.setText(phase.value)
        if phase is not Phase.TRAINING:  # a paused or ended run has no rate and no ETA
            self.speed_label.setText("")
            self.eta_label.setText("")

    def _show_current(self, current: CurrentModel) -> None:
        self.draw_tab.show_model(current)
        self.overview_tab.show_model(current)
        self.inspect_tab.show_model(current)
        self.evaluate_tab.model_changed()
        self.projector_tab.model_changed()
        if self.phase.at_rest:  # the plots show the current weights' run, and nothing else
            trained = current.path is not None and not current.is_shipped
            self.following.show(current.path.parent if trained else None)
            if trained:
                self.histograms_tab.follow(current.path.parent)

    def _use_model(self, spec: str) -> None:
        self.panel.model_combo.select(spec)
        self.statusBar().showMessage(f"{spec} selected: Train trains it", 8000)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- training ---------------------------------------------------------------------------
    def start_training(self, mode: TrainMode | None = None) -> None:
        """Start a run. When the current weights could be continued or started from, the
        user is asked which (``mode`` answers for them)."""
        if not self.phase.at_rest:
            return
        config = self.panel.config()
        choice = self.session.train_choice(config)
        if mode is None and len(choice.modes) > 1:
            self._show_dialog(train_mode_box(self, choice, self.start_training))
            return
        try:
            planned = self.session.plan(config, mode or TrainMode.FRESH)
        except CnnvizError as exc:
            self.show_error("Cannot start training", str(exc))
            return
        if not self.session.begin(planned):
            return
        self.following.release(Path(planned.out_dir))  # the plots are this run's now
        self.plots.clear()
        if planned.resume is not None and (Path(planned.out_dir) / METRICS).is_file():
            with contextlib.suppress(CnnvizError):  # the run itself then says what is wrong
                self.plots.show_records(read_metrics(Path(planned.out_dir) / METRICS))
        self.batch_size = planned.batch_size
        self.panel.save()
        processes = self.panel.processes_spin.value()
        if processes > 1:
            log = self.session.home / ".logs" / f"{Path(planned.out_dir).name}.log"
            self.run = JobRun(planned, processes, log)
        else:
            self.run = TrainingRun(planned)
        self.histograms_tab.follow(Path(planned.out_dir))
        worker = self.run.worker
        worker.stepped.connect(self._on_steps)
        worker.reported.connect(self._on_event)
        worker.loading.connect(self._on_loading)
        worker.finished.connect(self._on_finished)
        worker.held.connect(self._on_held)  # a method: a lambda would run in the worker
        self._update_live_inspection()
        self.panel.progress.setRange(0, 0)
        self.panel.progress.setFormat("loading data...")
        self.statusBar().showMessage(f"loading {planned.dataset}...")
        self.run.start()

    def _update_live_inspection(self) -> None:
        """Weight snapshots flow only while the Inspect tab or the Overview is on screen."""
        if self.run is not None:
            watching = self.tabs.currentWidget() in (self.inspect_tab, self.overview_tab)
            self.run.worker.snapshot_interval = (
                self.inspect_tab.refresh_seconds if watching else None)

    def inspect_image(self, image: np.ndarray | Path | str) -> bool:
        """Show an input (an array or an image file) in the Inspect tab."""
        self.tabs.setCurrentWidget(self.inspect_tab)
        return self.inspect_tab.show_image(image)

    def _inspect_test_image(self, request: tuple[int, np.ndarray],
                            dataset: str | None = None) -> None:  # fmt: skip
        """A test image from the Evaluate gallery (or of ``dataset``, from the projector): by
        index when Inspect browses the same test set, so that its true label shows too."""
        index, image = request
        tab = self.inspect_tab
        dataset = self.evaluate_tab.dataset if dataset is None else dataset
        if tab.test is not None and tab.dataset == dataset:
            self.tabs.setCurrentWidget(tab)
            tab.index_spin.setValue(index)
            tab.show_test_image(index)
        else:
            self.inspect_image(image)

    def show_selected_model(self) -> None:
        """Every view shows the model chosen in the run panel: a fresh one, labelled
        untrained, when the current weights are of another model or data set. An image
        folder's shape is read in the background; a model that cannot take the data says so
        now."""
        if not self.phase.at_rest:
            return
        config = self.panel.config()
        if self.session.shows(config.model, config.dataset):
            return
        token = self._selection.next()
        entry = DATASETS.get(config.dataset)
        if entry is not None and entry.info.class_names:  # described without its files
            self._select(token, config.model, config.dataset, entry.info)
            return
        self.show_status(f"reading {config.dataset}...")
        folder = DatasetSpec.parse(config.dataset).is_folder

        def failed(error: Exception) -> None:
            if not self._selection.is_current(token):
                return
            if folder:
                self.show_status(f"cannot read {config.dataset}: {error}")
            else:  # CIFAR-100 not here yet: its classes come with its files; Train says so
                self.statusBar().clearMessage()

        data_dir = None if folder else self.settings.data_dir()
        self._selection_call = BackgroundCall(
            lambda state: dataset_info(config.dataset, data_dir, False, config.image_size),
            lambda info: self._select(token, config.model, config.dataset, info), failed)

    def _select(self, token: int, model: str, dataset: str, info: DatasetInfo) -> None:
        if not self._selection.is_current(token) or not self.phase.at_rest:
            return
        try:
            self.session.select(model, info, dataset)
        except UntrustedModelCodeError as exc:  # e.g. a spec a stranger's file left behind
            self._ask_trust(exc.code, ModelSpec.parse(model).display_name,
                            lambda: self._select(token, model, dataset, info))
        except CnnvizError as exc:
            self.show_error("Cannot use this model", str(exc))

    def copy_command(self) -> str:
        """The torchrun line for the settings now chosen, on the clipboard."""
        config = self.session.plan(self.panel.config(), TrainMode.FRESH)
        line = shell_line(torchrun_command(config, max(2, self.panel.processes_spin.value())))
        QApplication.clipboard().setText(line)
        self.show_status("copied the torchrun command for these settings")
        return line

    def toggle_pause(self) -> None:
        if self.run is None or not self.run.can_pause:
            return
        if self.session.run.pause():
            self.run.worker.pause()
            self.statusBar().showMessage("pausing after the step in flight...")
        elif self.session.run.resume():
            self.run.worker.resume()
            self.statusBar().clearMessage()

    def stop_training(self) -> None:
        if self.run is not None and self.session.run.request_stop():
            self.run.worker.request_stop()
            self.statusBar().showMessage("stopping at the next batch...")

    # -- events from the worker -------------------------------------------------------------
    def _on_held(self) -> None:
        self.statusBar().showMessage(f"paused after step {self.last_step}")

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
        if self.phase is not Phase.TRAINING:
            return
        self.speed_label.setText(f"{last.images_per_second:,.0f} images/s")
        remaining = max(0, self.total_steps - last.step)
        rate = last.images_per_second / max(1, self.batch_size)
        if rate > 0:
            seconds = int(remaining / rate)
            self.eta_label.setText(f"ETA {seconds // 60}:{seconds % 60:02d}")

    def _on_event(self, event: Any) -> None:
        self.session.handle(event)
        if isinstance(event, EpochEvent):
            self.plots.add_epoch(event)
            self.statusBar().showMessage(
                f"epoch {event.epoch}: test accuracy {event.test_acc:.2%}", 10000)
        elif isinstance(event, EvaluationEvent):
            self.plots.add_evaluation(event)
        elif isinstance(event, WeightsEvent):
            self.inspect_tab.show_weights(event.state, event.step)
            self.overview_tab.show_weights(event.state, event.step)
            if self.run is not None:
                self.run.worker.snapshot_taken()

    def _on_run_started(self, event: StartedEvent) -> None:
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
        if self.run is not None and self.run.sends_weights:
            self.inspect_tab.prepare_live(self.session.live_model(event), event)

    def _on_finished(self, event: Any) -> None:
        if self.run is not None:
            self.run.wait_ended(2000)  # the worker has emitted its last signal
        self.session.handle(event)
        self.panel.progress.setRange(0, max(1, self.total_steps))
        if self.session.current.trained and self.session.run_dir is not None \
                and self.session.current.path.parent == self.session.run_dir:  # fmt: skip
            self._remember(self.session.current.path)
        if isinstance(event, FinishedEvent):
            self.panel.progress.setValue(self.total_steps)
            self.panel.progress.setFormat("done: test accuracy " + f"{event.test_acc:.2%}")
            self.statusBar().showMessage(
                f"finished: test accuracy {event.test_acc:.2%} in {event.wall_seconds:.0f} s")
        elif isinstance(event, StoppedEvent):
            text = (f"stopped at step {event.step}" if event.checkpoint
                    else "cancelled: nothing was trained or saved")  # fmt: skip
            self.panel.progress.setFormat(text)
            self.statusBar().showMessage(text)
        elif isinstance(event, FailedEvent):
            self.panel.progress.setFormat("failed")
            self.statusBar().showMessage("training failed")
            self._show_failure(event)
        if self._close_when_stopped:
            self.close()

    # -- dialogs ----------------------------------------------------------------------------
    def _show_dialog(self, dialog: QWidget) -> None:
        """Dialogs open window-modal without blocking, so a worker's signals keep flowing."""
        self.dialog = dialog
        dialog.open()

    def show_error(self, title: str, message: str, details: str = "") -> QMessageBox:
        box = error_box(self, title, message, details)
        self._show_dialog(box)
        return box

    def _show_failure(self, event: FailedEvent) -> None:
        if event.kind != "dataset-missing":
            self.show_error("Training failed", event.message, event.details)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Data set not found", event.message,
                          parent=self)  # fmt: skip
        box.setObjectName("missingDataDialog")
        if event.details:
            box.setDetailedText(event.details)  # what the network said, behind Show details
        choose = box.addButton("Choose data folder...", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(
            lambda button: self.choose_data_folder() if button is choose else None)
        self._show_dialog(box)

    def _ask_trust(self, code: ModelCode, what: str, then: Callable[[], Any]) -> None:
        """Show the code and ask; trusting remembers its hash and carries on with ``then``."""
        def trusted(code: ModelCode) -> None:
            self.session.trust_code(code)
            then()

        self._show_dialog(TrustDialog(self, code, what, trusted))

    def choose_data_folder(self, path: Path | None = None) -> None:
        if path is None:
            chosen = QFileDialog.getExistingDirectory(self, "Data folder",
                                                      str(self.settings.data_dir()))
            if not chosen:
                return
            path = Path(chosen)
        self.settings.set_data_dir(path)
        self.statusBar().showMessage(f"data folder: {path}", 5000)

    def _ask_about_job(self) -> None:
        """A torchrun job runs on its own: closing the window may leave it running."""
        box = QMessageBox(QMessageBox.Icon.Question, "Training job running",
                          "A training job of several processes is running. Leave it running "
                          "after the window closes, or stop it (it saves a checkpoint)?",
                          parent=self)  # fmt: skip
        box.setObjectName("leaveJobDialog")
        leave = box.addButton("Leave it running", QMessageBox.ButtonRole.AcceptRole)
        stop = box.addButton("Stop the job", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered(button) -> None:
            if button is leave:
                self.run = None  # the job goes on; the runs list finds it again
                self.close()
            elif button is stop:
                self._close_when_stopped = True
                self.stop_training()

        box.buttonClicked.connect(answered)
        self._show_dialog(box)

    # -- runs -------------------------------------------------------------------------------
    def open_run(self, path: Path) -> bool:
        """Show a run folder's curves and follow them while another process writes the run;
        returns at once. While this window trains, the run is drawn over its own instead."""
        path = Path(path)
        try:
            self.runs.add_folder(path)
        except (CnnvizError, OSError) as exc:
            self.show_error("Cannot open run", str(exc))
            return False
        self.settings.set_extra_run_folders(self.runs.extra)
        self._remember(path)
        if self.phase.active:
            self.runs.set_overlaid(path, True)
            self.show_status(f"{path.name} is drawn over the run that trains now")
            return True
        self.following.show(path)
        self.histograms_tab.follow(path)
        self.tabs.setCurrentWidget(self.plots)
        self.show_status(f"showing {path.name}")
        return True

    # -- files ------------------------------------------------------------------------------
    def open_checkpoint(self, path: Path | None = None) -> CurrentModel | None:
        """Make a checkpoint current in every tab. One whose model is a Python file opens
        only once the user trusts that code (asked once per version of the file)."""
        path = choose_path(False, self, path, "Open checkpoint", str(self.session.home),
                           "Checkpoints (*.pt *.pth);;All files (*)")
        if path is None:
            return None
        try:
            current = self.session.open_checkpoint(path)
        except UntrustedModelCodeError as exc:
            self._ask_trust(exc.code, Path(path).name, lambda: self.open_checkpoint(path))
            return None
        except CnnvizError as exc:
            self.show_error("Cannot open checkpoint", str(exc))
            return None
        meta = current.meta
        self.panel.model_combo.select(meta.model)
        self.panel.dataset_combo.select(meta.config.get("dataset", meta.dataset))
        self._remember(Path(path))
        self.statusBar().showMessage(f"opened {current.label}")
        return current

    def save_checkpoint_as(self, path: Path | None = None) -> Path | None:
        source = self.session.current.path
        if source is None:
            self.show_error("Nothing to save", "Train a model or open a checkpoint first.")
            return None
        path = choose_path(True, self, path, "Save checkpoint as", "model.pt", "Checkpoints (*.pt)")
        if path is None:
            return None
        try:
            save_checkpoint(load_checkpoint(source), Path(path))
        except CnnvizError as exc:
            self.show_error("Cannot save checkpoint", str(exc))
            return None
        self._remember(Path(path))
        self.statusBar().showMessage(f"saved {path}", 5000)
        return Path(path)

    def export_model(self, path: Path | None = None) -> bool:
        """The current model as ONNX (as ``cnnviz export`` writes it), in the background:
        the exporter traces the model for a few seconds."""
        path = choose_path(True, self, path, "Export model", "model.onnx", "ONNX (*.onnx)")
        if path is None:
            return False
        stop_call(self._export_call)
        predictor = self.session.current.predictor.copy()
        self.statusBar().showMessage(f"exporting {self.session.current.label} to {path}...")
        self._export_call = BackgroundCall(
            lambda state: export_onnx(predictor.model, predictor.meta, path),
            lambda _: self.statusBar().showMessage(f"wrote {path}", 8000),
            lambda error: self.show_error("Cannot export model", str(error)),
        )  # fmt: skip
        return True

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
        """The last size and tab; the first time, a size that fits the screen, on a tab that
        works offline."""
        geometry = self.settings.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            available = self.screen().availableGeometry()
            self.resize(min(1440, int(available.width() * 0.92)),
                        min(880, int(available.height() * 0.92)))  # fmt: skip
        tab = self.findChild(QWidget, self.settings.value("window/tab", "overviewTab"))
        known = tab is not None and self.tabs.indexOf(tab) >= 0
        self.tabs.setCurrentWidget(tab if known else self.overview_tab)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop a run (it saves a checkpoint) and wait for it, but never without bound: if
        its batch takes longer, the window stays until the worker has ended, then closes.
        A running QThread is never destroyed."""
        if isinstance(self.run, JobRun) and self.run.is_running and not self._close_when_stopped:
            self._ask_about_job()
            event.ignore()
            return
        if isinstance(self.run, TrainingRun) and self.run.is_running:
            self.session.run.request_stop()
            self.statusBar().showMessage("stopping training and saving a checkpoint...")
            if not self.run.stop_and_wait(CLOSE_WAIT_MS):
                self._close_when_stopped = True
                self.statusBar().showMessage("the window closes when the current batch ends")
                event.ignore()
                return
        self.inspect_tab.stop_background()
        self.test_split.stop()
        self.overview_tab.stop_background()
        self.runs_tab.stop_background()
        self.evaluate_tab.stop_background()
        stop_call(self._selection_call)
        stop_call(self._export_call)
        self.following.stop()
        self.projector_tab.stop_background()
        self.panel.save()
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/tab", self.tabs.currentWidget().objectName())
        self.settings.sync()
        super().closeEvent(event)
