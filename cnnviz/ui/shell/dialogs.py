"""The app's dialogs. Each opens window-modal without blocking (``open``, not ``exec``), so a
running worker's signals keep flowing, and reports the user's answer through a callback."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFontDatabase, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.models.model_code import ModelCode, compared_with_disk
from cnnviz.core.text import hidden_characters, printable
from cnnviz.core.training.events import FailedEvent
from cnnviz.session.session import TrainChoice, TrainMode
from cnnviz.ui.shell.i18n import translate_text

MODE_BUTTONS = {
    TrainMode.CONTINUE: QT_TRANSLATE_NOOP("TrainModeBox", "Continue this run"),
    TrainMode.FROM_WEIGHTS: QT_TRANSLATE_NOOP("TrainModeBox", "Start from these weights"),
    TrainMode.FRESH: QT_TRANSLATE_NOOP("TrainModeBox", "Start fresh"),
}


def error_box(parent: QWidget, title: str, message: str, details: str = "") -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, parent=parent)
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    return box


def train_mode_box(parent: QWidget, choice: TrainChoice,
                   on_mode: Callable[[TrainMode], None]) -> QMessageBox:  # fmt: skip
    """Ask what Train should do with the current weights. Continue is there only when the
    settings are the run's own; otherwise the box says which settings differ. Enter takes
    ``choice.default``: once run-defining settings changed, a fresh run with them (a
    comparison started from trained weights would not compare the settings)."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Question, translate("TrainModeBox", "Train"),
                      translate("TrainModeBox", "Train from the current weights, or start fresh?"),
                      parent=parent)  # fmt: skip
    box.setObjectName("continueOrFreshDialog")
    text = [translate("TrainModeBox", "Checkpoint: {path}").format(path=choice.checkpoint)]
    differences = "; ".join(translate_text(difference) for difference in choice.differences)
    if TrainMode.CONTINUE in choice.modes:
        text.append(translate("TrainModeBox", "Continue this run: the same run, on to epoch "
                                              "{epoch}.").format(epoch=choice.continue_to_epoch))
    elif choice.changed:
        text.append(translate("TrainModeBox", "These settings changed since this run: "
                                              "{differences}. Start fresh (the default) trains "
                                              "a new run with them from random weights, to "
                                              "compare with this one.")
                    .format(differences=differences))
    else:
        text.append(translate("TrainModeBox", "This run cannot be continued exactly, since "
                                              "these settings differ from its own: "
                                              "{differences}.")
                    .format(differences=differences))
    text.append(translate("TrainModeBox", "Start from these weights: a new run that begins "
                                          "with them, with a fresh optimiser and schedule from "
                                          "the settings now chosen."))  # fmt: skip
    box.setInformativeText("\n\n".join(text))
    buttons = {}
    for mode in choice.modes:
        button = box.addButton(translate("TrainModeBox", MODE_BUTTONS[mode]),
                               QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
        button.setObjectName(f"mode-{mode.value}")
        buttons[button] = mode
        if mode is choice.default:
            box.setDefaultButton(button)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.buttonClicked.connect(
        lambda button: on_mode(buttons[button]) if button in buttons else None)
    return box


def missing_data_box(parent: QWidget, event: FailedEvent,
                     on_choose: Callable[[], None]) -> QMessageBox:  # fmt: skip
    """A run failed for want of its data set: say where it looked, and offer to choose the
    data folder."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Warning,
                      translate("MissingDataBox", "Data set not found"),
                      translate_text(event.message),
                      parent=parent)  # fmt: skip
    box.setObjectName("missingDataDialog")
    if event.details:
        box.setDetailedText(event.details)  # what the network said, behind Show details
    choose = box.addButton(translate("MissingDataBox", "Choose data folder..."),
                           QMessageBox.ButtonRole.ActionRole)  # fmt: skip
    box.addButton(QMessageBox.StandardButton.Close)
    box.buttonClicked.connect(lambda button: on_choose() if button is choose else None)
    return box


def leave_job_box(parent: QWidget, on_leave: Callable[[], None],
                  on_stop: Callable[[], None]) -> QMessageBox:  # fmt: skip
    """A torchrun job runs on its own: closing the window may leave it running."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("LeaveJobBox", "Training job running"),
                      translate("LeaveJobBox", "A training job of several processes is "
                                               "running. Leave it running after the window "
                                               "closes, or stop it (it saves a checkpoint)?"),
                      parent=parent)  # fmt: skip
    box.setObjectName("leaveJobDialog")
    leave = box.addButton(translate("LeaveJobBox", "Leave it running"),
                          QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
    stop = box.addButton(translate("LeaveJobBox", "Stop the job"),
                         QMessageBox.ButtonRole.DestructiveRole)  # fmt: skip
    box.addButton(QMessageBox.StandardButton.Cancel)
    answers = {leave: on_leave, stop: on_stop}
    box.buttonClicked.connect(lambda button: answers[button]() if button in answers else None)
    return box


class TrustDialog(QDialog):
    """Names a checkpoint's model file, shows its SHA-256 and its source, and asks whether
    to run it. Trusting is remembered by hash, so an edited file is asked about again."""

    def __init__(self, parent: QWidget, code: ModelCode, what: str,
                 on_trust: Callable[[ModelCode], None]) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("trustDialog")
        self.setWindowTitle(self.tr("Run this model's code?"))
        self.code = code
        intro = QLabel(self.tr(
            "<b>{what}</b> needs a model defined in a Python file. Loading it runs that "
            "file's code with your permissions. Only continue if you trust where it came "
            "from.<br><br>File: {path}<br>Model: {model}<br>SHA-256: <code>{sha256}</code><br>"
            "<b>The code below is the source stored in the checkpoint: it is what would "
            "run</b>; {on_disk}."
        ).format(what=what, path=html.escape(code.path), model=html.escape(code.name),
                 sha256=code.sha256, on_disk=html.escape(compared_with_disk(code))))  # fmt: skip
        intro.setWordWrap(True)
        intro.setObjectName("trustSummary")
        self.summary = intro
        if hidden_characters(code.source):
            intro.setText(intro.text() + "<br>" + self.tr(
                "<b>Warning: the source holds control or bidirectional characters that can "
                "hide what it does; they are shown escaped.</b>"))
        self.source_view = QPlainTextEdit(printable(code.source, "\n\t"),
                                          objectName="trustSource")
        self.source_view.setReadOnly(True)
        self.source_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source_view.setMinimumSize(640, 160)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(self.tr("Trust and open"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.trust_button.setObjectName("trustButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.source_view, 1)
        layout.addWidget(buttons)
        self.accepted.connect(lambda: on_trust(code))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The summary keeps the height its wrapped text needs at the width it has (the
        layout sized it for another width: its last lines were cut off in Chinese while
        presenting); the source view, which scrolls, gives way."""
        super().resizeEvent(event)
        self.summary.setMinimumHeight(self.summary.heightForWidth(self.summary.width()))
