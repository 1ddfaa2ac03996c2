"""The Runs tab: every run folder the app knows, ticked to overlay on the plots, compared side
by side, reopened, renamed, or deleted to the system trash.

The list and the overlays live in the session's RunsState; this tab renders them and asks
the user. It lists again every few seconds, so runs that another process starts appear. The
settings that differ between the runs listed get a column each, after the fixed ones.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFile,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.run_folder import BEST, CHECKPOINT
from cnnviz.core.training.runs import (
    SETTING_NAMES,
    UNREADABLE,
    RunSummary,
    compare_runs,
    differing_settings,
    format_result,
    list_runs,
    setting_value_text,
    write_comparison_csv,
)
from cnnviz.session.generation import Generation
from cnnviz.session.runs import RunsState
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.shell.i18n import translate_error
from cnnviz.ui.workers.background import BackgroundCall, stop_call

COLUMNS = [QT_TRANSLATE_NOOP("RunsTab", "Overlay"), QT_TRANSLATE_NOOP("RunsTab", "Run"),
           QT_TRANSLATE_NOOP("RunsTab", "Model"), QT_TRANSLATE_NOOP("RunsTab", "Data set"),
           QT_TRANSLATE_NOOP("RunsTab", "Status"), QT_TRANSLATE_NOOP("RunsTab", "Epochs"),
           QT_TRANSLATE_NOOP("RunsTab", "Best acc"), QT_TRANSLATE_NOOP("RunsTab", "Train time"),
           QT_TRANSLATE_NOOP("RunsTab", "Images/s"),
           QT_TRANSLATE_NOOP("RunsTab", "Started")]  # fmt: skip
#: settings with a column of their own already: not repeated among the differing ones
OWN_COLUMNS = ("model", "dataset", "epochs")
#: how the list names a run's status
STATUS_NAMES = {
    "running": QT_TRANSLATE_NOOP("RunsTab", "running"),
    "finished": QT_TRANSLATE_NOOP("RunsTab", "finished"),
    "stopped": QT_TRANSLATE_NOOP("RunsTab", "stopped"),
    "failed": QT_TRANSLATE_NOOP("RunsTab", "failed"),
    UNREADABLE: QT_TRANSLATE_NOOP("RunsTab", "unreadable"),
}
#: how the comparison names the results (as the CSV does, in English)
RESULT_NAMES = {
    "status": QT_TRANSLATE_NOOP("RunsTab", "status"),
    "best_test_acc": QT_TRANSLATE_NOOP("RunsTab", "best_test_acc"),
    "test_acc": QT_TRANSLATE_NOOP("RunsTab", "test_acc"),
    "train_seconds": QT_TRANSLATE_NOOP("RunsTab", "train_seconds"),
    "images_per_second": QT_TRANSLATE_NOOP("RunsTab", "images_per_second"),
    "parameters": QT_TRANSLATE_NOOP("RunsTab", "parameters"),
}
#: how often the list is read again, so that new runs and their progress appear
REFRESH_MS = 3000
DIFFERS = QBrush(QColor(255, 236, 160))


def prepare_home_trash() -> None:
    """Qt moves files to the freedesktop trash but does not make the home trash when it is
    missing (a new account, a fresh home); the trash spec asks implementations to make it."""
    if sys.platform.startswith("linux"):
        home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        for part in ("files", "info"):
            (home / "Trash" / part).mkdir(parents=True, exist_ok=True, mode=0o700)


def _text(value: object, form: str = "") -> str:
    return format_result(value, form, missing="")  # type: ignore[arg-type]


def row_cells(run: RunSummary, settings: Sequence[str] = ()) -> list[str]:
    """A run's row: the fixed columns, then the value of each of ``settings``."""
    started = time.strftime("%Y-%m-%d %H:%M", time.localtime(run.started)) if run.started else ""
    epochs = f"{_text(run.epochs_done, 'd') or 0}/{_text(run.epochs, 'd')}"
    status = (QCoreApplication.translate("RunsTab", STATUS_NAMES[run.status])
              if run.status in STATUS_NAMES else run.status)  # fmt: skip
    return ["", run.name, run.model, run.dataset, status, epochs,
            _text(run.best_test_acc, ".2%"), _text(run.train_seconds, ".1f"),
            _text(run.images_per_second, ",.0f"), started,
            *(setting_value_text(key, run.settings.get(key)) for key in settings)]  # fmt: skip


def differing_columns(runs: list[RunSummary]) -> list[str]:
    """The settings that differ between the runs (those that can be read), but for those
    with a column of their own: what the list's extra columns show."""
    readable = [run.settings for run in runs if run.status != UNREADABLE]
    return [key for key in differing_settings(readable) if key not in OWN_COLUMNS]


def row_name(name: str, is_setting: bool) -> str:
    """A comparison row's name: a setting's short name, or the result's."""
    if is_setting:
        return QCoreApplication.translate("RunNames", SETTING_NAMES[name])
    if name in RESULT_NAMES:
        return QCoreApplication.translate("RunsTab", RESULT_NAMES[name])
    return name


#: how a result reads in the comparison (settings read as they were given)
RESULT_FORMATS = {"best_test_acc": ".2%", "test_acc": ".2%", "train_seconds": ",.1f",
                  "images_per_second": ",.0f", "parameters": ","}  # fmt: skip


def comparison_text(name: str, value: object) -> str:
    return _text(value, RESULT_FORMATS.get(name, ""))


class RunsTab(QWidget):
    #: a checkpoint the user wants as the current model
    use_weights_requested = Signal(object)
    #: a run folder to show on the plots and follow
    show_requested = Signal(object)
    #: a message for the status bar
    status = Signal(str)

    def __init__(self, runs: RunsState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsTab")
        self.runs = runs
        self.dialog: QWidget | None = None
        self.open_button = QPushButton(self.tr("Open run folder..."), objectName="openRunButton")
        self.open_button.setToolTip(self.tr("Add a run folder from anywhere: a shared disk, a "
                                            "cluster's output; one run or a folder of runs"))
        self.show_button = QPushButton(self.tr("Show on the plots"), objectName="showRunButton")
        self.weights_combo = QComboBox(objectName="runWeightsCombo")
        self.weights_combo.addItem(self.tr("best weights"), BEST)
        self.weights_combo.addItem(self.tr("latest weights"), CHECKPOINT)
        # never narrower than its text: in a full bar (presenting) the buttons keep theirs
        self.weights_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.use_button = QPushButton(self.tr("Use these weights"),
                                      objectName="useRunWeightsButton")
        self.use_button.setToolTip(self.tr("Make the run's weights current in Draw, Inspect "
                                           "and Evaluate"))
        self.rename_button = QPushButton(self.tr("Rename..."), objectName="renameRunButton")
        self.delete_button = QPushButton(self.tr("Delete..."), objectName="deleteRunButton")
        self.export_button = QPushButton(self.tr("Export comparison (CSV)..."),
                                         objectName="exportComparisonButton")
        bar = QHBoxLayout()
        for widget in (self.open_button, self.show_button, self.weights_combo, self.use_button,
                       self.rename_button, self.delete_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)

        self.table = QTableWidget(objectName="runsTable")
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.comparison = QTableWidget(objectName="comparisonTable")
        self.comparison_label = QLabel(self.tr("Tick runs to overlay them on the plots and "
                                               "compare them here; settings that differ are "
                                               "highlighted."))
        self.comparison_label.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        # the comparison's export beside its explanation: the bar above is full when presenting
        above_comparison = QHBoxLayout()
        above_comparison.addWidget(self.comparison_label, 1)
        above_comparison.addWidget(self.export_button)
        lower_layout.addLayout(above_comparison)
        lower_layout.addWidget(self.comparison, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([400, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.open_button.clicked.connect(lambda: self.open_folder())
        self.show_button.clicked.connect(lambda: self._with_selected(self.show_requested.emit))
        self.use_button.clicked.connect(lambda: self._with_selected(self.use_weights))
        self.rename_button.clicked.connect(lambda: self._with_selected(self.rename))
        self.delete_button.clicked.connect(lambda: self._with_selected(self.delete))
        self.export_button.clicked.connect(lambda: self.export_comparison())
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(
            lambda item: self._with_selected(self.show_requested.emit))
        runs.listed.connect(self._fill)
        runs.overlays_changed.connect(lambda _: self._sync_checks())
        self._listing: BackgroundCall | None = None
        self._listings = Generation()
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh_in_background)
        self._timer.start()
        self.refresh_in_background()

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the run folders now (after the user changed something); a listing still
        running in the background is older, and its result is dropped."""
        self._listings.next()
        self.runs.refresh()

    def refresh_in_background(self) -> None:
        """Read the run folders off the GUI thread (a slow shared disk, a run's huge
        metrics.jsonl read for the first time), at most one read at a time."""
        if self._listing is not None and self._listing.is_running:
            return
        roots, token = self.runs.roots, self._listings.next()

        def show(runs: list[RunSummary]) -> None:
            if self._listings.is_current(token):
                self.runs.show(runs)

        self._listing = BackgroundCall(lambda state: list_runs(roots), show, lambda error: None)

    def stop_background(self) -> None:
        """The window closes: no more listings, and none that already ended is shown."""
        self._timer.stop()
        self._listings.next()
        stop_call(self._listing)

    def _fill(self, runs: list[RunSummary]) -> None:
        selected = self.selected_path()
        settings = differing_columns(runs)
        with QSignalBlocker(self.table):
            self.table.setColumnCount(len(COLUMNS) + len(settings))
            self.table.setHorizontalHeaderLabels(
                [self.tr(column) for column in COLUMNS]
                + [QCoreApplication.translate("RunNames", SETTING_NAMES[key]) for key in settings])
            self.table.setRowCount(len(runs))
            for row, run in enumerate(runs):
                for column, text in enumerate(row_cells(run, settings)):
                    item = self.table.item(row, column)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(row, column, item)
                    item.setText(text)
                    item.setData(Qt.ItemDataRole.UserRole, str(run.path))
                    if column == 0:
                        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                                      | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
                        checked = run.path in self.runs.overlaid
                        item.setCheckState(Qt.CheckState.Checked if checked
                                           else Qt.CheckState.Unchecked)  # fmt: skip
                        item.setToolTip(self.tr("Draw this run over the current one"))
                    elif column == 1:
                        item.setToolTip(str(run.path))
                    elif column == 4:
                        item.setToolTip(run.problem or "")
                if run.path == selected:
                    self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self._update_buttons()
        self._fill_comparison()

    def _sync_checks(self) -> None:
        """Ticks follow the overlays, whoever changed them (this table, Show, open_run)."""
        with QSignalBlocker(self.table):
            for row in range(self.table.rowCount()):
                item = self.table.item(row, 0)
                on = Path(item.data(Qt.ItemDataRole.UserRole)) in self.runs.overlaid
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._fill_comparison()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            self.runs.set_overlaid(path, item.checkState() == Qt.CheckState.Checked)

    def selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return Path(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def select(self, path: Path) -> bool:
        for row in range(self.table.rowCount()):
            if Path(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)) == Path(path):
                self.table.selectRow(row)
                return True
        return False

    def _with_selected(self, action: Callable[[Path], object]) -> None:
        path = self.selected_path()
        if path is None:
            self.status.emit(self.tr("Runs: select a run first"))
            return
        action(path)

    def _update_buttons(self) -> None:
        chosen = self.selected_path() is not None
        for button in (self.show_button, self.use_button, self.rename_button,
                       self.delete_button):  # fmt: skip
            button.setEnabled(chosen)
        self.export_button.setEnabled(len(self._ticked()) >= 1)

    # -- the comparison ---------------------------------------------------------------------
    def _ticked(self) -> list[RunSummary]:
        return [run for path in self.runs.overlaid if (run := self.runs.find(path))]

    def _fill_comparison(self) -> None:
        runs = self._ticked()
        rows = compare_runs(runs)
        table = self.comparison
        table.setColumnCount(len(runs))
        table.setRowCount(len(rows) if runs else 0)
        table.setHorizontalHeaderLabels([run.name for run in runs])
        table.setVerticalHeaderLabels([row_name(row.name, row.is_setting) for row in rows])
        for r, row in enumerate(rows if runs else []):
            for c, value in enumerate(row.values):
                item = QTableWidgetItem(comparison_text(row.name, value))
                if row.is_setting and row.differs:
                    item.setBackground(DIFFERS)
                    item.setToolTip(self.tr("this setting differs between the runs"))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        self.export_button.setEnabled(bool(runs))

    def export_comparison(self, path: Path | None = None) -> Path | None:
        runs = self._ticked()
        if not runs:
            return None
        path = choose_path(True, self, path, self.tr("Export comparison"), "runs.csv",
                           self.tr("CSV (*.csv)"))  # fmt: skip
        if path is None:
            return None
        try:
            write_comparison_csv(runs, Path(path))
        except OSError as exc:
            self.status.emit(self.tr("cannot write {path}: {error}").format(path=path, error=exc))
            return None
        return Path(path)

    # -- actions on one run -----------------------------------------------------------------
    def open_folder(self, path: Path | None = None) -> bool:
        if path is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Open a run folder, or a folder of runs"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            self.runs.add_folder(Path(path))
        except (CnnvizError, OSError) as exc:
            self.status.emit(self.tr("Runs: {error}").format(error=translate_error(exc)))
            return False
        self.select(Path(path))
        return True

    def use_weights(self, run: Path) -> None:
        checkpoint = Path(run) / self.weights_combo.currentData()
        if not checkpoint.is_file():
            checkpoint = Path(run) / CHECKPOINT
        if not checkpoint.is_file():
            self.status.emit(self.tr("Runs: {run} has no checkpoint yet").format(
                run=Path(run).name))
            return
        self.use_weights_requested.emit(checkpoint)

    def rename(self, run: Path, new_name: str | None = None) -> Path | None:
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, self.tr("Rename run"),
                                                self.tr("New folder name:"),
                                                text=Path(run).name)  # fmt: skip
            if not ok:
                return None
        try:
            return self.runs.rename(Path(run), new_name.strip())
        except (CnnvizError, OSError) as exc:
            self.status.emit(self.tr("Runs: {error}").format(error=translate_error(exc)))
            return None

    def delete(self, run: Path) -> None:
        """Ask, then move the run's folder to the system trash (it can be restored there)."""
        summary = self.runs.find(Path(run))
        if summary is not None and summary.status == "running":
            self.status.emit(self.tr("Runs: {run} is still running; stop it first").format(
                run=Path(run).name))
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete run"),
                          self.tr("Move the run {run} to the trash?").format(run=Path(run).name),
                          parent=self)  # fmt: skip
        box.setObjectName("deleteRunDialog")
        box.setInformativeText(self.tr("{path}\n\nIts checkpoints and metrics go with it; the "
                                       "trash can restore them.").format(path=run))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.buttonClicked.connect(
            lambda button: self._trash(Path(run))
            if box.standardButton(button) == QMessageBox.StandardButton.Yes else None)
        self.dialog = box
        box.open()

    def _trash(self, run: Path) -> None:
        with contextlib.suppress(OSError):
            prepare_home_trash()
        if not QFile.moveToTrash(str(run)):
            self.status.emit(self.tr("Runs: {run} could not be moved to the trash").format(run=run))
            return
        self.runs.forget(run)
        self.status.emit(self.tr("moved {run} to the trash").format(run=run.name))
