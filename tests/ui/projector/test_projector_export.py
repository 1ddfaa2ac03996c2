"""The Projector's "Export timelapse...": the run's test-set projection at each evaluation,
written in the background as Inspect's export writes its kernels and maps."""

from PIL import Image
from PySide6.QtWidgets import QPushButton

from cnnviz.core.training.timelapse_embedding import read_embedding_timelapse
from tests.ui.test_main_window import current_path


def test_the_projector_exports_the_runs_projection_over_training(qtbot, trained, tmp_path):
    projector = trained.projector_tab
    export = projector.timelapse
    assert projector.findChild(QPushButton, "timelapseStart") is export.task_bar.start_button
    frames = read_embedding_timelapse(current_path(trained).parent)
    export.fps.setValue(5)
    assert export.export(tmp_path / "projection")  # no suffix: a GIF
    qtbot.waitUntil(lambda: not export.task_bar.running, timeout=30_000)
    assert export.task_bar.status.text() == f"wrote {tmp_path / 'projection.gif'}"
    assert export.task_bar.progress.value() == 100
    with Image.open(tmp_path / "projection.gif") as gif:
        assert gif.n_frames == len(frames) and gif.info["duration"] == 200
        assert gif.size[0] > 256  # the scatter and its legend of classes


def test_weights_from_no_run_have_no_projection_to_export(window, tmp_path):
    export = window.projector_tab.timelapse  # the shipped weights
    assert not export.export(tmp_path / "x.gif")
    assert "no run with a recorded timelapse" in export.task_bar.status.text()
    assert list(tmp_path.iterdir()) == []
