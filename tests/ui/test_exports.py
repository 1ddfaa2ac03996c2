"""Taking things out of the app: a run's timelapse from Inspect (in the background, with
progress and Cancel) and the model as ONNX from File > Export model."""

import json
import threading

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QPushButton, QSpinBox

from cnnviz.core.training.timelapse import read_timelapse
from cnnviz.ui.widgets import timelapse_export
from tests.ui.test_main_window import current_path


def test_inspect_exports_the_runs_kernels_and_maps_over_training(qtbot, trained, tmp_path):
    inspect = trained.inspect_tab
    export = inspect.timelapse
    for name, kind in [("timelapseStart", QPushButton), ("timelapseFps", QSpinBox),
                       ("timelapsePerFrame", QCheckBox)]:
        assert trained.findChild(kind, name) is not None, name
    frames = read_timelapse(current_path(trained).parent)
    inspect.pages.setCurrentWidget(inspect.filters)
    export.fps.setValue(4)
    assert export.export(tmp_path / "filters.gif")
    qtbot.waitUntil(lambda: not export.task_bar.running, timeout=30_000)
    assert export.task_bar.status.text() == f"wrote {tmp_path / 'filters.gif'}"
    assert export.task_bar.progress.value() == 100
    with Image.open(tmp_path / "filters.gif") as gif:
        assert gif.n_frames == len(frames) and gif.info["duration"] == 250
    inspect.pages.setCurrentWidget(inspect.maps)
    inspect.select_layer("layer1.1")  # a BatchNorm: no maps recorded
    assert export.export(tmp_path / "maps.gif")
    qtbot.waitUntil(lambda: not export.task_bar.running, timeout=30_000)
    assert "no maps of 'layer1.1'; it has layer1.0, layer2.0" in export.task_bar.status.text()
    inspect.select_layer("layer2.0")
    assert export.export(tmp_path / "maps")  # no suffix: a GIF
    qtbot.waitUntil(lambda: not export.task_bar.running, timeout=30_000)
    assert (tmp_path / "maps.gif").stat().st_size > 0


def test_a_cancelled_export_writes_nothing(qtbot, trained, tmp_path, monkeypatch):
    rendering, go_on = threading.Event(), threading.Event()
    render = timelapse_export.render

    def held_render(*args):
        rendering.set()
        go_on.wait(10)
        return render(*args)

    monkeypatch.setattr(timelapse_export, "render", held_render)
    export = trained.inspect_tab.timelapse
    assert export.export(tmp_path / "filters.gif")
    assert rendering.wait(10) and export.task_bar.running
    qtbot.mouseClick(export.task_bar.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: not export.task_bar.running, timeout=30_000)
    assert export.task_bar.status.text() == "cancelled"
    assert list(tmp_path.iterdir()) == []  # nor a temporary file


def test_weights_from_no_run_have_no_timelapse_to_export(window, tmp_path):
    export = window.inspect_tab.timelapse  # the shipped weights
    assert not export.export(tmp_path / "x.gif")
    assert "no run with a recorded timelapse" in export.task_bar.status.text()


def test_file_export_model_writes_onnx_in_the_background(qtbot, window, tmp_path):
    onnx = pytest.importorskip("onnx")
    assert window.findChild(QAction, "exportModelAction") is not None
    assert window.files.export_model(tmp_path / "model.onnx")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("wrote"),
                    timeout=30_000)  # fmt: skip
    props = {p.key: p.value for p in onnx.load(str(tmp_path / "model.onnx")).metadata_props}
    assert json.loads(props["class_names"]) == [str(i) for i in range(10)]
    assert props["model"] == "simple-cnn"
