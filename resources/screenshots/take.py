"""The README's screenshots, taken from the app itself on the real data (../shared/data).

    ../shared/tools/shoot.sh /tmp/desktop.png 240 python resources/screenshots/take.py

shoot.sh gives it a real X screen (Xvfb); the script drives one window through the first
minutes of a user (train, histograms, inspect with a channel's top images and its
visualisation, the projector, draw, evaluate, a second model, runs, the Learn tab,
presentation mode) and saves each tab with QWidget.grab into this folder. Settings, runs and
caches go to a scratch folder, never the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "benchmarks"))

from bench_data import DEFAULT_DIR, prepare  # noqa: E402

SCRATCH = Path(tempfile.mkdtemp(prefix="cnnviz-screenshots-"))
os.environ.update(CNNVIZ_DATA=str(prepare(DEFAULT_DIR)), CNNVIZ_SETTINGS=str(SCRATCH / "s.ini"),
                  XDG_DATA_HOME=str(SCRATCH / "data"), XDG_CONFIG_HOME=str(SCRATCH / "config"),
                  XDG_CACHE_HOME=str(SCRATCH / "cache"))  # fmt: skip

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from cnnviz.session.session import TrainMode  # noqa: E402
from cnnviz.ui import MainWindow  # noqa: E402

SEVEN = [(70, 60), (140, 60), (210, 60), (180, 125), (155, 180), (130, 235)]


def wait(app: QApplication, condition, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.02)


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(app: QApplication, window: QWidget, name: str) -> None:
    settle(app)
    window.grab().save(str(HERE / f"{name}.png"))
    print(f"saved {name}.png", flush=True)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow()
    window.resize(1440, 880)
    window.show()
    window.panel.epochs_spin.setValue(2)
    window.tabs.setCurrentWidget(window.plots)
    window.start_training(TrainMode.FRESH)
    wait(app, lambda: window.total_steps and window.last_step >= 0.7 * window.total_steps)
    save(app, window, "training")
    wait(app, lambda: window.phase.at_rest)

    window.tabs.setCurrentWidget(window.histograms_tab)
    save(app, window, "histograms")

    inspect = window.inspect_tab
    window.tabs.setCurrentWidget(inspect)
    wait(app, lambda: inspect.test is not None)
    inspect.index_spin.setValue(0)
    inspect.select_layer("layer2.0")
    inspect.maps.step_channel(3)
    inspect.top_inputs.task_bar.start_button.click()
    wait(app, lambda: "layer2.0" in inspect.top_inputs.results)
    inspect.feature_vis.task_bar.start_button.click()
    wait(app, lambda: bool(inspect.feature_vis.results))
    save(app, window, "inspect")

    projector = window.projector_tab
    window.tabs.setCurrentWidget(projector)
    projector.method_combo.setCurrentIndex(projector.method_combo.findData("tsne"))
    projector.task_bar.start_button.click()
    wait(app, lambda: projector.projection is not None)
    save(app, window, "projector")

    window.tabs.setCurrentWidget(window.draw_tab)
    window.draw_tab.canvas.strokes = [(22.0, [QPointF(x, y) for x, y in SEVEN])]
    window.draw_tab.update_prediction()
    save(app, window, "draw")

    window.tabs.setCurrentWidget(window.evaluate_tab)
    window.evaluate_tab.evaluate_button.click()
    wait(app, lambda: window.evaluate_tab.result is not None)
    save(app, window, "evaluate")

    window.panel.model_combo.select("lenet5")
    settle(app)
    window.start_training(TrainMode.FRESH)
    wait(app, lambda: window.phase.at_rest)
    window.tabs.setCurrentWidget(window.runs_tab)
    window.runs_tab.refresh()
    for path in [run.path for run in window.runs.runs]:
        window.runs.set_overlaid(path, True)
    save(app, window, "runs")

    window.tabs.setCurrentWidget(window.learn_tab)
    save(app, window, "learn")

    window.tabs.setCurrentWidget(window.inspect_tab)
    window.panel.model_combo.select("simple-cnn")
    window.open_checkpoint(window.runs.runs[-1].path / "checkpoint.pt")
    window.presentation.enter()
    window.showNormal()  # a 1280x720 projector, not this screen
    window.resize(1280, 720)
    window.inspect_tab.select_layer("layer2.0")
    save(app, window, "present")
    window.presentation.leave()
    window.close()


if __name__ == "__main__":
    main()
