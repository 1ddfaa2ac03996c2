"""What is shown is what is selected (the lecture-hall issue)."""

import os

import numpy as np
import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QTableWidget, QTreeWidget

from cnnviz.session.run_lifecycle import Phase
from cnnviz.ui import MainWindow


def choose(window, combo, value):
    index = combo.findData(value)
    if index < 0:
        index = combo.add_choice(value)
    combo.setCurrentIndex(index)


def test_choosing_a_model_shows_its_architecture_untrained_at_once(qtbot, window):
    choose(window, window.panel.model_combo, "lenet5")
    tree = window.findChild(QTreeWidget, "layerTree")
    qtbot.waitUntil(lambda: tree.topLevelItemCount()
                    and tree.topLevelItem(0).text(0) == "features", timeout=1000)
    names = {tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())}
    assert names == {"features", "classifier"}
    current = window.session.current
    assert current.meta.model == "lenet5" and not current.trained
    assert current.label == "lenet5 on mnist, untrained (random weights)"
    assert window.draw_tab.weights_label.text() == f"Weights: {current.label}"
    assert window.inspect_tab.picker.source_label.text() == current.label
    assert window.phase is Phase.IDLE  # nothing trained


def test_a_model_file_that_cannot_take_the_data_says_so_when_chosen(qtbot, window, tmp_path):
    path = tmp_path / "wrong.py"
    path.write_text("import torch.nn as nn\n"
                    "class Net(nn.Module):\n"
                    "    def __init__(self):\n"
                    "        super().__init__(); self.fc = nn.Linear(100, 10)\n"
                    "    def forward(self, x):\n"
                    "        return self.fc(x.flatten(1))\n")
    window.session.trust_chosen_file(f"{path}:Net")  # as the file dialog does
    choose(window, window.panel.model_combo, f"{path}:Net")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorDialog") is not None,
                    timeout=2000)
    box = window.findChild(QMessageBox, "errorDialog")
    assert box.windowTitle() == "Cannot use this model" and str(path) in box.text()
    assert window.session.current.is_shipped  # the views keep what they showed


def test_the_plots_show_the_current_weights_run_and_nothing_else(qtbot, window, capsys):
    from cnnviz.cli import main

    other = window.session.home.parent / "other-run"
    assert main(["train", "--batch-size", "60", "--epochs", "2", "--out", str(other),
                 "--data-dir", os.environ["CNNVIZ_DATA"], "--offline"]) == 0
    window.start_training()  # 15 steps of batch 20
    qtbot.waitUntil(lambda: window.phase.at_rest, timeout=60_000)
    assert window.plots.raw_loss.size == 15
    window.files.open_checkpoint(other / "checkpoint.pt")
    qtbot.waitUntil(lambda: window.plots.raw_loss.size == 10, timeout=5_000)  # 2 x 5 steps
    assert window.plots.test_acc.size == 2
    choose(window, window.panel.model_combo, "tinyvgg")  # untrained: no run to show
    qtbot.waitUntil(lambda: window.plots.raw_loss.size == 0, timeout=5_000)


def test_open_recent_lists_runs_and_checkpoints(qtbot, window):
    menu = window.findChild(QMenu, "recentMenu")
    assert not menu.isEnabled()
    window.start_training()
    qtbot.waitUntil(lambda: window.phase.at_rest, timeout=60_000)
    assert menu.isEnabled()
    current = window.session.current
    # named by run, model and accuracy (every run's file is checkpoint.pt); the path in the tip
    named = f"run {current.path.parent.name}: simple-cnn, {current.meta.metrics['test_acc']:.1%}"
    assert [action.text() for action in menu.actions()] == [named]
    assert [action.toolTip() for action in menu.actions()] == [str(current.path)]


def test_accuracy_follows_the_data_with_a_full_range_control(qtbot, window):
    window.panel.epochs_spin.setValue(2)
    window.start_training()
    qtbot.waitUntil(lambda: window.phase.at_rest, timeout=60_000)
    plots = window.plots
    low, high = plots.accuracy_plot.getPlotItem().getViewBox().viewRange()[1]
    late = plots.train_acc.y[plots.train_acc.x >= 0.2]
    assert plots.train_acc.y[0] < low <= min(late.min(), plots.test_acc.y.min())
    assert max(late.max(), plots.test_acc.y.max()) <= high <= 100.5
    plots.full_range_check.setChecked(True)
    low, high = plots.accuracy_plot.getPlotItem().getViewBox().viewRange()[1]
    assert low <= 0 and high >= 100
    _, x_high = plots.accuracy_plot.getPlotItem().getViewBox().viewRange()[0]
    assert x_high > 2.05  # the last test point, at epoch 2, is drawn whole


def test_a_cleared_drawing_comes_back_with_undo(qtbot, window):
    from PySide6.QtCore import QPointF

    canvas = window.draw_tab.canvas
    canvas.strokes = [(22.0, [QPointF(50, 50), QPointF(200, 200)])]
    window.draw_tab.clear_button.click()
    assert canvas.strokes == []
    window.draw_tab.undo_button.click()  # Ctrl+Z
    assert len(canvas.strokes) == 1 and len(canvas.strokes[0][1]) == 2
    window.draw_tab.undo_button.click()
    assert canvas.strokes == []


def test_help_has_a_guide_that_can_stay_closed_and_a_shortcuts_page(qtbot, window):
    window.help.show_guide_at_start()
    guide = window.findChild(QDialog, "guideDialog")
    assert guide is not None and guide.isVisible() and "What to try first" in \
        guide.findChild(QLabel).text()
    guide.at_start.setChecked(False)  # dismissed for good
    guide.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.help.show_guide_at_start()
    assert again.findChild(QDialog, "guideDialog") is None
    shortcuts = again.help.show_shortcuts()
    table = shortcuts.findChild(QTableWidget, "shortcutsTable")
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Train"] == "Ctrl+R" and "Draw: clear the canvas" in rows
    assert "Inspect: the layer before or after" in rows
    again.close()


def test_explain_explains_a_new_input_for_its_own_prediction(qtbot, window):
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: inspect.image is not None, timeout=30_000)
    panel = inspect.explain_panel
    inspect.pages.setCurrentWidget(panel)
    panel.class_combo.setCurrentIndex(1 + 3)  # class 3, for this image
    qtbot.waitUntil(lambda: panel.explanation is not None
                    and panel.explanation.class_index == 3, timeout=10_000)
    seven = np.zeros((1, 28, 28), dtype=np.uint8)
    seven[0, 5:8, 6:22] = 255
    seven[0, 8:24, 17:20] = 255
    window.inspect_image(seven)
    assert panel.class_combo.currentIndex() == 0  # "predicted class"
    predicted = int(np.argmax(inspect.result.probabilities))
    assert predicted != 3  # else the wait below could not tell the new map from the old
    qtbot.waitUntil(lambda: panel.explanation.class_index == predicted, timeout=10_000)


def test_the_probability_chart_marks_the_true_label(qtbot, window):
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: inspect.image is not None, timeout=30_000)
    truth = inspect.true_label
    ticks = dict(inspect.prediction.prediction_chart.getAxis("left")._tickLevels[0])
    assert truth in inspect.prediction.prediction_chart.order
    assert ticks[inspect.prediction.prediction_chart.order.index(truth)] == f"{truth} (true)"
    window.inspect_image(np.zeros((1, 28, 28), dtype=np.uint8))  # a picture has no label
    ticks = dict(inspect.prediction.prediction_chart.getAxis("left")._tickLevels[0])
    assert not any(name.endswith("(true)") for name in ticks.values())


def test_a_fully_connected_layer_shows_labelled_bars_and_no_stale_caption(qtbot, window):
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: inspect.image is not None, timeout=30_000)
    inspect.select_layer("layer1.0")
    maps = inspect.maps
    assert maps.map_widget.isVisibleTo(inspect) and not maps.bars.isVisibleTo(inspect)
    assert len(maps.map_marks.labels) == 16  # every channel numbered
    inspect.select_layer("fc")
    assert maps.bars.isVisibleTo(inspect) and not maps.map_widget.isVisibleTo(inspect)
    ticks = [name for _, name in maps.bars.getAxis("bottom")._tickLevels[0]]
    assert ticks == [str(d) for d in range(10)]  # MNIST's class names
    assert maps.hover_label.text().startswith("fc: 10 class scores (logits); highest:")
    assert "channel" not in maps.hover_label.text()


def test_the_clicked_map_is_framed(qtbot, window):
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: inspect.image is not None, timeout=30_000)
    inspect.select_layer("layer2.0")
    maps = inspect.maps
    maps.step_channel(5)
    frame = maps.map_marks.frame.rect()
    x, y = (5 % maps._columns) * 15, (5 // maps._columns) * 15  # cells of 14x14 and a gap
    assert maps.map_marks.frame.isVisible()
    assert (round(frame.x() + 0.5), round(frame.y() + 0.5)) == (x, y)


def test_a_kernel_shown_never_outlives_its_layer(qtbot, window):
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: inspect.image is not None, timeout=30_000)
    inspect.select_layer("layer1.0")
    filters = inspect.filters
    filters.show_kernel(inspect.inspector.conv_weights("layer1.0")[3, 0], "filter 3")
    assert filters.kernel_table.rowCount() == 5
    assert len(filters.marks.labels) == 16  # every filter numbered
    inspect.select_layer("layer2.0")
    assert filters.kernel_table.rowCount() == 0  # not layer1's 5x5 kernel under layer2
    choose(window, window.panel.model_combo, "resnet")
    qtbot.waitUntil(lambda: window.session.current.meta.model == "resnet", timeout=5_000)
    assert filters.kernel_table.rowCount() == 0


def test_the_test_image_box_follows_the_input(qtbot, window):
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: inspect.image is not None, timeout=30_000)
    inspect.index_spin.setValue(7)
    window.inspect_image(np.zeros((1, 28, 28), dtype=np.uint8))  # a drawing, not image 7
    assert inspect.index_spin.text() == "\u2014" and inspect.true_label is None
    inspect.next_button.click()
    assert inspect.index_spin.value() == 0 and inspect.true_label is not None


def test_presentation_mode_enlarges_and_restores(qtbot, window):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    action = window.findChild(QAction, "presentAction")
    assert action.shortcut().toString() == "F11"
    before = QApplication.font().pointSizeF()
    axis = window.plots.loss_plot.getAxis("bottom")
    tick_before = axis.style["tickFont"].pointSizeF()  # the type scale's (widgets/style.py)
    action.trigger()
    assert window.presentation.active and action.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(1.5 * before)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(1.5 * tick_before)
    assert not window.presentation.side_panel.isVisibleTo(window)
    action.trigger()
    assert not window.presentation.active
    assert QApplication.font().pointSizeF() == pytest.approx(before)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(tick_before)
    assert window.presentation.side_panel.isVisibleTo(window)


@pytest.mark.parametrize(("weakest", "floor"), [(97.3, 95.0), (99.6, 95.0), (40.0, 25.0),
                                                (3.0, 0.0)])
def test_per_class_accuracy_shows_differences(weakest, floor):
    from cnnviz.ui.evaluate.confusion_plots import accuracy_floor

    assert accuracy_floor(weakest) == floor
