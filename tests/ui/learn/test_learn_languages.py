"""The Learn tab in either language (issue 25): what the demos paint themselves (titles on the
canvases and plots, which the pseudo-locale's widget walk cannot see) is translated too, and
in Chinese at 1280x720, at a desk or presenting with the notes shown, no label, button or
tab is cut off; the notes step aside while presenting and come back after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from cnnviz.ui import MainWindow
from cnnviz.ui.learn.fc_net_demo import layer_names
from cnnviz.ui.learn.learn_tab import LearnTab
from tests.ui.clipping import clipped
from tests.ui.shell.pseudo_locale import install_pseudo_locale, is_unmarked


@pytest.fixture
def pseudo(qapp, tmp_path):
    translator = install_pseudo_locale(tmp_path)
    yield
    QCoreApplication.removeTranslator(translator)


def test_what_the_demos_paint_is_translated(qtbot, pseudo):
    learn = LearnTab()
    qtbot.addWidget(learn)
    learn.conv_demo.spins["width"].setValue(6)  # floored: the dropped cells are named too
    canvas = learn.conv_demo.canvas
    painted = [text for _, text in canvas._layout(20).titles]
    painted += layer_names(3)
    painted += [title.text for title in learn.pool_demo.titles]
    painted += [learn.neuron_demo.plot.getAxis(side).labelText for side in ("left", "bottom")]
    assert len(painted) == 5 + 4 + 3 + 2  # 3 volumes and 2 filters; 4 layers; 3; 2 axes
    assert [text for text in painted if is_unmarked(text)] == []
    for label in (learn.conv_demo.formula_label, learn.conv_demo.computation_label):
        assert not is_unmarked(label.text())


@pytest.mark.parametrize("presenting", [False, True], ids=["desk", "presenting"])
def test_nothing_in_learn_is_cut_off_in_chinese_at_1280x720(qtbot, chinese, presenting):
    window = MainWindow()
    qtbot.addWidget(window)
    learn = window.learn_tab
    assert learn.pages.tabText(learn.pages.indexOf(learn.conv_demo)) == "卷积"
    window.tabs.setCurrentWidget(learn)
    window.show()
    qtbot.waitExposed(window)
    present = window.findChild(QAction, "presentAction")
    if presenting:
        present.trigger()
        qtbot.wait(100)
        assert not learn.conv_demo.notes.isVisible()  # presenting: the demo gets the room
        learn.notes_toggle.click()
    window.setGeometry(0, 0, 1280, 720)
    try:
        for index in range(learn.pages.count()):
            learn.pages.setCurrentIndex(index)
            qtbot.wait(50)  # the layout settles
            page = learn.pages.currentWidget()
            assert page.notes.isVisible(), learn.pages.tabText(index)
            assert (window.width(), window.height()) == (1280, 720)
            assert clipped(learn) == [], learn.pages.tabText(index)
    finally:
        if presenting:
            present.trigger()


def test_the_notes_step_aside_while_presenting_and_come_back(qtbot, window):
    learn = window.learn_tab
    window.tabs.setCurrentWidget(learn)
    window.show()
    qtbot.waitExposed(window)
    notes = learn.conv_demo.notes
    learn.pages.setCurrentWidget(learn.conv_demo)
    assert notes.isVisible() and learn.notes_toggle.isChecked()
    present = window.findChild(QAction, "presentAction")
    present.trigger()
    assert not notes.isVisible() and not learn.notes_toggle.isChecked()
    present.trigger()
    assert notes.isVisible() and learn.notes_toggle.isChecked()
    learn.notes_toggle.click()  # hidden by choice: presenting and back keeps them hidden
    assert not notes.isVisible()
    present.trigger()
    present.trigger()
    assert not notes.isVisible() and not learn.notes_toggle.isChecked()
