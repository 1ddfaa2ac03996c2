import itertools

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from cnnviz.core.analysis.prediction import Predictor, shipped_weights_path
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.checkpoint import load_checkpoint, save_checkpoint
from cnnviz.core.training.events import WeightsEvent
from cnnviz.session.session import CurrentModel
from cnnviz.ui import MainWindow
from cnnviz.ui.draw.draw_tab import DrawTab
from cnnviz.ui.shell.settings import AppSettings

SEVEN = [(0.25, 0.2), (0.5, 0.2), (0.75, 0.2), (0.65, 0.45), (0.55, 0.65), (0.45, 0.85)]


def send(widget, kind, point, buttons):
    button = Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, point, widget.mapToGlobal(point), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def draw(canvas, points):
    """Press, drag through the points (fractions of the canvas) and release, as a mouse does."""
    side = min(canvas.width(), canvas.height())
    x0, y0 = (canvas.width() - side) / 2, (canvas.height() - side) / 2
    scaled = [QPointF(x0 + fx * side, y0 + fy * side) for fx, fy in points]
    held = Qt.MouseButton.LeftButton
    send(canvas, QEvent.Type.MouseButtonPress, scaled[0], held)
    for a, b in itertools.pairwise(scaled):
        for t in np.linspace(0, 1, 6)[1:]:
            send(canvas, QEvent.Type.MouseMove, a + (b - a) * t, held)
    send(canvas, QEvent.Type.MouseButtonRelease, scaled[-1], Qt.MouseButton.NoButton)


def test_drawing_a_seven_is_classified_live(qtbot, window):
    window.tabs.setCurrentWidget(window.draw_tab)
    tab = window.findChild(QWidget, "drawTab")
    canvas = tab.findChild(QWidget, "drawCanvas")
    for name in ("drawCanvas", "clearCanvasButton", "drawPreview", "drawPrediction",
                 "weightsLabel"):
        assert tab.findChild(QWidget, name) is not None, name
    label = tab.findChild(QLabel, "weightsLabel").text()
    assert label.startswith("Weights: simple-cnn on mnist, shipped weights (99.")
    assert tab.prediction is None
    draw(canvas, SEVEN)
    qtbot.waitUntil(lambda: tab.prediction is not None, timeout=5000)
    assert tab.prediction.label == "7"
    assert tab.guess_label.text() == "7"
    assert len(tab.chart.values) == 10 and tab.chart.values.argmax() == 7
    assert tab.model_input.shape == (1, 28, 28)

    tab.findChild(QPushButton, "clearCanvasButton").click()
    qtbot.waitUntil(lambda: tab.prediction is None, timeout=5000)
    assert "draw a digit" in tab.confidence_label.text()


def shipped_draw_tab(qtbot) -> DrawTab:
    tab = DrawTab()
    qtbot.addWidget(tab)
    path = shipped_weights_path()
    tab.show_model(CurrentModel(Predictor.from_checkpoint(path), path, "shipped"))
    return tab


def test_undo_removes_the_last_stroke(qtbot):
    tab = shipped_draw_tab(qtbot)
    tab.resize(600, 400)
    draw(tab.canvas, SEVEN)
    draw(tab.canvas, [(0.1, 0.9), (0.3, 0.9)])
    assert len(tab.canvas.strokes) == 2
    tab.canvas.undo()
    assert len(tab.canvas.strokes) == 1


def test_a_dot_gives_no_prediction(qtbot):
    tab = shipped_draw_tab(qtbot)
    draw(tab.canvas, [(0.5, 0.5)])
    tab.update_prediction()
    assert tab.prediction is None and "too small" in tab.confidence_label.text()


def test_a_colour_model_is_refused_with_an_offer(qtbot, window, tmp_path):
    checkpoint = load_checkpoint(shipped_weights_path())
    model = build_model("simple-cnn", InputShape(3, 32, 32, 10))
    checkpoint.meta.input_shape = [3, 32, 32]
    checkpoint.meta.mean, checkpoint.meta.std = [0.5] * 3, [0.25] * 3
    checkpoint.meta.dataset = "cifar10"
    checkpoint.model_state = model.state_dict()
    path = save_checkpoint(checkpoint, tmp_path / "colour.pt")
    tab = window.draw_tab
    window.files.open_checkpoint(path)
    assert tab.predictor is None
    assert "for digit models" in tab.notice.text()
    assert not tab.use_shipped_button.isHidden()
    tab.use_shipped_button.click()
    assert tab.predictor is not None and tab.notice.isHidden()
    assert window.session.current.is_shipped  # every tab is back on the shipped weights


def test_a_digit_run_replaces_the_shipped_weights(qtbot, window):
    window.start_training()
    qtbot.waitUntil(lambda: window.phase.at_rest, timeout=60_000)
    assert window.draw_tab.weights_label.text().startswith(
        "Weights: simple-cnn on mnist, this run, epoch 1")


def weights_ending_in(window, top: int) -> dict:
    """The shipped model's weights with a last layer that says ``top`` whatever it reads."""
    model = window.session.current.predictor.model
    state = {k: v.detach().numpy().copy() for k, v in model.state_dict().items()}
    state["fc.weight"] = np.zeros_like(state["fc.weight"])
    state["fc.bias"] = np.eye(10, dtype=np.float32)[top]
    return state


def test_draw_follows_a_run_while_it_trains(qtbot, window):
    tab = window.draw_tab
    window.tabs.setCurrentWidget(tab)
    assert window.controller.snapshot_interval is not None  # snapshots flow while Draw shows
    draw(tab.canvas, SEVEN)
    qtbot.waitUntil(lambda: tab.prediction is not None, timeout=5000)
    assert tab.prediction.label == "7"
    window.controller.on_event(WeightsEvent(step=93, epoch=1, state=weights_ending_in(window, 4)))
    assert tab.prediction.label == "4" and "step 93 (live)" in tab.weights_label.text()
    window.controller.on_event(WeightsEvent(step=94, epoch=1, state=weights_ending_in(window, 2)))
    assert tab.prediction.label == "4"  # throttled: the newest snapshot, a moment later
    qtbot.waitUntil(lambda: tab.prediction.label == "2", timeout=5000)
    assert window.session.current.predictor.predict(tab.model_input).top == 7  # untouched
    window.tabs.setCurrentWidget(window.plots)
    assert window.controller.snapshot_interval is None


def test_a_model_chosen_again_has_its_weights_again(qtbot, window):
    window.panel.model_combo.select("lenet5")
    qtbot.waitUntil(lambda: window.session.current.meta.model == "lenet5", timeout=5000)
    assert "untrained" in window.draw_tab.weights_label.text()
    window.panel.model_combo.select("simple-cnn")
    qtbot.waitUntil(lambda: window.session.current.meta.model == "simple-cnn", timeout=5000)
    assert window.session.current.is_shipped
    assert "shipped weights (99." in window.draw_tab.weights_label.text()


def test_the_last_weights_come_back_at_the_next_start(qtbot, window):
    window.panel.model_combo.select("lenet5")
    window.start_training()
    qtbot.waitUntil(lambda: window.phase.at_rest, timeout=60_000)
    trained = window.session.current
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.session.current.path == trained.path
    assert again.panel.model_combo.value() == "lenet5"
    assert again.draw_tab.weights_label.text().startswith("Weights: lenet5 on mnist, run ")
    again.close()


@pytest.mark.parametrize("damage", ["gone", "garbage"])
def test_last_weights_that_cannot_be_opened_leave_the_shipped_ones(qtbot, tmp_path, damage):
    path = tmp_path / "last.pt"
    if damage == "garbage":
        path.write_bytes(b"not a checkpoint" * 8)
    AppSettings().set_last_weights(path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.session.current.is_shipped
    assert "could not be opened again" in window.statusBar().currentMessage()
    assert str(path) in window.statusBar().currentMessage()
    window.close()
