"""The README's screenshots, taken from the app itself on the real data (../shared/data).

    ../shared/tools/shoot.sh /tmp/desktop.png 300 python resources/screenshots/take.py
    ../shared/tools/shoot.sh /tmp/desktop.png 300 python resources/screenshots/take.py zh_CN

shoot.sh gives it a real X screen (Xvfb); the script drives one window through the first
minutes of a user (the Overview as it opens at 1280x720, train, histograms, inspect's feature
maps, the projector, draw, evaluate, a second model, runs, the Learn tab, the Overview in
presentation mode at 1280x720) and saves each tab with QWidget.grab into this folder, or
with a language given (zh_CN), in the interface of that language into a
folder of its name (zh_CN/, for README.zh-CN.md). Settings, runs and caches go to a scratch
folder, never the user's.
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
from cnnviz.ui.shell.i18n import install_translators  # noqa: E402
from cnnviz.ui.shell.settings import AppSettings  # noqa: E402

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


LANGUAGE = sys.argv[1] if len(sys.argv) > 1 else None
OUT = HERE / LANGUAGE if LANGUAGE else HERE


def save(app: QApplication, window: QWidget, name: str) -> None:
    settle(app)
    OUT.mkdir(exist_ok=True)
    window.grab().save(str(OUT / f"{name}.png"))
    print(f"saved {OUT.name}/{name}.png", flush=True)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = AppSettings()
    if LANGUAGE:
        settings.set_language(LANGUAGE)
    install_translators(settings)
    window = MainWindow(settings)
    window.resize(1280, 720)  # the Overview as a first launch opens it, on a projector's size
    window.show()
    wait(app, lambda: window.overview_tab.reading is not None)
    save(app, window, "overview")

    window.resize(1440, 880)
    window.panel.epochs_spin.setValue(2)
    window.tabs.setCurrentWidget(window.plots)
    window.start_training(TrainMode.FRESH)
    run = window.controller
    wait(app, lambda: run.total_steps and run.last_step >= 0.7 * run.total_steps)
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

    window.tabs.setCurrentWidget(window.overview_tab)
    window.panel.model_combo.select("simple-cnn")
    window.files.open_checkpoint(window.runs.runs[-1].path / "checkpoint.pt")
    window.presentation.enter()
    window.showNormal()  # a 1280x720 projector, not this screen
    window.resize(1280, 720)
    save(app, window, "present")
    window.presentation.leave()
    window.close()


if __name__ == "__main__":
    main()
