"""The Runs tab: every run folder the app knows, ticked to overlay on the plots, compared side
by side, reopened, renamed, or deleted to the system trash.

The list and the overlays live in the session's RunsState; this tab renders them and asks
the user. It lists again every few seconds, so runs that another process starts appear.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFile, QSignalBlocker, Qt, QTimer, Signal
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
    RunSummary,
    compare_runs,
    format_result,
    list_runs,
    write_comparison_csv,
)
from cnnviz.session.generation import Generation
from cnnviz.session.runs import RunsState
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.workers.background import BackgroundCall, stop_call

COLUMNS = ["Overlay", "Run", "Model", "Data set", "Status", "Epochs", "Best acc", "Train time",
           "Images/s", "Started"]  # fmt: skip
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


def row_cells(run: RunSummary) -> list[str]:
    started = time.strftime("%Y-%m-%d %H:%M", time.localtime(run.started)) if run.started else ""
    epochs = f"{_text(run.epochs_done, 'd') or 0}/{_text(run.epochs, 'd')}"
    return ["", run.name, run.model, run.dataset, run.status, epochs,
            _text(run.best_test_acc, ".2%"), _text(run.train_seconds, ".1f"),
            _text(run.images_per_second, ",.0f"), started]  # fmt: skip


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
        self.open_button = QPushButton("Open run folder...", objectName="openRunButton")
        self.open_button.setToolTip("Add a run folder from anywhere: a shared disk, a cluster's "
                                    "output; one run or a folder of runs")
        self.show_button = QPushButton("Show on the plots", objectName="showRunButton")
        self.weights_combo = QComboBox(objectName="runWeightsCombo")
        self.weights_combo.addItem("best weights", BEST)
        self.weights_combo.addItem("latest weights", CHECKPOINT)
        self.use_button = QPushButton("Use these weights", objectName="useRunWeightsButton")
        self.use_button.setToolTip("Make the run's weights current in Draw, Inspect and Evaluate")
        self.rename_button = QPushButton("Rename...", objectName="renameRunButton")
        self.delete_button = QPushButton("Delete...", objectName="deleteRunButton")
        self.export_button = QPushButton("Export comparison (CSV)...",
                                         objectName="exportComparisonButton")
        bar = QHBoxLayout()
        for widget in (self.open_button, self.show_button, self.weights_combo, self.use_button,
                       self.rename_button, self.delete_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.table = QTableWidget(objectName="runsTable")
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.comparison = QTableWidget(objectName="comparisonTable")
        self.comparison_label = QLabel("Tick runs to overlay them on the plots and compare "
                                       "them here; settings that differ are highlighted.")
        self.comparison_label.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.comparison_label)
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
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(runs))
            for row, run in enumerate(runs):
                for column, text in enumerate(row_cells(run)):
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
                        item.setToolTip("Draw this run over the current one")
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
            self.status.emit("Runs: select a run first")
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
        table.setVerticalHeaderLabels([row.name for row in rows])
        for r, row in enumerate(rows if runs else []):
            for c, value in enumerate(row.values):
                item = QTableWidgetItem(comparison_text(row.name, value))
                if row.is_setting and row.differs:
                    item.setBackground(DIFFERS)
                    item.setToolTip("this setting differs between the runs")
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        self.export_button.setEnabled(bool(runs))

    def export_comparison(self, path: Path | None = None) -> Path | None:
        runs = self._ticked()
        if not runs:
            return None
        path = choose_path(True, self, path, "Export comparison", "runs.csv", "CSV (*.csv)")
        if path is None:
            return None
        try:
            write_comparison_csv(runs, Path(path))
        except OSError as exc:
            self.status.emit(f"cannot write {path}: {exc}")
            return None
        return Path(path)

    # -- actions on one run -----------------------------------------------------------------
    def open_folder(self, path: Path | None = None) -> bool:
        if path is None:
            chosen = QFileDialog.getExistingDirectory(self, "Open a run folder, or a folder "
                                                            "of runs")  # fmt: skip
            if not chosen:
                return False
            path = Path(chosen)
        try:
            self.runs.add_folder(Path(path))
        except (CnnvizError, OSError) as exc:
            self.status.emit(f"Runs: {exc}")
            return False
        self.select(Path(path))
        return True

    def use_weights(self, run: Path) -> None:
        checkpoint = Path(run) / self.weights_combo.currentData()
        if not checkpoint.is_file():
            checkpoint = Path(run) / CHECKPOINT
        if not checkpoint.is_file():
            self.status.emit(f"Runs: {Path(run).name} has no checkpoint yet")
            return
        self.use_weights_requested.emit(checkpoint)

    def rename(self, run: Path, new_name: str | None = None) -> Path | None:
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, "Rename run", "New folder name:",
                                                text=Path(run).name)  # fmt: skip
            if not ok:
                return None
        try:
            return self.runs.rename(Path(run), new_name.strip())
        except (CnnvizError, OSError) as exc:
            self.status.emit(f"Runs: {exc}")
            return None

    def delete(self, run: Path) -> None:
        """Ask, then move the run's folder to the system trash (it can be restored there)."""
        summary = self.runs.find(Path(run))
        if summary is not None and summary.status == "running":
            self.status.emit(f"Runs: {Path(run).name} is still running; stop it first")
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Delete run",
                          f"Move the run {Path(run).name} to the trash?", parent=self)
        box.setObjectName("deleteRunDialog")
        box.setInformativeText(f"{run}\n\nIts checkpoints and metrics go with it; the "
                               f"trash can restore them.")
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
            self.status.emit(f"Runs: {run} could not be moved to the trash")
            return
        self.runs.forget(run)
        self.status.emit(f"moved {run.name} to the trash")
