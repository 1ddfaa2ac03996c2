"""The main window: layout, menus, and the wiring between the tabs.

The state (current model, run lifecycle, runs, trusted code) lives in a Qt-free Session; the
run that trains is driven by a Qt-free RunController (cnnviz/session/run_controller.py), and
the run panel, the status bar, the plots and the histograms subscribe to it themselves. The
window builds them, forwards what the user asks, and shows the dialogs. The weights shown when
the window closes are shown again at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.model_code import ModelCode
from cnnviz.core.training.events import FailedEvent, StartedEvent, WeightsEvent
from cnnviz.session.job import shell_line, torchrun_command
from cnnviz.session.run_controller import CloseAnswer, RunController, RunFactory
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
from cnnviz.ui.shell.dialogs import (
    TrustDialog,
    error_box,
    leave_job_box,
    missing_data_box,
    train_mode_box,
)
from cnnviz.ui.shell.file_actions import FileActions
from cnnviz.ui.shell.help import HelpActions
from cnnviz.ui.shell.i18n import add_language_menu, translate_error, translate_text
from cnnviz.ui.shell.presentation import Presentation
from cnnviz.ui.shell.settings import AppSettings
from cnnviz.ui.train.histograms_tab import HistogramsTab
from cnnviz.ui.train.job_run import JobRun
from cnnviz.ui.train.model_selection import ModelSelection
from cnnviz.ui.train.run_following import RunFollowing
from cnnviz.ui.train.run_panel import RunPanel
from cnnviz.ui.train.run_status import RunStatusLabels
from cnnviz.ui.train.training_plots import TrainingPlots
from cnnviz.ui.train.training_worker import TrainingRun
from cnnviz.ui.workers.background import run_in_background
from cnnviz.ui.workers.threads import keep_gui_thread_single_threaded

#: how long closing the window waits for a run to stop before it lets the run finish its
#: batch in the background and closes when it has
CLOSE_WAIT_MS = 10_000


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
        self.dialog: QWidget | None = None
        self.runs = RunsState(self.session.home, self.settings.extra_run_folders())
        self.controller = RunController(self.session, self.runs,
                                        RunFactory(local=TrainingRun, job=JobRun))
        self.files = FileActions(self)
        self.help = HelpActions(self)

        self.panel = RunPanel(self.settings)
        self.plots = TrainingPlots()
        self.plots.setObjectName("trainingTab")
        self.following = RunFollowing(self.plots, self.runs)
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.addTab(self.plots, self.tr("&Training"))
        self.runs_tab = RunsTab(self.runs)
        self.tabs.addTab(self.runs_tab, self.tr("R&uns"))
        self.test_split = CurrentSplit(run_in_background, self.settings.data_dir)
        self.test_split.follow(self.session)
        self.inspect_tab = InspectTab(self.test_split)
        self.tabs.addTab(self.inspect_tab, self.tr("&Inspect"))
        self.draw_tab = DrawTab()
        self.tabs.addTab(self.draw_tab, self.tr("Dra&w"))
        self.evaluate_tab = EvaluateTab(lambda: self.session.current, self.test_split)
        self.tabs.addTab(self.evaluate_tab, self.tr("&Evaluate"))
        self.histograms_tab = HistogramsTab()
        self.tabs.addTab(self.histograms_tab, self.tr("&Histograms"))
        self.projector_tab = ProjectorTab(lambda: self.session.current, self.test_split)
        self.tabs.addTab(self.projector_tab, self.tr("&Projector"))
        self.learn_tab = LearnTab()
        self.tabs.addTab(self.learn_tab, self.tr("&Learn"))
        self.overview_tab = OverviewTab(self.test_split, lambda: self.draw_tab.model_input)
        self.tabs.insertTab(0, self.overview_tab, self.tr("&Overview"))
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
        self.status_labels = RunStatusLabels(self.controller)
        self.statusBar().addPermanentWidget(self.status_labels)

        self.panel.subscribe(self.controller)
        self.plots.subscribe(self.controller)
        self.histograms_tab.subscribe(self.runs)
        self._build_menus()
        self.selection = ModelSelection(self)
        self._connect()
        self.panel.restore()
        if not self._restore_weights():
            self._show_current(self.session.current)
        self.learn_tab.set_dataset(self.panel.dataset_combo.value())
        self._restore_geometry()
        self.controller.show_current_run()

    def _connect(self) -> None:
        session, controller = self.session, self.controller
        session.current_changed.connect(self._show_current)
        session.current_changed.connect(self._follow_current)
        session.run_started.connect(self._prepare_live)
        session.problem.connect(self.show_status)
        controller.reported.connect(self._show_weights)
        controller.ended.connect(self._show_failure)
        controller.close_ready.connect(self.close, check_nargs=False)
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
        self.panel.pause_button.clicked.connect(controller.toggle_pause)
        self.panel.stop_button.clicked.connect(controller.stop)
        self.panel.copy_command_button.clicked.connect(self.copy_command)
        self.runs_tab.use_weights_requested.connect(self.files.open_checkpoint)
        self.runs_tab.show_requested.connect(self.files.open_run)
        self.runs_tab.status.connect(self.show_status)
        self.following.status.connect(self.show_status)
        self.panel.model_file_chosen.connect(session.trust_chosen_file)

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
        files = self.files
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Open checkpoint..."), files.open_checkpoint,
                     QKeySequence.StandardKey.Open, "openCheckpointAction")
        file_menu.addMenu(files.recent_menu)
        self._action(file_menu, self.tr("&Save checkpoint as..."), files.save_checkpoint_as,
                     QKeySequence.StandardKey.Save, "saveCheckpointAction")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Export m&odel (ONNX)..."), files.export_model, None,
                     "exportModelAction")
        self._action(file_menu, self.tr("Export &metrics (CSV)..."), files.export_metrics,
                     "Ctrl+E")
        self._action(file_menu, self.tr("Export &plots (PNG)..."), files.export_plots,
                     "Ctrl+Shift+E")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Choose &data folder..."), files.choose_data_folder)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.present_action = self._action(view_menu, self.tr("&Present"),
                                           self.toggle_presentation, "F11", "presentAction")
        self.present_action.setCheckable(True)
        self.present_action.setToolTip(self.tr("Large text, plots and maps, full screen: for a "
                                               "projector (F11 again to leave)"))
        add_language_menu(self, view_menu, self.settings)
        run_menu = self.menuBar().addMenu(self.tr("&Run"))
        self._action(run_menu, self.tr("&Train"), self.start_training, "Ctrl+R")
        self._action(run_menu, self.tr("&Pause / resume"), self.controller.toggle_pause,
                     "Ctrl+P")
        self._action(run_menu, self.tr("&Stop"), self.controller.stop, "Ctrl+.")
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Guide"), self.help.show_guide,
                     QKeySequence.StandardKey.HelpContents, "guideAction")
        self._action(help_menu, self.tr("&Documentation"), self.help.open_documentation, None,
                     "documentationAction")
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.help.show_shortcuts, None,
                     "shortcutsAction")
        self._action(help_menu, self.tr("&About cnnviz"), self.help.about)

    def toggle_presentation(self) -> bool:
        active = self.presentation.toggle()
        self.present_action.setChecked(active)
        return active

    # -- state ------------------------------------------------------------------------------
    @property
    def phase(self) -> Phase:
        return self.session.run.phase

    def _show_current(self, current: CurrentModel) -> None:
        self.draw_tab.show_model(current)
        self.overview_tab.show_model(current)
        self.inspect_tab.show_model(current)
        self.evaluate_tab.model_changed()
        self.projector_tab.model_changed()

    def _follow_current(self, current: CurrentModel) -> None:
        """The run panel names the current weights' model and data set (Train trains what
        every tab shows), and the weights are remembered for the next start."""
        meta = current.meta
        self.panel.model_combo.select(meta.model)
        self.panel.dataset_combo.select(meta.config.get("dataset", meta.dataset))
        self.settings.set_last_weights(current.path if current.trained and not current.is_shipped
                                       else None)  # fmt: skip

    def _restore_weights(self) -> bool:
        """The weights shown when cnnviz last closed (a run's, a checkpoint's), shown again;
        a file that is gone, damaged or runs code no longer trusted leaves the shipped
        weights, and the status bar says why. True when they came back."""
        path = self.settings.last_weights()
        if path is None:
            return False
        try:
            self.session.open_checkpoint(path)
        except CnnvizError as exc:
            self.settings.set_last_weights(None)
            self.show_status(self.tr("The last weights could not be opened again, so the "
                                     "shipped ones are shown: {error}").format(
                                         error=translate_error(exc)))
            return False
        return True

    def _use_model(self, spec: str) -> None:
        self.panel.model_combo.select(spec)
        self.show_status(self.tr("{model} selected: Train trains it").format(model=spec))

    def show_status(self, text: str) -> None:
        """``text`` on the status line for a while; a Message (the session's) translated."""
        self.statusBar().showMessage(translate_text(text), 8000)

    # -- training ---------------------------------------------------------------------------
    def start_training(self, mode: TrainMode | None = None) -> None:
        """Start a run. When the current weights could be continued or started from, the
        user is asked which (``mode`` answers for them)."""
        if not self.phase.at_rest:
            return
        config = self.panel.config()
        choice = self.session.train_choice(config)
        if mode is None and len(choice.modes) > 1:
            self.show_dialog(train_mode_box(self, choice, self.start_training))
            return
        try:
            planned = self.session.plan(config, mode or TrainMode.FRESH)
        except CnnvizError as exc:
            self.show_error(self.tr("Cannot start training"), translate_error(exc))
            return
        self._update_live_inspection()
        if self.controller.start(planned, self.panel.processes_spin.value()):
            self.panel.save()

    def _update_live_inspection(self) -> None:
        """Weight snapshots flow only while a tab that shows them (Inspect, the Overview,
        Draw) is on screen."""
        watching = self.tabs.currentWidget() in (self.inspect_tab, self.overview_tab,
                                                 self.draw_tab)  # fmt: skip
        self.controller.snapshot_interval = self.inspect_tab.refresh_seconds if watching else None

    def _prepare_live(self, event: StartedEvent) -> None:
        if self.controller.sends_weights:
            self.inspect_tab.prepare_live(self.session.live_model(event), event)

    def _show_weights(self, event: Any) -> None:
        if isinstance(event, WeightsEvent):
            self.inspect_tab.show_weights(event.state, event.step)
            self.overview_tab.show_weights(event.state, event.step)
            self.draw_tab.show_weights(event.state, event.step)

    def copy_command(self) -> str:
        """The torchrun line for the settings now chosen, on the clipboard."""
        config = self.session.plan(self.panel.config(), TrainMode.FRESH)
        line = shell_line(torchrun_command(config, max(2, self.panel.processes_spin.value())))
        QApplication.clipboard().setText(line)
        self.show_status(self.tr("copied the torchrun command for these settings"))
        return line

    # -- inspecting -------------------------------------------------------------------------
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

    # -- dialogs ----------------------------------------------------------------------------
    def show_dialog(self, dialog: QWidget) -> None:
        """Dialogs open window-modal without blocking, so a worker's signals keep flowing."""
        self.dialog = dialog
        dialog.open()

    def show_error(self, title: str, message: str, details: str = "") -> QMessageBox:
        box = error_box(self, title, message, details)
        self.show_dialog(box)
        return box

    def _show_failure(self, event: Any) -> None:
        if not isinstance(event, FailedEvent):
            return
        if event.kind == "dataset-missing":
            self.show_dialog(missing_data_box(self, event, self.files.choose_data_folder))
        else:
            self.show_error(self.tr("Training failed"), translate_text(event.message),
                            event.details)

    def ask_trust(self, code: ModelCode, what: str, then: Callable[[], Any]) -> None:
        """Show the code and ask; trusting remembers its hash and carries on with ``then``."""
        def trusted(code: ModelCode) -> None:
            self.session.trust_code(code)
            then()

        self.show_dialog(TrustDialog(self, code, what, trusted))

    def _ask_about_job(self) -> None:
        def leave() -> None:
            self.controller.leave_running()
            self.close()

        self.show_dialog(leave_job_box(self, leave, self.controller.stop_then_close))

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
        A running QThread is never destroyed; a torchrun job is the user's to leave."""
        answer = self.controller.close(CLOSE_WAIT_MS)
        if answer is CloseAnswer.ASK:
            self._ask_about_job()
        if answer is not CloseAnswer.NOW:
            event.ignore()
            return
        for view in (self.inspect_tab, self.overview_tab, self.runs_tab, self.evaluate_tab,
                     self.selection, self.files, self.projector_tab):  # fmt: skip
            view.stop_background()
        self.test_split.stop()
        self.following.stop()
        self.panel.save()
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/tab", self.tabs.currentWidget().objectName())
        self.settings.sync()
        super().closeEvent(event)
