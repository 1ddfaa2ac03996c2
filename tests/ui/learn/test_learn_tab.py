import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QPushButton, QSpinBox, QWidget

from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.ui.learn.conv_canvas import INPUT, OUTPUT, WEIGHT
from cnnviz.ui.learn.pool_demo import TUTORIAL_ITEM, PoolDemo

LEARN_NAMES = ["learnTab", "neuronDemo", "fcNetDemo", "convDemo", "convStepButton",
               "convPlayButton", "convWidthSpin", "convDepthSpin", "convFiltersSpin",
               "convKernelSpin", "convStrideSpin", "convPaddingSpin", "convFormulaLabel",
               "poolDemo", "patternBuilder"]  # fmt: skip


def spin(widget, name) -> QSpinBox:
    return widget.findChild(QSpinBox, name)


def test_named_widgets_and_the_first_launch(window):
    for name in LEARN_NAMES:
        assert window.findChild(QWidget, name) is not None, name
    # the first launch shows the Overview (offline, unlike Training); Learn is one click away
    assert window.tabs.currentWidget() is window.overview_tab
    assert window.tabs.isTabEnabled(window.tabs.indexOf(window.learn_tab))
    assert window.statusBar().currentMessage() == ""
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()


def test_a_first_launch_without_data_opens_quietly_on_a_tab_that_works(qtbot, monkeypatch,
                                                                        tmp_path):  # fmt: skip
    from cnnviz.ui import MainWindow

    monkeypatch.setenv("CNNVIZ_DATA", str(tmp_path / "no-data-yet"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: "no test set" in inspect.input_label.text(), timeout=30_000)
    assert window.tabs.currentWidget() is window.overview_tab  # the shipped model, a digit
    assert "label 7, predicted 7" in window.overview_tab.input_label.text()
    assert window.statusBar().currentMessage() == ""  # no missing-data complaint on arrival
    assert "not in" in inspect.input_label.toolTip()  # Inspect itself says what is missing
    window.close()


def test_the_last_tab_is_remembered(qtbot, window):
    from cnnviz.ui import MainWindow

    window.tabs.setCurrentWidget(window.draw_tab)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.tabs.currentWidget() is again.draw_tab
    again.close()


def test_the_convolution_demo_steps_through_the_tutorials_example(qtbot, learn):
    demo = learn.conv_demo
    formula = demo.findChild(QWidget, "convFormulaLabel").text()
    assert "(5 - 3 + 2*1) / 2 + 1 = 3" in formula and "3x3x2" in formula
    assert "2·(3·3·3 + 1) = 56" in formula
    example = demo.example
    expected = F.conv2d(torch.from_numpy(example.input)[None], torch.from_numpy(example.weights),
                        torch.from_numpy(example.bias), stride=2, padding=1)[0].numpy()
    assert np.array_equal(example.output, expected)
    assert (demo.canvas.step.filter, demo.canvas.step.row, demo.canvas.step.column) == (0, 0, 0)
    qtbot.mouseClick(demo.findChild(QPushButton, "convStepButton"), Qt.MouseButton.LeftButton)
    step = demo.canvas.step
    assert (step.filter, step.row, step.column) == (0, 0, 1) and (step.top, step.left) == (0, 2)
    text = demo.computation_label.text()
    assert f"= <b>{expected[0, 0, 1]}</b>" in text and text.count("<br>slice ") == 3
    for _ in range(17):  # all 18 elements, and round to the first again
        demo.advance()
    assert (demo.canvas.step.filter, demo.canvas.step.row, demo.canvas.step.column) == (0, 0, 0)


def test_clicking_an_output_cell_jumps_to_it(qtbot, learn):
    demo = learn.conv_demo
    demo.resize(900, 700)
    demo.show()
    qtbot.waitExposed(demo)
    layout = demo.canvas.fitted_layout()
    cell = layout.output_slices[1]  # the second filter's output, row 2, column 1
    point = QPoint(int(cell.x() + 1.5 * layout.cell), int(cell.y() + 2.5 * layout.cell))
    qtbot.mouseClick(demo.canvas, Qt.MouseButton.LeftButton, pos=point)
    step = demo.canvas.step
    assert (step.filter, step.row, step.column) == (1, 2, 1)
    assert step.result == demo.example.output[1, 2, 1]


def test_the_canvas_draws_the_volumes_in_their_colours(qtbot, learn):
    demo = learn.conv_demo
    demo.resize(900, 700)
    demo.show()
    qtbot.waitExposed(demo)
    image = demo.canvas.grab().toImage()
    layout = demo.canvas.fitted_layout()

    def colour_at(rect: QRectF, row: int, column: int) -> QColor:
        # a corner of the cell, away from its number
        x = rect.x() + column * layout.cell + 3
        y = rect.y() + row * layout.cell + 3
        return image.pixelColor(int(x), int(y))

    assert colour_at(layout.input_slices[2], 3, 3) == INPUT  # inside the padding ring
    assert colour_at(layout.filter_slices[0][1], 1, 1) == WEIGHT
    assert colour_at(layout.output_slices[1], 2, 2) == OUTPUT
    assert colour_at(layout.input_slices[0], 0, 0) not in (INPUT, WEIGHT, OUTPUT)  # padding


def test_settings_that_do_not_tile_evenly_are_floored_and_stay_playable(qtbot, learn):
    demo = learn.conv_demo
    spin(demo, "convWidthSpin").setValue(6)
    spin(demo, "convHeightSpin").setValue(6)
    spin(demo, "convPaddingSpin").setValue(0)
    formula = demo.formula_label.text()
    assert "floor((6 - 3 + 2*0) / 2) + 1 = 2" in formula and "2x2x2 (W×H×D)" in formula
    assert "Impossible" not in formula and "the last column (column 5)" in formula
    assert demo.findChild(QPushButton, "convStepButton").isEnabled()
    example = demo.example
    expected = F.conv2d(torch.from_numpy(example.input)[None], torch.from_numpy(example.weights),
                        torch.from_numpy(example.bias), stride=2)[0].numpy()
    assert np.array_equal(example.output, expected) and len(demo.steps) == 8
    # the dropped column (5) and row (5) are hatched in orange; the others are not
    demo.resize(900, 700)
    demo.show()
    qtbot.waitExposed(demo)
    layout = demo.canvas.fitted_layout()
    image = demo.canvas.grab().toImage()

    def hatched(row: int, column: int) -> bool:
        rect, cell = layout.input_slices[0], layout.cell
        pixels = [image.pixelColor(int(rect.x() + (column + i / 10) * cell),
                                   int(rect.y() + (row + j / 10) * cell))
                  for i in range(1, 10) for j in range(1, 10)]  # fmt: skip
        return any(p.red() - p.blue() > 40 for p in pixels)

    assert hatched(2, 5) and hatched(5, 2) and hatched(5, 5)
    assert not hatched(2, 4) and not hatched(4, 2)
    spin(demo, "convKernelSpin").setValue(7)  # larger than the padded 6x6 input: no output
    assert "No output" in demo.formula_label.text()
    assert not demo.findChild(QPushButton, "convStepButton").isEnabled()
    assert demo.canvas.step is None
    assert "larger than the padded input" in demo.computation_label.text()
    spin(demo, "convStrideSpin").setValue(1)
    spin(demo, "convDepthSpin").setValue(2)
    spin(demo, "convFiltersSpin").setValue(3)
    spin(demo, "convKernelSpin").setValue(5)
    formula = demo.formula_label.text()
    assert "(6 - 5 + 2*0) / 1 + 1 = 2" in formula and "2x2x3 (W×H×D)" in formula
    assert "Floored" not in formula and "3·(5·5·2 + 1) = 153" in formula
    assert demo.example.output.shape == (3, 2, 2)


def test_the_spin_boxes_take_the_cores_limits(learn):
    from cnnviz.core.analysis.conv_demo import LIMITS

    for key, box in learn.conv_demo.spins.items():
        assert (box.minimum(), box.maximum()) == LIMITS[key]


def test_the_depth_column_is_outlined_and_listed(qtbot, learn):
    demo = learn.conv_demo
    demo.go_to(1, 2, 1)
    text = demo.computation_label.text()
    column = demo.example.output[:, 2, 1].tolist()
    assert f"Depth column (fibre) at row 2, column 1: {', '.join(map(str, column))}" in text
    demo.resize(900, 700)
    demo.show()
    qtbot.waitExposed(demo)
    layout = demo.canvas.fitted_layout()
    image = demo.canvas.grab().toImage()
    other = layout.output_slices[0]  # filter 0's output at the same position: dashed outline
    left_edge = {image.pixelColor(int(other.x() + 1 * layout.cell), int(other.y() + (2 + f) *
                                  layout.cell)).name() for f in (0.1, 0.3, 0.5, 0.7, 0.9)}
    assert "#147814" in left_edge  # COLUMN_PEN's green on part of the edge


def test_play_and_pause(qtbot, learn):
    demo = learn.conv_demo
    demo.speed_slider.setValue(10)
    play = demo.findChild(QPushButton, "convPlayButton")
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert play.text() == "Pause" and demo.timer.isActive()
    qtbot.waitUntil(lambda: demo.index >= 2, timeout=5000)
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert play.text() == "Play" and not demo.timer.isActive()


def test_the_neuron_takes_the_inner_product_then_the_activation(qtbot, learn):
    demo = learn.findChild(QWidget, "neuronDemo")
    learn.pages.setCurrentWidget(demo)
    values = {"neuronInput0": 2.0, "neuronInput1": -1.0, "neuronInput2": 0.5,
              "neuronWeight0": 0.5, "neuronWeight1": 1.5, "neuronWeight2": -2.0,
              "neuronBias": 0.25}  # fmt: skip
    for name, value in values.items():
        box = demo.findChild(QDoubleSpinBox, name)
        box.clear()
        qtbot.keyClicks(box, str(value))  # typed, as a person edits it
        assert box.value() == value
    z = 2.0 * 0.5 + (-1.0) * 1.5 + 0.5 * (-2.0) + 0.25  # -1.25
    text = demo.findChild(QLabel, "neuronSum").text()
    assert "w·x + b = 0.5·2 + 1.5·(-1) + (-2)·0.5 + 0.25 = -1.25" in text
    sigmoid = 1 / (1 + np.exp(1.25))
    assert f"sigmoid(-1.25) = <b>{sigmoid:.4g}</b>" in text
    assert demo.point.data["x"].tolist() == [z]
    assert demo.point.data["y"][0] == pytest.approx(sigmoid)
    curve_x, curve_y = demo.curve.getData()
    assert np.allclose(curve_y, 1 / (1 + np.exp(-curve_x)))
    combo = demo.findChild(QComboBox, "neuronActivationCombo")
    for name, expected in (("ReLU", 0.0), ("tanh", np.tanh(z))):
        combo.setCurrentText(name)
        assert demo.point.data["y"][0] == pytest.approx(expected)
        assert f"{name}(-1.25) = <b>{expected:.4g}</b>" in demo.findChild(QLabel,
                                                                           "neuronSum").text()
    assert np.allclose(demo.curve.getData()[1], np.tanh(demo.curve.getData()[0]))
    demo.findChild(QDoubleSpinBox, "neuronBias").setValue(5.0)
    demo.findChild(QDoubleSpinBox, "neuronWeight0").setValue(5.0)  # z = 12.5: the curve widens
    assert demo.point.data["x"].tolist() == [12.5]
    assert demo.curve.getData()[0].max() >= 13.5


def test_the_fully_connected_nets_count_layers_and_run_forward(qtbot, learn):
    demo = learn.findChild(QWidget, "fcNetDemo")
    learn.pages.setCurrentWidget(demo)
    summary = demo.findChild(QLabel, "fcNetSummary")
    assert demo.net.sizes == (3, 4, 2)
    assert "A 2-layer neural network" in summary.text()
    assert "the input layer is not counted" in summary.text()
    assert "6 neurons, 3x4 + 4x2 = 20 weights and 6 biases: 26 learnable" in summary.text()
    demo.findChild(QComboBox, "fcNetCombo").setCurrentText("3-4-4-1")
    net = demo.net
    assert net.sizes == (3, 4, 4, 1) and "A 3-layer neural network" in summary.text()
    assert "9 neurons, 3x4 + 4x4 + 4x1 = 32 weights and 9 biases: 41 learnable" in summary.text()
    # connections only from one layer to the next, every pair of them
    links = net.connections()
    assert len(links) == 32 and all(after == layer + 1 for (layer, _), (after, _), _ in links)
    box = demo.findChild(QDoubleSpinBox, "fcNetInput1")
    box.clear()
    qtbot.keyClicks(box, "2.5")
    x = np.array([1.0, 2.5, -1.0])
    h1 = 1 / (1 + np.exp(-(net.weights[0] @ x + net.biases[0])))
    h2 = 1 / (1 + np.exp(-(net.weights[1] @ h1 + net.biases[1])))
    out = net.weights[2] @ h2 + net.biases[2]
    values = demo.canvas.values
    assert np.allclose(values[1], h1) and np.allclose(values[2], h2) and np.allclose(values[3], out)
    assert f"output layer: W3·h + b3, no activation (scores) = [{out[0]:.3f}]" in \
        demo.findChild(QLabel, "fcNetForward").text()
    weights = [w.copy() for w in net.weights]
    qtbot.mouseClick(demo.findChild(QPushButton, "fcNetWeightsButton"), Qt.MouseButton.LeftButton)
    assert not np.array_equal(demo.net.weights[0], weights[0])
    assert "1,000,000,000,000" in demo.findChild(QLabel, "fcNetScale").text()
    qtbot.mouseClick(demo.findChild(QPushButton, "fcNetSharingButton"), Qt.MouseButton.LeftButton)
    assert learn.pages.currentWidget() is learn.sharing_panel


def test_the_fully_connected_net_is_drawn_as_units_and_connections(qtbot, learn):
    demo = learn.fc_net_demo
    learn.pages.setCurrentWidget(demo)
    qtbot.waitExposed(demo.canvas)
    canvas = demo.canvas
    image = canvas.grab().toImage()
    # every unit is a circle in the units' colour, at its own place, layers side by side
    centres = [canvas.unit_rect(layer, unit).center() for layer, size in
               enumerate(demo.net.sizes) for unit in range(size)]  # fmt: skip
    assert len({(round(p.x()), round(p.y())) for p in centres}) == 9
    for point in centres:
        ring = canvas.unit_rect(0, 0).width() / 2 - 4
        pixel = image.pixelColor(int(point.x()), int(point.y() - ring))
        assert pixel.name() == "#fffae1", point  # inside the circle, above its number
    # no line between two units of one layer: the midpoint of the input layer's first two
    # units is plain background
    a, b = canvas.unit_rect(0, 0), canvas.unit_rect(0, 1)
    gap = QPoint(int(a.center().x()), int((a.bottom() + b.top()) / 2))
    assert image.pixelColor(gap).name() == "#ffffff"


def test_pooling_the_tutorials_example_until_there_is_real_data(qtbot):
    pool = PoolDemo()
    qtbot.addWidget(pool)
    assert pool.layer_combo.currentText() == TUTORIAL_ITEM
    assert pool.pooled.maximum.tolist() == [[6, 8], [3, 4]]
    assert [len(texts) for texts in pool.texts] == [16, 4, 4]  # small maps show numbers
    assert "4x4 becomes 2x2, so 75% of the activations are dropped" in pool.explanation.text()
    assert "1 channel × 4 × 4 becomes 1 channel × 2 × 2" in pool.explanation.text()


def test_pooling_a_real_feature_map(qtbot, window, learn):
    pool = learn.pool_demo
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: pool.layer_combo.count() > 1, timeout=30_000)
    # the map the model's own first pool takes: layer1.2, the ReLU before layer1.3
    assert pool.layer_combo.currentText() == "layer1.2"
    pool.channel_spin.setValue(5)
    maps = inspect.result.activations["layer1.2"]
    assert np.array_equal(pool.items[0].image, maps[5])
    expected = F.max_pool2d(torch.from_numpy(maps[5])[None, None], 2)[0, 0].numpy()
    assert np.array_equal(pool.pooled.maximum, expected)
    assert pool.winners_item.image.shape == (28, 28, 4)
    assert pool.texts == [[], [], []]  # no numbers on a 28x28 map
    text = pool.explanation.text()
    assert "75% of the activations are dropped" in text and "dropped (" not in text
    assert "16 channels × 28 × 28 becomes 16 channels × 14 × 14" in text
    assert "no parameters" in learn.findChild(QLabel, "poolWhy").text()


def test_pooling_a_7x7_map_says_why_more_than_75_percent_goes(qtbot):
    from cnnviz.core.analysis.inspection import ModelInspector

    inspector = ModelInspector(build_model("simple-cnn", InputShape(1, 28, 28, 10)),
                               (1, 28, 28), [0.5], [0.5])  # fmt: skip
    image = np.random.default_rng(0).integers(0, 256, (1, 28, 28), dtype=np.uint8)
    activations = inspector.run(image).activations
    pool = PoolDemo()
    qtbot.addWidget(pool)
    pool.show_activations(inspector.layers, activations)
    name = next(n for n, a in pool.activations.items() if a.shape == (32, 7, 7))
    pool.layer_combo.setCurrentText(name)
    text = pool.explanation.text()
    assert ("7x7 becomes 3x3, so 82% of the activations are dropped (the last row and the last "
            "column fill no whole window and are dropped, as PyTorch does") in text
    assert "32 channels × 7 × 7 becomes 32 channels × 3 × 3" in text


def test_weight_sharing_in_numbers(learn):
    panel = learn.sharing_panel
    assert "1,000,000,000,000 weights" in panel.tutorial_label.text()
    why = panel.findChild(QLabel, "sharingWhy").text()
    assert "nearby pixels are strongly correlated" in why and "anywhere in the image" in why
    assert "100,000,000" in panel.tutorial_label.text()
    panel.field_spin.setValue(5)
    assert "25,000,000" in panel.tutorial_label.text()
    table = panel.table
    assert table.rowCount() == 2  # simple-cnn's two convolutions
    assert [table.item(0, c).text() for c in range(5)] == [
        "layer1.0", "16x28x28", f"{784 * 12544 + 12544:,}", f"{784 * 416:,}", "416"]


def test_the_pattern_builder_lists_layers_and_selects_the_spec(qtbot, window, learn):
    builder = learn.pattern_builder
    assert builder.spec_label.text() == "Model spec: pattern:n=2,m=2,k=1"
    advice = builder.findChild(QLabel, "patternAdvice").text()
    assert "N ≤ 3" in advice and "K < 3" in advice and "P = (F − 1)/2" in advice
    assert "All-Convolutional Net" in advice
    assert builder.table.rowCount() == 14  # 4 convs + 4 ReLUs + 2 pools, flatten, 3 FC parts
    assert builder.table.item(4, 2).text() == "16x14x14"
    spin(builder, "patternMSpin").setValue(5)  # 28 -> 14 -> 7 -> 3 -> 1 -> 0
    assert builder.problem_label.isVisibleTo(builder)
    assert "block 5's pool would leave 0x0" in builder.problem_label.text()
    assert not builder.use_button.isEnabled() and builder.table.rowCount() == 0
    builder.pool_combo.setCurrentText("none")  # stride-2 convs never go below one pixel
    assert builder.use_button.isEnabled()
    spin(builder, "patternKSpin").setValue(0)
    qtbot.mouseClick(builder.use_button, Qt.MouseButton.LeftButton)
    spec = "pattern:n=2,m=5,k=0,pool=none"
    assert window.panel.model_combo.value() == spec
    assert window.panel.config().model == spec
    window.panel.dataset_combo.select("cifar10")
    assert builder.table.item(0, 2).text() == "16x32x32" and "cifar10" in builder.total_label.text()
    model = build_model(spec, InputShape(3, 32, 32, 10))
    assert sum(p.numel() for p in model.parameters()) == int(
        builder.total_label.text().split()[0].replace(",", ""))
    window.panel.dataset_combo.select("cifar100")  # its class count comes with its files
    assert "its classes are read with it" in builder.total_label.text()


@pytest.mark.parametrize("size", [(1280, 720)])
def test_every_tab_fits_a_laptop_window(qtbot, window, size):
    window.inspect_tab.picker.source_label.setText("a_rather_long_model_file.Network on cifar100, "
                                            "checkpoint.pt (12.3%)")  # fmt: skip
    window.evaluate_tab.accuracy_label.setText("a_rather_long_model_file.Network on cifar100: "
                                               "test accuracy 12.30% (10,000 images)")
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        window.resize(*size)
        qtbot.wait(20)
        hint = window.minimumSizeHint()
        assert hint.width() <= size[0] and hint.height() <= size[1], window.tabs.tabText(index)
        assert (window.width(), window.height()) == size, window.tabs.tabText(index)
