"""Nothing is cut off, app-wide (issue 25): at 1280x720, in Chinese (shorter, taller strings)
and in English (longer ones), at a desk and presenting (text half again as large), every tab
and page of the window, its status bar, and the dialogs its menus open without a run show
every label, button, check box, combo box, group box title and tab whole (tests/ui/clipping.py
says how each is measured). The Learn tab with its notes shown while presenting is
tests/ui/learn/test_learn_languages.py's."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from cnnviz.core.models.model_code import ModelCode
from cnnviz.session.session import TrainChoice, TrainMode
from cnnviz.ui import MainWindow
from cnnviz.ui.shell import i18n
from cnnviz.ui.shell.dialogs import TrustDialog, error_box, leave_job_box, train_mode_box
from cnnviz.ui.shell.help import GuideDialog
from tests.ui.clipping import clipped

LANGUAGES = [i18n.CHINESE, i18n.ENGLISH]
MODES = [False, True]


@pytest.fixture(params=LANGUAGES)
def language(request, qapp) -> Iterator[str]:
    i18n.install_language(request.param)
    yield request.param
    i18n.install_language(i18n.ENGLISH)


@pytest.fixture(params=MODES, ids=["desk", "presenting"])
def shown(request, qtbot, language) -> Iterator[MainWindow]:
    """The window at 1280x720 in ``language``, presenting or not, its first model inspected."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    present = window.findChild(QAction, "presentAction")
    if request.param:
        present.trigger()
        window.showNormal()  # a 1280x720 projector, not the test's screen
    window.setGeometry(0, 0, 1280, 720)
    yield window
    if request.param:
        present.trigger()
    window.close()


def pages(window: MainWindow) -> Iterator[str]:
    """Each tab of the window in turn, and each page of a tab that has pages; yields the
    name of what is on screen."""
    tabs = window.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        sub = getattr(tabs.currentWidget(), "pages", None)
        if not isinstance(sub, QTabWidget):
            yield tabs.tabText(index)
            continue
        for page in range(sub.count()):
            sub.setCurrentIndex(page)
            yield f"{tabs.tabText(index)} > {sub.tabText(page)}"


def test_no_tab_page_or_status_text_is_cut_off(qtbot, shown):
    inspect, overview = shown.inspect_tab, shown.overview_tab
    seen = []
    for name in pages(shown):
        seen.append(name)
        # what arrives from the background (a reading, an inspection, an explanation) is laid
        # out before it is measured
        if shown.tabs.currentWidget() is overview:
            qtbot.waitUntil(lambda: overview.reading is not None, timeout=30_000)
        if shown.tabs.currentWidget() is inspect:
            qtbot.waitUntil(lambda: inspect.result is not None, timeout=30_000)
            if inspect.pages.currentWidget() is inspect.explain_panel:
                qtbot.waitUntil(lambda: inspect.explain_panel.explanation is not None,
                                timeout=30_000)  # fmt: skip
        qtbot.wait(20)  # the layout settles
        assert (shown.width(), shown.height()) == (1280, 720), name
        assert clipped(shown) == [], name
    assert len(seen) == 9 - 2 + 5 + 6  # the tabs, Inspect's 5 pages and Learn's 6


def _choose_other_language(window: MainWindow) -> QMessageBox:
    """View > Language, the language not shown: its box says a restart applies it."""
    other = next(language for language in LANGUAGES if language != i18n.active_language())
    window.findChild(QAction, f"language-{other}").trigger()
    return window.findChild(QMessageBox, "languageRestartDialog")


def _dialogs(window: MainWindow, tmp_path) -> dict[str, Callable[[], QWidget]]:
    """The dialogs the menus and buttons open without a run (a trust question and the
    choice of how to train come with a checkpoint, the others with a click)."""
    modes = [TrainMode.CONTINUE, TrainMode.FROM_WEIGHTS, TrainMode.FRESH]
    choice = TrainChoice(modes, tmp_path / "a.pt", ["lr 0.001 -> 0.01"], 3)
    # a bidirectional character in the source, so that the warning shows too
    code = ModelCode.from_source(str(tmp_path / "net.py"), "Net", "class Net:\n  pass # \u202e\n")
    return {
        "guide": lambda: GuideDialog(window, shown_at_start=True),
        "shortcuts": window.help.show_shortcuts,
        "language": lambda: _choose_other_language(window),
        "train mode": lambda: train_mode_box(window, choice, lambda mode: None),
        "trust": lambda: TrustDialog(window, code, "model.pt", lambda code: None),
        "leave job": lambda: leave_job_box(window, lambda: None, lambda: None),
        "error": lambda: error_box(window, window.tr("Cannot start training"),
                                   "model.pt: " + "the file is damaged " * 8, "details"),
    }


def test_no_dialog_text_is_cut_off(qtbot, shown, tmp_path):
    for name, open_dialog in _dialogs(shown, tmp_path).items():
        dialog = open_dialog()
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(20)
        assert clipped(dialog) == [], name
        dialog.close()


def test_a_cut_off_text_is_found(qtbot, window):
    """The check finds a button too narrow for its text, and a combo box too narrow for
    the item it shows."""
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    panel = window.panel
    assert clipped(panel) == []
    button, combo = panel.train_button, panel.model_combo
    button.setFixedWidth(button.width())
    button.setText(button.text() * 8)
    combo.setFixedWidth(40)
    qtbot.wait(20)
    assert [line.split(":")[0] for line in clipped(panel)] == [
        f"{type(combo).__name__} {combo.currentText()!r}", f"QPushButton {button.text()!r}"]
